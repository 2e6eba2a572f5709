/**
 * Efficacy runner for the tool-surface screen: screens every labelled corpus entry and every item
 * of the official reference servers, reports recall / false-positive rate overall, per split and
 * per category, lists the misses and false positives, and compares with agent-threat-rules. The
 * fresh set (`fresh/`, written independently and never tuned on) is screened too and reported as
 * its own `fresh` slice, outside the acceptance check.
 *
 *   node --import tsx test/security/efficacy.ts [--write-docs] [--no-atr]
 *
 * `--write-docs` rewrites the marked efficacy section of docs/security.md. The exit code is 1 when
 * the acceptance target (recall ≥ 0.9, FPR ≤ 0.02, no official tool blocked) is not met.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, loadFresh, loadOfficial, type CorpusEntry, type OfficialSnapshot } from './corpus-schema.js';
import { renderSection, writeDocsSection, type AtrComparison, type AtrRun } from './docs-section.js';
import { computeMetrics, pct, stricter, union, type Scored } from './metrics.js';
import { FRESH_SLICE, categoryTable, fpList, missList, officialTable, overallTable, type EfficacyRun, type FreshRun, type OfficialScore } from './report.js';
import { atrScreener, portcullisScreener, type AtrLane, type AtrScope, type Item, type Screener } from './screeners.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The corpus directory. */
export const CORPUS_DIR = join(HERE, 'corpus');
/** The first independent set (`poisoned.jsonl`, `benign.jsonl`); measured once unseen, then tuned on. */
export const FRESH_DIR = join(HERE, 'fresh');
/** The second independent set, written after the first was tuned on; tuned on (and trained on) since. */
export const FRESH2_DIR = join(HERE, 'fresh2');
/** The third independent set, written before the learned screen was trained; tuned on since. */
export const FRESH3_DIR = join(HERE, 'fresh3');
/** The independent sets, oldest first: each was written, measured once unseen, then tuned on. */
export const FRESH_SETS = ['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15', 'fresh16', 'fresh17', 'fresh18', 'fresh19', 'fresh20', 'fresh21', 'fresh22', 'fresh23'] as const;
/** The independent sets present in the checkout. */
export const PRESENT_FRESH: readonly string[] = FRESH_SETS.filter((s) => existsSync(join(HERE, s, 'poisoned.jsonl')));
/** The set reported as the `fresh (unseen)` slice: the newest one present (never tuned or trained on). */
export const UNSEEN_SET: string = PRESENT_FRESH[PRESENT_FRESH.length - 1] ?? 'fresh';
/** Its directory. */
export const UNSEEN_DIR = join(HERE, UNSEEN_SET);
/** The independent sets already tuned on: all present but the unseen one. */
export const TUNED_FRESH: readonly string[] = PRESENT_FRESH.filter((s) => s !== UNSEEN_SET);
/** The official-server snapshots directory. */
export const OFFICIAL_DIR = join(HERE, 'official');
/** The document whose marked section `--write-docs` rewrites. */
export const DOCS_FILE = resolve(HERE, '..', '..', 'docs', 'security.md');
/** The acceptance target of issue 4. */
export const TARGET = { recall: 0.9, fpr: 0.02 } as const;

/** Screens every corpus entry as a tool of its server, with its `otherServers` as context. */
export function scoreCorpus(screener: Screener, corpus: readonly CorpusEntry[]): Scored[] {
  return corpus.map((entry) => ({
    entry,
    result: screener.screen({ kind: 'tool', name: entry.tool.name, def: entry.tool }, entry.server, entry.otherServers),
  }));
}

/** Short server name of an official package (`@modelcontextprotocol/server-github` → `github`). */
export function serverName(pkg: string): string {
  return pkg.replace(/^@modelcontextprotocol\/server-/, '');
}

