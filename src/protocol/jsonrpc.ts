/**
 * JSON-RPC 2.0 envelope types and a tolerant codec. The gateway parses each message once and keeps
 * the parsed envelope; bodies it does not need to read are forwarded as they came.
 */

/** A JSON-RPC request id. */
export type RequestId = string | number;

/** Any JSON object. */
export type JsonObject = Record<string, unknown>;

/** A JSON-RPC request. */
export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params?: JsonObject;
}

/** A JSON-RPC notification. */
export interface JsonRpcNotification {
  jsonrpc: '2.0';
  method: string;
  params?: JsonObject;
}

/** The error object of a JSON-RPC error response. */
export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** A JSON-RPC success response. */
export interface JsonRpcResultResponse {
  jsonrpc: '2.0';
  id: RequestId;
  result: JsonObject;
}

/** A JSON-RPC error response. `id` is null when the request id could not be read. */
export interface JsonRpcErrorResponse {
  jsonrpc: '2.0';
  id: RequestId | null;
  error: JsonRpcErrorObject;
}

/** A JSON-RPC response. */
export type JsonRpcResponse = JsonRpcResultResponse | JsonRpcErrorResponse;

/** Any JSON-RPC message. */
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse;

/** What an exchange ends with: a result or an error, without the envelope. */
export type Outcome = { result: JsonObject } | { error: JsonRpcErrorObject };

/** Standard JSON-RPC and MCP error codes. */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** Implementation-defined server errors (-32000..-32019). */
  ConnectionClosed: -32000,
  RequestTimeout: -32001,
  /** 2025 resource-not-found (2026 uses InvalidParams). */
  ResourceNotFound: -32002,
  /** 2026-07-28 codes. */
  HeaderMismatch: -32020,
  MissingRequiredClientCapability: -32021,
  UnsupportedProtocolVersion: -32022,
  UrlElicitationRequired: -32042,
} as const;

/** True for a JSON object (not array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True for a valid JSON-RPC request id. */
export function isRequestId(v: unknown): v is RequestId {
  return (typeof v === 'string') || (typeof v === 'number' && Number.isFinite(v));
}

/** True if the message is a request (has method and id). */
export function isRequest(m: JsonRpcMessage): m is JsonRpcRequest {
  return 'method' in m && 'id' in m;
}

/** True if the message is a notification (method, no id). */
export function isNotification(m: JsonRpcMessage): m is JsonRpcNotification {
  return 'method' in m && !('id' in m);
}

/** True if the message is a response (result or error). */
export function isResponse(m: JsonRpcMessage): m is JsonRpcResponse {
  return !('method' in m) && ('result' in m || 'error' in m);
}

/** The result of classifying one decoded JSON value. */
export type Classified = { ok: true; message: JsonRpcMessage } | { ok: false; error: JsonRpcErrorObject; id: RequestId | null };

/**
 * Validates the envelope of one decoded JSON value. Only the envelope is checked (jsonrpc, id,
 * method, params shape, result/error shape); method-specific params are checked where they are used.
 */
export function classify(value: unknown): Classified {
  if (!isObject(value)) return invalid('Message must be a JSON object', null);
  const id = 'id' in value ? value.id : undefined;
  const safeId = isRequestId(id) ? id : null;
  if (value.jsonrpc !== '2.0') return invalid('jsonrpc must be "2.0"', safeId);
  if ('method' in value) {
    if (typeof value.method !== 'string' || value.method.length === 0 || value.method.length > 256) {
      return invalid('method must be a non-empty string', safeId);
    }
    if ('params' in value && value.params !== undefined && !isObject(value.params)) {
      return invalid('params must be an object', safeId);
    }
    // `_meta` is an object wherever MCP defines it; servers that fail to parse a request silently
    // drop it, so a malformed one would otherwise hold the call until its deadline.
    if (isObject(value.params) && value.params._meta !== undefined && !isObject(value.params._meta)) {
      return { ok: false, error: { code: ErrorCode.InvalidParams, message: 'Invalid params: params._meta must be an object' }, id: safeId };
    }
    if (value.params !== undefined && tooDeep(value.params, MAX_DEPTH)) {
      return invalid(`params nest deeper than ${MAX_DEPTH} levels`, safeId);
    }
    if ('id' in value) {
      if (!isRequestId(id)) return invalid('id must be a string or a number', null);
      return { ok: true, message: value as unknown as JsonRpcRequest };
    }
    return { ok: true, message: value as unknown as JsonRpcNotification };
  }
  if ('result' in value || 'error' in value) {
    if (!('id' in value) || (id !== null && !isRequestId(id))) return invalid('response id must be a string, number or null', null);
    if ('result' in value && 'error' in value) return invalid('response cannot have both result and error', safeId);
    if ('result' in value && !isObject(value.result)) return invalid('result must be an object', safeId);
    if ('error' in value) {
      const e = value.error;
      if (!isObject(e) || typeof e.code !== 'number' || typeof e.message !== 'string') return invalid('error must have a numeric code and a message', safeId);
    }
    return { ok: true, message: value as unknown as JsonRpcResponse };
  }
  return invalid('Not a JSON-RPC request, notification or response', safeId);
}

/** Deepest nesting accepted in params (JSON Schemas and tool arguments stay far below it). */
export const MAX_DEPTH = 128;

/** True if a value nests deeper than `max` (iterative: safe on hostile input). */
export function tooDeep(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, d + 1]);
  }
  return false;
}

/** Decodes and classifies one JSON-RPC message from text. */
export function parseMessage(text: string): Classified {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: ErrorCode.ParseError, message: 'Parse error: body is not valid JSON' }, id: null };
  }
  return classify(value);
}

function invalid(message: string, id: RequestId | null): Classified {
  return { ok: false, error: { code: ErrorCode.InvalidRequest, message: `Invalid Request: ${message}` }, id };
}

/** Builds an error response. */
export function errorResponse(id: RequestId | null, code: number, message: string, data?: unknown): JsonRpcErrorResponse {
  return data === undefined ? { jsonrpc: '2.0', id, error: { code, message } } : { jsonrpc: '2.0', id, error: { code, message, data } };
}

/** Wraps an outcome into a response envelope. */
export function toResponse(id: RequestId, outcome: Outcome): JsonRpcResponse {
  return 'result' in outcome ? { jsonrpc: '2.0', id, result: outcome.result } : { jsonrpc: '2.0', id, error: outcome.error };
}

/** Extracts the outcome from a response envelope. */
export function toOutcome(r: JsonRpcResponse): Outcome {
  return 'result' in r ? { result: r.result } : { error: r.error };
}
