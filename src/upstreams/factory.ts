/**
 * Picks the transport adapter for a configured server.
 */
import type { LimitsConfig, ServerConfig } from '../config/types.js';
import type { Logger } from '../telemetry/logger.js';
import { SseTransport } from './sse.js';
import { StdioTransport } from './stdio.js';
import { StreamableHttpTransport } from './streamable-http.js';
import type { UpstreamTransport } from './types.js';

/** What the default transport factory needs besides the server config. */
export interface TransportDeps {
  log: Logger;
  limits: LimitsConfig;
  onStderr?: (line: string) => void;
}

/** Creates the transport for one server (a fresh one per connection attempt). */
export function createTransport(config: ServerConfig, deps: TransportDeps): UpstreamTransport {
  const maxMessageBytes = deps.limits.maxUpstreamMessageBytes;
  if (config.transport === 'stdio') {
    if (!config.command) throw new Error(`server ${config.name}: stdio transport needs a command`);
    return new StdioTransport({
      command: config.command,
      args: config.args,
      env: config.env,
      ...(config.cwd === undefined ? {} : { cwd: config.cwd }),
      maxMessageBytes,
      log: deps.log,
      ...(deps.onStderr ? { onStderr: deps.onStderr } : {}),
    });
  }
  if (!config.url) throw new Error(`server ${config.name}: ${config.transport} transport needs a url`);
  const http = { url: config.url, headers: config.headers, maxMessageBytes, log: deps.log };
  return config.transport === 'sse' ? new SseTransport(http) : new StreamableHttpTransport(http);
}
