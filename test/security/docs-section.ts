/**
 * The efficacy section of docs/security.md: rendered from a run, and written between the markers
 * `<!-- efficacy:begin -->` and `<!-- efficacy:end -->` (the rest of the file is left alone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { CorpusEntry, OfficialSnapshot } from './corpus-schema.js';
import { pct, type Scored } from './metrics.js';
import { FRESH_SLICE, addedBy, categoryTable, compositionTable, fpList, freshCompositionTable, missList, officialTable, overallTable, scoredList, type EfficacyRun } from './report.js';

/** One ATR configuration's run, its rule count, and its union with ours. */
export interface AtrRun {
  run: EfficacyRun;
  rules: number;
  union: EfficacyRun;
}

/** The ATR configurations measured. */
export interface AtrComparison {
  runs: AtrRun[];
}

/** Section markers. */
export const BEGIN = '<!-- efficacy:begin -->';
/** Section end marker. */
export const END = '<!-- efficacy:end -->';

const officialTools = (run: EfficacyRun): number => run.official.filter((o) => o.kind === 'tool').length;

/** What one ATR configuration adds to ours. */
function gains(ours: EfficacyRun, r: AtrRun): { gained: Scored[]; newFps: Scored[]; offNew: number } {
  const { gained, newFps } = addedBy(ours.scored, r.run.scored);
  const offNew = r.run.official.filter((o, i) => o.result.verdict !== 'allow' && ours.official[i]?.result.verdict === 'allow').length;
  return { gained, newFps, offNew };
}

function atrSection(ours: EfficacyRun, atr: AtrComparison): string {
  const parts: string[] = [];
  for (const r of atr.runs) {
    const { gained, newFps, offNew } = gains(ours, r);
    parts.push(
      `**${r.run.screener}** (${r.rules} rules loaded) — alone: recall ${pct(r.run.metrics.overall.poisoned.rate)}, FPR ${pct(r.run.metrics.overall.benign.rate)}. ` +
        `Added to ${ours.screener}: ${gained.length} more poisoned entries caught, ${newFps.length} more benign entries flagged, ${offNew} more official items flagged.`,
      `Caught only by ${r.run.screener}:\n\n${scoredList(gained)}`,
      `Flagged only by ${r.run.screener} — new false positives:\n\n${scoredList(newFps)}`,
    );
  }
  const clean = atr.runs.filter((r) => {
    const g = gains(ours, r);
    return g.gained.length > 0 && g.newFps.length === 0 && g.offNew === 0;
  });
  const best = atr.runs.map((r) => ({ r, g: gains(ours, r) })).sort((x, y) => y.g.gained.length - x.g.gained.length)[0];
  const verdict =
    clean.length > 0
      ? `${clean.map((r) => r.run.screener).join(', ')} adds recall without false positives on this corpus: worth adopting as an extra rule source.`
      : !best || best.g.gained.length === 0
        ? 'No ATR configuration adds recall on this corpus: not adopted.'
        : `No ATR configuration adds recall without false positives (the most, ${best.r.run.screener}, catches ${best.g.gained.length} more poisoned entries but flags ${best.g.newFps.length} more benign ones): not adopted wholesale; the rules behind the gained detections are candidates to port, one by one, with their own hard negatives.`;
  return [
    `[agent-threat-rules](https://github.com/Agent-Threat-Rule/agent-threat-rules) 4.0.0 (MIT), evaluated with its own engine (\`ATREngine\`). ` +
      'ATR has no event type for a tool definition, so each item\'s model-visible text (the same strings our engine sees, one per line) is evaluated as a `tool_response` event — ATR\'s MCP path, which runs its `mcp_exchange` rules and its `llm_io` prompt-injection rules — with the text also offered as `tool_description`. ' +
      'ATR\'s `computeVerdict` maps matches to deny/ask/allow, read as block/review/allow. Configurations: `atr-hunt` (all bundled rules, every non-draft maturity: ATR\'s default lane), `atr-enforce` (only `maturity: stable` rules: ATR\'s blocking lane), `atr-mcp-hunt` (only the rules written for MCP exchanges).',
    overallTable(atr.runs.flatMap((r) => [r.run, r.union])),
    ...parts,
    `**Decision:** ${verdict}`,
  ].join('\n\n');
}

/** The fresh set: what it is, its composition, and its results (per category, misses, false positives). */
function freshSection(ours: EfficacyRun, fresh: readonly CorpusEntry[], freshDir: string, atr?: AtrComparison, rules?: EfficacyRun): string[] {
  const f = ours.fresh;
  if (!f) return [];
  const m = f.metrics.overall;
  const r = rules?.fresh?.metrics.overall;
  return [
    `### Fresh set — the unseen number`,
    `**Recall ${pct(m.poisoned.rate)} (${m.poisoned.hit}/${m.poisoned.n}) at a false-positive rate of ${pct(m.benign.rate)} (${m.benign.hit}/${m.benign.n})**` +
      (r ? ` (the rules alone: ${pct(r.poisoned.rate)} at ${pct(r.benign.rate)}). ` : '. ') +
      `This is the number to quote for definitions nobody tuned on. The set (\`test/security/${freshDir}/\`) was written independently, by someone who had not read the engine's rules or the other sets' wording, and it was complete on disk before the engine was first run on it; entries are never edited because of what the engine said. ` +
      'Poisoned entries restate published attacks in new wording: attacks buried in long documentation, in schema fields (parameter names, defaults, enums, `examples`), polite paraphrases without the usual keywords, several non-English languages and obfuscations. ' +
      'Benign entries are mostly real tool definitions of published MCP servers, unmodified, from servers used in no other set (the `source` of each entry names it); they include vendors\' own MUST/ALWAYS wording, tools that take tokens and keys, and security tools. It is not part of the acceptance check.',
    freshCompositionTable(fresh),
    categoryTable(f.metrics, [...(rules?.fresh ? [{ name: rules.screener, metrics: rules.fresh.metrics }] : []), ...(atr?.runs.flatMap((x) => (x.run.fresh ? [{ name: x.run.screener, metrics: x.run.fresh.metrics }] : [])) ?? [])]),
    `#### Fresh misses (${f.metrics.misses.length})`,
    missList(f.metrics),
    `#### Fresh false positives (${f.metrics.falsePositives.length})`,
    fpList(f.metrics),
  ];
}

