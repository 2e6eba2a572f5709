/**
 * Comparison and reporting for the conformance harness: the "every check that passes directly passes through
 * Portcullis" rule, the expected-failures file, and the markdown summary.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import type { CheckStatus, CheckTable, ClientEra, SuiteRun } from './suite.js';

/** One arm of the matrix. */
export interface ArmSpec {
  /** Stable id, used in expected-failures.yaml and the out/ directory. */
  id: string;
  kind: 'direct' | 'gateway';
  clientEra: ClientEra;
  /** The fixture's era: legacy (2025 only) or modern (2026-07-28 only). */
  fixtureEra: 'legacy' | 'modern';
  /** How the gateway reaches the fixture (gateway arms only). */
  upstream?: 'http' | 'stdio';
}

/** An arm after it ran (or failed to). */
export interface ArmResult {
  arm: ArmSpec;
  run?: SuiteRun;
  /** Set when the arm could not produce results (start-up failure, crash, missing gateway). */
  error?: string;
  /** Observations that do not fail the arm (slow start-up, shutdown behaviour). */
  notes?: string[];
  durationMs: number;
}

/** A check that succeeded in the direct baseline but not through the gateway. */
export interface Regression {
  arm: string;
  scenario: string;
  check: string;
  status: CheckStatus;
  message?: string;
  /** The expected-failures entry that excuses it, if any. */
  excusedBy?: ExpectedFailure;
}

const expectedFailureSchema = z.strictObject({
  arm: z.string().min(1),
  scenario: z.string().min(1),
  check: z.string().min(1),
  reason: z.string().min(10),
});

const expectedFileSchema = z.strictObject({ entries: z.array(expectedFailureSchema).nullish() });

/** One entry of expected-failures.yaml. */
export type ExpectedFailure = z.infer<typeof expectedFailureSchema>;

/** Loads and validates expected-failures.yaml (a missing or empty `entries` list means none). */
export async function loadExpectedFailures(path: string): Promise<ExpectedFailure[]> {
  const doc: unknown = parseYaml(await readFile(path, 'utf8')) ?? {};
  const parsed = expectedFileSchema.safeParse(doc);
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.entries ?? [];
}

function matches(entry: ExpectedFailure, arm: string, scenario: string, check: string): boolean {
  return entry.arm === arm && entry.scenario === scenario && entry.check === check;
}

/** Every check that is SUCCESS in `baseline` and not SUCCESS in `through`. */
export function findRegressions(arm: string, baseline: CheckTable, through: SuiteRun, expected: ExpectedFailure[]): Regression[] {
  const out: Regression[] = [];
  for (const [scenario, checks] of baseline) {
    for (const [check, status] of checks) {
      if (status !== 'SUCCESS') continue;
      const got = through.checks.get(scenario)?.get(check) ?? 'MISSING';
      if (got === 'SUCCESS') continue;
      const message = through.messages.get(`${scenario}\u0000${check}`);
      const excusedBy = expected.find((e) => matches(e, arm, scenario, check));
      out.push({ arm, scenario, check, status: got, ...(message ? { message } : {}), ...(excusedBy ? { excusedBy } : {}) });
    }
  }
  return out;
}

/** Direct-arm checks that do not pass in scenarios the requirement set scores (a fixture regression). */
export function findDirectFailures(arm: string, run: SuiteRun, scored: Set<string>, expected: ExpectedFailure[]): Regression[] {
  const out: Regression[] = [];
  for (const [scenario, checks] of run.checks) {
    if (!scored.has(scenario)) continue;
    for (const [check, status] of checks) {
      if (status === 'SUCCESS' || status === 'INFO' || status === 'SKIPPED') continue;
      const message = run.messages.get(`${scenario}\u0000${check}`);
      const excusedBy = expected.find((e) => matches(e, arm, scenario, check));
      out.push({ arm, scenario, check, status, ...(message ? { message } : {}), ...(excusedBy ? { excusedBy } : {}) });
    }
  }
  for (const scenario of scored) {
    if (!run.checks.has(scenario)) out.push({ arm, scenario, check: '(scenario produced no results)', status: 'MISSING' });
  }
  return out;
}

/** Counts of statuses over a table. */
export function tally(table: CheckTable): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { SUCCESS: 0, FAILURE: 0, WARNING: 0, SKIPPED: 0, INFO: 0, MISSING: 0 };
  for (const checks of table.values()) for (const status of checks.values()) counts[status]++;
  return counts;
}

