/**
 * Child-process bookkeeping for the conformance harness: every child runs in its own process group and is
 * registered, so one call (or a signal, or an uncaught failure) kills every group that is still alive.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { ChildProcess, SpawnOptions } from 'node:child_process';

const live = new Set<ChildProcess>();
/** Command-line markers of grandchildren that may live in process groups of their own. */
const sweepMarkers = new Set<string>();

/** Registers a marker whose processes {@link killAllSync} also kills (e.g. a gateway's stdio upstream). */
export function sweepOnExit(marker: string): void {
  sweepMarkers.add(marker);
}

/** A spawned child plus the output it produced so far (bounded), for diagnostics. */
export interface Spawned {
  child: ChildProcess;
  name: string;
  /** The last ~64 KiB of stdout+stderr. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the child has exited. */
  exited: Promise<number | string>;
}

const OUTPUT_LIMIT = 64 * 1024;

/** Spawns `command` in a new process group and tracks it until it exits. */
export function spawnTracked(name: string, command: string, args: string[], options: SpawnOptions = {}): Spawned {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  let buffer = '';
  const append = (chunk: Buffer): void => {
    buffer += chunk.toString('utf8');
    if (buffer.length > OUTPUT_LIMIT) buffer = buffer.slice(buffer.length - OUTPUT_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      live.delete(child);
      append(Buffer.from(`\n[spawn error] ${error.message}\n`));
      resolve('spawn-error');
    });
  });
  return { child, name, output: () => buffer, exited };
}

/** Sends `signal` to the child's whole process group (falls back to the child alone). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Stops one child: SIGTERM to its group, SIGKILL after `graceMs`. */
export async function stopTracked(spawned: Spawned, graceMs = 2000): Promise<void> {
  signalGroup(spawned.child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(spawned.child, 'SIGKILL'), graceMs);
  await spawned.exited;
  clearTimeout(timer);
  // The leader is gone; make sure nothing it started outlives it.
  if (spawned.child.pid !== undefined) {
    try {
      process.kill(-spawned.child.pid, 'SIGKILL');
    } catch {
      // group already empty
    }
  }
}

/**
 * Stops a process the way an operator would: SIGTERM to the leader alone (not its group), so it has to shut
 * down its own children; SIGKILL to the group after `graceMs`. Resolves whether it exited on its own.
 */
export async function stopLeaderFirst(spawned: Spawned, graceMs = 5000): Promise<boolean> {
  const pid = spawned.child.pid;
  if (pid === undefined || spawned.child.exitCode !== null || spawned.child.signalCode !== null) return true;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    signalGroup(spawned.child, 'SIGKILL');
  }, graceMs);
  await spawned.exited;
  clearTimeout(timer);
  return !timedOut;
}

/** PIDs of live processes whose command line contains `marker` (Linux /proc; empty elsewhere). */
export function findProcessesByMarker(marker: string): number[] {
  if (!existsSync('/proc')) return [];
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) found.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return found;
}

/** SIGKILLs the given PIDs, ignoring ones already gone. */
export function killPids(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** Synchronously SIGKILLs every tracked process group (for exit and signal paths). */
export function killAllSync(): void {
  for (const child of live) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  live.clear();
  for (const marker of sweepMarkers) killPids(findProcessesByMarker(marker));
}

/**
 * Waits until a line of the child's stdout or stderr matches `pattern`, and resolves with the first capture
 * group. Rejects when the child exits first or `timeoutMs` passes.
 */
export function waitForLine(spawned: Spawned, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const cleanup = (): void => {
      clearTimeout(timer);
      spawned.child.stdout?.off('data', onData);
      spawned.child.stderr?.off('data', onData);
    };
    const onData = (chunk: Buffer): void => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = pattern.exec(line);
        if (match) {
          cleanup();
          resolve(match[1] ?? match[0]);
          return;
        }
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${spawned.name}: no line matching ${pattern} within ${timeoutMs} ms\n${spawned.output()}`));
    }, timeoutMs);
    spawned.child.stdout?.on('data', onData);
    spawned.child.stderr?.on('data', onData);
    spawned.exited
      .then((code) => {
        cleanup();
        reject(new Error(`${spawned.name} exited (${code}) before it was ready\n${spawned.output()}`));
      })
      .catch(() => undefined);
  });
}

/** Installs exit/signal hooks that kill every tracked group, once. */
export function installCleanupHooks(): void {
  process.once('exit', killAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllSync();
      process.exit(130);
    });
  }
}
