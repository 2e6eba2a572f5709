/**
 * The 2025-era (sessionful) side of the MCP endpoint: `initialize` mints a session, later POSTs carry
 * `Mcp-Session-Id`, GET opens the standalone stream (or resumes one with `Last-Event-ID`), DELETE ends
 * the session. Requests are answered with JSON, or SSE once something must go out before the result.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toWireError } from '../../errors.js';
import type { SessionSink } from '../../gateway/types.js';
import { ANONYMOUS, type ClientChannel, type ClientContext } from '../../pipeline/exchange.js';
import { ErrorCode, isNotification, isObject, isRequest, toResponse, type JsonObject, type JsonRpcMessage, type JsonRpcRequest, type Outcome, type RequestId } from '../../protocol/jsonrpc.js';
import { LEGACY_VERSIONS, SUPPORTED_VERSIONS, eraOf, negotiateLegacy } from '../../protocol/versions.js';
import type { IngressContext } from './context.js';
import { checkGetAccept, headerValue, prefersSse } from './guard.js';
import { LegacySession, type StreamState } from './legacy-session.js';
import { sendAccepted, sendError } from './respond.js';

/** The response header carrying the session id. */
export const SESSION_HEADER = 'mcp-session-id';

/** The sink through which the core reaches a session outside any request. */
export function sessionSink(session: LegacySession): SessionSink {
  return {
    sessionId: session.id,
    profile: session.profile,
    era: 'legacy',
    get clientCapabilities() {
      return session.client.clientCapabilities ?? {};
    },
    notify: (n) => session.emit(session.standalone, n),
    request: (method, params, signal) => session.request(session.standalone, method, params, signal),
  };
}

/** A fresh legacy client context for a session about to be initialized. */
export function legacyContext(sessionId: string, profile: string, init?: JsonObject): ClientContext {
  return {
    sessionId,
    era: 'legacy',
    protocolVersion: negotiateLegacy(init?.protocolVersion),
    profile,
    clientInfo: isObject(init?.clientInfo) ? init.clientInfo : undefined,
    clientCapabilities: isObject(init?.capabilities) ? init.capabilities : {},
    principal: ANONYMOUS,
  };
}

/** Records a successful `initialize` on the session and registers it with the core. */
export function completeInitialize(ctx: IngressContext, session: LegacySession, req: JsonRpcRequest, outcome: Outcome): void {
  if (!('result' in outcome)) return;
  const base = legacyContext(session.id, session.profile, req.params);
  const v = outcome.result.protocolVersion;
  session.client = { ...base, protocolVersion: typeof v === 'string' ? v : base.protocolVersion, principal: session.client.principal };
  session.detach?.();
  session.detach = ctx.core.attachSession(sessionSink(session));
}

/**
 * Serves one message of an existing session: requests through the core (answered on `stream`),
 * notifications to the core (with `notifications/cancelled` aborting the request), responses to the
 * server-to-client request waiting for them.
 */
export async function serveInSession(ctx: IngressContext, session: LegacySession, msg: JsonRpcMessage, stream: StreamState, headers?: Record<string, string>): Promise<void> {
  session.lastSeen = Date.now();
  if (isNotification(msg)) {
    if (msg.method === 'notifications/cancelled') session.inflight?.get(keyOf(msg.params?.requestId))?.abort();
    ctx.core.handleNotification(session.client, msg);
    return;
  }
  if (!isRequest(msg)) {
    if (!session.resolve(msg)) ctx.log.debug({ session: session.id, id: msg.id }, 'response to no pending request');
    return;
  }
  const outcome = await runInSession(ctx, session, msg, stream, headers);
  if (msg.method === 'initialize') {
    completeInitialize(ctx, session, msg, outcome);
    // A failed initialize answered as plain JSON does not advertise the session id.
    if ('error' in outcome && headers !== undefined) delete headers[SESSION_HEADER];
  }
  session.finish(stream, toResponse(msg.id, outcome), headers);
}

/**
 * Runs one request of a session through the core; related messages (progress, server-to-client
 * requests) go out on `stream`. Honours `notifications/cancelled` for its id.
 */
export async function runInSession(ctx: IngressContext, session: LegacySession, msg: JsonRpcRequest, stream: StreamState, headers?: Record<string, string>): Promise<Outcome> {
  const controller = new AbortController();
  const key = keyOf(msg.id);
  const inflight = (session.inflight ??= new Map());
  inflight.set(key, controller);
  session.active += 1;
  const channel: ClientChannel = {
    canRequest: true,
    notify: (n) => session.emit(stream, n, headers),
    request: (method, params, signal) => session.request(stream, method, params, signal),
  };
  try {
    return await ctx.core.handleRequest(session.client, msg, channel, controller.signal);
  } catch (err) {
    ctx.log.error({ err, method: msg.method }, 'core.handleRequest threw');
    return { error: toWireError(err) };
  } finally {
    session.active -= 1;
    inflight.delete(key);
    session.lastSeen = Date.now();
  }
}