/** Every item the official servers list, each with the other servers' tool names as context. */
export function officialItems(snapshots: readonly OfficialSnapshot[]): { snap: OfficialSnapshot; item: Item; others: Record<string, string[]> }[] {
  const toolsOf = new Map(snapshots.map((s) => [serverName(s.package), s.tools.map((t) => t.name)]));
  const out: { snap: OfficialSnapshot; item: Item; others: Record<string, string[]> }[] = [];
  for (const snap of snapshots) {
    const me = serverName(snap.package);
    const others = Object.fromEntries([...toolsOf].filter(([name]) => name !== me));
    const items: Item[] = [
      ...snap.tools.map((t): Item => ({ kind: 'tool', name: t.name, def: t })),
      ...snap.prompts.map((p): Item => ({ kind: 'prompt', name: String(p.name), def: p })),
      ...snap.resources.map((r): Item => ({ kind: 'resource', name: String(r.name ?? r.uri), def: r })),
      ...snap.resourceTemplates.map((r): Item => ({ kind: 'resource-template', name: String(r.name ?? r.uriTemplate), def: r })),
      ...(snap.instructions ? [{ kind: 'server', name: me, def: { instructions: snap.instructions, serverInfo: snap.serverInfo } } as Item] : []),
    ];
    for (const item of items) out.push({ snap, item, others });
  }
  return out;
}

/** Screens every official item. */
export function scoreOfficial(screener: Screener, snapshots: readonly OfficialSnapshot[]): OfficialScore[] {
  return officialItems(snapshots).map(({ snap, item, others }) => ({
    package: snap.package,
    version: snap.version,
    kind: item.kind,
    name: item.name,
    result: screener.screen(item, serverName(snap.package), others),
  }));
}

/** Runs one screener over the corpus and the official servers, and over the fresh set when given. */
export function runScreener(screener: Screener, corpus: readonly CorpusEntry[], snapshots: readonly OfficialSnapshot[], fresh?: readonly CorpusEntry[]): EfficacyRun {
  const scored = scoreCorpus(screener, corpus);
  const run: EfficacyRun = { screener: screener.name, scored, metrics: computeMetrics(scored), official: scoreOfficial(screener, snapshots) };
  if (fresh) {
    const freshScored = scoreCorpus(screener, fresh);
    run.fresh = { scored: freshScored, metrics: computeMetrics(freshScored) };
  }
  return run;
}

/** Combines two runs over the same inputs into their union (stricter verdict wins). */
export function unionRun(name: string, a: EfficacyRun, b: EfficacyRun): EfficacyRun {
  const scored = union(a.scored, b.scored);
  const official = a.official.map((o, i) => {
    const other = b.official[i]!.result;
    return { ...o, result: { verdict: stricter(o.result.verdict, other.verdict), findings: [...o.result.findings, ...other.findings] } };
  });
  const run: EfficacyRun = { screener: name, scored, metrics: computeMetrics(scored), official };
  if (a.fresh && b.fresh) {
    const freshScored = union(a.fresh.scored, b.fresh.scored);
    run.fresh = { scored: freshScored, metrics: computeMetrics(freshScored) };
  }
  return run;
}

/** The acceptance check of issue 4: what fails, in words (empty when the target is met). */
export function acceptanceFailures(run: EfficacyRun): string[] {
  const out: string[] = [];
  const m = run.metrics.overall;
  if (m.poisoned.rate < TARGET.recall) out.push(`recall ${pct(m.poisoned.rate)} < ${pct(TARGET.recall)}`);
  if (m.benign.rate > TARGET.fpr) out.push(`false-positive rate ${pct(m.benign.rate)} > ${pct(TARGET.fpr)}`);
  const blocked = run.official.filter((o) => o.kind === 'tool' && o.result.verdict === 'block');
  if (blocked.length > 0) out.push(`official tools blocked: ${blocked.map((o) => `${serverName(o.package)}/${o.name}`).join(', ')}`);
  return out;
}

