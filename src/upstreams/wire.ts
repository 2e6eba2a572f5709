/**
 * Small wire helpers shared by the transports: decoding one JSON-RPC payload (a message or a
 * legacy batch), and the error response a transport synthesises when a request fails below
 * JSON-RPC (HTTP status, network error, malformed body).
 */
import { classify, ErrorCode, errorResponse, isObject, type JsonRpcErrorResponse, type JsonRpcMessage, type RequestId } from '../protocol/jsonrpc.js';

/** The result of decoding one payload. */
export type Decoded = { ok: true; messages: JsonRpcMessage[] } | { ok: false; reason: string };

/** Decodes a payload holding one JSON-RPC message or a batch (array) of them. */
export function parseJsonRpc(text: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const items = Array.isArray(value) ? value : [value];
  const messages: JsonRpcMessage[] = [];
  for (const item of items) {
    const c = classify(item);
    if (!c.ok) return { ok: false, reason: c.error.message };
    messages.push(c.message);
  }
  return { ok: true, messages };
}

/** An error response for a request that failed at the transport level. */
export function transportError(id: RequestId, message: string, data?: Record<string, unknown>): JsonRpcErrorResponse {
  return errorResponse(id, ErrorCode.ConnectionClosed, message, { portcullis: 'PORTCULLIS_ERR_UPSTREAM_PROTOCOL', ...data });
}

/** Picks the JSON-RPC error a server put in a failed HTTP response body, if any (re-addressed to `id`). */
export function errorFromBody(id: RequestId, text: string): JsonRpcErrorResponse | undefined {
  const decoded = parseJsonRpc(text);
  if (!decoded.ok) return undefined;
  const first = decoded.messages[0];
  if (first && 'error' in first && isObject(first.error)) return { jsonrpc: '2.0', id, error: first.error };
  return undefined;
}

/** Reads a response body as text, failing once it grows past `maxBytes`. */
export async function readBounded(body: AsyncIterable<Uint8Array> | null | undefined, maxBytes: number): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop by the throw ends the body (cancels the stream).
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`upstream message over ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength).toString('utf8') : Buffer.concat(chunks).toString('utf8');
}
