/**
 * Matching `listen.allowedOrigins` / `listen.allowedHosts` patterns (DNS-rebinding defence).
 * A pattern is `*` (anything), or `[scheme://]host[:port]` where host may be `*` (any host) or
 * `*.example.com` (any subdomain), and port may be `*` (any port, or none).
 * An origin pattern without a port matches only an origin without a port (the scheme's default);
 * a host pattern without a port matches that host on any port (the port is the gateway's own).
 */

interface Parts {
  scheme: string;
  host: string;
  port: string;
}

const WITH_SCHEME = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]*\]|[^:/[\]]+)(?::(\d+|\*))?\/?$/i;
const BARE = /^(\[[^\]]*\]|[^:/[\]]+)(?::(\d+|\*))?$/;

function parse(value: string, withScheme: boolean): Parts | undefined {
  const m = withScheme ? WITH_SCHEME.exec(value) : BARE.exec(value);
  if (!m) return undefined;
  const [scheme, host, port] = withScheme ? [m[1], m[2], m[3]] : ['', m[1], m[2]];
  return { scheme: (scheme ?? '').toLowerCase(), host: (host ?? '').toLowerCase(), port: port ?? '' };
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return pattern === host;
}

function matches(value: string, patterns: readonly string[], withScheme: boolean): boolean {
  const anyPortWhenNone = !withScheme;
  const v = parse(value.trim(), withScheme);
  if (!v) return patterns.includes('*');
  for (const raw of patterns) {
    if (raw === '*') return true;
    const p = parse(raw, withScheme);
    if (!p || p.scheme !== v.scheme || !hostMatches(p.host, v.host)) continue;
    if (p.port === '*' || p.port === v.port || (anyPortWhenNone && p.port === '')) return true;
  }
  return false;
}

/** True when an `Origin` header value is allowed by the patterns (`http://localhost:*`, …). */
export function isOriginAllowed(origin: string, patterns: readonly string[]): boolean {
  return matches(origin, patterns, true);
}

/** True when a `Host` header value is allowed; an empty pattern list allows any host. */
export function isHostAllowed(host: string, patterns: readonly string[]): boolean {
  return patterns.length === 0 || matches(host, patterns, false);
}
