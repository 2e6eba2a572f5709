/**
 * JSON-RPC batches, which only the 2025-03-26 revision allowed (later revisions removed them; the
 * ingress rejects batches for every other version). A batch needs an initialized session (initialize
 * cannot be batched); requests run concurrently and are answered together as one JSON array, their
 * related messages going to the session's standalone stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { classify, errorResponse, ErrorCode, isRequest, toResponse, type JsonRpcResponse } from '../../protocol/jsonrpc.js';
import type { IngressContext } from './context.js';
import { headerValue } from './guard.js';
import { runInSession, serveInSession, sessionFor } from './legacy.js';
import { sendAccepted, sendError } from './respond.js';

/** Most messages accepted in one batch. */
export const MAX_BATCH = 100;

/** True when the request's protocol version allows batches (2025-03-26, or no header = 2025-03-26). */
export function batchAllowed(req: IncomingMessage): boolean {
  const v = headerValue(req, 'mcp-protocol-version')?.trim();
  return v === undefined || v === '2025-03-26';
}

/** Serves a 2025-03-26 batch POST. */
export async function handleLegacyBatch(ctx: IngressContext, req: IncomingMessage, res: ServerResponse, items: unknown[], profile: string): Promise<void> {
  if (items.length === 0 || items.length > MAX_BATCH) return sendError(res, 400, ErrorCode.InvalidRequest, `Invalid Request: a batch must hold 1 to ${MAX_BATCH} messages`);
  const session = sessionFor(ctx, req, res, profile);
  if (session === undefined) return;
  const answers: Promise<JsonRpcResponse | undefined>[] = items.map(async (item) => {
    const c = classify(item);
    if (!c.ok) return errorResponse(c.id, c.error.code, c.error.message);
    const msg = c.message;
    if (!isRequest(msg)) {
      await serveInSession(ctx, session, msg, session.standalone);
      return undefined;
    }
    if (msg.method === 'initialize') return errorResponse(msg.id, ErrorCode.InvalidRequest, 'Invalid Request: initialize cannot be part of a batch');
    return toResponse(msg.id, await runInSession(ctx, session, msg, session.standalone));
  });
  const responses = (await Promise.all(answers)).filter((r): r is JsonRpcResponse => r !== undefined);
  if (responses.length === 0) return sendAccepted(res);
  if (res.headersSent || res.writableEnded) return;
  const text = JSON.stringify(responses);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
