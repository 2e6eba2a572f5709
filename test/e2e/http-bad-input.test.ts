/**
 * Bad input against a real gateway (fronting server-everything): each HTTP rejection with its status
 * and JSON-RPC error, then a seeded fuzz of thousands of random and mutated JSON-RPC requests over
 * HTTP, and random lines over the stdio ingress. Every answer must be well formed, nothing may hang,
 * and the gateway must keep serving afterwards.
 */
import { prng } from '../helpers/prng.js';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, eventually, startGateway, writeConfig, type GatewayProcess } from '../helpers/gateway.js';
import { EVERYTHING, nodeServer, rawRequest, sseMessages, startStdioGateway, type RawResponse } from '../helpers/e2e.js';

const MAX_BODY = 32 * 1024;
const FUZZ_REQUESTS = 3000;
const FUZZ_CONCURRENCY = 20;
const STDIO_FUZZ_LINES = 400;

const POST = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const META26 = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'fuzz', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };

let config: string;
let gw: GatewayProcess;

beforeAll(async () => {
  config = writeConfig(`limits:\n  maxBodyBytes: ${MAX_BODY}\n  requestTimeoutMs: 20000\nservers:\n${nodeServer('everything', [EVERYTHING, 'stdio'])}`);
  gw = await startGateway(config);
});

afterAll(async () => {
  await gw?.stop();
});

const initialize = (id: number | string = 1): Record<string, unknown> => ({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'fuzz', version: '1' } } });
const modern = (method: string, params: Record<string, unknown> = {}, id: number | string = 1): { headers: Record<string, string>; body: string } => {
  const headers: Record<string, string> = { ...POST, 'mcp-protocol-version': '2026-07-28', 'mcp-method': method };
  if (typeof params.name === 'string') headers['mcp-name'] = params.name;
  return { headers, body: JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: META26 } }) };
};

function rpcError(r: RawResponse): { code: number; message: string } {
  const body = JSON.parse(r.text) as { jsonrpc?: string; error?: { code: number; message: string } };
  expect(body.jsonrpc).toBe('2.0');
  expect(body.error).toBeDefined();
  return body.error!;
}

