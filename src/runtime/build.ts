/**
 * Builds a gateway core from a config: upstream factory, default filters, pin store, identity.
 * Shared by `portcullis start` (HTTP) and `portcullis stdio`.
 */
import { join } from 'node:path';
import type { GatewayConfig } from '../config/types.js';
import { Gateway } from '../gateway/core.js';
import { defaultFilters } from '../policies/defaults.js';
import { openPinStore, type PinStore } from '../storage/pin-store.js';
import type { Logger } from '../telemetry/logger.js';
import { createUpstream } from '../upstreams/client.js';
import { IDENTITY } from '../version.js';

/** The pin store file inside the state directory. */
export const PINS_FILE = 'pins.db';

/** Opens the pin store a config names (SQLite in `state.dir`, or memory). */
export function openConfiguredPinStore(config: GatewayConfig): Promise<PinStore> {
  return config.state.pins === 'memory' ? openPinStore({ kind: 'memory' }) : openPinStore({ kind: 'sqlite', path: join(config.state.dir, PINS_FILE) });
}

/** Creates (but does not start) the gateway core for a config. */
export function buildGateway(config: GatewayConfig, log: Logger): Gateway {
  const gateway: Gateway = new Gateway({
    config,
    log,
    identity: IDENTITY,
    createUpstream: (server, events) => createUpstream(server, events, { log: log.child({ upstream: server.name }), limits: gateway.currentConfig.limits }),
    filters: (c) => defaultFilters(c, { isExposed: (p, t) => gateway.isExposedTool(p, t), hiddenReason: (p, t) => gateway.hiddenToolReason(p, t) }),
    openPinStore: openConfiguredPinStore,
  });
  return gateway;
}
