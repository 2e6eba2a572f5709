/**
 * The load driver: a separate process (forked by the harness) that sends raw JSON-RPC POSTs over
 * undici keep-alive pools. Closed loop (N clients, each sends its next call when the last returns) or
 * open loop (calls sent at fixed intended times; latency measured from the intended send time, so a
 * stalled server cannot hide its queueing: no coordinated omission). It reads the measured processes'
 * CPU from /proc itself at the exact edges of the measurement window.
 */
import { Pool } from 'undici';
import { cpuMicros, rssKb } from './lib/proc.js';
import { summarise, type LatencySummary } from './lib/stats.js';
import type { CellRequest, CellResult } from './lib/types.js';

const MODERN = '2026-07-28';
const LEGACY = '2025-11-25';
const pools = new Map<string, Pool>();

function poolFor(origin: string, connections: number): Pool {
  const key = `${origin}#${connections}`;
  let p = pools.get(key);
  if (p === undefined) pools.set(key, (p = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 })));
  return p;
}

interface Client {
  headers: Record<string, string>;
}

let nextId = 1;

/** Builds the body and headers of one call. */
function call(cell: CellRequest, client: Client): { body: string; headers: Record<string, string> } {
  const params: Record<string, unknown> = { ...(cell.params ?? {}) };
  const headers: Record<string, string> = { ...client.headers };
  if (cell.era === 'modern') {
    params._meta = { 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
    headers['mcp-protocol-version'] = MODERN;
    headers['mcp-method'] = cell.method;
    if (typeof params.name === 'string') headers['mcp-name'] = params.name;
  }
  return { body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method: cell.method, params }), headers };
}

