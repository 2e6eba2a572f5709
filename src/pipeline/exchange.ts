/**
 * The exchange: one client request (or notification) on its way through the filter chain to an
 * upstream and back. It carries everything a filter may need: who asked (session, principal), in
 * which era, for which profile, until when (deadline + signal), and the decisions filters made.
 */
import type { JsonObject, JsonRpcNotification, JsonRpcRequest, RequestId } from '../protocol/jsonrpc.js';
import type { Era } from '../protocol/versions.js';
import type { Logger } from '../telemetry/logger.js';

/** Who is calling. Authentication filters replace the anonymous principal. */
export interface Principal {
  /** Stable identifier (user id, key id, or `anonymous`). */
  readonly id: string;
  /** How the principal was established. */
  readonly kind: 'anonymous' | 'api-key' | 'oauth' | 'local';
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** The anonymous principal (no authentication configured). */
export const ANONYMOUS: Principal = Object.freeze({ id: 'anonymous', kind: 'anonymous' });

/** A recorded filter decision (for audit and logs). */
export interface Decision {
  readonly filter: string;
  readonly action: 'allow' | 'deny' | 'modify' | 'note';
  readonly reason?: string;
}

/**
 * The way back to the client that made a request: notifications related to the request (progress,
 * log messages) and server-to-client requests (sampling, elicitation, roots) raised while serving it.
 * The ingress implements it per request (an SSE response stream, a stdio pipe).
 */
export interface ClientChannel {
  /** Sends a notification related to the current request. Dropped silently if the client is gone. */
  notify(notification: JsonRpcNotification): void;
  /**
   * Sends a request to the client and waits for its response. Rejects with a PortcullisError when the
   * client cannot take requests (2026 era, no capability, gone).
   */
  request(method: string, params: JsonObject | undefined, signal: AbortSignal): Promise<JsonObject>;
  /** True when server-to-client requests can be delivered on this channel. */
  readonly canRequest: boolean;
}

/** The downstream (client-facing) context an exchange runs in. */
export interface ClientContext {
  /** Session id (2025 sessions and stdio), or a per-request id for stateless 2026 requests. */
  readonly sessionId: string;
  readonly era: Era;
  readonly protocolVersion: string;
  /** Profile (virtual server) name; `default` for `/mcp`. */
  readonly profile: string;
  readonly clientInfo?: JsonObject;
  readonly clientCapabilities?: JsonObject;
  /**
   * `Mcp-Param-*` headers of a 2026 HTTP request (lower-case names), validated against the tool's
   * `x-mcp-header` parameters on `tools/call`. Undefined where the transport has no headers (stdio).
   */
  readonly paramHeaders?: Readonly<Record<string, string>>;
  principal: Principal;
}

/** One request or notification travelling through the pipeline. */
export interface Exchange {
  /** Gateway-unique sequence number. */
  readonly seq: number;
  readonly message: JsonRpcRequest | JsonRpcNotification;
  readonly method: string;
  /** The client request id, when the message is a request. */
  readonly id?: RequestId;
  readonly client: ClientContext;
  readonly channel: ClientChannel;
  /** Aborted when the client cancels, disconnects, or the deadline passes. */
  readonly signal: AbortSignal;
  /** Absolute deadline in epoch milliseconds. */
  deadline: number;
  readonly startedAt: number;
  readonly decisions: Decision[];
  readonly log: Logger;
  /** Where the router sent it, once routed. */
  target?: { upstream: string; name?: string };
}
