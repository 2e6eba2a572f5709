import { describe, expect, it } from 'vitest';
import { findDirectFailures, findRegressions, renderSummary } from './report.js';
import type { ArmResult, ExpectedFailure } from './report.js';
import type { CheckStatus, CheckTable, SuiteRun } from './suite.js';

function table(entries: Record<string, Record<string, CheckStatus>>): CheckTable {
  return new Map(Object.entries(entries).map(([scenario, checks]) => [scenario, new Map(Object.entries(checks))]));
}

function run(entries: Record<string, Record<string, CheckStatus>>): SuiteRun {
  return { checks: table(entries), exit: 0, log: '', messages: new Map() };
}

describe('findRegressions', () => {
  const baseline = table({ ping: { ping: 'SUCCESS' }, tools: { 'tools-list': 'SUCCESS', 'name-format': 'FAILURE' } });

  it('reports a directly passing check that fails or is missing through the gateway', () => {
    const through = run({ ping: { ping: 'FAILURE' }, tools: { 'name-format': 'SUCCESS' } });
    const found = findRegressions('gw', baseline, through, []);
    expect(found.map((r) => `${r.scenario}/${r.check}=${r.status}`).sort()).toEqual(['ping/ping=FAILURE', 'tools/tools-list=MISSING']);
  });

  it('ignores checks that did not pass directly, and marks listed ones as excused', () => {
    const expected: ExpectedFailure[] = [{ arm: 'gw', scenario: 'ping', check: 'ping', reason: 'cannot be translated because …' }];
    const found = findRegressions('gw', baseline, run({ ping: { ping: 'WARNING' }, tools: { 'tools-list': 'SUCCESS' } }), expected);
    expect(found).toHaveLength(1);
    expect(found[0]?.excusedBy).toBe(expected[0]);
  });
});

describe('findDirectFailures', () => {
  it('only judges scored scenarios and flags scored scenarios without results', () => {
    const found = findDirectFailures('direct', run({ a: { x: 'FAILURE' }, b: { y: 'FAILURE' } }), new Set(['a', 'c']), []);
    expect(found.map((r) => `${r.scenario}/${r.status}`).sort()).toEqual(['a/FAILURE', 'c/MISSING']);
  });
});

describe('renderSummary', () => {
  it('renders arms, regressions and per-scenario cells', () => {
    const results: ArmResult[] = [
      { arm: { id: 'direct-2025-11-25', kind: 'direct', clientEra: '2025-11-25', fixtureEra: 'legacy' }, run: run({ ping: { ping: 'SUCCESS' } }), durationMs: 10 },
      { arm: { id: 'gw-x', kind: 'gateway', clientEra: '2025-11-25', fixtureEra: 'legacy', upstream: 'http' }, error: 'boom', durationMs: 5 },
    ];
    const text = renderSummary({
      results,
      regressions: [],
      staleExpected: [],
      scored: { '2025-11-25': new Set(['ping']), '2026-07-28': new Set() },
      startedAt: new Date(0),
      durationMs: 15,
    });
    expect(text).toContain('| direct-2025-11-25 |');
    expect(text).toContain('error: boom');
    expect(text).toContain('| ping (scored 2025) | 1/1 |');
  });
});
