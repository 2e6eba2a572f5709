import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigError } from './config-error.js';
import { parseConfigText } from './load.js';
import type { GatewayConfig } from './types.js';
import { diffConfig, watchConfig, type ConfigWatch } from './watch.js';

const cfg = (text: string) => parseConfigText(text, 'x.yaml', {});

describe('diffConfig', () => {
  const base = cfg('servers:\n  a: { command: x }\n  b: { command: y }\n  c: { url: "http://h/mcp" }\n');

  it('reports nothing for equal configs', () => {
    expect(diffConfig(base, cfg('servers:\n  a: { command: x }\n  b: { command: y }\n  c: { url: "http://h/mcp" }\n'))).toEqual({
      addedServers: [],
      removedServers: [],
      changedServers: [],
      profilesChanged: false,
      listenChanged: false,
      limitsChanged: false,
      loggingChanged: false,
    });
  });

  it('finds added, removed and changed servers', () => {
    const next = cfg('servers:\n  a: { command: x, env: { K: v } }\n  c: { url: "http://h/mcp" }\n  d: { command: z }\n');
    const d = diffConfig(base, next);
    expect(d.addedServers).toEqual(['d']);
    expect(d.removedServers).toEqual(['b']);
    expect(d.changedServers).toEqual(['a']);
    expect(d.profilesChanged).toBe(true); // the default profile's server list changed
  });

  it('flags listen, limits, logging, separator and profile changes', () => {
    const same = 'servers:\n  a: { command: x }\n  b: { command: y }\n  c: { url: "http://h/mcp" }\n';
    expect(diffConfig(base, cfg(`${same}listen: { port: 1 }`)).listenChanged).toBe(true);
    expect(diffConfig(base, cfg(`${same}limits: { maxSessions: 1 }`)).limitsChanged).toBe(true);
    expect(diffConfig(base, cfg(`${same}logging: { level: debug }`)).loggingChanged).toBe(true);
    expect(diffConfig(base, cfg(`${same}namespaceSeparator: "."`)).profilesChanged).toBe(true);
    expect(diffConfig(base, cfg(`${same}profiles: { p: {} }`)).profilesChanged).toBe(true);
    expect(diffConfig(base, cfg(`${same}limits: { requestTimeoutMs: 5 }`)).changedServers).toEqual(['a', 'b', 'c']);
  });
});

describe('watchConfig', () => {
  let w: ConfigWatch | undefined;
  afterEach(() => w?.close());

  /** Resolves with the next onChange or onError. */
  function next(file: string): { changes: GatewayConfig[]; errors: ConfigError[]; wait: (n: number) => Promise<void> } {
    const changes: GatewayConfig[] = [];
    const errors: ConfigError[] = [];
    let notify = (): void => undefined;
    w = watchConfig(
      file,
      (c) => {
        changes.push(c);
        notify();
      },
      (e) => {
        errors.push(e);
        notify();
      },
      { debounceMs: 50, env: {} },
    );
    const wait = (n: number) =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (changes.length + errors.length >= n) resolve();
        };
        notify = check;
        check();
      });
    return { changes, errors, wait };
  }

  it('delivers a valid new file, reports a bad one, and recovers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-watch-'));
    const file = join(dir, 'portcullis.yaml');
    writeFileSync(file, 'servers:\n  a: { command: x }\n');
    const seen = next(file);
    await new Promise((r) => setTimeout(r, 50));

    writeFileSync(file, 'servers:\n  a: { command: x }\n  b: { command: y }\n');
    await seen.wait(1);
    expect(Object.keys(seen.changes[0]?.servers ?? {})).toEqual(['a', 'b']);

    // Editors write a temp file and rename it over the original.
    writeFileSync(join(dir, 'tmp.yaml'), 'servers:\n  a: { comand: x }\n');
    renameSync(join(dir, 'tmp.yaml'), file);
    await seen.wait(2);
    expect(seen.errors[0]?.message).toContain(`${file}:2:8 servers.a.comand: unknown key "comand" (did you mean "command"?)`);

    writeFileSync(file, 'servers: {}\n');
    await seen.wait(3);
    expect(seen.changes[1]?.servers).toEqual({});
  });

  it('ignores other files in the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-watch-'));
    const file = join(dir, 'portcullis.yaml');
    writeFileSync(file, '');
    const seen = next(file);
    writeFileSync(join(dir, 'other.yaml'), 'nonsense: [');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.changes).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});
