/**
 * CORS for browser-based MCP clients whose Origin is in `allowedOrigins` (the Origin guard has already
 * refused every other origin). Answers preflights and exposes the MCP response headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue } from './guard.js';

const ALLOW_HEADERS = 'content-type, accept, authorization, mcp-session-id, mcp-protocol-version, mcp-method, mcp-name, last-event-id';
const EXPOSE_HEADERS = 'mcp-session-id, mcp-protocol-version';

/** Adds CORS response headers when the request carries an (already validated) Origin. */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = headerValue(req, 'origin');
  if (origin === undefined) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-expose-headers', EXPOSE_HEADERS);
  res.setHeader('vary', 'Origin');
}

/** Answers a CORS preflight (`OPTIONS`) with 204. */
export function sendPreflight(req: IncomingMessage, res: ServerResponse, methods: string): void {
  applyCors(req, res);
  const requested = headerValue(req, 'access-control-request-headers');
  res.writeHead(204, {
    'access-control-allow-methods': methods,
    // Mcp-Param-* names are tool-defined: echo what the browser asks for, else the standard set.
    'access-control-allow-headers': requested ?? ALLOW_HEADERS,
    'access-control-max-age': '600',
  });
  res.end();
}
