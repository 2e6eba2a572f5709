/**
 * Request guards of the HTTP ingress: the DNS-rebinding defence (Origin and Host validation) and the
 * content negotiation checks (Content-Type, Accept). Each returns a rejection to send, or undefined.
 */
import type { IncomingMessage } from 'node:http';
import { isHostAllowed, isOriginAllowed } from '../../config/origins.js';
import type { ListenConfig } from '../../config/types.js';

/** Why a guard turned a request away: HTTP status and a message for the JSON-RPC error body. */
export interface Rejection {
  status: number;
  message: string;
}

/** The single value of a request header (the first one when repeated). */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Origin check: a request without `Origin` (non-browser clients) passes; one with an `Origin` not in
 * `allowedOrigins` is rejected with 403 (an empty list allows no browser origin at all).
 */
export function checkOrigin(req: IncomingMessage, listen: ListenConfig): Rejection | undefined {
  const origin = headerValue(req, 'origin');
  if (origin === undefined) return undefined;
  if (isOriginAllowed(origin, listen.allowedOrigins)) return undefined;
  return { status: 403, message: 'Forbidden: Origin not allowed' };
}

/**
 * Host check: when `allowedHosts` is non-empty the `Host` header must match an entry (a pattern
 * without a port matches any port; see `config/origins.ts`). Empty list = any host.
 */
export function checkHost(req: IncomingMessage, listen: ListenConfig): Rejection | undefined {
  if (listen.allowedHosts.length === 0) return undefined;
  const host = headerValue(req, 'host')?.trim().toLowerCase();
  if (host && isHostAllowed(host, listen.allowedHosts)) return undefined;
  return { status: 403, message: 'Forbidden: Host not allowed' };
}

/** The host name of a Host header value, without the port (keeps IPv6 brackets). */
export function hostName(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** True when the Content-Type is `application/json` (parameters such as charset allowed). */
export function isJsonContentType(req: IncomingMessage): boolean {
  const ct = headerValue(req, 'content-type');
  if (ct === undefined) return false;
  return ct.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/** The media ranges of an Accept header with q > 0, lower-cased (absent header = anything). */
function acceptedRanges(req: IncomingMessage): string[] | undefined {
  const accept = headerValue(req, 'accept');
  if (accept === undefined || accept.trim() === '') return undefined;
  const out: string[] = [];
  for (const part of accept.split(',')) {
    const [range, ...params] = part.split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    out.push(range!.trim().toLowerCase());
  }
  return out;
}

/** True when the Accept header allows the media type (`type/subtype`), wildcards included. */
export function accepts(req: IncomingMessage, mediaType: string): boolean {
  const ranges = acceptedRanges(req);
  if (ranges === undefined) return true;
  const [type] = mediaType.split('/');
  return ranges.some((r) => r === mediaType || r === '*/*' || r === `${type}/*`);
}

/** POST: the client must accept both JSON and SSE answers (406 otherwise). */
export function checkPostAccept(req: IncomingMessage): Rejection | undefined {
  if (accepts(req, 'application/json') && accepts(req, 'text/event-stream')) return undefined;
  return { status: 406, message: 'Not Acceptable: Accept must allow application/json and text/event-stream' };
}

/** GET streams: the client must accept SSE (406 otherwise). */
export function checkGetAccept(req: IncomingMessage): Rejection | undefined {
  if (accepts(req, 'text/event-stream')) return undefined;
  return { status: 406, message: 'Not Acceptable: Accept must allow text/event-stream' };
}

/**
 * True when the client prefers an SSE answer: its Accept header lists `text/event-stream` before
 * `application/json` (both are required; the order is the client's preference).
 */
export function prefersSse(req: IncomingMessage): boolean {
  const accept = headerValue(req, 'accept')?.toLowerCase() ?? '';
  const sse = accept.indexOf('text/event-stream');
  const json = accept.indexOf('application/json');
  return sse !== -1 && (json === -1 || sse < json);
}
