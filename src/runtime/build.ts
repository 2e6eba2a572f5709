/**
 * Builds a gateway core from a config: upstream factory, default filters, identity. Shared by
 * `portcullis start` (HTTP) and `portcullis stdio`.
 */
import type { GatewayConfig } from '../config/types.js';
import { Gateway } from '../gateway/core.js';
import { defaultFilters } from '../policies/defaults.js';
import type { Logger } from '../telemetry/logger.js';
import { createUpstream } from '../upstreams/client.js';
import { IDENTITY } from '../version.js';

/** Creates (but does not start) the gateway core for a config. */
export function buildGateway(config: GatewayConfig, log: Logger): Gateway {
  const gateway: Gateway = new Gateway({
    config,
    log,
    identity: IDENTITY,
    createUpstream: (server, events) => createUpstream(server, events, { log: log.child({ upstream: server.name }), limits: gateway.currentConfig.limits }),
    filters: (c) => defaultFilters(c, (profile, tool) => gateway.isExposedTool(profile, tool)),
  });
  return gateway;
}
