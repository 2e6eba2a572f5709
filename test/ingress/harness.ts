/** Starts the HTTP ingress on an ephemeral port with a fake core. */
import type { AddressInfo } from 'node:net';
import { createHttpIngress, type HttpIngress } from '../../src/ingress/http/index.js';
import type { LimitsConfig, ListenConfig } from '../../src/config/types.js';
import { silentLogger } from '../../src/telemetry/logger.js';
import { fakeCore, type FakeCore } from './fake-core.js';

/** A started ingress. */
export interface Started {
  ingress: HttpIngress;
  core: FakeCore;
  url: string;
  stop(): Promise<void>;
}

/** Starts an ingress with test-friendly limits (overridable). */
export async function start(opts: { listen?: Partial<ListenConfig>; limits?: Partial<LimitsConfig>; keepAliveMs?: number; sweepMs?: number } = {}): Promise<Started> {
  const core = fakeCore();
  const listen: ListenConfig = { host: '127.0.0.1', port: 0, allowedOrigins: ['http://localhost:6274'], allowedHosts: [], ...opts.listen };
  const limits: LimitsConfig = { maxBodyBytes: 64 * 1024, maxUpstreamMessageBytes: 1 << 20, maxResultBytes: 1 << 20, requestTimeoutMs: 10_000, sessionIdleMs: 60_000, maxSessions: 100, ...opts.limits };
  const ingress = createHttpIngress({
    core,
    listen,
    limits,
    log: silentLogger(),
    keepAliveMs: opts.keepAliveMs,
    sweepMs: opts.sweepMs,
    extraRoutes: {
      '/healthz': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      },
    },
  });
  await new Promise<void>((resolve) => ingress.server.listen(0, '127.0.0.1', resolve));
  const port = (ingress.server.address() as AddressInfo).port;
  return { ingress, core, url: `http://127.0.0.1:${port}`, stop: () => ingress.close() };
}