function keyOf(id: unknown): string {
  return `${typeof id}:${String(id as RequestId)}`;
}

/** Validates a 2025 request's `MCP-Protocol-Version` header (absent = 2025-03-26). */
function versionRejection(req: IncomingMessage): { code: number; message: string; data?: unknown } | undefined {
  const v = headerValue(req, 'mcp-protocol-version')?.trim();
  if (v === undefined || LEGACY_VERSIONS.includes(v)) return undefined;
  if (eraOf(v) === 'modern') return { code: ErrorCode.HeaderMismatch, message: `Header mismatch: MCP-Protocol-Version ${v} requires the _meta envelope in the body` };
  return { code: ErrorCode.UnsupportedProtocolVersion, message: `Unsupported protocol version: ${v}`, data: { supported: [...SUPPORTED_VERSIONS], requested: v } };
}

/** Finds the session named by the request, answering 400/404 itself when there is none. */
export function sessionFor(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, profile: string): LegacySession | undefined {
  const id = headerValue(req, SESSION_HEADER);
  if (id === undefined || id === '') {
    sendError(res, 400, ErrorCode.InvalidRequest, 'Bad Request: Mcp-Session-Id header is required (send initialize first)');
    return undefined;
  }
  const session = ctx.sessions.get(id);
  if (session === undefined || session.profile !== profile || session.transport !== 'streamable') {
    sendError(res, 404, ErrorCode.InvalidRequest, 'Session not found');
    return undefined;
  }
  return session;
}

/** Serves a POST to the MCP endpoint whose body has no 2026 `_meta` envelope. */
export async function handleLegacyPost(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, msg: JsonRpcMessage, profile: string): Promise<void> {
  const bad = versionRejection(req);
  if (bad) return sendError(res, 400, bad.code, bad.message, { id: 'id' in msg ? msg.id : null, data: bad.data });
  if (isRequest(msg) && msg.method === 'initialize') {
    if (!ctx.sessions.hasRoom()) return sendError(res, 503, ErrorCode.ConnectionClosed, 'Too many sessions; try again later', { id: msg.id, headers: { 'retry-after': '5' } });
    const id = randomUUID();
    const session = new LegacySession(id, 'streamable', legacyContext(id, profile, msg.params), ctx.keepAlive);
    const stream = session.openStream(res, prefersSse(req));
    const headers = { [SESSION_HEADER]: session.id };
    // Registered before the core runs, so the session counts against maxSessions; dropped on failure.
    ctx.sessions.add(session);
    await serveInSession(ctx, session, msg, stream, headers);
    if (session.detach === undefined) ctx.sessions.end(session);
    return;
  }
  const session = sessionFor(ctx, req, res, profile);
  if (session === undefined) return;
  if (!isRequest(msg)) {
    await serveInSession(ctx, session, msg, session.standalone);
    return sendAccepted(res);
  }
  await serveInSession(ctx, session, msg, session.openStream(res, prefersSse(req)));
}

/** Serves a GET to the MCP endpoint: the standalone stream, or the resumption of a stream. */
export function handleLegacyGet(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, profile: string): void {
  const accept = checkGetAccept(req);
  if (accept) return sendError(res, accept.status, ErrorCode.InvalidRequest, accept.message);
  const bad = versionRejection(req);
  if (bad) return sendError(res, 400, bad.code, bad.message, { data: bad.data });
  const session = sessionFor(ctx, req, res, profile);
  if (session === undefined) return;
  session.lastSeen = Date.now();
  const last = /^(\d{1,9})_(\d{1,15})$/.exec(headerValue(req, 'last-event-id')?.trim() ?? '');
  const ok = last ? session.attach(Number(last[1]), Number(last[2]), res) : session.attach(0, undefined, res);
  if (!ok) sendError(res, 409, ErrorCode.InvalidRequest, 'Conflict: a stream is already open for this session');
}

/** Serves a DELETE to the MCP endpoint: ends the session. */
export function handleLegacyDelete(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, profile: string): void {
  const session = sessionFor(ctx, req, res, profile);
  if (session === undefined) return;
  ctx.sessions.end(session);
  res.writeHead(204);
  res.end();
}
