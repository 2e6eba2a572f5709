/**
 * The stdio transport: spawns the server as a child in its own process group, speaks
 * newline-delimited JSON-RPC on its stdin/stdout, and kills the whole group on close (and,
 * synchronously, when the gateway process exits) so no grandchild outlives the gateway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { JsonRpcMessage } from '../protocol/jsonrpc.js';
import type { Logger } from '../telemetry/logger.js';
import { LineSplitter } from './lines.js';
import type { TransportMessageContext, UpstreamTransport } from './types.js';
import { parseJsonRpc } from './wire.js';

/** Options for a stdio upstream. */
export interface StdioTransportOptions {
  command: string;
  args: string[];
  /** Extra environment, merged over the gateway's own. */
  env: Record<string, string>;
  cwd?: string;
  /** Lines on stdout longer than this are dropped (with a log). */
  maxMessageBytes: number;
  log: Logger;
  /** Receives each line the child writes to stderr. */
  onStderr?: (line: string) => void;
  /** How long to wait after SIGTERM before SIGKILL, in ms (default 2000). */
  killGraceMs?: number;
}

/** Process groups of live children, killed synchronously when the gateway exits. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** SIGKILLs every live child process group, synchronously. Safe to call at any time. */
export function killAllChildrenSync(): void {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  liveGroups.clear();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllChildrenSync);
}

function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A JSON-RPC connection to a child process over stdio. */
export class StdioTransport implements UpstreamTransport {
  readonly kind = 'stdio' as const;
  onmessage?: (message: JsonRpcMessage, context: TransportMessageContext) => void;
  onclose?: (reason?: Error) => void;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private closing = false;
  private closedReported = false;
  private readonly opts: StdioTransportOptions;

  constructor(options: StdioTransportOptions) {
    this.opts = options;
  }

  /** The child's pid (also its process group id) while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns the child; rejects with a clear error if it cannot be started. */
  async start(): Promise<void> {
    if (this.child) throw new Error('stdio transport already started');
    const { command, args, env, cwd, log } = this.opts;
    installExitHook();
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      cwd,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.child = child;
    const out = new LineSplitter(this.opts.maxMessageBytes, (line) => this.onLine(line), (size) =>
      log.warn({ size, limit: this.opts.maxMessageBytes }, 'upstream stdout line over the size limit dropped'),
    );
    const err = new LineSplitter(64 * 1024, (line) => this.opts.onStderr?.(line.toString('utf8')), () => undefined);
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin?.on('error', (e) => log.debug({ err: e.message }, 'upstream stdin error'));
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        if (child.pid !== undefined) liveGroups.delete(child.pid);
        if (child.pid !== undefined && !this.closing) killGroup(child.pid, 'SIGKILL'); // orphaned grandchildren
        resolve();
        this.reportClose(new Error(`process exited (${signal ? `signal ${signal}` : `code ${String(code)}`})`));
      });
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => {
        if (child.pid !== undefined) liveGroups.add(child.pid);
        resolve();
      });
      child.on('error', (e: NodeJS.ErrnoException) => {
        if (child.pid !== undefined) {
          log.warn({ err: e.message }, 'upstream child process error');
          return;
        }
        const error =
          e.code === 'ENOENT'
            ? new Error(`cannot start "${command}": command not found (ENOENT); check the command and PATH`)
            : new Error(`cannot start "${command}": ${e.message}`);
        reject(error);
        this.reportClose(error);
      });
    });
  }

  /** Writes one message as a line; waits for the pipe to drain when it is full. */
  async send(message: JsonRpcMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || !stdin.writable || this.closing) throw new Error('stdio transport is not connected');
    const ok = stdin.write(`${JSON.stringify(message)}\n`);
    if (!ok) await new Promise<void>((resolve) => stdin.once('drain', resolve));
  }

  /** Closes stdin, SIGTERMs the process group, SIGKILLs it after the grace period. */
  async close(): Promise<void> {
    const child = this.child;
    if (this.closing || !child) return;
    this.closing = true;
    const pgid = child.pid;
    child.stdin?.end();
    if (pgid === undefined) return;
    const grace = this.opts.killGraceMs ?? 2000;
    killGroup(pgid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((r) => (timer = setTimeout(r, grace)));
    await Promise.race([this.exited, timeout]);
    // The leader is gone (or too slow); give the rest of the group what is left of the grace.
    const until = Date.now() + (child.exitCode === null && child.signalCode === null ? 0 : grace);
    while (Date.now() < until && killGroup(pgid, 0)) await sleep(25);
    clearTimeout(timer);
    killGroup(pgid, 'SIGKILL');
    liveGroups.delete(pgid);
    await Promise.race([this.exited, sleep(grace)]);
  }

  private onLine(line: Buffer): void {
    if (line.length === 0) return;
    const parsed = parseJsonRpc(line.toString('utf8'));
    if (!parsed.ok) {
      this.opts.log.warn({ reason: parsed.reason }, 'upstream wrote a line that is not JSON-RPC; dropped');
      return;
    }
    for (const m of parsed.messages) this.onmessage?.(m, {});
  }

  private reportClose(reason: Error): void {
    if (this.closedReported || this.closing) return;
    this.closedReported = true;
    this.onclose?.(reason);
  }
}
