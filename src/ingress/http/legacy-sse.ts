/**
 * The deprecated HTTP+SSE transport (2024-11-05) for old clients: GET `/sse` opens the stream and
 * announces `/messages?sessionId=<id>` in an `endpoint` event; POSTs there are accepted with 202 and
 * answered on the stream. The session ends when the stream closes.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../../protocol/jsonrpc.js';
import { readMessage, type IngressContext } from './context.js';
import { checkGetAccept, isJsonContentType } from './guard.js';
import { legacyContext, serveInSession } from './legacy.js';
import { LegacySession } from './legacy-session.js';
import { sendAccepted, sendError } from './respond.js';
import { SseStream } from './sse.js';

/** Path of the message endpoint announced to HTTP+SSE clients. */
export const MESSAGES_PATH = '/messages';

/** Serves GET `/sse[/<profile>]`: opens the stream of a new HTTP+SSE session. */
export function handleSseOpen(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, profile: string): void {
  const accept = checkGetAccept(req);
  if (accept) return sendError(res, accept.status, ErrorCode.InvalidRequest, accept.message);
  if (!ctx.sessions.hasRoom()) return sendError(res, 503, ErrorCode.ConnectionClosed, 'Too many sessions; try again later', { headers: { 'retry-after': '5' } });
  const id = randomUUID();
  const session = new LegacySession(id, 'sse', legacyContext(id, profile), ctx.keepAlive);
  const sse = new SseStream(res, ctx.keepAlive);
  session.standalone.sse = sse;
  ctx.sessions.add(session);
  res.on('close', () => ctx.sessions.end(session));
  sse.send(`${MESSAGES_PATH}?sessionId=${encodeURIComponent(id)}`, undefined, 'endpoint');
}

/** Serves POST `/messages?sessionId=<id>`: one JSON-RPC message of an HTTP+SSE session. */
export async function handleSseMessage(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const id = query.get('sessionId');
  if (id === null || id === '') return sendError(res, 400, ErrorCode.InvalidRequest, 'Bad Request: sessionId query parameter is required');
  const session = ctx.sessions.get(id);
  if (session === undefined || session.transport !== 'sse') return sendError(res, 404, ErrorCode.InvalidRequest, 'Session not found');
  if (!isJsonContentType(req)) return sendError(res, 415, ErrorCode.InvalidRequest, 'Unsupported Media Type: Content-Type must be application/json');
  const msg = await readMessage(req, res, ctx.settings().limits.maxBodyBytes);
  if (msg === undefined) return;
  if (Array.isArray(msg)) return;
  sendAccepted(res);
  await serveInSession(ctx, session, msg, session.standalone);
}
