/**
 * Helpers for the upstream process-level tests: server configs for the echo fixture, an event
 * recorder, and an HTTP fixture process.
 */
import { DEFAULT_ACTIONS } from '../../src/config/security.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, vi } from 'vitest';
import type { LimitsConfig, ServerConfig } from '../../src/config/types.js';
import type { JsonRpcNotification, JsonRpcRequest, Outcome } from '../../src/protocol/jsonrpc.js';
import { silentLogger } from '../../src/telemetry/logger.js';
import { createUpstream } from '../../src/upstreams/client.js';
import type { Upstream, UpstreamEvents, UpstreamRequestOptions, UpstreamState } from '../../src/upstreams/types.js';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The echo fixture. */
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'upstream-echo.ts');

/** Limits for tests. */
export const LIMITS: LimitsConfig = { maxBodyBytes: 4e6, maxUpstreamMessageBytes: 4e6, maxResultBytes: 4e6, requestTimeoutMs: 10_000, sessionIdleMs: 60_000, maxSessions: 10 };

/** A server config with test defaults. */
export function serverConfig(over: Partial<ServerConfig>): ServerConfig {
  return { name: 'echo', transport: 'stdio', args: [], env: {}, headers: {}, era: 'auto', prefix: '', timeoutMs: 10_000, maxInFlight: 16, restart: { initialDelayMs: 50, maxDelayMs: 200 }, disabled: false, cwd: ROOT, security: { actions: { ...DEFAULT_ACTIONS }, mode: 'tofu', newItems: 'auto-if-clean', pinTls: false }, ...over };
}

/** A stdio config that runs the fixture with node + tsx. */
export function stdioFixture(era: string, over: Partial<ServerConfig> = {}): ServerConfig {
  return serverConfig({ command: process.execPath, args: ['--import', 'tsx', FIXTURE, '--transport', 'stdio', '--era', era], ...over });
}

/** An upstream plus what its events saw. */
export interface Harness {
  up: Upstream;
  states: UpstreamState[];
  /** The reason given with each `down` state. */
  reasons: string[];
  notifications: JsonRpcNotification[];
  stderr: string[];
}

/** Creates and starts an upstream, waiting until it is ready (unless `waitReady` is false). */
export async function startUpstream(config: ServerConfig, waitReady = true): Promise<Harness> {
  const h: Omit<Harness, 'up'> = { states: [], reasons: [], notifications: [], stderr: [] };
  const events: UpstreamEvents = {
    onNotification: (_n, m) => void h.notifications.push(m),
    onRequest: (_n, r: JsonRpcRequest) => Promise.resolve<Outcome>({ error: { code: -32601, message: `no handler for ${r.method}` } }),
    onStateChange: (_n, s, _info, reason) => {
      h.states.push(s);
      if (reason !== undefined) h.reasons.push(reason);
    },
    onStderr: (_n, line) => void h.stderr.push(line),
  };
  const up = createUpstream(config, events, { log: silentLogger(), limits: LIMITS });
  up.start();
  if (waitReady) await vi.waitFor(() => expect(up.state).toBe('ready'), { timeout: 20_000, interval: 50 });
  return { up, ...h };
}

/** Request options with a fresh signal and a deadline `ms` away. */
export function opts(ms = 10_000, over: Partial<UpstreamRequestOptions> = {}): UpstreamRequestOptions {
  return { signal: new AbortController().signal, deadline: Date.now() + ms, ...over };
}

/** Calls a tool and returns its first text block (or throws with the error). */
export async function callText(up: Upstream, name: string, args: Record<string, unknown> = {}, o: UpstreamRequestOptions = opts()): Promise<string> {
  const r = await up.request('tools/call', { name, arguments: args }, o);
  if ('error' in r) throw new Error(`${name}: ${r.error.message}`);
  const content = r.result.content as { text: string }[];
  return content[0]!.text;
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** A fixture HTTP server process. */
export interface HttpFixture {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the fixture over HTTP or SSE and waits for its `listening` line. */
export async function startHttpFixture(transport: 'http' | 'sse', era: string): Promise<HttpFixture> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, '--transport', transport, '--era', era], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fixture did not start: ${out}`)), 20_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fixture exited ${String(code)}: ${out}`));
    });
  });
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Registers an afterEach that stops every upstream the returned `start` started, and returns that
 * `start` (same arguments as `startUpstream`). Call once at the top of a test file.
 */
export function trackedStarts(): (...args: Parameters<typeof startUpstream>) => Promise<Harness> {
  const started: Upstream[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((u) => u.stop()));
  });
  return async (...args) => {
    const h = await startUpstream(...args);
    started.push(h.up);
    return h;
  };
}
