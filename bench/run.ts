/**
 * The benchmark harness. Starts the upstreams, the bare hop and the gateways, forks the driver, and
 * runs every (workload, load) group of `scenarios.ts` with its arms interleaved, round after round.
 *
 *   npm run bench                 # full run
 *   npm run bench -- --quick      # under two minutes
 *   npm run bench -- --json FILE  # also write the results to FILE
 *   npm run bench -- --only W1,W3-p50 --soak 10 --cpu-prof
 *
 * Raw results go to bench/results/raw/ (git-ignored); the Markdown summary to
 * bench/results/summary-<mode>.md (committed).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { PLANS, WORKLOADS, type ArmId, type Load, type Workload } from './scenarios.js';
import { ask, freePort, killAll, probeRead, probeReset, PROBE, ROOT, startDriver, startListening, startOnPort, stop, stopAll, type LoopDelay, type Started } from './lib/procs.js';
import { rssKb } from './lib/proc.js';
import { median, round } from './lib/stats.js';
import type { CellRequest, CellResult } from './lib/types.js';
import { renderMarkdown, type Row } from './lib/report.js';
import { summariseProfiles } from './lib/profile.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string' },
    soak: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const mode = values.quick ? 'quick' : 'full';
const plan = PLANS[mode];

/** The running processes of one benchmark run. */
export interface Fleet {
  echo: Started;
  hop: Started;
  passthrough: Started;
  allPolicies: Started;
  lists: Started;
  sdk?: Started;
  mcpProxy?: Started;
  supergateway?: Started;
  driver: ChildProcess;
}

/** One aggregated cell: a table row plus how it was measured. */
export interface Cell extends Omit<Row, 'arm'> {
  arm: ArmId;
  rounds: number;
  completed: number;
}

const stdioUpstream = ['--import', 'tsx', join(ROOT, 'bench', 'upstream-echo.ts'), '--transport', 'stdio'];

function gatewayYaml(fleet: { echo: string; sdk?: string }): string {
  const lines = [
    'logging: { level: info }',
    'limits: { maxSessions: 30000, sessionIdleMs: 20000 }',
    'servers:',
    `  echo: { url: "${fleet.echo}/mcp", prefix: "", maxInFlight: 1024 }`,
    `  s: { command: "${process.execPath}", args: ${JSON.stringify(stdioUpstream)}, cwd: "${ROOT}", maxInFlight: 1024 }`,
  ];
  if (fleet.sdk !== undefined) lines.push(`  sdk: { url: "${fleet.sdk}/mcp", maxInFlight: 1024 }`);
  return lines.join('\n') + '\n';
}

function listsYaml(echo: string): string {
  const lines = ['logging: { level: info }', 'servers:'];
  for (let i = 0; i < 50; i++) lines.push(`  u${i}: { url: "${echo}/u/${i}" }`);
  const range = (n: number): string => JSON.stringify(Array.from({ length: n }, (_, i) => `u${i}`));
  lines.push('profiles:', `  p1: { servers: ${range(1)} }`, `  p10: { servers: ${range(10)} }`, `  p50: { servers: ${range(50)} }`);
  return lines.join('\n') + '\n';
}

async function startGateway(name: string, yaml: string, env: NodeJS.ProcessEnv, prof: boolean): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), `portcullis-bench-${name}-`));
  const file = join(dir, 'portcullis.yaml');
  writeFileSync(file, yaml);
  const flags = ['--expose-gc', '--import', PROBE];
  if (prof) flags.push('--cpu-prof', '--cpu-prof-dir', join(ROOT, 'bench', 'results', 'raw', 'prof', name));
  return startListening(name, [...flags, join(ROOT, 'dist', 'cli', 'main.js'), 'start', '--config', file, '--port', '0'], { PORTCULLIS_STATE_DIR: dir, ...env });
}

async function startPeers(): Promise<{ mcpProxy: Started; supergateway: Started }> {
  const upstream = [process.execPath, ...stdioUpstream];
  const p1 = await freePort();
  const mcpProxy = await startOnPort('mcp-proxy', [join(ROOT, 'node_modules', 'mcp-proxy', 'dist', 'bin', 'mcp-proxy.mjs'), '--port', String(p1), '--', ...upstream], p1);
  const p2 = await freePort();
  const cmd = upstream.map((a) => JSON.stringify(a)).join(' ');
  const supergateway = await startOnPort('supergateway', [join(ROOT, 'node_modules', 'supergateway', 'dist', 'index.js'), '--stdio', cmd, '--outputTransport', 'streamableHttp', '--stateful', '--port', String(p2), '--logLevel', 'none'], p2);
  return { mcpProxy, supergateway };
}

