/**
 * The HTTP ingress: MCP over Streamable HTTP for both protocol eras at `/mcp` and `/mcp/<profile>`,
 * plus the deprecated HTTP+SSE transport at `/sse` + `/messages` for old clients. Built on node:http
 * directly. Transport concerns only (DNS-rebinding guards, body limits, content negotiation, SSE,
 * sessions); every JSON-RPC message goes to the gateway core.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { LimitsConfig, ListenConfig } from '../../config/types.js';
import type { GatewayCore } from '../../gateway/types.js';
import { ErrorCode } from '../../protocol/jsonrpc.js';
import type { Logger } from '../../telemetry/logger.js';
import { readMessage, type IngressContext, type IngressSettings } from './context.js';
import { applyCors, sendPreflight } from './cors.js';
import { checkHost, checkOrigin, checkPostAccept, headerValue, isJsonContentType } from './guard.js';
import { batchAllowed, handleLegacyBatch } from './legacy-batch.js';
import { handleLegacyDelete, handleLegacyGet, handleLegacyPost } from './legacy.js';
import { handleSseMessage, handleSseOpen, MESSAGES_PATH } from './legacy-sse.js';
import { handleModernPost, modernVersionOf } from './modern.js';
import { META, eraOf } from '../../protocol/versions.js';
import { sendError, sendMethodNotAllowed } from './respond.js';
import { SessionStore } from './session-store.js';
import { KeepAlive } from './sse.js';

/** A handler for an extra route (health, readiness, metrics). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** What the HTTP ingress needs. */
export interface HttpIngressDeps {
  core: GatewayCore;
  listen: ListenConfig;
  limits: LimitsConfig;
  log: Logger;
  /** The current listen/limits settings, read per request (hot reload); defaults to `listen`/`limits`. */
  getConfig?: () => IngressSettings;
  /**
   * Exact paths served before anything else (e.g. `/healthz`, `/readyz`). They bypass the Origin/Host
   * guards, so load-balancer probes with any Host header work; keep them free of sensitive data.
   */
  extraRoutes?: Readonly<Record<string, RouteHandler>>;
  /** Period of SSE keep-alive comments, in ms (default 20 000). */
  keepAliveMs?: number;
  /** Period of the idle-session sweep, in ms (default: derived from `sessionIdleMs`). */
  sweepMs?: number;
}

/** A running HTTP ingress (not yet listening: call `server.listen`). */
export interface HttpIngress {
  readonly server: Server;
  /** The request handler, for mounting on another server. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The 2025-era (and HTTP+SSE) sessions. */
  readonly sessions: { readonly count: number; closeAll(): void };
  /** Stops accepting, ends open streams, closes every session with the core. */
  close(): Promise<void>;
}

const MCP_ALLOW = 'GET, POST, DELETE';

/** Creates the HTTP ingress. */
export function createHttpIngress(deps: HttpIngressDeps): HttpIngress {
  const settings = deps.getConfig ?? ((): IngressSettings => ({ listen: deps.listen, limits: deps.limits }));
  const ctx: IngressContext = {
    core: deps.core,
    log: deps.log,
    settings,
    keepAlive: new KeepAlive(deps.keepAliveMs ?? 20_000),
    sessions: new SessionStore({
      limits: () => settings().limits,
      sweepMs: deps.sweepMs,
      onEnd: (s) => {
        try {
          deps.core.closeSession(s.id);
        } catch (err) {
          deps.log.error({ err, session: s.id }, 'core.closeSession threw');
        }
      },
    }),
    inflight: new Map(),
    closing: false,
  };
  const extra = deps.extraRoutes ?? {};

  // Requests in progress per socket, so shutdown can drop idle connections (including ones that never
  // carried a request, which server.closeIdleConnections leaves open).
  const busy = new WeakMap<Socket, number>();
  const sockets = new Set<Socket>();
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    req.on('error', () => {});
    res.on('error', () => {});
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.once('close', () => busy.set(socket, (busy.get(socket) ?? 1) - 1));
    route(ctx, extra, req, res).catch((err: unknown) => {
      deps.log.error({ err, url: req.url }, 'http ingress failure');
      if (!res.headersSent) sendError(res, 500, ErrorCode.InternalError, 'Internal error');
      else res.destroy();
    });
  };
  const server = createServer(handler);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const dropIdle = (): void => {
    for (const socket of sockets) if ((busy.get(socket) ?? 0) === 0) socket.destroy();
  };

  const close = async (): Promise<void> => {
    ctx.closing = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    const grace = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    // 2026 work first: aborted listens answer with their completion result before the streams end.
    const work = [...ctx.inflight];
    for (const [c] of work) c.abort();
    await Promise.race([Promise.allSettled(work.map(([, w]) => w)), grace(1_000)]);
    ctx.sessions.closeAll();
    ctx.keepAlive.endAll();
    // Ended streams become idle once their last bytes are flushed: keep closing idle connections.
    dropIdle();
    const sweep = setInterval(dropIdle, 25);
    await Promise.race([stopped, grace(2_000)]);
    clearInterval(sweep);
    server.closeAllConnections();
  };

  return { server, handler, sessions: ctx.sessions, close };
}

