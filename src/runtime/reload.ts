/**
 * Hot reload shared by `portcullis start` and `portcullis stdio`: watches the config file, applies a
 * valid change to the running gateway (sessions stay), and logs a rejected one with its positions
 * while the previous config keeps running.
 */
import { diffConfig, watchConfig, type ConfigWatch } from '../config/watch.js';
import type { GatewayConfig } from '../config/types.js';
import type { Gateway } from '../gateway/core.js';
import type { Logger } from '../telemetry/logger.js';

/** Watches `path` (nothing to watch for the embedded default) and reloads `gateway` on change. */
export function watchAndReload(path: string | undefined, gateway: Gateway, log: Logger, adjust: (c: GatewayConfig) => GatewayConfig = (c) => c): ConfigWatch | undefined {
  if (path === undefined) return undefined;
  return watchConfig(
    path,
    (next) => {
      const merged = adjust(next);
      const diff = diffConfig(gateway.currentConfig, merged);
      if (diff.listenChanged) log.warn('listen settings changed; they apply after a restart');
      gateway.reload(merged);
      log.info({ added: diff.addedServers, removed: diff.removedServers, changed: diff.changedServers }, 'config reloaded');
    },
    (err) => log.error({ problems: err.message }, 'config reload rejected; the previous config keeps running'),
  );
}