async function startFleet(needSdk: boolean, needPeers: boolean): Promise<Fleet> {
  const echo = await startListening('echo', ['--import', 'tsx', join(ROOT, 'bench', 'upstream-echo.ts'), '--transport', 'http']);
  const sdk = needSdk ? await startListening('sdk', ['--import', 'tsx', join(ROOT, 'test', 'fixtures', 'upstream-echo.ts'), '--transport', 'http', '--era', 'both']) : undefined;
  const hop = await startListening('hop', ['--import', PROBE, '--import', 'tsx', join(ROOT, 'bench', 'bare-hop.ts'), '--upstream', echo.url]);
  const yaml = gatewayYaml({ echo: echo.url, ...(sdk ? { sdk: sdk.url } : {}) });
  const prof = values['cpu-prof'] === true;
  // `filters: []` turns the pipeline filters off: a pure relay.
  const passthrough = await startGateway('passthrough', `${yaml}\nfilters: []\n`, {}, false);
  const allPolicies = await startGateway('all_policies', yaml, {}, prof);
  const lists = await startGateway('lists', listsYaml(echo.url), {}, false);
  const peers = needPeers ? await startPeers() : {};
  const driver = await startDriver();
  return { echo, hop, passthrough, allPolicies, lists, driver, ...(sdk ? { sdk } : {}), ...peers };
}

interface Target {
  url: string;
  measured: Started;
  extra: number[];
  params?: Record<string, unknown>;
}

function named(w: Workload, arm: ArmId): { params?: Record<string, unknown> } {
  const tool = w.toolByArm?.[arm];
  return tool === undefined ? {} : { params: { ...w.params, name: tool } };
}

function target(fleet: Fleet, arm: ArmId, w: Workload): Target {
  const upstream = [fleet.echo.pid];
  const gw = w.path.startsWith('/mcp/p') ? fleet.lists : fleet.allPolicies;
  switch (arm) {
    case 'direct':
      return { url: fleet.echo.url + w.path, measured: fleet.echo, extra: [] };
    case 'hop':
      return { url: fleet.hop.url + w.path, measured: fleet.hop, extra: upstream };
    case 'passthrough':
      return { url: fleet.passthrough.url + w.path, measured: fleet.passthrough, extra: upstream };
    case 'all_policies':
      return { url: gw.url + w.path, measured: gw, extra: upstream, ...named(w, arm) };
    case 'mcp-proxy':
      return { url: fleet.mcpProxy!.url + w.path, measured: fleet.mcpProxy!, extra: [] };
    case 'supergateway':
      return { url: fleet.supergateway!.url + w.path, measured: fleet.supergateway!, extra: [] };
    case 'sdk_direct':
      return { url: fleet.sdk!.url + '/mcp', measured: fleet.sdk!, extra: [] };
    case 'sdk_all_policies':
      return { url: fleet.allPolicies.url + w.path, measured: fleet.allPolicies, extra: [fleet.sdk!.pid], params: { ...w.params, name: 'sdk__echo' } };
  }
}

function loadName(l: Load): string {
  return l.mode === 'closed' ? `c${l.concurrency}` : `open ${l.rate}/s`;
}

interface Sample {
  result: CellResult;
  loop?: LoopDelay;
}

async function runOne(fleet: Fleet, w: Workload, load: Load, arm: ArmId): Promise<Sample> {
  const t = target(fleet, arm, w);
  const cell: CellRequest = {
    url: t.url,
    era: w.era,
    method: w.method,
    ...(t.params ?? w.params ? { params: t.params ?? w.params } : {}),
    mode: load.mode,
    concurrency: load.concurrency,
    ...(load.rate !== undefined ? { rate: load.rate } : {}),
    warmupMs: plan.warmupMs,
    durationMs: w.id === 'W6' ? Math.max(plan.durationMs, 3000) : plan.durationMs,
    pids: [t.measured.pid, ...t.extra],
  };
  const probed = t.measured.probed;
  if (probed) await probeReset(t.measured);
  const reply = await ask<{ result?: CellResult; error?: string }>(fleet.driver, { cell });
  if (reply.result === undefined) throw new Error(`${w.id} ${loadName(load)} ${arm}: ${reply.error}`);
  const loop = probed ? await probeRead(t.measured) : undefined;
  return { result: reply.result, ...(loop ? { loop } : {}) };
}