/** Opens a 2025 session with a raw initialize; returns its id. */
async function openSession(): Promise<string> {
  const r = await rawRequest(gw.url, { headers: POST, body: JSON.stringify(initialize()) });
  expect(r.status).toBe(200);
  const sid = r.headers['mcp-session-id'];
  expect(typeof sid).toBe('string');
  await rawRequest(gw.url, { headers: { ...POST, 'mcp-session-id': sid as string, 'mcp-protocol-version': '2025-11-25' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
  return sid as string;
}

describe('HTTP rejections', () => {
  it('400 -32700 for malformed JSON', async () => {
    for (const body of ['{"jsonrpc":"2.0","id":1,', 'not json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
      const r = await rawRequest(gw.url, { headers: POST, body });
      expect(r.status).toBe(400);
      expect(rpcError(r).code).toBe(-32700);
    }
  });

  it('415 for a wrong content type', async () => {
    const m = modern('tools/list');
    const r = await rawRequest(gw.url, { headers: { ...m.headers, 'content-type': 'text/plain' }, body: m.body });
    expect(r.status).toBe(415);
    rpcError(r);
  });

  it('413 for a body over limits.maxBodyBytes', async () => {
    const m = modern('tools/call', { name: 'everything__echo', arguments: { message: 'x'.repeat(MAX_BODY * 2) } });
    const r = await rawRequest(gw.url, { headers: m.headers, body: m.body }).catch((err: NodeJS.ErrnoException) => err.code ?? String(err));
    // The gateway may close the connection before reading the whole body; when it answers, it is 413.
    if (typeof r === 'string') expect(['ECONNRESET', 'EPIPE']).toContain(r);
    else {
      expect(r.status).toBe(413);
      rpcError(r);
    }
  });

  it('404 for an unknown session id', async () => {
    const r = await rawRequest(gw.url, { headers: { ...POST, 'mcp-session-id': 'no-such-session', 'mcp-protocol-version': '2025-11-25' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) });
    expect(r.status).toBe(404);
    rpcError(r);
  });

  it('403 for a bad Origin and for a bad Host', async () => {
    const m = modern('tools/list');
    const origin = await rawRequest(gw.url, { headers: { ...m.headers, origin: 'http://evil.example' }, body: m.body });
    expect(origin.status).toBe(403);
    rpcError(origin);
    const host = await rawRequest(gw.url, { headers: { ...m.headers, host: 'attacker.example' }, body: m.body });
    expect(host.status).toBe(403);
    rpcError(host);
    // The same request from an allowed origin is served.
    expect((await rawRequest(gw.url, { headers: { ...m.headers, origin: 'http://localhost:3000' }, body: m.body })).status).toBe(200);
  });

  it('404 for an unknown profile path', async () => {
    const m = modern('tools/list');
    const r = await rawRequest(`${gw.url}/no-such-profile`, { headers: m.headers, body: m.body });
    expect(r.status).toBe(404);
    rpcError(r);
  });
});


interface FuzzCase {
  method: string;
  headers: Record<string, string>;
  body: Buffer;
  oversized: boolean;
}

/** Builds random and mutated requests; `sessions` are valid 2025 session ids to mix in. */
function fuzzer(seed: number, sessions: string[]): () => FuzzCase {
  const rnd = prng(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const randomString = (max: number): string => Array.from({ length: int(max) }, () => String.fromCharCode(pick([32 + int(95), int(0x3000), 0x2028, 0xd800 + int(0x800), 0]))).join('');
  const scalars = (): unknown => pick([null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), '', 'x', '2.0', '1.0', '2025-11-25', '2026-07-28', 'everything__echo', 'everything__get-sum', 'tools/list', 'tools/call', 'initialize', 'ping', [], {}, randomString(20)]);
  // Deep nesting is spliced into the text (JSON.stringify itself would overflow the stack).
  const deepText = (depth: number): string => (rnd() < 0.5 ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
  const splice = (text: string): string => text.replace(/"__deep_(\d+)__"/g, (_m, n: string) => deepText(Number(n)));
  const bases = (): Record<string, unknown> =>
    pick([
      initialize(int(1000)),
      { jsonrpc: '2.0', id: int(1000), method: 'tools/list', params: { _meta: META26 } },
      { jsonrpc: '2.0', id: int(1000), method: 'tools/call', params: { name: 'everything__echo', arguments: { message: randomString(10) }, _meta: META26 } },
      { jsonrpc: '2.0', id: int(1000), method: 'tools/call', params: { name: 'everything__get-sum', arguments: { a: 1, b: 2 } } },
      { jsonrpc: '2.0', id: int(1000), method: 'tools/list', params: {} },
      { jsonrpc: '2.0', id: int(1000), method: 'ping' },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: int(10) } },
      { jsonrpc: '2.0', id: int(1000), result: {} },
      { jsonrpc: '2.0', id: int(1000), method: 'server/discover', params: { _meta: META26 } },
      { jsonrpc: '2.0', id: int(1000), method: 'resources/read', params: { uri: 'demo://resource/static/document/architecture.md', _meta: META26 } },
    ]) as Record<string, unknown>;
  const paths = (v: unknown, prefix: string[] = []): string[][] => {
    if (typeof v !== 'object' || v === null) return [prefix];
    return [prefix, ...Object.keys(v).flatMap((k) => paths((v as Record<string, unknown>)[k], [...prefix, k]))];
  };
  const mutate = (msg: Record<string, unknown>): void => {
    const all = paths(msg).filter((p) => p.length > 0);
    if (all.length === 0) {
      msg[randomString(4)] = scalars();
      return;
    }
    const target = pick(all);
    let parent = msg as Record<string, unknown>;
    for (const k of target.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
    const key = target[target.length - 1]!;
    switch (int(6)) {
      case 0:
        delete parent[key];
        break;
      case 1:
        parent[key] = scalars();
        break;
      case 2:
        parent[key] = 'y'.repeat(pick([1000, 10_000, MAX_BODY - 200, MAX_BODY + 10]));
        break;
      case 3:
        parent[key] = `__deep_${pick([10, 100, 1000, 5000, 20_000])}__`;
        break;
      case 4:
        parent[randomString(8)] = scalars();
        break;
      default:
        parent[key] = rnd() < 0.5 ? [parent[key], scalars()] : { v: parent[key] };
    }
  };
  return () => {
    let bodyText: string;
    let body: Buffer;
    const kind = int(10);
    const msg = bases();
    if (kind < 6) {
      for (let i = 0, n = 1 + int(3); i < n; i++) mutate(msg);
      bodyText = splice(JSON.stringify(msg));
    } else if (kind === 6) {
      bodyText = JSON.stringify(rnd() < 0.5 ? [msg, bases()] : scalars());
    } else if (kind === 7) {
      bodyText = JSON.stringify(msg).slice(0, int(JSON.stringify(msg).length));
    } else if (kind === 8) {
      bodyText = randomString(200);
    } else {
      bodyText = JSON.stringify(msg);
    }
    body = Buffer.from(bodyText, 'utf8');
    if (rnd() < 0.1) {
      // Invalid UTF-8 somewhere in the body.
      const at = int(body.length + 1);
      body = Buffer.concat([body.subarray(0, at), Buffer.from(pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]])), body.subarray(at)]);
    }
    const headers: Record<string, string> = {};
    if (rnd() < 0.95) headers['content-type'] = rnd() < 0.8 ? pick(['application/json', 'application/json; charset=utf-8']) : pick(['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', '*/*']);
    if (rnd() < 0.95) headers.accept = rnd() < 0.8 ? 'application/json, text/event-stream' : pick(['application/json', 'text/event-stream', '*/*', 'text/html']);
    if (rnd() < 0.4) headers['mcp-session-id'] = rnd() < 0.6 && sessions.length > 0 ? pick(sessions) : pick(['', 'x', randomString(40).replace(/[^\x21-\x7e]/g, 'a'), '00000000-0000-0000-0000-000000000000']);
    if (rnd() < 0.5) headers['mcp-protocol-version'] = pick(['2025-11-25', '2025-06-18', '2025-03-26', '2026-07-28', '1900-01-01', 'banana', '']);
    if (rnd() < 0.4) headers['mcp-method'] = pick(['tools/list', 'tools/call', 'initialize', 'ping', 'x', '']);
    if (rnd() < 0.2) headers['mcp-name'] = pick(['everything__echo', '=?base64?not base64!?=', `=?base64?${Buffer.from('everything__echo').toString('base64')}?=`, 'x']);
    if (rnd() < 0.05) headers['last-event-id'] = pick(['0', 'x', '999999']);
    if (rnd() < 0.05) headers.origin = pick(['http://localhost:1', 'http://evil.example', 'null']);
    const method = rnd() < 0.97 ? 'POST' : 'DELETE';
    if (method === 'DELETE' && headers['mcp-session-id'] !== undefined && sessions.includes(headers['mcp-session-id'])) headers['mcp-session-id'] = 'not-a-live-session';
    return { method, headers, body, oversized: body.length > MAX_BODY };
  };
}

/** Throws unless a response is a well-formed gateway answer. */
function checkResponse(c: FuzzCase, r: RawResponse): void {
  const where = `${c.method} ${JSON.stringify(c.headers)} ${c.body.subarray(0, 300).toString('utf8')} -> ${r.status} ${r.text.slice(0, 300)}`;
  if (r.status < 200 || r.status > 599) throw new Error(`invalid status: ${where}`);
  if (r.status >= 500) throw new Error(`server error: ${where}`);
  if (r.body.length === 0) {
    if (r.status !== 202 && r.status !== 200 && r.status !== 204) throw new Error(`empty body with ${r.status}: ${where}`);
    return;
  }
  const type = String(r.headers['content-type'] ?? '');
  // A JSON array is a batch response (the 2025-03-26 revision allows batches).
  const messages = (type.startsWith('text/event-stream') ? sseMessages(r.text) : [JSON.parse(r.text) as unknown]).flat();
  for (const m of messages) {
    const msg = m as { jsonrpc?: unknown; id?: unknown; method?: unknown; result?: unknown; error?: { code?: unknown } };
    if (msg.jsonrpc !== '2.0') throw new Error(`not JSON-RPC: ${where}`);
    const ok = typeof msg.method === 'string' || msg.result !== undefined || (msg.error !== undefined && typeof msg.error.code === 'number');
    if (!ok) throw new Error(`not a JSON-RPC message: ${where}`);
  }
}

describe('HTTP fuzz', () => {
  it(`answers ${FUZZ_REQUESTS} random and mutated requests well-formed, without hanging, and keeps serving`, async () => {
    const sessions = [await openSession(), await openSession()];
    const seed = Number(process.env.PORTCULLIS_FUZZ_SEED ?? 20261123);
    const next = fuzzer(seed, sessions);
    const cases = Array.from({ length: FUZZ_REQUESTS }, next);
    const failures: string[] = [];
    const statuses = new Map<number | string, number>();
    let index = 0;
    const worker = async (): Promise<void> => {
      while (index < cases.length) {
        const c = cases[index++]!;
        try {
          const r = await rawRequest(gw.url, { method: c.method, headers: c.headers, body: c.body, timeoutMs: 15_000 });
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          checkResponse(c, r);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          // An oversized body may be cut off by the gateway before it is fully sent.
          if (c.oversized && (code === 'ECONNRESET' || code === 'EPIPE')) {
            statuses.set(code, (statuses.get(code) ?? 0) + 1);
            continue;
          }
          failures.push(`${String(err)} [seed ${seed}, case ${cases.indexOf(c)}] ${c.method} ${JSON.stringify(c.headers)} ${c.body.subarray(0, 200).toString('utf8')}`);
        }
      }
    };
    await Promise.all(Array.from({ length: FUZZ_CONCURRENCY }, worker));
    expect(failures.slice(0, 10), `statuses ${JSON.stringify([...statuses])}`).toEqual([]);
    expect(alive(gw.child.pid!)).toBe(true);

    // Still serving, in both eras.
    for (const options of [{}, { versionNegotiation: { mode: 'auto' as const } }]) {
      const client = new Client({ name: 'after-fuzz', version: '1' }, options);
      await client.connect(new StreamableHTTPClientTransport(new URL(gw.url)));
      try {
        expect((await client.listTools()).tools.map((t) => t.name)).toContain('everything__echo');
        const r = (await client.callTool({ name: 'everything__echo', arguments: { message: 'after fuzz' } })) as { content: { text: string }[] };
        expect(r.content[0]!.text).toBe('Echo: after fuzz');
      } finally {
        await client.close();
      }
    }
  });
});

describe('stdio ingress fuzz', () => {
  it('answers bad lines with JSON-RPC errors and keeps serving', async () => {
    const gwStdio = startStdioGateway(config);
    try {
      const rnd = prng(7);
      const next = fuzzer(11, []);
      let unparseable = 0;
      const dump: Buffer[] = [];
      for (let i = 0; i < STDIO_FUZZ_LINES; i++) {
        const kind = Math.floor(rnd() * 3);
        if (kind === 0) {
          // Certainly not JSON.
          unparseable++;
          const line = `{"jsonrpc": "2.0", "id": ${i}, oops ${'z'.repeat(Math.floor(rnd() * 50))}`;
          dump.push(Buffer.from(`${line}\n`));
          gwStdio.send(line);
        } else {
          // A mutated or random body (without newlines, as the stdio framing requires).
          const body = next().body.toString('latin1').replace(/[\r\n]/g, ' ');
          const line = Buffer.concat([Buffer.from(body, 'latin1'), Buffer.from('\n')]);
          dump.push(line);
          gwStdio.child.stdin!.write(line);
        }
      }
      // PORTCULLIS_E2E_DUMP=FILE saves the fuzz lines, to replay them by hand (`cat FILE - | portcullis stdio …`).
      if (process.env.PORTCULLIS_E2E_DUMP) (await import('node:fs')).writeFileSync(process.env.PORTCULLIS_E2E_DUMP, Buffer.concat(dump));
      const parseErrors = (): number => gwStdio.messages.filter((m) => (m as { error?: { code?: number } }).error?.code === -32700).length;
      await eventually(() => parseErrors() >= unparseable, 30_000);
      for (const m of gwStdio.messages) expect((m as { jsonrpc?: unknown }).jsonrpc, JSON.stringify(m)).toBe('2.0');

      // A valid request afterwards (stateless 2026 form, independent of what the fuzz initialised).
      const call = await gwStdio.request('tools/call', { name: 'everything__echo', arguments: { message: 'stdio ok' }, _meta: META26 }, 'final-call');
      expect((call.result!.content as { text: string }[])[0]!.text).toBe('Echo: stdio ok');
      const list = await gwStdio.request('tools/list', { _meta: META26 }, 'final-list');
      expect(list.error).toBeUndefined();
      expect((list.result!.tools as { name: string }[]).map((t) => t.name)).toContain('everything__echo');
      expect(alive(gwStdio.child.pid!)).toBe(true);
    } finally {
      await gwStdio.stop();
    }
  });
});