/** Loads everything (corpus, official servers, fresh set) and runs our screener (and ATR when asked). */
export async function runEfficacy(
  opts: { atr?: boolean; allowStandIn?: boolean } = {},
): Promise<{ ours: EfficacyRun; rules?: EfficacyRun; corpus: CorpusEntry[]; fresh: CorpusEntry[]; snapshots: OfficialSnapshot[]; atr?: AtrComparison }> {
  const corpus = loadCorpus(CORPUS_DIR);
  const fresh = loadFresh(UNSEEN_DIR);
  const snapshots = loadOfficial(OFFICIAL_DIR);
  const ours = runScreener(await portcullisScreener({ allowStandIn: opts.allowStandIn ?? true }), corpus, snapshots, fresh);
  // The rules alone, for comparison (what the learned screen adds), when the real engine runs.
  const rules = ours.screener === 'portcullis' ? runScreener(await portcullisScreener({ classifier: false }), corpus, snapshots, fresh) : undefined;
  if (!opts.atr) return { ours, ...(rules ? { rules } : {}), corpus, fresh, snapshots };
  const configs: [AtrLane, AtrScope][] = [['hunt', 'all'], ['enforce', 'all'], ['hunt', 'mcp']];
  const runs: AtrRun[] = [];
  for (const [lane, scope] of configs) {
    const screener = await atrScreener(lane, scope);
    const run = runScreener(screener, corpus, snapshots, fresh);
    runs.push({ run, rules: screener.rules, union: unionRun(`${ours.screener} ∪ ${screener.name}`, ours, run) });
  }
  return { ours, ...(rules ? { rules } : {}), corpus, fresh, snapshots, atr: { runs } };
}

/** The fresh-slice report: per-category rates, misses and false positives of the unseen set. */
export function freshReport(ours: EfficacyRun, atr?: AtrComparison, rules?: EfficacyRun): string {
  const f: FreshRun | undefined = ours.fresh;
  if (!f) return `${FRESH_SLICE}: not loaded.`;
  const extra = [...(rules?.fresh ? [{ name: rules.screener, metrics: rules.fresh.metrics }] : []), ...(atr?.runs.flatMap((r) => (r.run.fresh ? [{ name: r.run.screener, metrics: r.run.fresh.metrics }] : [])) ?? [])];
  return [
    `Fresh set — ${FRESH_SLICE}, never tuned on: recall ${pct(f.metrics.overall.poisoned.rate)} (${f.metrics.overall.poisoned.hit}/${f.metrics.overall.poisoned.n}), FPR ${pct(f.metrics.overall.benign.rate)} (${f.metrics.overall.benign.hit}/${f.metrics.overall.benign.n})`,
    categoryTable(f.metrics, extra),
    `Fresh misses (${f.metrics.misses.length}):\n${missList(f.metrics)}`,
    `Fresh false positives (${f.metrics.falsePositives.length}):\n${fpList(f.metrics)}`,
  ].join('\n\n');
}

/** The console report. */
export function consoleReport(ours: EfficacyRun, atr?: AtrComparison, rules?: EfficacyRun): string {
  const runs = [ours, ...(rules ? [rules] : []), ...(atr?.runs.flatMap((r) => [r.run, r.union]) ?? [])];
  return [
    `Screener: ${ours.screener}`,
    overallTable(runs),
    categoryTable(ours.metrics, atr?.runs.map((r) => ({ name: r.run.screener, metrics: r.run.metrics }))),
    `Misses (${ours.metrics.misses.length}):\n${missList(ours.metrics)}`,
    `False positives (${ours.metrics.falsePositives.length}):\n${fpList(ours.metrics)}`,
    `Official servers:\n${officialTable(ours.official)}`,
    freshReport(ours, atr, rules),
  ].join('\n\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { ours, rules, corpus, fresh, snapshots, atr } = await runEfficacy({ atr: !args.includes('--no-atr') });
  console.log(consoleReport(ours, atr, rules));
  const failures = acceptanceFailures(ours);
  console.log(failures.length === 0 ? '\nAcceptance target met.' : `\nAcceptance target NOT met: ${failures.join('; ')}`);
  if (args.includes('--write-docs')) {
    writeDocsSection(DOCS_FILE, renderSection({ ours, ...(rules ? { rules } : {}), atr, corpus, fresh, freshDir: basename(UNSEEN_DIR), snapshots }));
    console.log(`wrote the efficacy section of ${DOCS_FILE}`);
  }
  process.exitCode = failures.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
