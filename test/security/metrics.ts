/**
 * Efficacy arithmetic: recall on poisoned entries and false-positive rate on benign ones, overall,
 * per split and per category, with block/review counted apart, plus the union of two screeners.
 */
import type { CorpusEntry } from './corpus-schema.js';
import type { ScreenResult, Verdict } from './screeners.js';

/** One corpus entry with what a screener said about it. */
export interface Scored {
  entry: CorpusEntry;
  result: ScreenResult;
}

/** Counts over a set of entries: `hit` is "verdict is not allow". */
export interface Rate {
  n: number;
  hit: number;
  block: number;
  review: number;
  /** hit / n (recall for poisoned entries, false-positive rate for benign ones); 0 when n = 0. */
  rate: number;
}

/** Poisoned and benign rates of one slice. */
export interface Slice {
  poisoned: Rate;
  benign: Rate;
}

/** Everything the report needs about one screener on the corpus. */
export interface Metrics {
  overall: Slice;
  bySplit: { dev: Slice; holdout: Slice };
  byCategory: Map<string, Rate>;
  misses: Scored[];
  falsePositives: Scored[];
}

/** Counts verdicts of a list of results. */
export function rate(results: readonly ScreenResult[]): Rate {
  const block = results.filter((r) => r.verdict === 'block').length;
  const review = results.filter((r) => r.verdict === 'review').length;
  const hit = block + review;
  return { n: results.length, hit, block, review, rate: results.length === 0 ? 0 : hit / results.length };
}

function slice(scored: readonly Scored[]): Slice {
  return {
    poisoned: rate(scored.filter((s) => s.entry.label === 'poisoned').map((s) => s.result)),
    benign: rate(scored.filter((s) => s.entry.label === 'benign').map((s) => s.result)),
  };
}

/** Computes the metrics of one screener over the scored corpus. */
export function computeMetrics(scored: readonly Scored[]): Metrics {
  const byCategory = new Map<string, Rate>();
  const cats = [...new Set(scored.map((s) => s.entry.category))];
  for (const c of cats) byCategory.set(c, rate(scored.filter((s) => s.entry.category === c).map((s) => s.result)));
  return {
    overall: slice(scored),
    bySplit: { dev: slice(scored.filter((s) => s.entry.split === 'dev')), holdout: slice(scored.filter((s) => s.entry.split === 'holdout')) },
    byCategory,
    misses: scored.filter((s) => s.entry.label === 'poisoned' && s.result.verdict === 'allow'),
    falsePositives: scored.filter((s) => s.entry.label === 'benign' && s.result.verdict !== 'allow'),
  };
}

const RANK: Record<Verdict, number> = { allow: 0, review: 1, block: 2 };

/** The stricter of two verdicts. */
export function stricter(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Union of two screeners' results over the same entries (matched by id): the stricter verdict. */
export function union(a: readonly Scored[], b: readonly Scored[]): Scored[] {
  const other = new Map(b.map((s) => [s.entry.id, s.result]));
  return a.map((s) => {
    const o = other.get(s.entry.id);
    if (!o) throw new Error(`union: ${s.entry.id} missing from the second screener`);
    return { entry: s.entry, result: { verdict: stricter(s.result.verdict, o.verdict), findings: [...s.result.findings, ...o.findings] } };
  });
}

/** Percent with one decimal. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
