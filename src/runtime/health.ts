/**
 * `/healthz` (the process serves) and `/readyz` (every enabled upstream is connected and its lists
 * are served; 503 with the upstream states otherwise).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UpstreamHealth } from '../upstreams/types.js';

/** A plain HTTP route handler. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Builds the health routes. */
export function healthRoutes(health: () => UpstreamHealth[], draining: () => boolean): Record<string, RouteHandler> {
  const send = (res: ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  return {
    '/healthz': (_req, res) => send(res, draining() ? 503 : 200, { status: draining() ? 'draining' : 'ok' }),
    '/readyz': (_req, res) => {
      const upstreams = health().map((h) => ({ name: h.name, state: h.state, transport: h.transport, era: h.era, protocolVersion: h.protocolVersion, restarts: h.restarts, inFlight: h.inFlight, lastError: h.lastError, listed: h.listed }));
      const ready = !draining() && upstreams.every((u) => u.state === 'ready' && u.listed !== false);
      send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready', upstreams });
    },
  };
}