/** Renders the whole section (without the markers). */
export function renderSection(ctx: { ours: EfficacyRun; rules?: EfficacyRun; atr?: AtrComparison; corpus: readonly CorpusEntry[]; fresh?: readonly CorpusEntry[]; freshDir?: string; snapshots: readonly OfficialSnapshot[] }): string {
  const { ours, rules, atr, corpus, snapshots } = ctx;
  const freshDir = ctx.freshDir ?? 'fresh';
  const fresh = ctx.fresh ?? [];
  const standIn = ours.screener !== 'portcullis';
  return [
    '## Efficacy',
    standIn
      ? '> **Not the real engine.** These numbers come from the test stand-in (`test/security/stand-in-screen.ts`) because `src/policies/screen/index.ts` did not exist when they were generated. Re-run the command below.'
      : '',
    '### Method',
    [
      `- Every corpus entry is one MCP tool definition, screened with \`screenItem({ kind: 'tool', name, def })\` in the context of its server and, for shadowing entries, the other servers it refers to; \`verdictFor\` (default policy) gives block, review or allow.`,
      '- A **poisoned** entry counts as detected when its verdict is not `allow` (blocked and review are reported separately). A **benign** entry is a false positive when its verdict is not `allow` (false positives that block are reported separately).',
      `- Target (issue 4): recall ≥ ${pct(0.9)} at a false-positive rate ≤ ${pct(0.02)}, and no tool of the official reference servers blocked.`,
      '- Splits: about 30 % of each category is marked `holdout` (seeded, stratified). Both splits are in the repository, so the holdout is a discipline — rules are tuned on `dev` and checked on `holdout` — not a secret test set.',
      `- Screeners: \`portcullis\` is the engine as it runs by default (rules and the learned screen); \`portcullis-rules\` is the rules alone (\`classifier: false\`). The learned screen was trained on the corpus, so its corpus numbers are not a measure of it; the unseen set is.`,
      `- **${FRESH_SLICE}**: a separate set (\`test/security/${freshDir}/\`) written independently of the corpus and never used for tuning or training; it is reported as its own slice, outside the acceptance check — see "Fresh set" below. It is the honest measure of how the engine does on definitions it has not seen.`,
      `- Official servers: ${snapshots.length} packages, ${officialTools(ours)} tools plus their prompts, resources and instructions, captured live with \`tools/list\` etc. (\`test/security/official/\`); each is screened with the other official servers' tools as its neighbours.`,
    ].join('\n'),
    '### Corpus',
    'Built for Portcullis from public write-ups of tool poisoning (links below; the entries are our own wording, generated by `test/security/corpus/generate.ts` from hand-written specs). Poisoned entries are ordinary tools with the attack placed in the description (start, middle or end), a property description, the title, the schema structure, or an extra parameter used as the exfiltration channel. Benign entries include hard negatives: imperative documentation, tools that handle secrets or `.env` by design, security tools that describe attacks, emoji/RTL/CJK text, and other languages.',
    compositionTable(corpus),
    '### Results',
    overallTable([ours, ...(rules ? [rules] : [])]),
    categoryTable(ours.metrics, atr?.runs.flatMap((r) => [{ name: r.run.screener, metrics: r.run.metrics }])),
    ...freshSection(ours, fresh, freshDir, atr, rules),
    '### Official reference servers',
    officialTable(ours.official),
    `### Misses (${ours.metrics.misses.length})`,
    missList(ours.metrics),
    `### False positives (${ours.metrics.falsePositives.length})`,
    fpList(ours.metrics),
    ...(atr ? ['### agent-threat-rules comparison', atrSection(ours, atr)] : []),
    '### Reproduce',
    [
      '```sh',
      'node --import tsx test/security/efficacy.ts              # report (exit 1 when the target is missed)',
      'node --import tsx test/security/efficacy.ts --write-docs # rewrite this section',
      'npx vitest run --project e2e test/security               # corpus and fresh-set shape + acceptance test',
      'node --import tsx test/security/corpus/generate.ts       # regenerate the corpus from its specs',
      'node --import tsx test/security/train.ts                # retrain the learned screen (never reads the unseen set)',
      'node --import tsx test/security/official/capture.ts      # re-capture the official servers',
      '```',
    ].join('\n'),
  ]
    .filter((s) => s !== '')
    .join('\n\n');
}

/** Replaces the text between the markers of `file` with `content`; throws when a marker is missing. */
export function writeDocsSection(file: string, content: string): void {
  const text = readFileSync(file, 'utf8');
  const b = text.indexOf(BEGIN);
  const e = text.indexOf(END);
  if (b < 0 || e < b) throw new Error(`${file} lacks the ${BEGIN} … ${END} markers`);
  writeFileSync(file, `${text.slice(0, b + BEGIN.length)}\n${content}\n${text.slice(e)}`);
}
