/**
 * What the ingress adapters (HTTP for both eras, legacy SSE, stdio) see of the gateway core.
 * Ingress owns transport concerns only (framing, headers, sessions, streams); every JSON-RPC message
 * is handed to the core through this interface.
 */
import type { ClientChannel, ClientContext } from '../pipeline/exchange.js';
import type { JsonObject, JsonRpcNotification, JsonRpcRequest, Outcome, RequestId } from '../protocol/jsonrpc.js';
import type { Era } from '../protocol/versions.js';

/**
 * A long-lived way to reach one client outside any request: the 2025 GET stream (or its replay
 * buffer), the stdio pipe, the legacy SSE stream. Registered after a successful `initialize`.
 */
export interface SessionSink {
  readonly sessionId: string;
  readonly profile: string;
  readonly era: Era;
  /** Client capabilities from `initialize` (sampling, elicitation, roots, ...). */
  readonly clientCapabilities: JsonObject;
  /** Delivers an unsolicited notification (list_changed, resources/updated, log messages). */
  notify(notification: JsonRpcNotification): void;
  /** Sends a server-to-client request not tied to any client request. */
  request(method: string, params: JsonObject | undefined, signal: AbortSignal): Promise<JsonObject>;
}

/** What a 2026 client opted in to on `subscriptions/listen`. */
export interface ListenFilter {
  toolsListChanged?: boolean;
  promptsListChanged?: boolean;
  resourcesListChanged?: boolean;
  /** Resource URIs to receive `notifications/resources/updated` for. */
  resourceSubscriptions?: string[];
}

/** The gateway core, as the ingress adapters use it. */
export interface GatewayCore {
  /** True if a profile with that name exists in the running config. */
  hasProfile(profile: string): boolean;
  /**
   * Handles one client request through the filter chain and the router. `initialize`,
   * `server/discover` and `ping` are answered by the core too. Never rejects.
   */
  handleRequest(client: ClientContext, request: JsonRpcRequest, channel: ClientChannel, signal: AbortSignal): Promise<Outcome>;
  /** Handles one client notification (cancelled, initialized, roots/list_changed, ...). */
  handleNotification(client: ClientContext, notification: JsonRpcNotification): void;
  /** Registers a session to receive unsolicited traffic; returns the function that unregisters it. */
  attachSession(session: SessionSink): () => void;
  /** Forgets per-session state (subscriptions, log level) when a session ends. */
  closeSession(sessionId: string): void;
  /**
   * Serves a 2026 `subscriptions/listen` stream: calls `send` with the acknowledgement, then with
   * every matching change notification (tagged with the subscription id, which is the JSON-RPC id
   * of the `subscriptions/listen` request) until `signal` aborts.
   * Resolves when the stream should close.
   */
  listen(client: ClientContext, filter: ListenFilter, subscriptionId: RequestId, send: (n: JsonRpcNotification) => void, signal: AbortSignal): Promise<void>;
}
