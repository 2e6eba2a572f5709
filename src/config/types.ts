/**
 * The validated, normalised configuration that the rest of Portcullis reads. `config/schema.ts`
 * turns YAML into this shape (defaults applied, `${env:VAR}` resolved); nothing else parses YAML.
 */

/** How Portcullis reaches one upstream server. */
export type ServerTransport = 'stdio' | 'streamable-http' | 'sse';

/** Which protocol era to speak to a server: probe (`auto`), or pin one. */
export type EraPreference = 'auto' | 'legacy' | 'modern';

/** Restart/reconnect backoff for one server. */
export interface BackoffConfig {
  initialDelayMs: number;
  maxDelayMs: number;
}

/** One upstream MCP server (normalised from a Claude Desktop / Cursor style entry). */
export interface ServerConfig {
  name: string;
  transport: ServerTransport;
  /** stdio: the command, its arguments, extra environment, working directory. */
  command?: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  /** HTTP transports: the endpoint and static headers. */
  url?: string;
  headers: Record<string, string>;
  era: EraPreference;
  /** Namespace prefix for tool and prompt names (`<prefix><separator><name>`); `''` for none. */
  prefix: string;
  /** Default deadline for one call, in ms. */
  timeoutMs: number;
  /** Bound on calls in flight to this server; further calls get a clear error. */
  maxInFlight: number;
  restart: BackoffConfig;
  disabled: boolean;
}

/** Tool selection for a profile: globs over the namespaced tool names. */
export interface ToolSelection {
  allow: string[];
  deny: string[];
}

/** A profile (virtual server) exposed at `/mcp/<name>`. */
export interface ProfileConfig {
  name: string;
  /** Server names this profile includes (all servers when the YAML omits the list). */
  servers: string[];
  tools: ToolSelection;
  /** Namespaced tool name → name shown to clients. */
  rename: Record<string, string>;
  /** Namespaced tool name → description shown to clients. */
  descriptions: Record<string, string>;
}

/** HTTP listener settings. */
export interface ListenConfig {
  host: string;
  port: number;
  /** Origins allowed to call (DNS-rebinding defence). Requests without Origin are allowed. */
  allowedOrigins: string[];
  /** Host header values allowed (DNS-rebinding defence). Empty list = any host. */
  allowedHosts: string[];
}

/** Size and time limits. */
export interface LimitsConfig {
  /** Largest accepted HTTP request body / stdio line, in bytes. */
  maxBodyBytes: number;
  /** Largest upstream message accepted, in bytes. */
  maxUpstreamMessageBytes: number;
  /** Largest tool/prompt/resource result relayed to a client (the size-limit filter), in bytes. */
  maxResultBytes: number;
  /** Default deadline for one request when the server sets none, in ms. */
  requestTimeoutMs: number;
  /** Idle 2025 sessions are closed after this long, in ms. */
  sessionIdleMs: number;
  /** Most concurrent 2025 sessions. */
  maxSessions: number;
}

/** The whole validated configuration. */
export interface GatewayConfig {
  listen: ListenConfig;
  limits: LimitsConfig;
  logging: { level: string };
  /** Separator between server prefix and tool/prompt name. */
  namespaceSeparator: string;
  /** The filters of the pipeline, by name (chain order is fixed; see `policies/defaults.ts`). */
  filters: string[];
  servers: Record<string, ServerConfig>;
  /** Always contains `default` (all servers, no tool filter) unless the YAML defines one. */
  profiles: Record<string, ProfileConfig>;
  /** Where the config came from (file path, or `embedded-default`). */
  source: string;
}
