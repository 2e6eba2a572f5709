/**
 * `portcullis stdio`: Portcullis as one stdio MCP server for a desktop client. Logs go to stderr
 * (stdout carries the protocol). Exits when the client closes stdin, stopping every upstream.
 */
import { resolveStartConfig } from '../config/load.js';
import { startStdioIngress } from '../ingress/stdio/stdio-ingress.js';
import { buildGateway } from '../runtime/build.js';
import { watchAndReload } from '../runtime/reload.js';
import { createLogger } from '../telemetry/logger.js';

/** Options of `portcullis stdio`. */
export interface RunStdioOptions {
  configPath?: string;
  profile?: string;
}

/** Serves MCP on stdin/stdout until stdin closes. */
export async function runStdio(opts: RunStdioOptions): Promise<void> {
  const { config, path } = await resolveStartConfig(opts.configPath);
  const log = createLogger({ level: process.env.PORTCULLIS_LOG_LEVEL ?? config.logging.level, stderr: true });
  const profile = opts.profile ?? 'default';
  if (!(profile in config.profiles)) {
    process.stderr.write(`portcullis: unknown profile "${profile}"; configured: ${Object.keys(config.profiles).join(', ')}\n`);
    process.exit(2);
  }
  const gateway = buildGateway(config, log);
  gateway.start();
  const ingress = startStdioIngress({ core: gateway, profile, input: process.stdin, output: process.stdout, log, maxLineBytes: config.limits.maxBodyBytes });
  const watcher = watchAndReload(path, gateway, log);
  const stop = async (): Promise<void> => {
    watcher?.close();
    await gateway.stop();
    log.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await ingress.closed;
  await stop();
}
