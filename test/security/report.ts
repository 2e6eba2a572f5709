/**
 * Renders efficacy results as Markdown: overall and per-split rates, the per-category table, the
 * official servers' verdicts, the misses and false positives, and the ATR comparison. The same text
 * is printed by the runner and written into the marked section of `docs/security.md`.
 */
import { BENIGN_CATEGORIES, POISONED_CATEGORIES, type CorpusEntry } from './corpus-schema.js';
import { pct, type Metrics, type Rate, type Scored, type Slice } from './metrics.js';
import type { ItemKind, ScreenResult } from './screeners.js';

/** One official item with its verdict. */
export interface OfficialScore {
  package: string;
  version: string;
  kind: ItemKind;
  name: string;
  result: ScreenResult;
}

/** One screener's run over the fresh set (`fresh/`): scored apart, never mixed into the corpus metrics. */
export interface FreshRun {
  scored: Scored[];
  metrics: Metrics;
}

/** One screener's run over the corpus, the official servers and (when loaded) the fresh set. */
export interface EfficacyRun {
  screener: string;
  scored: Scored[];
  metrics: Metrics;
  official: OfficialScore[];
  /** The fresh, never-tuned-on set; reported as the `fresh` slice, outside the acceptance check. */
  fresh?: FreshRun;
}

/** Label of the fresh slice in tables: says outright that it is the unseen set. */
export const FRESH_SLICE = 'fresh (unseen)';

/** Escapes text for a Markdown table cell or list line (one line, no pipes, invisible chars shown). */
export function cell(s: string, max = 140): string {
  const shown = JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/\|/g, '\\|').replace(/`/g, "'");
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

const row = (cols: (string | number)[]): string => `| ${cols.join(' | ')} |`;

/** Overall and per-split rates for several runs, plus the fresh slice of runs that have one. */
export function overallTable(runs: readonly EfficacyRun[]): string {
  const lines = [row(['Screener', 'Slice', 'Poisoned', 'Recall', 'Blocked', 'Review', 'Benign', 'FPR', 'FP blocked', 'Official tools blocked']), row(Array(10).fill('---'))];
  for (const r of runs) {
    const offBlocked = r.official.filter((o) => o.kind === 'tool' && o.result.verdict === 'block').length;
    const offTools = r.official.filter((o) => o.kind === 'tool').length;
    const slices: [string, Slice][] = [['all', r.metrics.overall], ['dev', r.metrics.bySplit.dev], ['holdout', r.metrics.bySplit.holdout]];
    if (r.fresh) slices.push([`**${FRESH_SLICE}**`, r.fresh.metrics.overall]);
    for (const [name, s] of slices) {
      lines.push(row([r.screener, name, s.poisoned.n, `**${pct(s.poisoned.rate)}**`, s.poisoned.block, s.poisoned.review, s.benign.n, `**${pct(s.benign.rate)}**`, s.benign.block, name === 'all' ? `${offBlocked} / ${offTools}` : '']));
    }
  }
  return lines.join('\n');
}

const rateCells = (r: Rate | undefined): string[] => (r ? [String(r.n), String(r.hit), String(r.block), String(r.review), pct(r.rate)] : ['0', '0', '0', '0', '-']);

/** Per-category table of one run (recall for poisoned categories, FPR for benign ones). */
export function categoryTable(m: Metrics, extra?: { name: string; metrics: Metrics }[]): string {
  const head = ['Category', 'Label', 'n', 'Flagged', 'Block', 'Review', 'Rate', ...(extra ?? []).map((e) => `${e.name} rate`)];
  const lines = [row(head), row(head.map(() => '---'))];
  const add = (cats: readonly string[], label: string, what: string): void => {
    for (const c of cats) {
      const r = m.byCategory.get(c);
      lines.push(row([c, label, ...rateCells(r).map((x, i) => (i === 4 ? `${x} ${what}` : x)), ...(extra ?? []).map((e) => pct(e.metrics.byCategory.get(c)?.rate ?? 0))]));
    }
  };
  add(POISONED_CATEGORIES, 'poisoned', 'recall');
  add(BENIGN_CATEGORIES, 'benign', 'FPR');
  return lines.join('\n');
}

const firstFinding = (r: ScreenResult): string => {
  const f = r.findings[0];
  return f ? `${f.rule} (${f.severity}) at ${f.field}: ${cell(f.evidence, 80)}` : 'no finding';
};

/** The misses (poisoned entries allowed), one line each. */
export function missList(m: Metrics): string {
  if (m.misses.length === 0) return '_None._';
  return m.misses.map((s) => `- \`${s.entry.id}\` (${s.entry.split}, tool \`${s.entry.tool.name}\`) — ${cell(s.entry.note.replace(/^poisoned: /, ''))}`).join('\n');
}

