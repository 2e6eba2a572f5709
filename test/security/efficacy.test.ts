/**
 * Issue 4 acceptance on the whole corpus: recall ≥ 0.9 on poisoned definitions, false-positive rate
 * ≤ 0.02 on benign ones, and no tool of the official reference servers blocked — measured with the
 * real engine (the test is skipped, loudly, while `src/policies/screen/index.ts` does not exist).
 * The fresh, never-tuned-on set is screened and its report printed, never asserted.
 * Also checks the runner's arithmetic and the docs writer.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadFresh, loadOfficial } from './corpus-schema.js';
import { BEGIN, END, renderSection, writeDocsSection } from './docs-section.js';
import { CORPUS_DIR, FRESH_DIR, OFFICIAL_DIR, TARGET, acceptanceFailures, consoleReport, freshReport, runEfficacy, runScreener, unionRun } from './efficacy.js';
import { FRESH_SLICE } from './report.js';
import { computeMetrics, rate, stricter, union, type Scored } from './metrics.js';
import { ENGINE_PATH, engineExists, standInScreener, type ScreenResult } from './screeners.js';

const r = (verdict: ScreenResult['verdict']): ScreenResult => ({ verdict, findings: [] });

describe('efficacy arithmetic', () => {
  it('counts block and review as hits and computes the rate', () => {
    expect(rate([r('block'), r('review'), r('allow'), r('allow')])).toEqual({ n: 4, hit: 2, block: 1, review: 1, rate: 0.5 });
    expect(rate([]).rate).toBe(0);
  });

  it('splits metrics by label, split and category, and lists misses and false positives', () => {
    const corpus = loadCorpus(CORPUS_DIR);
    const p = corpus.find((e) => e.label === 'poisoned' && e.split === 'holdout')!;
    const b = corpus.find((e) => e.label === 'benign' && e.split === 'dev')!;
    const scored: Scored[] = [
      { entry: p, result: r('allow') },
      { entry: b, result: r('review') },
    ];
    const m = computeMetrics(scored);
    expect(m.overall.poisoned).toMatchObject({ n: 1, hit: 0 });
    expect(m.overall.benign).toMatchObject({ n: 1, hit: 1, review: 1, rate: 1 });
    expect(m.bySplit.holdout.poisoned.n).toBe(1);
    expect(m.bySplit.dev.benign.rate).toBe(1);
    expect(m.byCategory.get(p.category)?.n).toBe(1);
    expect(m.misses.map((s) => s.entry.id)).toEqual([p.id]);
    expect(m.falsePositives.map((s) => s.entry.id)).toEqual([b.id]);
  });

  it('takes the stricter verdict in a union', () => {
    expect(stricter('allow', 'review')).toBe('review');
    expect(stricter('block', 'review')).toBe('block');
    const e = loadCorpus(CORPUS_DIR)[0]!;
    expect(union([{ entry: e, result: r('allow') }], [{ entry: e, result: r('block') }])[0]!.result.verdict).toBe('block');
  });
});

describe('efficacy runner (stand-in engine)', () => {
  const corpus = loadCorpus(CORPUS_DIR);
  const snaps = loadOfficial(OFFICIAL_DIR);
  const run = runScreener(standInScreener(), corpus, snaps);

  it('screens every corpus entry and every official item', () => {
    expect(run.scored.length).toBe(corpus.length);
    const items = snaps.reduce((n, s) => n + s.tools.length + s.prompts.length + s.resources.length + s.resourceTemplates.length + (s.instructions ? 1 : 0), 0);
    expect(run.official.length).toBe(items);
    const m = run.metrics;
    expect(m.overall.poisoned.n + m.overall.benign.n).toBe(corpus.length);
    expect(m.bySplit.dev.poisoned.n + m.bySplit.holdout.poisoned.n).toBe(m.overall.poisoned.n);
    expect(m.misses.length).toBe(m.overall.poisoned.n - m.overall.poisoned.hit);
  });

  it('reports detections where the stand-in has a rule (tag characters)', () => {
    const tagged = run.scored.filter((s) => s.entry.category === 'hidden-unicode');
    expect(tagged.every((s) => s.result.verdict === 'block')).toBe(true);
    expect(acceptanceFailures(run).length).toBeGreaterThan(0);
  });

  it('keeps the fresh set out of the corpus metrics and reports it as its own slice', () => {
    const fresh = loadFresh(FRESH_DIR);
    const withFresh = runScreener(standInScreener(), corpus, snaps, fresh);
    expect(withFresh.metrics).toEqual(run.metrics);
    expect(acceptanceFailures(withFresh)).toEqual(acceptanceFailures(run));
    const f = withFresh.fresh!;
    expect(f.scored.length).toBe(fresh.length);
    expect(f.metrics.overall.poisoned.n + f.metrics.overall.benign.n).toBe(fresh.length);
    expect(f.metrics.misses.length).toBe(f.metrics.overall.poisoned.n - f.metrics.overall.poisoned.hit);
    expect(run.fresh).toBeUndefined();
    expect(unionRun('u', withFresh, withFresh).fresh?.metrics.overall).toEqual(f.metrics.overall);
    const text = consoleReport(withFresh);
    expect(text).toContain(FRESH_SLICE);
    expect(text).toContain(`Fresh misses (${f.metrics.misses.length})`);
    const doc = renderSection({ ours: withFresh, corpus, fresh, snapshots: snaps });
    expect(doc).toContain('### Fresh set — the unseen number');
    expect(doc).toMatch(/\| \*\*fresh \(unseen\)\*\* \|/);
    expect(doc.indexOf('### Fresh set')).toBeLessThan(doc.indexOf('### Official reference servers'));
    expect(renderSection({ ours: run, corpus, snapshots: snaps })).not.toContain('### Fresh set');
  });

  it('renders a docs section that names the stand-in, and writes it between the markers only', () => {
    const text = renderSection({ ours: run, corpus, snapshots: snaps });
    expect(text).toContain('Not the real engine');
    expect(text).toContain('hidden-unicode');
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-docs-'));
    const file = join(dir, 'security.md');
    writeFileSync(file, `# T\n\nintro\n\n${BEGIN}\nold\n${END}\n\nafter\n`);
    writeDocsSection(file, 'NEW');
    expect(readFileSync(file, 'utf8')).toBe(`# T\n\nintro\n\n${BEGIN}\nNEW\n${END}\n\nafter\n`);
    writeFileSync(file, 'no markers');
    expect(() => writeDocsSection(file, 'x')).toThrow(/markers/);
  });
});

describe('issue 4 acceptance (real engine)', () => {
  it.skipIf(!engineExists())(`recall ≥ ${TARGET.recall}, FPR ≤ ${TARGET.fpr}, no official tool blocked`, async () => {
    const { ours } = await runEfficacy({ allowStandIn: false });
    // The fresh set is reported, never asserted: it measures, it does not gate.
    console.log(freshReport(ours));
    const failures = acceptanceFailures(ours);
    if (failures.length > 0) console.error(consoleReport(ours));
    expect(failures, failures.join('; ')).toEqual([]);
  });

  it.runIf(!engineExists())('is pending: the engine is not in the checkout yet', () => {
    console.warn(`efficacy acceptance skipped: ${ENGINE_PATH} does not exist yet`);
    expect(engineExists()).toBe(false);
  });
});
