/**
 * Helpers for the process-level end-to-end tests (test/e2e): paths of the real upstream servers,
 * process-tree inspection and cleanup, a raw HTTP client with a deadline, a line-based JSON-RPC
 * driver for `portcullis stdio`, and the MCP Inspector CLI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { CLI, NODE22, ROOT } from './gateway.js';

const require = createRequire(join(ROOT, 'package.json'));

/** The bin file of an installed package (first entry of its package.json `bin`). */
export function binOf(pkg: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const json = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof json.bin === 'string' ? json.bin : Object.values(json.bin ?? {})[0];
  if (bin === undefined) throw new Error(`${pkg} has no bin`);
  return join(dirname(manifest), bin);
}

/** The official reference servers, run with the current Node. */
export const EVERYTHING = binOf('@modelcontextprotocol/server-everything');
export const FILESYSTEM = binOf('@modelcontextprotocol/server-filesystem');
/** The MCP Inspector launcher (needs Node >= 22.19: run with NODE22). */
export const INSPECTOR = join(ROOT, 'node_modules', '@modelcontextprotocol', 'inspector', 'clients', 'launcher', 'build', 'index.js');
/** The tsx loader, for fixture servers written in TypeScript. */
export const TSX_IMPORT = ['--import', 'tsx'];

/** A YAML/JSON-safe quoted string. */
export const q = (s: string): string => JSON.stringify(s);

/** A YAML server entry that runs `node <args>`. */
export function nodeServer(name: string, args: string[], extra = ''): string {
  return `  ${name}:\n    command: ${q(process.execPath)}\n    args: [${args.map(q).join(', ')}]\n${extra}`;
}

/** True if the pid no longer runs (absent, or a zombie nobody reaped yet). */
export function gone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

/** The command line of a pid ('' when gone). */
export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Direct children of a pid (from /proc/<pid>/task/<tid>/children). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/)) if (c) out.push(Number(c));
    } catch {
      // task ended meanwhile
    }
  }
  return out;
}

/** Every descendant of a pid (not the pid itself). */
export function descendantsOf(pid: number): number[] {
  const seen: number[] = [];
  const queue = childrenOf(pid);
  while (queue.length > 0) {
    const p = queue.shift()!;
    if (seen.includes(p)) continue;
    seen.push(p);
    queue.push(...childrenOf(p));
  }
  return seen;
}

/** Kills pids (and their process groups) with SIGKILL, ignoring the ones already gone. */
export function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // gone, or not a group leader
      }
    }
  }
}

/**
 * A list for the pids a test starts or sees, killed (with their process groups) after each test of
 * the calling file whatever happened, then emptied. Call once, at the top level of a test file:
 * it registers a vitest `afterEach`.
 */
export function killedAfterEach(): number[] {
  const pids: number[] = [];
  afterEach(() => {
    killAll(pids);
    pids.length = 0;
  });
  return pids;
}

/** This process's descendants (any depth) whose command line mentions one of `scripts`. */
export function childrenRunning(...scripts: string[]): number[] {
  return descendantsOf(process.pid).filter((p) => scripts.some((s) => cmdline(p).includes(s)));
}

/** A raw HTTP response. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** One raw HTTP request with a hard deadline (rejects with `timeout` when it passes). */
export function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers };
    if (opts.body !== undefined && headers['content-length'] === undefined) headers['content-length'] = String(Buffer.byteLength(opts.body));
    const req = request(url, { method: opts.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    const timer = setTimeout(() => {
      req.destroy(new Error('timeout'));
    }, opts.timeoutMs ?? 15_000);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** The JSON-RPC messages carried by an SSE body (`data:` lines joined per event). */
export function sseMessages(text: string): unknown[] {
  const out: unknown[] = [];
  for (const event of text.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data !== '') out.push(JSON.parse(data));
  }
  return out;
}

/** A `portcullis stdio` process driven line by line. */
export interface StdioGateway {
  child: ChildProcess;
  /** Every JSON line it wrote to stdout so far, parsed. */
  messages: unknown[];
  /** Everything it wrote to stderr (the log). */
  log(): string;
  send(line: string): void;
  /** Sends a request and waits for the response with its id. */
  request(method: string, params: Record<string, unknown>, id: number | string): Promise<{ result?: Record<string, unknown>; error?: { code: number; message: string } }>;
  stop(): Promise<void>;
}

/** Starts `portcullis stdio --config FILE [args]` with piped stdio (own process group). */
export function startStdioGateway(configFile: string, extraArgs: string[] = []): StdioGateway {
  const child = spawn(process.execPath, [CLI, 'stdio', '--config', configFile, ...extraArgs], {
    cwd: dirname(configFile),
    env: { ...process.env, PORTCULLIS_LOG_LEVEL: process.env.PORTCULLIS_LOG_LEVEL ?? 'info', PORTCULLIS_STATE_DIR: dirname(configFile) },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const messages: unknown[] = [];
  let err = '';
  let buf = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line === '') continue;
      try {
        messages.push(JSON.parse(line));
      } catch {
        messages.push({ unparseable: line });
      }
    }
  });
  child.stdin!.on('error', () => {
    // the process may be gone when a test writes after stopping it
  });
  const self: StdioGateway = {
    child,
    messages,
    log: () => err,
    send: (line) => {
      child.stdin!.write(`${line}\n`);
    },
    request: async (method, params, id) => {
      self.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
      const found = await waitFor(() => messages.find((m) => (m as { id?: unknown }).id === id), 30_000).catch((e: unknown) => {
        throw new Error(`${method} ${String(id)}: ${String(e)}; mentioned: ${JSON.stringify(messages).includes(String(id))}, requests: ${JSON.stringify(messages.filter((m) => (m as { method?: string }).method !== undefined)).slice(0, 800)}, unparseable: ${messages.filter((m) => (m as { unparseable?: string }).unparseable !== undefined).length}; ${messages.length} messages so far, the last: ${JSON.stringify(messages.slice(-2)).slice(0, 1000)}\nlog tail:\n${err.slice(-2000)}`);
      });
      return found as { result?: Record<string, unknown>; error?: { code: number; message: string } };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => killAll([child.pid!]), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.stdin!.end();
      }),
  };
  return self;
}

async function waitFor<T>(fn: () => T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`no answer in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The result of one MCP Inspector CLI run. */
export interface InspectorRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The JSON document it printed (the first top-level `{…}` of stdout). */
  json(): Record<string, unknown>;
}

/** Finds and parses the first complete top-level JSON object in text that may carry warnings. */
export function firstJsonObject(text: string): Record<string, unknown> {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    // Try each closing brace from the end: the object may be pretty-printed over many lines.
    for (let end = text.lastIndexOf('}'); end > start; end = text.lastIndexOf('}', end - 1)) {
      try {
        return JSON.parse(text.slice(start, end + 1)) as Record<string, unknown>;
      } catch {
        // keep looking
      }
    }
  }
  throw new Error(`no JSON object in output:\n${text}`);
}

/** Runs the Inspector CLI (`--cli ARGS`) with Node 22, killed after `timeoutMs`. */
export function runInspector(args: string[], timeoutMs = 60_000): Promise<InspectorRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE22, [INSPECTOR, '--cli', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => killAll([child.pid!, ...descendantsOf(child.pid!)]), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // The Inspector may leave a stdio server behind in its group if it crashed: clean up.
      killAll([child.pid!]);
      resolve({ code, stdout, stderr, json: () => firstJsonObject(stdout) });
    });
  });
}
