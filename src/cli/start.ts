/**
 * `portcullis start`: the HTTP gateway. Loads the config (or the embedded default), starts the
 * upstreams and the HTTP ingress, watches the config file for hot reload, and drains on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { resolveStartConfig } from '../config/load.js';
import type { GatewayConfig } from '../config/types.js';
import { createHttpIngress } from '../ingress/http/index.js';
import { buildGateway } from '../runtime/build.js';
import { healthRoutes } from '../runtime/health.js';
import { watchAndReload } from '../runtime/reload.js';
import { createLogger } from '../telemetry/logger.js';
import { VERSION } from '../version.js';

/** Options of `portcullis start`. */
export interface RunStartOptions {
  configPath?: string;
  port?: number;
  host?: string;
}

/** How long SIGTERM waits for in-flight calls before closing everything. */
const DRAIN_MS = 10_000;

function withOverrides(config: GatewayConfig, opts: RunStartOptions): GatewayConfig {
  if (opts.port === undefined && opts.host === undefined) return config;
  return { ...config, listen: { ...config.listen, port: opts.port ?? config.listen.port, host: opts.host ?? config.listen.host } };
}

/** Runs the HTTP gateway until a signal stops it. */
export async function runStart(opts: RunStartOptions): Promise<void> {
  const { config: loaded, path } = await resolveStartConfig(opts.configPath);
  const config = withOverrides(loaded, opts);
  const log = createLogger({ level: process.env.PORTCULLIS_LOG_LEVEL ?? config.logging.level });
  log.info({ version: VERSION, config: config.source, servers: Object.keys(config.servers) }, 'starting portcullis');
  const gateway = buildGateway(config, log);
  let draining = false;
  const ingress = createHttpIngress({
    core: gateway,
    listen: config.listen,
    limits: config.limits,
    log: log.child({ component: 'http' }),
    extraRoutes: healthRoutes(() => gateway.health(), () => draining),
  });
  gateway.start();
  await new Promise<void>((resolve, reject) => {
    ingress.server.once('error', reject);
    ingress.server.listen(config.listen.port, config.listen.host, () => resolve());
  });
  const addr = ingress.server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  log.info({ url: `http://${host}:${addr.port}/mcp` }, `listening http://${host}:${addr.port}/mcp`);

  const watcher = watchAndReload(path, gateway, log, (next) => withOverrides(next, opts));

  const stop = async (signal: string): Promise<void> => {
    if (draining) return;
    draining = true;
    log.info({ signal }, 'draining');
    watcher?.close();
    const until = Date.now() + DRAIN_MS;
    while (gateway.stats().inflight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await ingress.close();
    await gateway.stop();
    log.info('stopped');
    log.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
