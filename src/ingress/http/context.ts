/**
 * What the HTTP ingress handlers share: the core, the current listen/limit settings, the keep-alive
 * timer, the 2025 session store and the work in flight that shutdown must end.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LimitsConfig, ListenConfig } from '../../config/types.js';
import type { GatewayCore } from '../../gateway/types.js';
import { ErrorCode, parseMessage, type JsonRpcMessage } from '../../protocol/jsonrpc.js';
import type { Logger } from '../../telemetry/logger.js';
import { readBody } from './body.js';
import { sendError } from './respond.js';
import type { SessionStore } from './session-store.js';
import type { KeepAlive } from './sse.js';

/** The settings the ingress reads per request (a config reload may change them). */
export interface IngressSettings {
  listen: ListenConfig;
  limits: LimitsConfig;
}

/** State shared by the HTTP ingress handlers. */
export interface IngressContext {
  readonly core: GatewayCore;
  readonly log: Logger;
  settings(): IngressSettings;
  readonly keepAlive: KeepAlive;
  readonly sessions: SessionStore;
  /** 2026 requests and listen streams in flight: their abort controller and completion (for shutdown). */
  readonly inflight: Map<AbortController, Promise<void>>;
  /** True once shutdown began: new work is refused. */
  closing: boolean;
}

/**
 * Reads and decodes one JSON-RPC message from a POST body, answering the client itself on failure
 * (413 too large, 400 parse error, 400 batch when `allowBatch` is false, 400 invalid envelope).
 * Returns the message, the raw items of a batch (an array), or undefined when it already answered.
 */
export async function readMessage(req: IncomingMessage, res: ServerResponse, maxBytes: number, allowBatch = false): Promise<JsonRpcMessage | unknown[] | undefined> {
  const body = await readBody(req, maxBytes);
  if (!body.ok) {
    if (body.reason === 'too-large') sendError(res, 413, ErrorCode.InvalidRequest, `Payload too large: body exceeds ${maxBytes} bytes`);
    else res.destroy();
    return undefined;
  }
  const text = body.text;
  if (/^\s*\[/.test(text)) {
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch {
      sendError(res, 400, ErrorCode.ParseError, 'Parse error: body is not valid JSON');
      return undefined;
    }
    if (allowBatch && Array.isArray(items)) return items;
    sendError(res, 400, ErrorCode.InvalidRequest, 'Invalid Request: JSON-RPC batches are not supported by this protocol version');
    return undefined;
  }
  const parsed = parseMessage(text);
  if (!parsed.ok) {
    sendError(res, 400, parsed.error.code, parsed.error.message, { id: parsed.id });
    return undefined;
  }
  return parsed.message;
}
