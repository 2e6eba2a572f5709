/**
 * A minimal JSON-RPC client over a child process's stdio, just enough to read what an MCP server
 * shows a model (`initialize`, the four list methods). Raw on purpose: no SDK schema validation,
 * so the snapshot holds exactly what the server sent. The child runs in its own process group and
 * is killed with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** A JSON-RPC error answered by the server. */
export class RpcError extends Error {
  /** The JSON-RPC error code. */
  readonly code: number;

  /** Wraps the server's error object. */
  constructor(code: number, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

/** A running stdio server with a request method. */
export interface StdioRpc {
  /** Sends a request and resolves with its result (rejects on error, exit or deadline). */
  request(method: string, params?: Record<string, unknown>, deadlineMs?: number): Promise<Record<string, unknown>>;
  /** Sends a notification. */
  notify(method: string, params?: Record<string, unknown>): void;
  /** Everything the server wrote to stderr (bounded to the last 8 KiB). */
  stderr(): string;
  /** Stops the server and its process group. */
  close(): Promise<void>;
}

interface Pending {
  resolve: (v: Record<string, unknown>) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

const MAX_STDERR = 8192;
const MAX_LINE = 16 * 1024 * 1024;

/** Answers the server→client requests a capture may see (roots, ping); refuses the rest. */
function answerServerRequest(method: string): { result?: unknown; error?: { code: number; message: string } } {
  if (method === 'ping') return { result: {} };
  if (method === 'roots/list') return { result: { roots: [] } };
  return { error: { code: -32601, message: 'not supported by the capture client' } };
}

/** Spawns `command args` with `env` and returns a JSON-RPC handle on its stdio. */
export function startStdioRpc(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): StdioRpc {
  const child: ChildProcess = spawn(command, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let buffer = '';
  let errText = '';
  let exited = false;

  const failAll = (why: string): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(new Error(why));
    }
  };
  const write = (msg: unknown): void => {
    if (!exited && child.stdin?.writable) child.stdin.write(`${JSON.stringify(msg)}\n`);
  };
  const onMessage = (msg: Record<string, unknown>): void => {
    const id = msg.id;
    if (typeof msg.method === 'string') {
      if (id !== undefined) write({ jsonrpc: '2.0', id, ...answerServerRequest(msg.method) });
      return;
    }
    if (typeof id !== 'number') return;
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    const err = msg.error as { code?: number; message?: string } | undefined;
    if (err) p.reject(new RpcError(err.code ?? 0, err.message ?? 'error'));
    else p.resolve((msg.result ?? {}) as Record<string, unknown>);
  };

  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > MAX_LINE) {
      buffer = '';
      failAll('server line too long');
    }
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      try {
        onMessage(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not JSON-RPC (a stray log line on stdout); ignore
      }
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errText = (errText + chunk).slice(-MAX_STDERR);
  });
  child.on('error', (e) => failAll(`spawn failed: ${e.message}`));
  child.on('exit', (code, signal) => {
    exited = true;
    failAll(`server exited (code ${code}, signal ${signal}): ${errText.trim().slice(-400)}`);
  });
  child.stdin?.on('error', () => undefined);

  return {
    request: (method, params, deadlineMs = 20_000) =>
      new Promise((resolve, reject) => {
        if (exited) return reject(new Error(`server already exited: ${errText.trim().slice(-400)}`));
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer within ${deadlineMs} ms`));
        }, deadlineMs);
        pending.set(id, { resolve, reject, timer });
        write({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
      }),
    notify: (method, params) => write({ jsonrpc: '2.0', method, ...(params ? { params } : {}) }),
    stderr: () => errText,
    close: () =>
      new Promise<void>((resolve) => {
        if (exited || child.pid === undefined) return resolve();
        const kill = (sig: NodeJS.Signals): void => {
          try {
            process.kill(-child.pid!, sig);
          } catch {
            // already gone
          }
        };
        const hard = setTimeout(() => kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(hard);
          resolve();
        });
        child.stdin?.end();
        kill('SIGTERM');
      }),
  };
}
