/**
 * Conformance harness: runs the official MCP conformance suite against our fixture server directly and
 * through the built Portcullis gateway, and fails on any check that passes directly but not through the
 * gateway (unless test/conformance/expected-failures.yaml explains it).
 *
 *   node --import tsx test/conformance/run.ts [--quick] [--direct-only] [--arm <substring>]... [--concurrency N]
 *
 * Arms:
 *   direct-2025-11-25            legacy-only HTTP fixture, `--spec-version 2025-11-25`
 *   direct-2026-07-28            modern-only HTTP fixture, `--requirements 2026-07-28`
 *   gw-<http|stdio>-<client>-fixture-<legacy|modern>
 *                                the same client run against Portcullis, whose one upstream is the fixture
 *                                (HTTP or stdio) pinned to the matching era, or the opposite one (cross-era).
 * Every gateway arm is compared with the direct arm of the same client era.
 *
 * Environment: NODE22 (Node >= 22 for the conformance CLI), PORTCULLIS_CLI (gateway entry, default
 * dist/cli/main.js). Output: test/conformance/out/ (summary.md, results.json, raw results per arm).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify as toYaml } from 'yaml';
import { findDirectFailures, findRegressions, loadExpectedFailures, renderSummary } from './lib/report.js';
import type { ArmResult, ArmSpec, ExpectedFailure, Regression } from './lib/report.js';
import {
  findProcessesByMarker,
  installCleanupHooks,
  killAllSync,
  killPids,
  spawnTracked,
  stopLeaderFirst,
  stopTracked,
  sweepOnExit,
  waitForLine,
} from './lib/processes.js';
import type { Spawned } from './lib/processes.js';
import { waitForCatalog } from './lib/ready.js';
import { resolveNode22, runSuite, scoredScenarios } from './lib/suite.js';
import type { ClientEra } from './lib/suite.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outRoot = join(repoRoot, 'test', 'conformance', 'out');
const fixturePath = join(repoRoot, 'test', 'fixtures', 'conformance-server.ts');
const expectedPath = join(repoRoot, 'test', 'conformance', 'expected-failures.yaml');
const gatewayCli = process.env.PORTCULLIS_CLI ? resolve(process.env.PORTCULLIS_CLI) : join(repoRoot, 'dist', 'cli', 'main.js');

const READY_TIMEOUT_MS = 30_000;
const SUITE_TIMEOUT_MS = 150_000;
const CATALOG_TIMEOUT_MS = 15_000;
const TOTAL_BUDGET_MS = 280_000;

const CLIENT_ERAS: ClientEra[] = ['2025-11-25', '2026-07-28'];

function matchingEra(clientEra: ClientEra): 'legacy' | 'modern' {
  return clientEra === '2025-11-25' ? 'legacy' : 'modern';
}

function oppositeEra(era: 'legacy' | 'modern'): 'legacy' | 'modern' {
  return era === 'legacy' ? 'modern' : 'legacy';
}

/** The full arm matrix (direct arms first). */
function buildArms(quick: boolean, directOnly: boolean): ArmSpec[] {
  const arms: ArmSpec[] = CLIENT_ERAS.map((clientEra) => ({
    id: `direct-${clientEra}`,
    kind: 'direct',
    clientEra,
    fixtureEra: matchingEra(clientEra),
  }));
  if (directOnly) return arms;
  for (const upstream of ['http', 'stdio'] as const) {
    for (const clientEra of CLIENT_ERAS) {
      const eras = quick ? [matchingEra(clientEra)] : [matchingEra(clientEra), oppositeEra(matchingEra(clientEra))];
      for (const fixtureEra of eras) {
        arms.push({ id: `gw-${upstream}-${clientEra}-fixture-${fixtureEra}`, kind: 'gateway', clientEra, fixtureEra, upstream });
      }
    }
  }
  return arms;
}

/** Starts the fixture over HTTP and resolves with its process and MCP URL. */
async function startHttpFixture(era: 'legacy' | 'modern'): Promise<{ proc: Spawned; url: string }> {
  const proc = spawnTracked(`fixture(${era})`, process.execPath, ['--import', 'tsx', fixturePath, '--transport', 'http', '--port', '0', '--era', era], {
    cwd: repoRoot,
    env: process.env,
  });
  proc.child.stdin?.end();
  const url = await waitForLine(proc, /^listening (\S+)/, READY_TIMEOUT_MS);
  return { proc, url };
}