async function route(ctx: IngressContext, extra: Readonly<Record<string, RouteHandler>>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const extraRoute = Object.hasOwn(extra, path) ? extra[path] : undefined;
  if (extraRoute) return extraRoute(req, res);
  if (ctx.closing) return sendError(res, 503, ErrorCode.ConnectionClosed, 'Server shutting down', { headers: { connection: 'close' } });
  const { listen } = ctx.settings();
  const denied = checkHost(req, listen) ?? checkOrigin(req, listen);
  if (denied) return sendError(res, denied.status, ErrorCode.ConnectionClosed, denied.message);
  applyCors(req, res);

  const [, head, rest, extraSegment] = path.split('/');
  if (extraSegment !== undefined) return notFound(res);
  if (head === 'messages' && rest === undefined && path === MESSAGES_PATH) {
    if (req.method === 'OPTIONS') return sendPreflight(req, res, 'POST');
    if (req.method !== 'POST') return sendMethodNotAllowed(res, 'POST');
    return handleSseMessage(ctx, req, res, new URLSearchParams(q === -1 ? '' : url.slice(q + 1)));
  }
  if (head !== 'mcp' && head !== 'sse') return notFound(res);
  const profile = profileOf(rest);
  if (profile === undefined || !ctx.core.hasProfile(profile)) return sendError(res, 404, ErrorCode.InvalidRequest, 'Not found: unknown profile');
  if (req.method === 'OPTIONS') return sendPreflight(req, res, head === 'sse' ? 'GET' : MCP_ALLOW);
  if (head === 'sse') {
    if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET');
    return handleSseOpen(ctx, req, res, profile);
  }
  switch (req.method) {
    case 'POST':
      return handlePost(ctx, req, res, profile);
    case 'GET':
      return handleLegacyGet(ctx, req, res, profile);
    case 'DELETE':
      return handleLegacyDelete(ctx, req, res, profile);
    default:
      return sendMethodNotAllowed(res, MCP_ALLOW);
  }
}

function profileOf(segment: string | undefined): string | undefined {
  if (segment === undefined) return 'default';
  try {
    const p = decodeURIComponent(segment);
    return p === '' ? undefined : p;
  } catch {
    return undefined;
  }
}

function notFound(res: ServerResponse): void {
  sendError(res, 404, ErrorCode.InvalidRequest, 'Not found');
}

async function handlePost(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, profile: string): Promise<void> {
  if (!isJsonContentType(req)) return sendError(res, 415, ErrorCode.InvalidRequest, 'Unsupported Media Type: Content-Type must be application/json');
  const accept = checkPostAccept(req);
  if (accept) return sendError(res, accept.status, ErrorCode.InvalidRequest, accept.message);
  const allowBatch = batchAllowed(req) && headerValue(req, 'mcp-session-id') !== undefined;
  const msg = await readMessage(req, res, ctx.settings().limits.maxBodyBytes, allowBatch);
  if (msg === undefined) return;
  if (Array.isArray(msg)) return handleLegacyBatch(ctx, req, res, msg, profile);
  const version = 'method' in msg ? modernVersionOf(msg) : undefined;
  if (version !== undefined && 'method' in msg) return handleModernPost(ctx, req, res, msg, version, profile);
  // A 2026 header with a body that lacks the 2026 envelope: the envelope is what is wrong.
  const headerVersion = headerValue(req, 'mcp-protocol-version')?.trim();
  if (headerVersion !== undefined && eraOf(headerVersion) === 'modern' && 'method' in msg && 'id' in msg) {
    return sendError(res, 400, ErrorCode.InvalidParams, `Invalid params: _meta must carry ${META.protocolVersion}`, { id: msg.id });
  }
  return handleLegacyPost(ctx, req, res, msg, profile);
}
