/**
 * Validated document → `GatewayConfig`: fills in derived defaults (transport, prefix, deadline,
 * allowed origins and hosts, the `default` profile).
 */
import type { GatewayConfig, ProfileConfig, SecurityConfig, ServerConfig, ServerTransport } from './types.js';
import type { RawConfig, RawServer } from './schema.js';
import { mergeActions, toSecurity, toState } from './security.js';

/** Origins allowed by default: local pages on any port (`:*` also matches no port). */
export const LOOPBACK_ORIGINS: readonly string[] = [
  'http://localhost:*',
  'https://localhost:*',
  'http://127.0.0.1:*',
  'https://127.0.0.1:*',
  'http://[::1]:*',
  'https://[::1]:*',
];

/** Host header values allowed by default when listening on a loopback address (no port = any port). */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** True for `localhost`, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The transport an entry selects: `type` when given, else `url` ending in `/sse` → sse. */
export function inferTransport(entry: Pick<RawServer, 'type' | 'command' | 'url'>): ServerTransport {
  if (entry.command !== undefined) return 'stdio';
  if (entry.type === 'sse') return 'sse';
  if (entry.type === 'http' || entry.type === 'streamable-http') return 'streamable-http';
  let path: string;
  try {
    path = new URL(entry.url ?? '').pathname;
  } catch {
    path = '';
  }
  return /\/sse\/?$/.test(path) ? 'sse' : 'streamable-http';
}

function toServer(name: string, s: RawServer, defaultTimeoutMs: number, security: SecurityConfig): ServerConfig {
  const out: ServerConfig = {
    name,
    transport: inferTransport(s),
    args: s.args ?? [],
    env: s.env ?? {},
    headers: s.headers ?? {},
    era: s.era,
    prefix: s.prefix ?? name,
    timeoutMs: s.timeoutMs ?? defaultTimeoutMs,
    maxInFlight: s.maxInFlight,
    restart: { ...s.restart },
    disabled: s.disabled,
    security: {
      actions: mergeActions(security.actions, s.security?.actions),
      mode: s.security?.mode ?? security.mode,
      newItems: s.security?.newItems ?? security.newItems,
      pinTls: s.security?.pinTls ?? security.pinTls,
    },
  };
  if (s.command !== undefined) out.command = s.command;
  if (s.cwd !== undefined) out.cwd = s.cwd;
  if (s.url !== undefined) out.url = s.url;
  return out;
}

/** Builds the normalised config from a validated document. */
export function normalise(raw: RawConfig, source: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const rawServers = raw.servers ?? raw.mcpServers ?? {};
  const security = toSecurity(raw.security);
  const servers: Record<string, ServerConfig> = {};
  for (const [name, s] of Object.entries(rawServers)) servers[name] = toServer(name, s, raw.limits.requestTimeoutMs, security);

  const profiles: Record<string, ProfileConfig> = {};
  for (const [name, p] of Object.entries(raw.profiles)) {
    profiles[name] = {
      name,
      servers: p.servers ? [...new Set(p.servers)] : Object.keys(servers),
      tools: { allow: p.tools.allow, deny: p.tools.deny },
      rename: p.rename,
      descriptions: p.descriptions,
      ...(p.security?.actions ? { actions: { ...p.security.actions } } : {}),
    };
  }
  profiles.default ??= { name: 'default', servers: Object.keys(servers), tools: { allow: [], deny: [] }, rename: {}, descriptions: {} };

  const host = raw.listen.host;
  return {
    listen: {
      host,
      port: raw.listen.port,
      allowedOrigins: raw.listen.allowedOrigins ?? [...LOOPBACK_ORIGINS],
      allowedHosts: raw.listen.allowedHosts ?? (isLoopbackHost(host) ? [...LOOPBACK_HOSTS] : []),
    },
    limits: { ...raw.limits },
    logging: { level: raw.logging.level },
    namespaceSeparator: raw.namespaceSeparator,
    filters: [...new Set(raw.filters)],
    servers,
    security,
    state: toState(raw.state, source, env),
    profiles,
    source,
  };
}
