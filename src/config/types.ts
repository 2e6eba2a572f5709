/**
 * The validated, normalised configuration that the rest of Portcullis reads. `config/schema.ts`
 * turns YAML into this shape (defaults applied, `${env:VAR}` resolved); nothing else parses YAML.
 */

/** How Portcullis reaches one upstream server. */
export type ServerTransport = 'stdio' | 'streamable-http' | 'sse';

/** Which protocol era to speak to a server: probe (`auto`), or pin one. */
export type EraPreference = 'auto' | 'legacy' | 'modern';

/** Restart/reconnect backoff for one server. */
/** What of an HTTPS server's TLS identity is pinned: nothing, its certificate, or its public key (SPKI). */
export type TlsPin = false | 'certificate' | 'key';

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
  /** Per-server security overrides (unset fields follow `security:`). */
  security: ServerSecurity;
}

/** What a screening finding of some severity does. */
export type SeverityAction = 'block' | 'quarantine' | 'warn' | 'allow';

/** An action per finding severity. */
export interface SeverityActions {
  critical: SeverityAction;
  high: SeverityAction;
  medium: SeverityAction;
  low: SeverityAction;
  info: SeverityAction;
}

/** How definitions are pinned: trust on first use, or everything waits for an admin. */
export type PinMode = 'tofu' | 'preapproved';

/** What happens to a tool that an already approved server adds later. */
export type NewItemPolicy = 'auto-if-clean' | 'require-approval';

/** The effective security settings of one server (global settings with its overrides applied). */
export interface ServerSecurity {
  actions: SeverityActions;
  mode: PinMode;
  newItems: NewItemPolicy;
  pinTls: TlsPin;
}

/** The `security:` section. */
export interface SecurityConfig {
  /** Screen every model-visible string of every server. */
  screening: boolean;
  /** Run the learned screen (a statistical model) next to the screening rules. */
  classifier: boolean;
  /** Pin definitions and quarantine changes. */
  pinning: boolean;
  actions: SeverityActions;
  mode: PinMode;
  newItems: NewItemPolicy;
  /** Re-list every server this often to catch silent changes, in ms (0 = only on notifications and reconnects). */
  refreshIntervalMs: number;
  /** Pin the TLS certificate of HTTPS servers as part of their identity. */
  pinTls: TlsPin;
  /** Optional second opinion over HTTP (off unless set). */
  judge?: { url: string; timeoutMs: number; concurrency: number; headers: Record<string, string> };
}

/** Where state lives. */
export interface StateConfig {
  /** Directory of the embedded stores (`pins.db`). */
  dir: string;
  /** The pin store: SQLite in `dir` (default), or memory (forgotten at exit). */
  pins: 'sqlite' | 'memory';
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
  /** Stricter finding actions for this profile (never weaker than the server's). */
  actions?: Partial<SeverityActions>;
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
  security: SecurityConfig;
  state: StateConfig;
  /** Always contains `default` (all servers, no tool filter) unless the YAML defines one. */
  profiles: Record<string, ProfileConfig>;
  /** Where the config came from (file path, or `embedded-default`). */
  source: string;
}
