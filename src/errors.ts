/**
 * The internal error catalogue. Internal errors carry stable `PORTCULLIS_ERR_*` codes; the wire sees
 * JSON-RPC errors. `toWireError` is the one place that maps the first to the second, so internals
 * (stack traces, upstream addresses, secrets) never leak to clients.
 */
import { ErrorCode, type JsonRpcErrorObject } from './protocol/jsonrpc.js';

/** Every internal error code, with its JSON-RPC code on the wire. */
export const ERRORS = {
  PORTCULLIS_ERR_CONFIG: { wire: ErrorCode.InternalError },
  PORTCULLIS_ERR_UPSTREAM_UNAVAILABLE: { wire: ErrorCode.ConnectionClosed },
  PORTCULLIS_ERR_UPSTREAM_CLOSED: { wire: ErrorCode.ConnectionClosed },
  PORTCULLIS_ERR_UPSTREAM_PROTOCOL: { wire: ErrorCode.InternalError },
  PORTCULLIS_ERR_UPSTREAM_BUSY: { wire: ErrorCode.ConnectionClosed },
  PORTCULLIS_ERR_DEADLINE: { wire: ErrorCode.RequestTimeout },
  PORTCULLIS_ERR_CANCELLED: { wire: ErrorCode.RequestTimeout },
  PORTCULLIS_ERR_UNKNOWN_TOOL: { wire: ErrorCode.InvalidParams },
  PORTCULLIS_ERR_UNKNOWN_PROMPT: { wire: ErrorCode.InvalidParams },
  PORTCULLIS_ERR_QUARANTINED: { wire: ErrorCode.InvalidParams },
  PORTCULLIS_ERR_UNKNOWN_RESOURCE: { wire: ErrorCode.InvalidParams },
  PORTCULLIS_ERR_TOO_LARGE: { wire: ErrorCode.InvalidRequest },
  PORTCULLIS_ERR_NOT_SUPPORTED: { wire: ErrorCode.MethodNotFound },
  PORTCULLIS_ERR_CLIENT_CAPABILITY: { wire: ErrorCode.MissingRequiredClientCapability },
  PORTCULLIS_ERR_SHUTTING_DOWN: { wire: ErrorCode.ConnectionClosed },
  PORTCULLIS_ERR_STORAGE: { wire: ErrorCode.InternalError },
  PORTCULLIS_ERR_INTERNAL: { wire: ErrorCode.InternalError },
} as const;

/** A stable internal error code. */
export type PortcullisErrorCode = keyof typeof ERRORS;

/** An internal error with a stable code and a message that is safe to show a client. */
export class PortcullisError extends Error {
  /** The stable code. */
  readonly code: PortcullisErrorCode;
  /** Optional data safe to put on the wire. */
  readonly data: unknown;
  constructor(code: PortcullisErrorCode, message: string, options?: { cause?: unknown; data?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PortcullisError';
    this.code = code;
    this.data = options?.data;
  }
}

/** Maps any thrown value to a JSON-RPC error object. Unknown errors become a generic internal error. */
export function toWireError(err: unknown): JsonRpcErrorObject {
  if (err instanceof PortcullisError) {
    const e: JsonRpcErrorObject = { code: ERRORS[err.code].wire, message: err.message };
    e.data = err.data === undefined ? { portcullis: err.code } : err.data;
    return e;
  }
  return { code: ErrorCode.InternalError, message: 'Internal error', data: { portcullis: 'PORTCULLIS_ERR_INTERNAL' } };
}
