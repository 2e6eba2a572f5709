/**
 * The upstream contract. An upstream is one configured MCP server, reached over a closed set of
 * transports (stdio, streamable-http, sse). The router only ever talks to `Upstream`; transports and
 * era negotiation live behind it.
 */
import type { JsonObject, JsonRpcMessage, JsonRpcNotification, JsonRpcRequest, Outcome, RequestId } from '../protocol/jsonrpc.js';
import type { Era } from '../protocol/versions.js';

/** Where a message from a transport came from. */
export interface TransportMessageContext {
  /**
   * For Streamable HTTP: the id of the request whose POST response stream carried this message
   * (server-to-client requests and notifications related to that request). Undefined for messages on
   * the standalone GET stream, stdio, or legacy SSE.
   */
  relatedRequestId?: RequestId;
}

/** Options for sending one message. */
export interface TransportSendOptions {
  /** Aborting closes the request's HTTP stream (the 2026-era cancellation signal). */
  signal?: AbortSignal;
}

/** A wire adapter: moves JSON-RPC messages to and from one server. No correlation, no retries. */
export interface UpstreamTransport {
  readonly kind: 'stdio' | 'streamable-http' | 'sse';
  /** Opens the connection (spawns the child, opens the SSE stream). */
  start(): Promise<void>;
  /**
   * Sends one message. For HTTP transports, HTTP-level failures of a request (4xx/5xx, network
   * errors) are delivered through `onmessage` as a JSON-RPC error response with the request's id,
   * so the caller always gets an answer.
   */
  send(message: JsonRpcMessage, options?: TransportSendOptions): Promise<void>;
  onmessage?: (message: JsonRpcMessage, context: TransportMessageContext) => void;
  /** The connection is gone (child exited, session expired, stream closed for good). */
  onclose?: (reason?: Error) => void;
  /** Tells the transport the negotiated version (HTTP: `MCP-Protocol-Version` header, era headers). */
  setProtocolVersion?(version: string, era: Era): void;
  /** Closes the connection and releases everything (kills the child's process group). */
  close(): Promise<void>;
}

/** Lifecycle state of an upstream. */
export type UpstreamState = 'starting' | 'ready' | 'down' | 'stopped';

/** Identity and capabilities learned from the server at connect time. */
export interface UpstreamInfo {
  era: Era;
  protocolVersion: string;
  serverInfo: JsonObject;
  capabilities: JsonObject;
  instructions?: string;
}

/** Per-request options for `Upstream.request`. */
export interface UpstreamRequestOptions {
  /** Aborting cancels the request upstream (notifications/cancelled or closing the stream). */
  signal: AbortSignal;
  /** Absolute deadline (epoch ms); the call fails with PORTCULLIS_ERR_DEADLINE after it. */
  deadline: number;
  /** The downstream client's identity and capabilities, used for the 2026 `_meta` envelope. */
  clientInfo?: JsonObject;
  clientCapabilities?: JsonObject;
  /** Notifications related to this request (progress, log messages on its stream, ...). */
  onNotification?: (notification: JsonRpcNotification) => void;
  /** Server-to-client requests related to this request (sampling, elicitation, roots). */
  onRequest?: (request: JsonRpcRequest) => Promise<Outcome>;
}

/** Handlers for upstream traffic that is not related to any one request. */
export interface UpstreamEvents {
  onNotification(upstream: string, notification: JsonRpcNotification): void;
  /** Unrelated server-to-client requests (e.g. roots/list on a stdio server). */
  onRequest(upstream: string, request: JsonRpcRequest): Promise<Outcome>;
  onStateChange(upstream: string, state: UpstreamState, info: UpstreamInfo | undefined, reason?: string): void;
  /** A line the server wrote to stderr (stdio only). */
  onStderr?(upstream: string, line: string): void;
}

/** A health snapshot for `/readyz` and the admin API. */
export interface UpstreamHealth {
  name: string;
  transport: UpstreamTransport['kind'];
  state: UpstreamState;
  era?: Era;
  protocolVersion?: string;
  restarts: number;
  inFlight: number;
  lastError?: string;
  since: number;
  /**
   * Set by the gateway: false while the upstream is connected but its lists are still being
   * fetched and screened (its tools are not served yet).
   */
  listed?: boolean;
}

/** One configured MCP server, supervised. */
export interface Upstream {
  readonly name: string;
  readonly state: UpstreamState;
  /** Known once state is `ready`. */
  readonly info: UpstreamInfo | undefined;
  /** Starts connecting (and keeps reconnecting with backoff until stopped). */
  start(): void;
  /**
   * Sends a request and resolves with its outcome. Never rejects for protocol-level failures: an
   * upstream that is down, closes mid-call, or misses the deadline yields an error outcome.
   * The request's `id` is assigned by the upstream; params are sent as given (plus the 2026 `_meta`
   * envelope when the upstream is modern).
   */
  request(method: string, params: JsonObject | undefined, options: UpstreamRequestOptions): Promise<Outcome>;
  /** Sends a notification (e.g. notifications/roots/list_changed). Dropped if not ready. */
  notify(method: string, params?: JsonObject): Promise<void>;
  health(): UpstreamHealth;
  /** Stops for good: cancels in-flight calls with an error, closes the transport, kills children. */
  stop(): Promise<void>;
}