/** The command-line marker of an arm's stdio fixture, so the harness can find it whatever its process group. */
function stdioMarker(arm: ArmSpec): string {
  return `portcullis-conformance-${process.pid}-${arm.id}`;
}

/** The gateway config for one arm: a single unprefixed server named `conformance`. */
function gatewayConfig(arm: ArmSpec, fixtureUrl: string | undefined): string {
  const server: Record<string, unknown> =
    arm.upstream === 'http'
      ? { type: 'http', url: fixtureUrl }
      : {
          command: process.execPath,
          args: ['--import', 'tsx', fixturePath, '--transport', 'stdio', '--era', arm.fixtureEra, '--tag', stdioMarker(arm)],
          cwd: repoRoot,
        };
  return toYaml({
    listen: { host: '127.0.0.1', port: 0 },
    logging: { level: 'info' },
    servers: { conformance: { ...server, prefix: '', era: 'auto' } },
  });
}

/** Starts the built gateway with `configPath` and resolves with its process and MCP URL. */
async function startGateway(configPath: string): Promise<{ proc: Spawned; url: string }> {
  const proc = spawnTracked('portcullis', process.execPath, [gatewayCli, 'start', '--config', configPath, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, PORTCULLIS_LOG_LEVEL: process.env.PORTCULLIS_LOG_LEVEL ?? 'info', PORTCULLIS_STATE_DIR: dirname(configPath) },
  });
  proc.child.stdin?.end();
  const raw = await waitForLine(proc, /listening (https?:\/\/[^\s"',}]+)/, READY_TIMEOUT_MS);
  const url = new URL(raw);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/mcp';
  return { proc, url: url.toString() };
}

async function runArm(arm: ArmSpec, node22: string): Promise<ArmResult> {
  const started = Date.now();
  const dir = join(outRoot, arm.id);
  const procs: Spawned[] = [];
  const notes: string[] = [];
  let gatewayProc: Spawned | undefined;
  try {
    await mkdir(dir, { recursive: true });
    let url: string;
    if (arm.kind === 'direct') {
      const fixture = await startHttpFixture(arm.fixtureEra);
      procs.push(fixture.proc);
      url = fixture.url;
    } else {
      if (!existsSync(gatewayCli)) throw new Error(`gateway not built (${gatewayCli} missing); run \`npm run build\` or pass --direct-only`);
      let fixtureUrl: string | undefined;
      if (arm.upstream === 'http') {
        const fixture = await startHttpFixture(arm.fixtureEra);
        procs.push(fixture.proc);
        fixtureUrl = fixture.url;
      }
      const configPath = join(dir, 'portcullis.yaml');
      await writeFile(configPath, gatewayConfig(arm, fixtureUrl));
      if (arm.upstream === 'stdio') sweepOnExit(stdioMarker(arm));
      const gateway = await startGateway(configPath);
      gatewayProc = gateway.proc;
      url = gateway.url;
      if (!(await waitForCatalog(url, arm.clientEra, CATALOG_TIMEOUT_MS))) {
        notes.push(`the gateway did not list the fixture's tools within ${CATALOG_TIMEOUT_MS / 1000} s of announcing itself; the suite ran anyway`);
      }
    }
    const run = await runSuite({ url, clientEra: arm.clientEra, outDir: join(dir, 'results'), node22, timeoutMs: SUITE_TIMEOUT_MS });
    await writeFile(join(dir, 'conformance.log'), run.log);
    if (run.checks.size === 0) return { arm, error: `conformance run produced no results (exit ${run.exit})`, notes, durationMs: Date.now() - started };
    return { arm, run, notes, durationMs: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return { arm, error: `${message} (logs: test/conformance/out/${arm.id}/)`, notes, durationMs: Date.now() - started };
  } finally {
    if (gatewayProc) {
      procs.push(gatewayProc);
      // SIGTERM to the gateway alone: it must stop its stdio upstream itself.
      if (!(await stopLeaderFirst(gatewayProc))) notes.push('the gateway did not exit within 5 s of SIGTERM');
      if (arm.upstream === 'stdio') {
        await new Promise((r) => setTimeout(r, 500));
        const leaked = findProcessesByMarker(stdioMarker(arm));
        if (leaked.length > 0) {
          notes.push(`the stdio upstream outlived the gateway (pid ${leaked.join(', ')}); killed by the harness`);
          killPids(leaked);
        }
      }
    }
    await Promise.all(procs.map((p) => stopTracked(p)));
    for (const proc of procs) {
      await writeFile(join(dir, `${proc.name.replace(/[^\w.-]+/g, '_')}.log`), proc.output()).catch(() => undefined);
    }
  }
}

/** Runs `tasks` with at most `limit` in flight, preserving order in the result. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<ArmResult>): Promise<ArmResult[]> {
  const results: ArmResult[] = new Array<ArmResult>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      results[index] = await task(item);
      process.stderr.write(`conformance: ${results[index]?.arm.id} done\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return results;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'direct-only': { type: 'boolean', default: false },
      arm: { type: 'string', multiple: true },
      concurrency: { type: 'string', default: '4' },
    },
    strict: true,
  });
  const startedAt = new Date();
  installCleanupHooks();
  const watchdog = setTimeout(() => {
    process.stderr.write(`conformance: harness exceeded ${TOTAL_BUDGET_MS / 1000} s; killing every child\n`);
    killAllSync();
    process.exit(1);
  }, TOTAL_BUDGET_MS);
  watchdog.unref();

  const node22 = resolveNode22(repoRoot);
  const expected = await loadExpectedFailures(expectedPath);
  const scored = { '2025-11-25': await scoredScenarios('2025-11-25'), '2026-07-28': await scoredScenarios('2026-07-28') };
  let arms = buildArms(values.quick, values['direct-only']);
  const filters = values.arm ?? [];
  if (filters.length > 0) {
    const wanted = arms.filter((a) => filters.some((f) => a.id.includes(f)));
    // A gateway arm is judged against its client era's direct arm, so keep that baseline.
    const baselines = new Set(wanted.filter((a) => a.kind === 'gateway').map((a) => `direct-${a.clientEra}`));
    arms = arms.filter((a) => wanted.includes(a) || baselines.has(a.id));
  }
  const concurrency = Math.max(1, Number(values.concurrency) || 4);

  await rm(outRoot, { recursive: true, force: true });
  await mkdir(outRoot, { recursive: true });

  const results = await pool(arms, concurrency, (arm) => runArm(arm, node22));

  const regressions: Regression[] = [];
  const direct = new Map(results.filter((r) => r.arm.kind === 'direct').map((r) => [r.arm.clientEra, r]));
  for (const r of results) {
    if (!r.run) continue;
    if (r.arm.kind === 'direct') {
      regressions.push(...findDirectFailures(r.arm.id, r.run, scored[r.arm.clientEra], expected));
      continue;
    }
    const baseline = direct.get(r.arm.clientEra)?.run;
    if (baseline) regressions.push(...findRegressions(r.arm.id, baseline.checks, r.run, expected));
  }
  const ranArms = new Set(results.filter((r) => r.run).map((r) => r.arm.id));
  const used = new Set(regressions.map((g) => g.excusedBy).filter((e): e is ExpectedFailure => e !== undefined));
  const staleExpected = expected.filter((e) => ranArms.has(e.arm) && !used.has(e));

  const summary = renderSummary({ results, regressions, staleExpected, scored, startedAt, durationMs: Date.now() - startedAt.getTime() });
  await writeFile(join(outRoot, 'summary.md'), summary);
  await writeFile(
    join(outRoot, 'results.json'),
    JSON.stringify(
      results.map((r) => ({
        arm: r.arm,
        error: r.error,
        durationMs: r.durationMs,
        checks: r.run ? Object.fromEntries([...r.run.checks].map(([s, m]) => [s, Object.fromEntries(m)])) : undefined,
      })),
      null,
      2,
    ),
  );
  process.stdout.write(`${summary}\n`);

  const errors = results.filter((r) => r.error);
  const open = regressions.filter((g) => !g.excusedBy);
  for (const r of errors) process.stderr.write(`conformance: arm ${r.arm.id} failed: ${r.error}\n`);
  if (open.length > 0) process.stderr.write(`conformance: ${open.length} unexplained regression(s); see test/conformance/out/summary.md\n`);
  if (staleExpected.length > 0) process.stderr.write(`conformance: ${staleExpected.length} stale expected-failures entr(y/ies)\n`);
  return errors.length > 0 || open.length > 0 || staleExpected.length > 0 ? 1 : 0;
}

main()
  .then((code) => {
    killAllSync();
    process.exit(code);
  })
  .catch((error: unknown) => {
    process.stderr.write(`conformance: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    killAllSync();
    process.exit(1);
  });
