/**
 * Plain HTTP replies of the HTTP ingress. Every error body is a JSON-RPC error response, so a client
 * that only understands JSON-RPC can still read why it was turned away.
 */
import type { ServerResponse } from 'node:http';
import { errorResponse, ErrorCode, type JsonRpcMessage, type RequestId } from '../../protocol/jsonrpc.js';

/** Sends one JSON body with the given status (no-op when headers already went out). */
export function sendJson(res: ServerResponse, status: number, body: JsonRpcMessage, headers?: Record<string, string>): void {
  if (res.headersSent || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Sends a JSON-RPC error response as the body of an HTTP error status. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  opts: { id?: RequestId | null; data?: unknown; headers?: Record<string, string> } = {},
): void {
  sendJson(res, status, errorResponse(opts.id ?? null, code, message, opts.data), opts.headers);
}

/** 202 Accepted with no body: the answer to a client notification or response. */
export function sendAccepted(res: ServerResponse): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(202);
  res.end();
}

/** 405 with the methods a path accepts. */
export function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  sendError(res, 405, ErrorCode.InvalidRequest, `Method not allowed; use ${allow}`, { headers: { allow } });
}

/**
 * The HTTP status for a JSON-RPC error outcome of a 2026 request answered as plain JSON: unknown
 * methods are 404, the 2026 protocol errors are 400, everything else travels in a 200.
 */
export function modernStatusFor(code: number): number {
  if (code === ErrorCode.MethodNotFound) return 404;
  if (code === ErrorCode.HeaderMismatch || code === ErrorCode.UnsupportedProtocolVersion || code === ErrorCode.MissingRequiredClientCapability) return 400;
  return 200;
}