function scenarioCell(checks: Map<string, CheckStatus> | undefined): string {
  if (!checks) return '—';
  let pass = 0;
  const bad: string[] = [];
  for (const [id, status] of checks) {
    if (status === 'SUCCESS') pass++;
    else bad.push(`${id} ${status}`);
  }
  const cell = `${pass}/${checks.size}`;
  return bad.length === 0 ? cell : `${cell} (${bad.join('; ')})`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Renders the markdown summary. */
export function renderSummary(input: {
  results: ArmResult[];
  regressions: Regression[];
  staleExpected: ExpectedFailure[];
  scored: Record<ClientEra, Set<string>>;
  startedAt: Date;
  durationMs: number;
}): string {
  const lines: string[] = [];
  const { results } = input;
  lines.push('# Conformance summary', '');
  lines.push(`Run at ${input.startedAt.toISOString()}, ${(input.durationMs / 1000).toFixed(1)} s.`, '');
  lines.push('## Arms', '');
  lines.push('| arm | upstream | client | fixture era | pass | fail | warn | other | vs. direct | time |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const upstream = r.arm.kind === 'direct' ? 'direct (HTTP)' : r.arm.upstream;
    if (!r.run) {
      lines.push(`| ${r.arm.id} | ${upstream} | ${r.arm.clientEra} | ${r.arm.fixtureEra} | — | — | — | — | error: ${escape(r.error ?? 'no results')} | ${(r.durationMs / 1000).toFixed(1)} s |`);
      continue;
    }
    const t = tally(r.run.checks);
    const regs = input.regressions.filter((g) => g.arm === r.arm.id);
    const open = regs.filter((g) => !g.excusedBy).length;
    const verdict =
      r.arm.kind === 'direct'
        ? open === 0
          ? 'baseline'
          : `${open} scored failure(s)`
        : open === 0
          ? regs.length === 0
            ? 'no regressions'
            : `${regs.length} expected`
          : `**${open} regression(s)**`;
    lines.push(
      `| ${r.arm.id} | ${upstream} | ${r.arm.clientEra} | ${r.arm.fixtureEra} | ${t.SUCCESS} | ${t.FAILURE + t.MISSING} | ${t.WARNING} | ${t.SKIPPED + t.INFO} | ${verdict} | ${(r.durationMs / 1000).toFixed(1)} s |`,
    );
  }
  lines.push('');

  const open = input.regressions.filter((g) => !g.excusedBy);
  const excused = input.regressions.filter((g) => g.excusedBy);
  lines.push('## Regressions', '');
  if (open.length === 0) lines.push('None.', '');
  else {
    lines.push('| arm | scenario | check | status | message |', '| --- | --- | --- | --- | --- |');
    for (const g of open) lines.push(`| ${g.arm} | ${g.scenario} | ${g.check} | ${g.status} | ${escape(g.message ?? '')} |`);
    lines.push('');
  }
  if (excused.length > 0) {
    lines.push('## Expected failures (excused)', '', '| arm | scenario | check | status | reason |', '| --- | --- | --- | --- | --- |');
    for (const g of excused) lines.push(`| ${g.arm} | ${g.scenario} | ${g.check} | ${g.status} | ${escape(g.excusedBy?.reason ?? '')} |`);
    lines.push('');
  }
  if (input.staleExpected.length > 0) {
    lines.push('## Stale expected-failures entries (now passing — remove them)', '');
    for (const e of input.staleExpected) lines.push(`- ${e.arm} / ${e.scenario} / ${e.check}`);
    lines.push('');
  }

  const noted = results.filter((r) => r.notes && r.notes.length > 0);
  if (noted.length > 0) {
    lines.push('## Notes', '');
    for (const r of noted) for (const note of r.notes ?? []) lines.push(`- ${r.arm.id}: ${note}`);
    lines.push('');
  }

  lines.push('## Per scenario', '');
  const withRuns = results.filter((r) => r.run);
  const scenarios = [...new Set(withRuns.flatMap((r) => [...(r.run?.checks.keys() ?? [])]))].sort();
  lines.push(`| scenario | ${withRuns.map((r) => r.arm.id).join(' | ')} |`);
  lines.push(`| --- | ${withRuns.map(() => '---').join(' | ')} |`);
  for (const scenario of scenarios) {
    const scoredMark = (['2025-11-25', '2026-07-28'] as const).filter((e) => input.scored[e].has(scenario)).map((e) => e.slice(0, 4));
    const label = scoredMark.length > 0 ? `${scenario} (scored ${scoredMark.join(', ')})` : `${scenario} (not scored)`;
    lines.push(`| ${label} | ${withRuns.map((r) => escape(scenarioCell(r.run?.checks.get(scenario)))).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