const BASE_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** Opens a 2025 session: initialize, then notifications/initialized. */
async function openSession(pool: Pool, path: string): Promise<Client> {
  const init = { jsonrpc: '2.0', id: nextId++, method: 'initialize', params: { protocolVersion: LEGACY, capabilities: {}, clientInfo: { name: 'bench', version: '1' } } };
  const r = await pool.request({ method: 'POST', path, headers: BASE_HEADERS, body: JSON.stringify(init) });
  await r.body.text();
  const sid = r.headers['mcp-session-id'];
  if (r.statusCode !== 200) throw new Error(`initialize failed: HTTP ${r.statusCode}`);
  // A server in stateless mode (supergateway's default) mints no session id.
  const headers: Record<string, string> = { ...BASE_HEADERS, 'mcp-protocol-version': LEGACY, ...(typeof sid === 'string' ? { 'mcp-session-id': sid } : {}) };
  const n = await pool.request({ method: 'POST', path, headers, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
  await n.body.text();
  return { headers };
}

/** Closes a 2025 session with DELETE. */
async function closeSession(pool: Pool, path: string, client: Client): Promise<void> {
  if (client.headers['mcp-session-id'] === undefined) return;
  const r = await pool.request({ method: 'DELETE', path, headers: client.headers });
  await r.body.text();
}

/** Sends one call; true when it succeeded (HTTP 200 carrying a JSON-RPC result). */
async function once(pool: Pool, path: string, cell: CellRequest, client: Client): Promise<boolean> {
  const { body, headers } = call(cell, client);
  const r = await pool.request({ method: 'POST', path, headers, body });
  const text = await r.body.text();
  if (r.statusCode !== 200) return false;
  // Peers may open an SSE stream with a priming event before the result.
  const head = text.slice(0, 1024);
  // SSE framing (if the gateway chose a stream) puts the JSON after `data: `.
  return head.includes('"result"') && !/"error"\s*:\s*\{/.test(head);
}

async function runCell(cell: CellRequest): Promise<CellResult> {
  const url = new URL(cell.url);
  const path = url.pathname;
  const conns = cell.mode === 'open' ? Math.max(64, cell.concurrency) : cell.concurrency;
  const pool = poolFor(url.origin, conns);
  const clients: Client[] = [];
  const nClients = cell.mode === 'open' ? Math.min(conns, 64) : cell.concurrency;
  for (let i = 0; i < nClients; i++) clients.push(cell.era === 'legacy' ? await openSession(pool, path) : { headers: { ...BASE_HEADERS } });

  const cap = 2_000_000;
  const lat = new Float64Array(cap);
  let n = 0;
  let errors = 0;
  let recording = false;
  let cpu0: number[] = [];
  let t0 = 0;

  const startWindow = (): void => {
    cpu0 = cell.pids.map(cpuMicros);
    t0 = performance.now();
    recording = true;
  };

  if (cell.mode === 'closed') {
    let stop = false;
    const worker = async (client: Client): Promise<void> => {
      while (!stop) {
        const s = performance.now();
        const ok = await once(pool, path, cell, client).catch(() => false);
        if (!recording) continue;
        if (ok && n < cap) lat[n++] = performance.now() - s;
        else if (!ok) errors++;
      }
    };
    const workers = clients.map(worker);
    await sleep(cell.warmupMs);
    startWindow();
    await sleep(cell.durationMs);
    stop = true;
    await Promise.all(workers);
  } else {
    // Open loop: the i-th call is due at start + i / rate; latency counts from that intended time.
    const rate = cell.rate ?? 100;
    const inflight = new Set<Promise<void>>();
    const fire = (intended: number, i: number, rec: boolean): void => {
      const client = clients[i % clients.length]!;
      const p = once(pool, path, cell, client)
        .catch(() => false)
        .then((ok) => {
          if (!rec) return;
          if (ok && n < cap) lat[n++] = performance.now() - intended;
          else if (!ok) errors++;
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    };
    const drive = async (ms: number, rec: boolean): Promise<void> => {
      const start = performance.now();
      let i = 0;
      const total = Math.floor((rate * ms) / 1000);
      while (i < total) {
        const now = performance.now();
        while (i < total && start + (i * 1000) / rate <= now) {
          fire(start + (i * 1000) / rate, i, rec);
          i++;
        }
        await new Promise<void>((r) => setImmediate(r));
      }
    };
    await drive(cell.warmupMs, false);
    await Promise.all([...inflight]);
    startWindow();
    await drive(cell.durationMs, true);
    await Promise.all([...inflight]);
  }
  const elapsed = performance.now() - t0;
  const cpu1 = cell.pids.map(cpuMicros);
  const rss = cell.pids.map(rssKb);
  recording = false;
  if (cell.era === 'legacy') for (const c of clients) await closeSession(pool, path, c).catch(() => undefined);
  const latency: LatencySummary = summarise(lat, n);
  return {
    completed: n,
    errors,
    elapsedMs: elapsed,
    rate: (n * 1000) / elapsed,
    latency,
    cpuMicros: cpu1.map((c, i) => c - cpu0[i]!),
    rssKb: rss,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Opens and closes (or abandons) many 2025 sessions; used by the churn workload. */
async function churn(url: string, count: number, close: boolean, parallel: number): Promise<number> {
  const u = new URL(url);
  const pool = poolFor(u.origin, parallel);
  let failed = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next++;
      try {
        const c = await openSession(pool, u.pathname);
        if (close) await closeSession(pool, u.pathname, c);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return failed;
}

process.on('message', (m: { cell?: CellRequest; churn?: { url: string; count: number; close: boolean; parallel: number }; exit?: boolean }) => {
  if (m.exit) {
    void Promise.all([...pools.values()].map((p) => p.close())).finally(() => process.exit(0));
    return;
  }
  if (m.churn) {
    const { url, count, close, parallel } = m.churn;
    churn(url, count, close, parallel).then(
      (failed) => process.send?.({ churned: failed }),
      (err: unknown) => process.send?.({ error: String(err) }),
    );
    return;
  }
  if (m.cell) {
    runCell(m.cell).then(
      (result) => process.send?.({ result }),
      (err: unknown) => process.send?.({ error: String(err) }),
    );
  }
});
process.send?.({ ready: true });