function aggregate(w: Workload, load: Load, arm: ArmId, samples: Sample[], direct: Sample[] | undefined): Cell {
  const rs = samples.map((s) => s.result);
  const completed = rs.reduce((a, r) => a + r.completed, 0);
  const cpu = rs.reduce((a, r) => a + (r.cpuMicros[0] ?? 0), 0);
  const cell: Cell = {
    workload: w.id,
    title: w.title,
    load: loadName(load),
    arm,
    rounds: rs.length,
    rate: Math.round(median(rs.map((r) => r.rate))),
    completed,
    errors: rs.reduce((a, r) => a + r.errors, 0),
    p50_ms: round(median(rs.map((r) => r.latency.p50))),
    p90_ms: round(median(rs.map((r) => r.latency.p90))),
    p99_ms: round(median(rs.map((r) => r.latency.p99))),
    cpu_us_per_call: completed > 0 ? Math.round((cpu / completed) * 10) / 10 : NaN,
    rss_kb: rs[rs.length - 1]?.rssKb[0] ?? 0,
  };
  const loops = samples.flatMap((s) => (s.loop ? [s.loop.p99] : []));
  if (loops.length > 0) cell.loop_delay_p99_ms = median(loops);
  if (direct !== undefined && direct.length === samples.length) {
    cell.added_p50_ms = round(median(rs.map((r, i) => r.latency.p50 - direct[i]!.result.latency.p50)));
    cell.added_p99_ms = round(median(rs.map((r, i) => r.latency.p99 - direct[i]!.result.latency.p99)));
  }
  return cell;
}

async function runGroups(fleet: Fleet, workloads: Workload[]): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const w of workloads) {
    const loads = mode === 'quick' ? (w.quickLoads ?? w.loads) : w.loads;
    for (const load of loads) {
      const samples = new Map<ArmId, Sample[]>(w.arms.map((a) => [a, []]));
      for (let round = 0; round < plan.rounds; round++) {
        // Rotate the arm order each round so no arm always runs first (or last).
        const order = w.arms.map((_, i) => w.arms[(i + round) % w.arms.length]!);
        for (const arm of order) samples.get(arm)!.push(await runOne(fleet, w, load, arm));
      }
      const directArm = w.arms.includes('direct') ? 'direct' : w.arms.includes('sdk_direct') ? 'sdk_direct' : undefined;
      const direct = directArm ? samples.get(directArm) : undefined;
      for (const arm of w.arms) {
        const cell = aggregate(w, load, arm, samples.get(arm)!, arm === directArm ? undefined : direct);
        cells.push(cell);
        process.stderr.write(`${cell.workload.padEnd(8)} ${cell.load.padEnd(12)} ${arm.padEnd(16)} rate ${String(cell.rate).padStart(6)}/s  p50 ${cell.p50_ms} ms  p99 ${cell.p99_ms} ms  cpu ${cell.cpu_us_per_call} µs/call  err ${cell.errors}\n`);
      }
    }
  }
  return cells;
}

/** W7: session churn. Memory is read after a forced GC (heap) and from /proc (RSS). */
export interface Churn {
  sessions: number;
  baseline: { heap_kb: number; rss_kb: number };
  after_open_close: { heap_kb: number; rss_kb: number; failed: number };
  with_abandoned: { heap_kb: number; rss_kb: number; failed: number };
  after_idle_expiry?: { heap_kb: number; rss_kb: number };
  idle_session_heap_kb: number;
  idle_session_rss_kb: number;
}

async function memory(s: Started): Promise<{ heap_kb: number; rss_kb: number }> {
  const r = await ask<LoopDelay>(s.child, { probe: 'read', gc: true }, (m) => (m as { probe?: string }).probe === 'read');
  return { heap_kb: Math.round(r.heapUsed / 1024), rss_kb: rssKb(s.pid) };
}