/** The false positives (benign entries not allowed), one line each. */
export function fpList(m: Metrics): string {
  if (m.falsePositives.length === 0) return '_None._';
  return m.falsePositives.map((s) => `- \`${s.entry.id}\` → **${s.result.verdict}** (${s.entry.split}) — ${firstFinding(s.result)}`).join('\n');
}

/** Official servers: per package, verdict counts for tools, and every non-allow item. */
export function officialTable(official: readonly OfficialScore[]): string {
  const pkgs = [...new Set(official.map((o) => `${o.package}@${o.version}`))];
  const lines = [row(['Package', 'Tools', 'allow', 'review', 'block', 'Other items (prompts, resources, instructions)', 'Other items not allowed']), row(Array(7).fill('---'))];
  for (const p of pkgs) {
    const items = official.filter((o) => `${o.package}@${o.version}` === p);
    const tools = items.filter((o) => o.kind === 'tool');
    const others = items.filter((o) => o.kind !== 'tool');
    const count = (v: string): number => tools.filter((t) => t.result.verdict === v).length;
    lines.push(row([`\`${p}\``, tools.length, count('allow'), count('review'), count('block'), others.length, others.filter((o) => o.result.verdict !== 'allow').length]));
  }
  const flagged = official.filter((o) => o.result.verdict !== 'allow');
  const detail = flagged.length === 0 ? '' : `\n\nNot allowed:\n\n${flagged.map((o) => `- \`${o.package.replace('@modelcontextprotocol/', '')}\` ${o.kind} \`${cell(o.name, 60)}\` → **${o.result.verdict}** — ${firstFinding(o.result)}`).join('\n')}`;
  return lines.join('\n') + detail;
}

/** Corpus composition: entries per category and split. */
export function compositionTable(corpus: readonly CorpusEntry[]): string {
  const lines = [row(['Category', 'Label', 'Entries', 'dev', 'holdout', 'Based on']), row(Array(6).fill('---'))];
  for (const c of [...POISONED_CATEGORIES, ...BENIGN_CATEGORIES]) {
    const es = corpus.filter((e) => e.category === c);
    const sources = [...new Set(es.map((e) => e.source))].map((s) => (s.startsWith('http') ? `<${s}>` : s));
    lines.push(row([c, es[0]?.label ?? '-', es.length, es.filter((e) => e.split === 'dev').length, es.filter((e) => e.split === 'holdout').length, sources.join(' ')]));
  }
  const p = corpus.filter((e) => e.label === 'poisoned').length;
  lines.push(row(['**total**', '', `${p} poisoned + ${corpus.length - p} benign`, corpus.filter((e) => e.split === 'dev').length, corpus.filter((e) => e.split === 'holdout').length, '']));
  return lines.join('\n');
}

/** Fresh-set composition: entries per category, how many are real published definitions, and the sources. */
export function freshCompositionTable(fresh: readonly CorpusEntry[]): string {
  const lines = [row(['Category', 'Label', 'Entries', 'Real published definitions', 'Written for Portcullis', 'Based on']), row(Array(6).fill('---'))];
  for (const c of [...POISONED_CATEGORIES, ...BENIGN_CATEGORIES]) {
    const es = fresh.filter((e) => e.category === c);
    if (es.length === 0) continue;
    const real = es.filter((e) => e.note.startsWith('real:')).length;
    const sources = [...new Set(es.map((e) => e.source))].filter((s) => s.startsWith('http')).map((s) => `<${s}>`);
    lines.push(row([c, es[0]!.label, es.length, es[0]!.label === 'benign' ? real : '-', es[0]!.label === 'benign' ? es.length - real : '-', sources.join(' ')]));
  }
  const p = fresh.filter((e) => e.label === 'poisoned').length;
  lines.push(row(['**total**', '', `${p} poisoned + ${fresh.length - p} benign`, fresh.filter((e) => e.note.startsWith('real:')).length, '', '']));
  return lines.join('\n');
}

/** What a second screener adds to the first: poisoned entries only it flags, benign entries only it flags. */
export function addedBy(ours: readonly Scored[], other: readonly Scored[]): { gained: Scored[]; newFps: Scored[] } {
  const allowedByUs = new Set(ours.filter((s) => s.result.verdict === 'allow').map((s) => s.entry.id));
  const onlyOther = other.filter((s) => s.result.verdict !== 'allow' && allowedByUs.has(s.entry.id));
  return { gained: onlyOther.filter((s) => s.entry.label === 'poisoned'), newFps: onlyOther.filter((s) => s.entry.label === 'benign') };
}

/** One line per scored entry with its first finding. */
export function scoredList(list: readonly Scored[]): string {
  return list.length === 0 ? '_None._' : list.map((s) => `- \`${s.entry.id}\` → **${s.result.verdict}** — ${firstFinding(s.result)}`).join('\n');
}
