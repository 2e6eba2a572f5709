/**
 * The 2026-07-28 (stateless) side of the MCP endpoint: header/body cross-checks (`MCP-Protocol-Version`,
 * `Mcp-Method`, `Mcp-Name`), one fresh client context per request, cancellation by disconnect, and
 * `subscriptions/listen` streams. Server-to-client requests are not possible on this era: the core
 * turns them into `input_required` results.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PortcullisError, toWireError } from '../../errors.js';
import type { ListenFilter } from '../../gateway/types.js';
import { ANONYMOUS, type ClientChannel, type ClientContext } from '../../pipeline/exchange.js';
import { ErrorCode, isObject, toResponse, type JsonObject, type JsonRpcNotification, type JsonRpcRequest, type Outcome } from '../../protocol/jsonrpc.js';
import { META, MODERN_VERSIONS, eraOf } from '../../protocol/versions.js';
import type { IngressContext } from './context.js';
import { headerValue, prefersSse } from './guard.js';
import { decodeHeaderValue } from '../../protocol/param-headers.js';
import { LazyReply } from './reply.js';
import { modernStatusFor, sendAccepted, sendError } from './respond.js';
import { SseStream } from './sse.js';

/** Methods whose `Mcp-Name` header mirrors a body field, and which field. */
const NAME_SOURCE: Readonly<Record<string, 'name' | 'uri'>> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

/** Bound on resource URIs accepted in one listen filter. */
const MAX_LISTEN_URIS = 1024;