async function runChurn(fleet: Fleet): Promise<Churn> {
  const gw = fleet.allPolicies;
  const url = gw.url + '/mcp';
  const n = plan.churnSessions;
  const baseline = await memory(gw);
  const c1 = await ask<{ churned: number }>(fleet.driver, { churn: { url, count: n, close: true, parallel: 16 } });
  const afterClose = { ...(await memory(gw)), failed: c1.churned };
  const c2 = await ask<{ churned: number }>(fleet.driver, { churn: { url, count: n, close: false, parallel: 16 } });
  const abandoned = { ...(await memory(gw)), failed: c2.churned };
  const churn: Churn = {
    sessions: n,
    baseline,
    after_open_close: afterClose,
    with_abandoned: abandoned,
    idle_session_heap_kb: round((abandoned.heap_kb - afterClose.heap_kb) / (n - c2.churned)),
    idle_session_rss_kb: round((abandoned.rss_kb - afterClose.rss_kb) / (n - c2.churned)),
  };
  if (mode === 'full') {
    // sessionIdleMs is 20 s in the bench config; give the sweeper time to run.
    await new Promise((r) => setTimeout(r, 35_000));
    churn.after_idle_expiry = await memory(gw);
  }
  process.stderr.write(`W7 churn ${JSON.stringify(churn)}\n`);
  return churn;
}

/** W3 cold: one cold measurement per upstream count. */
export interface ColdList {
  upstreams: number;
  tools: number;
  /** From the gateway's "listening" line to the first complete aggregated tools/list (connect, list, screen, pin). */
  first_full_list_ms: number;
  /** The same on a restart with the pins already in the store (screening again, no new pins). */
  restart_full_list_ms: number;
  /** The first tools/list served from a freshly built view (after the lists are in). */
  cold_view_ms: number;
}

/**
 * W3 cold: a fresh gateway per upstream count (1, 10, 50 servers × 23 tools on the echo upstream).
 * Times the first complete aggregated list after start — which includes connecting, listing,
 * screening and pinning every definition — then the same on a restart that finds its pins, then
 * the first request served from a new view (the catalog is rebuilt after a config reload).
 */
