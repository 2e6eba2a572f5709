/**
 * Hot reload: watch the config file and hand each valid new version to the caller; compare two
 * configs so the runtime restarts only what changed.
 */
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ConfigError } from './config-error.js';
import { parseConfigText } from './load.js';
import type { GatewayConfig } from './types.js';

/** A running watch. */
export interface ConfigWatch {
  /** Stops watching; pending reloads are dropped. */
  close(): void;
}

/** Options for `watchConfig`. */
export interface WatchOptions {
  /** Quiet period after the last change before re-reading, in ms (default 200). */
  debounceMs?: number;
  /** Environment for `${env:…}` references (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Watches `path` (through its directory, since editors replace files rather than write them) and,
 * 200 ms after the last change, re-reads it. A valid file whose text changed is passed to
 * `onChange`; an invalid or unreadable one to `onError` — the caller keeps its current config.
 */
export function watchConfig(
  path: string,
  onChange: (config: GatewayConfig) => void,
  onError: (err: ConfigError) => void,
  options: WatchOptions = {},
): ConfigWatch {
  const file = resolve(path);
  const name = basename(file);
  const debounceMs = options.debounceMs ?? 200;
  const env = options.env ?? process.env;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let lastText: string | undefined;
  let generation = 0;

  // Remember the text as it is now (synchronously, so no early change is missed), so a touch
  // that changes nothing does not reload.
  try {
    lastText = readFileSync(file, 'utf8');
  } catch {
    lastText = undefined;
  }

  const reload = async (): Promise<void> => {
    const mine = ++generation;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (closed || mine !== generation) return;
      const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
      lastText = undefined;
      onError(new ConfigError([{ file, line: 0, col: 0, path: '<file>', problem: `cannot read the file (${code})`, expected: 'a readable YAML file' }], { cause: err }));
      return;
    }
    if (closed || mine !== generation || text === lastText) return;
    lastText = text;
    let config: GatewayConfig;
    try {
      config = parseConfigText(text, file, env);
    } catch (err) {
      if (err instanceof ConfigError) onError(err);
      else onError(new ConfigError([{ file, line: 0, col: 0, path: '<root>', problem: String(err), expected: 'a valid config' }], { cause: err }));
      return;
    }
    onChange(config);
  };

  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload();
    }, debounceMs);
  };

  const watcher: FSWatcher = watch(dirname(file), { persistent: false }, (_event, changed) => {
    // `..data` is how Kubernetes swaps a mounted ConfigMap; the text comparison drops non-changes.
    const f = changed?.toString();
    if (f === undefined || f === name || f.startsWith('..data')) schedule();
  });
  watcher.on('error', (err) => {
    if (!closed) onError(new ConfigError([{ file, line: 0, col: 0, path: '<file>', problem: `watching stopped (${err.message})`, expected: 'a watchable directory' }], { cause: err }));
  });

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}

/** What changed between two configs. */
export interface ConfigDiff {
  /** Servers only in the new config. */
  addedServers: string[];
  /** Servers only in the old config. */
  removedServers: string[];
  /** Servers in both whose settings differ (restart these). */
  changedServers: string[];
  /** Profiles or the namespace separator differ (rebuild catalogs). */
  profilesChanged: boolean;
  /** Listener settings differ (rebind; existing sessions end). */
  listenChanged: boolean;
  /** Limits differ (apply to new requests). */
  limitsChanged: boolean;
  /** Logging differs. */
  loggingChanged: boolean;
}

/** Compares two configs; `changedServers` uses a deep comparison of each `ServerConfig`. */
export function diffConfig(prev: GatewayConfig, next: GatewayConfig): ConfigDiff {
  const before = Object.keys(prev.servers);
  const after = Object.keys(next.servers);
  return {
    addedServers: after.filter((n) => !(n in prev.servers)),
    removedServers: before.filter((n) => !(n in next.servers)),
    changedServers: after.filter((n) => n in prev.servers && !isDeepStrictEqual(prev.servers[n], next.servers[n])),
    profilesChanged:
      !isDeepStrictEqual(prev.profiles, next.profiles) || prev.namespaceSeparator !== next.namespaceSeparator,
    listenChanged: !isDeepStrictEqual(prev.listen, next.listen),
    limitsChanged: !isDeepStrictEqual(prev.limits, next.limits),
    loggingChanged: !isDeepStrictEqual(prev.logging, next.logging),
  };
}