/** The 2026 protocol version a message declares in `params._meta`, if any (era detection). */
export function modernVersionOf(msg: { params?: JsonObject }): string | undefined {
  const meta = msg.params?._meta;
  if (!isObject(meta)) return undefined;
  const v = meta[META.protocolVersion];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Checks the mirrored headers of a 2026 request against its body. Returns the JSON-RPC error
 * (code and message) to answer with 400, or undefined when they agree.
 */
export function checkModernHeaders(req: IncomingMessage, msg: JsonRpcRequest, version: string): { code: number; message: string; data?: unknown } | undefined {
  const header = headerValue(req, 'mcp-protocol-version');
  if (header === undefined) return mismatch('MCP-Protocol-Version header is required');
  if (header.trim() !== version) return mismatch(`MCP-Protocol-Version header '${header}' does not match body version '${version}'`);
  if (eraOf(version) !== 'modern') {
    return { code: ErrorCode.UnsupportedProtocolVersion, message: `Unsupported protocol version: ${version}`, data: { supported: [...MODERN_VERSIONS], requested: version } };
  }
  const meta = msg.params?._meta;
  if (!isObject(meta) || !isObject(meta[META.clientCapabilities])) {
    return { code: ErrorCode.InvalidParams, message: `Invalid params: _meta must carry ${META.clientCapabilities}` };
  }
  const method = headerValue(req, 'mcp-method');
  if (method === undefined) return mismatch('Mcp-Method header is required');
  if (method.trim() !== msg.method) return mismatch(`Mcp-Method header '${method}' does not match body method '${msg.method}'`);
  const source = NAME_SOURCE[msg.method];
  if (source !== undefined) {
    const bodyValue = msg.params?.[source];
    const raw = headerValue(req, 'mcp-name');
    if (typeof bodyValue !== 'string') {
      if (raw !== undefined) return mismatch(`Mcp-Name header given but params.${source} is not a string`);
      return undefined;
    }
    if (raw === undefined) return mismatch('Mcp-Name header is required');
    const decoded = decodeHeaderValue(raw);
    if (decoded === undefined) return mismatch('Mcp-Name header is not a valid value');
    if (decoded !== bodyValue) return mismatch(`Mcp-Name header does not match params.${source}`);
  }
  return undefined;
}

function mismatch(detail: string): { code: number; message: string } {
  return { code: ErrorCode.HeaderMismatch, message: `Header mismatch: ${detail}` };
}

/** The client context of one 2026 request, built from its `_meta` envelope. */
export function modernContext(msg: { params?: JsonObject }, version: string, profile: string, req?: IncomingMessage): ClientContext {
  const meta = (msg.params?._meta ?? {}) as JsonObject;
  let paramHeaders: Record<string, string> | undefined;
  if (req !== undefined) {
    paramHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name.startsWith('mcp-param-') && value !== undefined) paramHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  const info = meta[META.clientInfo];
  const caps = meta[META.clientCapabilities];
  return {
    sessionId: `req-${randomUUID()}`,
    era: 'modern',
    protocolVersion: version,
    profile,
    clientInfo: isObject(info) ? info : undefined,
    clientCapabilities: isObject(caps) ? caps : {},
    paramHeaders,
    principal: ANONYMOUS,
  };
}

/** Reads the opt-ins of a `subscriptions/listen` request (unknown fields ignored, lists bounded). */
export function listenFilterOf(params: JsonObject | undefined): ListenFilter {
  const n = isObject(params?.notifications) ? params.notifications : {};
  const filter: ListenFilter = {};
  if (n.toolsListChanged === true) filter.toolsListChanged = true;
  if (n.promptsListChanged === true) filter.promptsListChanged = true;
  if (n.resourcesListChanged === true) filter.resourcesListChanged = true;
  if (Array.isArray(n.resourceSubscriptions)) {
    filter.resourceSubscriptions = n.resourceSubscriptions.filter((u): u is string => typeof u === 'string').slice(0, MAX_LISTEN_URIS);
  }
  return filter;
}

/** Serves one POST whose body carries the 2026 `_meta` envelope. */
export async function handleModernPost(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, msg: JsonRpcRequest | JsonRpcNotification, version: string, profile: string): Promise<void> {
  if (!('id' in msg)) {
    const header = headerValue(req, 'mcp-protocol-version');
    if (header !== undefined && header.trim() !== version) return sendError(res, 400, ErrorCode.HeaderMismatch, 'Header mismatch: MCP-Protocol-Version header does not match body version');
    if (eraOf(version) !== 'modern') return sendError(res, 400, ErrorCode.UnsupportedProtocolVersion, `Unsupported protocol version: ${version}`, { data: { supported: [...MODERN_VERSIONS], requested: version } });
    ctx.core.handleNotification(modernContext(msg, version, profile), msg);
    return sendAccepted(res);
  }
  const bad = checkModernHeaders(req, msg, version);
  if (bad) return sendError(res, 400, bad.code, bad.message, { id: msg.id, data: bad.data });
  const client = modernContext(msg, version, profile, req);
  const controller = new AbortController();
  const onClose = (): void => {
    if (!res.writableFinished) controller.abort();
  };
  res.on('close', onClose);
  const work = msg.method === 'subscriptions/listen' ? serveListen(ctx, res, client, msg, controller.signal) : serveRequest(ctx, res, client, msg, controller.signal, prefersSse(req));
  ctx.inflight.set(controller, work);
  try {
    await work;
  } finally {
    ctx.inflight.delete(controller);
    res.off('close', onClose);
  }
}

async function serveRequest(ctx: IngressContext, res: ServerResponse, client: ClientContext, msg: JsonRpcRequest, signal: AbortSignal, preferSse: boolean): Promise<void> {
  const reply = new LazyReply(res, ctx.keepAlive, {}, preferSse);
  const channel: ClientChannel = {
    canRequest: false,
    notify: (n) => {
      if (!signal.aborted) reply.send(n);
    },
    request: () => Promise.reject(new PortcullisError('PORTCULLIS_ERR_CLIENT_CAPABILITY', '2026 clients take input through input_required results')),
  };
  let outcome: Outcome;
  try {
    outcome = await ctx.core.handleRequest(client, msg, channel, signal);
  } catch (err) {
    ctx.log.error({ err, method: msg.method }, 'core.handleRequest threw');
    outcome = { error: toWireError(err) };
  }
  if (reply.isClosed || (signal.aborted && !ctx.closing)) return;
  reply.finish(toResponse(msg.id, outcome), 'error' in outcome ? modernStatusFor(outcome.error.code) : 200);
}

async function serveListen(ctx: IngressContext, res: ServerResponse, client: ClientContext, msg: JsonRpcRequest, signal: AbortSignal): Promise<void> {
  const sse = new SseStream(res, ctx.keepAlive);
  try {
    await ctx.core.listen(client, listenFilterOf(msg.params), msg.id, (n) => {
      if (!signal.aborted) sse.send(JSON.stringify(n));
    }, signal);
  } catch (err) {
    ctx.log.error({ err }, 'core.listen threw');
  }
  if (sse.isClosed) return;
  // The server ends the subscription (shutdown, upstream gone): a graceful completion result.
  sse.send(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: { resultType: 'complete', _meta: { [META.subscriptionId]: msg.id } } }));
  sse.end();
}