async function runColdLists(echoUrl: string): Promise<ColdList[]> {
  const out: ColdList[] = [];
  const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' };
  /** Every page of the aggregated list (500 per page). */
  const count = async (url: string): Promise<number> => {
    let n = 0;
    let cursor: string | undefined;
    do {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: meta, ...(cursor === undefined ? {} : { cursor }) } });
      const r = await fetch(url, { method: 'POST', headers, body });
      const j = (await r.json()) as { result?: { tools?: unknown[]; nextCursor?: string } };
      n += j.result?.tools?.length ?? 0;
      cursor = j.result?.nextCursor;
    } while (cursor !== undefined);
    return n;
  };
  const untilFull = async (url: string, want: number): Promise<number> => {
    const t0 = performance.now();
    while ((await count(url).catch(() => 0)) < want) {
      if (performance.now() - t0 > 60_000) throw new Error(`W3 cold: ${want} tools not listed within 60 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now() - t0;
  };
  for (const n of [1, 10, 50]) {
    const dir = mkdtempSync(join(tmpdir(), `portcullis-bench-cold-${n}-`));
    const file = join(dir, 'portcullis.yaml');
    const servers = Array.from({ length: n }, (_, i) => `  u${i}: { url: "${echoUrl}/u/${i}" }`).join('\n');
    writeFileSync(file, `logging: { level: info }\nservers:\n${servers}\n`);
    const args = [join(ROOT, 'dist', 'cli', 'main.js'), 'start', '--config', file, '--port', '0'];
    const want = n * 23;
    const first = await startListening(`cold-${n}`, args, { PORTCULLIS_STATE_DIR: dir });
    const firstMs = await untilFull(first.url + '/mcp', want);
    await stop(first.child);
    const again = await startListening(`cold-${n}-restart`, args, { PORTCULLIS_STATE_DIR: dir });
    const againMs = await untilFull(again.url + '/mcp', want);
    // A reload with a changed config rebuilds every view; the next list pays for the rebuild.
    writeFileSync(file, `logging: { level: info }\nnamespaceSeparator: "_"\nservers:\n${servers}\n`);
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = performance.now();
    await count(again.url + '/mcp');
    const viewMs = performance.now() - t0;
    await stop(again.child);
    out.push({ upstreams: n, tools: want, first_full_list_ms: round(firstMs), restart_full_list_ms: round(againMs), cold_view_ms: round(viewMs) });
    process.stderr.write(`W3 cold ${JSON.stringify(out[out.length - 1])}\n`);
  }
  return out;
}

async function runSoak(fleet: Fleet, minutes: number): Promise<{ minute: number; rate: number; p99_ms: number; rss_kb: number; errors: number }[]> {
  const w = WORKLOADS.find((x) => x.id === 'W1')!;
  const out = [];
  for (let m = 1; m <= minutes; m++) {
    const s = await runOne(fleet, w, { mode: 'closed', concurrency: 16 }, 'all_policies');
    out.push({ minute: m, rate: Math.round(s.result.rate), p99_ms: s.result.latency.p99, rss_kb: s.result.rssKb[0] ?? 0, errors: s.result.errors });
    process.stderr.write(`W8 soak ${JSON.stringify(out[out.length - 1])}\n`);
  }
  return out;
}

function pick(cells: Cell[], workload: string, load: string, arm: ArmId): Cell | undefined {
  return cells.find((c) => c.workload === workload && c.load === load && c.arm === arm);
}

async function main(): Promise<void> {
  const only = values.only?.split(',');
  const chosen = WORKLOADS.filter((w) => (only ? only.includes(w.id) : mode === 'full' || w.quick));
  const started = new Date();
  const fleet = await startFleet(chosen.some((w) => w.arms.some((a) => a.startsWith('sdk'))), chosen.some((w) => w.arms.includes('supergateway')));
  try {
    const cells = await runGroups(fleet, chosen);
    const churn = !only || only.includes('W7') ? await runChurn(fleet) : undefined;
    const cold = !only || only.includes('W3-cold') ? await runColdLists(fleet.echo.url) : undefined;
    const soak = values.soak !== undefined ? await runSoak(fleet, Number(values.soak)) : undefined;
    const c1 = pick(cells, 'W1', 'c1', 'passthrough');
    const hop16 = pick(cells, 'W1', 'c16', 'hop');
    const results = {
      mode,
      started: started.toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model,
      policies_switch: 'passthrough runs with `filters: []` (no pipeline filters); all_policies with every default filter (access-log, deadline, size-limit, profile-tools)',
      added_p50_ms: c1?.added_p50_ms,
      added_p99_ms: c1?.added_p99_ms,
      cpu_us_per_call: {
        passthrough: pick(cells, 'W1', 'c16', 'passthrough')?.cpu_us_per_call,
        all_policies: pick(cells, 'W1', 'c16', 'all_policies')?.cpu_us_per_call,
        bare_hop: hop16?.cpu_us_per_call,
        direct_upstream: pick(cells, 'W1', 'c16', 'direct')?.cpu_us_per_call,
      },
      tools_list_50x20_warm_p50_ms: pick(cells, 'W3-p50', 'c1', 'all_policies')?.p50_ms,
      idle_session_kb: churn?.idle_session_heap_kb,
      cells,
      ...(churn ? { churn } : {}),
      ...(cold ? { tools_list_cold: cold } : {}),
      ...(soak ? { soak } : {}),
    };
    mkdirSync(join(ROOT, 'bench', 'results', 'raw'), { recursive: true });
    const stamp = started.toISOString().replace(/[:.]/g, '-');
    writeFileSync(join(ROOT, 'bench', 'results', 'raw', `${mode}-${stamp}.json`), JSON.stringify(results, null, 2));
    if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(results, null, 2));
    writeFileSync(join(ROOT, 'bench', 'results', `summary-${mode}.md`), renderMarkdown(results, cells, churn));
    process.stdout.write(JSON.stringify({ added_p50_ms: results.added_p50_ms, added_p99_ms: results.added_p99_ms, cpu_us_per_call: results.cpu_us_per_call, tools_list_50x20_warm_p50_ms: results.tools_list_50x20_warm_p50_ms, idle_session_kb: results.idle_session_kb }) + '\n');
  } finally {
    await ask(fleet.driver, { exit: true }).catch(() => undefined);
    await stop(fleet.allPolicies.child);
    await stopAll();
  }
  if (values['cpu-prof'] === true) process.stdout.write(summariseProfiles(join(ROOT, 'bench', 'results', 'raw', 'prof', 'all_policies')) + '\n');
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
  void stopAll();
});
