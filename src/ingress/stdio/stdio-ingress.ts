/**
 * stdio ingress: Portcullis as one MCP server on stdin/stdout, so a desktop client can launch it
 * directly. One client, one session; both eras (a 2026 client sends `_meta` on every request, a 2025
 * client opens with `initialize`). Lines are bounded; a bad line gets a JSON-RPC error, never a crash.
 */
import type { Readable, Writable } from 'node:stream';
import { PortcullisError, toWireError } from '../../errors.js';
import type { GatewayCore, ListenFilter } from '../../gateway/types.js';
import { ANONYMOUS, type ClientChannel, type ClientContext } from '../../pipeline/exchange.js';
import { errorResponse, isNotification, isObject, isRequest, parseMessage, toResponse, type JsonObject, type JsonRpcMessage, type JsonRpcRequest, type RequestId } from '../../protocol/jsonrpc.js';
import { LATEST_LEGACY_VERSION, META, MODERN_VERSIONS, eraOf } from '../../protocol/versions.js';
import type { Logger } from '../../telemetry/logger.js';
import { readLines } from './lines.js';
import { ClientRequests } from '../client-requests.js';

/** Options of the stdio ingress. */
export interface StdioIngressOptions {
  core: GatewayCore;
  profile: string;
  input: Readable;
  output: Writable;
  log: Logger;
  maxLineBytes: number;
  /** Bound on server-to-client requests awaiting an answer. */
  maxPending?: number;
}

/** A running stdio ingress. */
export interface StdioIngress {
  /** Resolves when stdin ends. */
  readonly closed: Promise<void>;
  close(): void;
}

/** Starts serving MCP on the given streams. */
export function startStdioIngress(opts: StdioIngressOptions): StdioIngress {
  const sessionId = 'stdio';
  const pending = new ClientRequests(opts.maxPending ?? 256);
  const listens = new Map<string, AbortController>();
  const inflight = new Map<string, AbortController>();
  let legacy: { version: string; capabilities: JsonObject; clientInfo?: JsonObject } | undefined;
  let detach: (() => void) | undefined;

  const write = (m: JsonRpcMessage): void => {
    opts.output.write(`${JSON.stringify(m)}\n`);
  };
  const requestClient = (method: string, params: JsonObject | undefined, signal: AbortSignal): Promise<JsonObject> => pending.request(method, params, signal, write);

  const contextFor = (msg: { params?: JsonObject }): { ctx: ClientContext } | { error: JsonObject } => {
    const meta = isObject(msg.params?._meta) ? msg.params._meta : undefined;
    const version = meta?.[META.protocolVersion];
    if (typeof version === 'string') {
      if (eraOf(version) !== 'modern') return { error: { code: -32022, message: `Unsupported protocol version: ${version}`, data: { supported: MODERN_VERSIONS, requested: version } } };
      if (!isObject(meta?.[META.clientCapabilities])) return { error: { code: -32602, message: `Invalid params: _meta must carry ${META.clientCapabilities}` } };
      return { ctx: {
        sessionId,
        era: 'modern',
        protocolVersion: version,
        profile: opts.profile,
        clientInfo: isObject(meta?.[META.clientInfo]) ? (meta[META.clientInfo] as JsonObject) : undefined,
        clientCapabilities: isObject(meta?.[META.clientCapabilities]) ? (meta[META.clientCapabilities] as JsonObject) : {},
        principal: ANONYMOUS,
      } };
    }
    return { ctx: {
      sessionId,
      era: 'legacy',
      protocolVersion: legacy?.version ?? LATEST_LEGACY_VERSION,
      profile: opts.profile,
      clientInfo: legacy?.clientInfo,
      clientCapabilities: legacy?.capabilities ?? {},
      principal: ANONYMOUS,
    } };
  };

  const onRequest = async (req: JsonRpcRequest): Promise<void> => {
    const c = contextFor(req);
    if ('error' in c) return write(errorResponse(req.id, c.error.code as number, c.error.message as string, c.error.data));
    const ctx = c.ctx;
    const key = `${typeof req.id}:${String(req.id)}`;
    if (req.method === 'subscriptions/listen' && ctx.era === 'modern') {
      const controller = new AbortController();
      listens.set(key, controller);
      const filter = (isObject(req.params?.notifications) ? req.params.notifications : {}) as ListenFilter;
      await opts.core.listen(ctx, filter, req.id, (n) => write(n), controller.signal);
      listens.delete(key);
      return;
    }
    const controller = new AbortController();
    inflight.set(key, controller);
    const channel: ClientChannel = {
      canRequest: ctx.era === 'legacy',
      notify: (n) => write(n),
      request: (method, params, signal) =>
        ctx.era === 'legacy' ? requestClient(method, params, signal) : Promise.reject(new PortcullisError('PORTCULLIS_ERR_CLIENT_CAPABILITY', '2026 clients take input through input_required results')),
    };
    try {
      const outcome = await opts.core.handleRequest(ctx, req, channel, controller.signal);
      if (req.method === 'initialize' && 'result' in outcome) {
        const p = req.params ?? {};
        legacy = { version: String(outcome.result.protocolVersion), capabilities: isObject(p.capabilities) ? p.capabilities : {}, clientInfo: isObject(p.clientInfo) ? p.clientInfo : undefined };
        detach?.();
        detach = opts.core.attachSession({ sessionId, profile: opts.profile, era: 'legacy', clientCapabilities: legacy.capabilities, notify: (n) => write(n), request: requestClient });
      }
      write(toResponse(req.id, outcome));
    } finally {
      inflight.delete(key);
    }
  };

  const onLine = (line: string): void => {
    if (line.trim() === '') return;
    const parsed = parseMessage(line);
    if (!parsed.ok) {
      write(errorResponse(parsed.id, parsed.error.code, parsed.error.message));
      return;
    }
    const msg = parsed.message;
    if (isRequest(msg)) {
      onRequest(msg).catch((err: unknown) => write(errorResponse(msg.id, toWireError(err).code, toWireError(err).message)));
    } else if (isNotification(msg)) {
      if (msg.method === 'notifications/cancelled') {
        const rid = msg.params?.requestId as RequestId | undefined;
        const k = `${typeof rid}:${String(rid)}`;
        listens.get(k)?.abort();
        inflight.get(k)?.abort();
      }
      const c = contextFor(msg);
      if ('ctx' in c) opts.core.handleNotification(c.ctx, msg);
    } else {
      pending.resolve(msg);
    }
  };

  let ended: () => void = () => {};
  const closedOnce = new Promise<void>((resolve) => (ended = resolve));
  readLines(opts.input, opts.maxLineBytes, {
    line: onLine,
    oversized: () => write(errorResponse(null, -32600, `Invalid Request: message exceeds ${opts.maxLineBytes} bytes`)),
    end: () => ended(),
  });
  const closed = closedOnce.then(() => {
    for (const c of [...listens.values(), ...inflight.values()]) c.abort();
    pending.rejectAll(new PortcullisError('PORTCULLIS_ERR_UPSTREAM_CLOSED', 'Client went away'));
    detach?.();
    opts.core.closeSession(sessionId);
  });
  return { closed, close: () => ended() };
}
