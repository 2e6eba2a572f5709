/**
 * Starting and stopping the processes of a benchmark run: upstreams, gateways, the bare hop and the
 * driver. Every child gets its own process group and is killed with it.
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The preload that exposes event-loop delay over IPC. */
export const PROBE = join(ROOT, 'bench', 'probe.mjs');

/** A started child process that printed `listening <url>`. */
export interface Started {
  name: string;
  child: ChildProcess;
  pid: number;
  url: string;
  /** Whether bench/probe.mjs is preloaded (event-loop delay over IPC). */
  probed: boolean;
}

const started: ChildProcess[] = [];

/** Spawns `node <args>` and waits for its `listening <url>` line. */
export async function startListening(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  started.push(child);
  let out = '';
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${name} did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer): void => {
      if (out.length < 20_000) out += d.toString();
      const m = /listening (http:\/\/[^\s"/]+(?::\d+)?)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`${name} exited with ${code}:\n${out}`));
    });
  });
  // Keep draining the pipes so a chatty child never blocks on a full pipe.
  child.stdout!.removeAllListeners('data');
  child.stderr!.removeAllListeners('data');
  child.stdout!.resume();
  child.stderr!.resume();
  return { name, child, pid: child.pid!, url, probed: args.includes(PROBE) };
}

/** A free TCP port on 127.0.0.1 (bound and released). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((res) => {
    const sock = connect(port, '127.0.0.1');
    sock.once('connect', () => {
      sock.destroy();
      res(true);
    });
    sock.once('error', () => res(false));
  });
}

/** Spawns `node <args>` for a program that prints no `listening` line, and waits until `port` accepts. */
export async function startOnPort(name: string, args: string[], port: number): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: process.env, stdio: ['ignore', 'ignore', 'ignore'], detached: true });
  started.push(child);
  const end = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (Date.now() > end) throw new Error(`${name} did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { name, child, pid: child.pid!, url: `http://127.0.0.1:${port}`, probed: false };
}

/** Forks the driver (a separate process, so it never shares an event loop with what it measures). */
export async function startDriver(): Promise<ChildProcess> {
  const child = fork(join(ROOT, 'bench', 'driver.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  started.push(child);
  await new Promise<void>((res, rej) => {
    child.once('message', () => res());
    child.once('exit', (code) => rej(new Error(`driver exited with ${code}`)));
  });
  return child;
}

/** Sends one message and waits for the next reply. */
export function ask<T>(child: ChildProcess, msg: unknown, predicate: (m: unknown) => boolean = () => true): Promise<T> {
  return new Promise<T>((res, rej) => {
    const onMsg = (m: unknown): void => {
      if (!predicate(m)) return;
      child.off('message', onMsg);
      child.off('exit', onExit);
      res(m as T);
    };
    const onExit = (code: number | null): void => {
      child.off('message', onMsg);
      rej(new Error(`process exited with ${code}`));
    };
    child.on('message', onMsg);
    child.once('exit', onExit);
    child.send(msg as object);
  });
}

/** Event-loop delay of a probed process (see probe.mjs), in ms. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  heapUsed: number;
}

/** Resets a probed process's event-loop histogram. */
export async function probeReset(s: Started): Promise<void> {
  await ask(s.child, { probe: 'reset' }, (m) => (m as { probe?: string }).probe === 'reset');
}

/** Reads a probed process's event-loop histogram. */
export function probeRead(s: Started): Promise<LoopDelay> {
  return ask<LoopDelay>(s.child, { probe: 'read' }, (m) => (m as { probe?: string }).probe === 'read');
}

/** Stops one child: SIGTERM, then SIGKILL to its group after 5 s. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise<void>((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res();
    const t = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(t);
      res();
    });
    child.kill('SIGTERM');
  });
}

function killGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, sig);
  } catch {
    try {
      child.kill(sig);
    } catch {
      // gone
    }
  }
}

/** Kills every started child's process group at once (for signals and crashes). */
export function killAll(): void {
  for (const c of started) killGroup(c, 'SIGKILL');
}

/** Stops every child this module started (in reverse order). */
export async function stopAll(): Promise<void> {
  for (const c of started.reverse()) await stop(c);
  for (const c of started) killGroup(c, 'SIGKILL');
}
