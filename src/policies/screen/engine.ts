/**
 * The screening engine: walks every model-visible string of an item (`walk.ts`) and runs the rule
 * families over each — hidden characters on the raw text (`rules/hidden-unicode.ts`); phrases on
 * the normalised text (`rules/injection.ts`, `intent.ts`, `conceal.ts`, `steering.ts`, `exfil.ts`,
 * `commands.ts`, `shadowing.ts`, `multilingual.ts`); sentence-level data flow into parameters or
 * out to addresses (`rules/dataflow.ts`); disguised readings (`variants.ts`); encoded payloads
 * (`rules/encoded.ts`); mentions of other servers' tools. Then the item-level rules: capability
 * mismatch, side parameters, combinations of weak signals, bounds (`combine.ts`), and the learned
 * screen's score (`learned/`, a linear model over words and n-grams). Pure,
 * synchronous and deterministic: the same item and context give the same findings, in the same
 * order.
 */
import { combinedHit, escalateSideParams, finalise, routeIntoParams } from './combine.js';
import { scanLearned } from './learned/index.js';
import { prepare, type Prepared } from './normalise.js';
import { COMMAND_RULES } from './rules/commands.js';
import { CONCEAL_RULES } from './rules/conceal.js';
import { scanDataFlow, scanParamName } from './rules/dataflow.js';
import { scanEncoded } from './rules/encoded.js';
import { EXFIL_RULES } from './rules/exfil.js';
import { scanHidden } from './rules/hidden-unicode.js';
import { INJECTION_RULES } from './rules/injection.js';
import { INTENT_RULES } from './rules/intent.js';
import { scanAnnotations, scanMismatch } from './rules/mismatch.js';
import { MULTILINGUAL_RULES } from './rules/multilingual.js';
import { RANK, rawRangeExcerpt, runPhraseRules, NO_FACTS, type Emit, type Hit, type ItemFacts, type PhraseRule } from './rules/rule.js';
import { SHADOWING_RULES, scanCrossServer } from './rules/shadowing.js';
import { STEERING_RULES } from './rules/steering.js';
import { IDENTIFIER_PHRASE } from './rules/words.js';
import { variantsOf } from './variants.js';
import type { Finding, ScreenContext, ScreenItem, Severity } from './types.js';
import { walkDefinition, type FieldText } from './walk.js';

const TEXT_RULES: readonly PhraseRule[] = [
  ...INJECTION_RULES,
  ...INTENT_RULES,
  ...CONCEAL_RULES,
  ...STEERING_RULES,
  ...EXFIL_RULES,
  ...COMMAND_RULES,
  ...SHADOWING_RULES,
  ...MULTILINGUAL_RULES,
];

/** Letters spaced out to dodge matching ("i g n o r e  a l l …"), read without the gaps. */
const SPACED = /(?:\b\p{L}\b[^\p{L}\n]{1,3}){6,}/u;
const DENSE = /ignore(?:all|your|the)?(?:previous|prior|above)?instructions|disregard(?:all|your)?(?:previous|prior)?instructions|donot(?:tell|inform|mention)(?:this|it)?(?:to)?theuser|dont(?:tell|inform|mention)theuser|(?:reveal|print|send)(?:your|the)systemprompt|sshidrsa|awscredentials/;

const PLAIN_WORD = /^[a-z0-9_]+$/;

/** Bound on how deep decoded payloads are decoded again. */
const MAX_DECODE_DEPTH = 2;

function screenText(field: FieldText, order: number, p: Prepared, emit: Emit, facts: ItemFacts): void {
  // A single plain word ("string", "object", a property name) cannot hold a phrase.
  // A property name of one to three words, or one named like a switch ("skip_consent_for_…"), is an
  // option, not a sentence to the model (names that ask for secrets are checked by scanParamName).
  const optionName = field.isParamName === true && (p.latin.split(' ').length < 4 || /^(?:skip|enable|disable|allow|include|exclude|use|force|show|require|is|has|should|with|no) /.test(p.latin));
  if (p.latin.length >= 6 && !PLAIN_WORD.test(p.latin) && !optionName) {
    runPhraseRules(TEXT_RULES, p, field, order, emit, facts);
    scanDataFlow(field, p, order, facts, emit);
  }
  if (SPACED.test(p.latin)) {
    const dense = p.latin.replace(/[^a-z]/g, '');
    const m = DENSE.exec(dense);
    if (m !== null) {
      emit({
        rule: 'injection.obfuscated-phrase',
        severity: 'high',
        field: field.field,
        evidence: rawRangeExcerpt(p, 0, p.latin.length),
        message: `The text spells out "${m[0]}" with its letters spaced apart, a trick to get instructions past filters.`,
        family: 'override',
        order,
      });
    }
  }
}

/** Screens the de-obfuscated readings of a field (leetspeak, hyphenated words, reversed text). */
function screenVariants(field: FieldText, order: number, p: Prepared, emit: Emit, facts: ItemFacts): void {
  const variants = variantsOf(field.text, p);
  if (variants.length === 0) return;
  // A rule that already fires on the plain reading says nothing new about a disguise.
  const plain = new Set<string>();
  screenText(field, order, p, (h) => plain.add(h.rule), facts);
  for (const v of variants) {
    const vp = prepare(v.text);
    const relay: Emit = (h) => {
      if (plain.has(h.rule)) return;
      emit({ ...h, evidence: `${v.label}: ${h.evidence}`.slice(0, 240) });
      emit({
        rule: 'obfuscation.disguised-text',
        severity: RANK[h.severity] >= RANK.medium ? 'medium' : 'low',
        field: field.field,
        evidence: `${v.label}: ${h.evidence}`.slice(0, 240),
        message: 'The text is written in a disguised form (leetspeak, words broken across lines, reversed text) that reads as instructions once decoded.',
        family: 'hidden',
        order,
      });
    };
    screenText(field, order, vp, relay, facts);
  }
}

/** The most severe hit the text rules find in a decoded payload (used by the encoded rule). */
function analyseDecoded(decoded: string, depth: number): Severity | undefined {
  if (depth > MAX_DECODE_DEPTH) return undefined;
  let worst: Severity | undefined;
  const emit: Emit = (h) => {
    if (worst === undefined || RANK[h.severity] > RANK[worst]) worst = h.severity;
  };
  const field: FieldText = { field: 'decoded', kind: 'description', text: decoded.slice(0, 16_384) };
  scanHidden(field, 0, emit);
  screenText(field, 0, prepare(field.text), emit, NO_FACTS);
  scanEncoded(field, 0, depth, analyseDecoded, emit);
  return worst;
}

/**
 * Screens one catalogue item (tool, prompt, resource, resource template or server instructions)
 * and returns its findings, most severe first. Never throws on odd input; bounded in time.
 */
export function screenItem(item: ScreenItem, ctx: ScreenContext): Finding[] {
  const walk = walkDefinition(typeof item.name === 'string' ? item.name : String(item.name), item.def);
  const hits: Hit[] = [];
  const emit: Emit = (h) => {
    hits.push(h);
  };
  const params = new Set<string>();
  for (const f of walk.fields) if (f.isParamName === true) params.add(f.text.toLowerCase());
  const facts: ItemFacts = { params, name: String(item.name).toLowerCase(), server: ctx.server.toLowerCase() };
  walk.fields.forEach((field, order) => {
    scanHidden(field, order, emit);
    // Names, keys, and values written as identifiers ("INCLUDE_SYSTEM_PROMPT_IN_OUTPUT_PATH") are read as words.
    const words = field.kind === 'name' || field.kind === 'key' || (field.kind === 'value' && IDENTIFIER_PHRASE.test(field.text));
    const p = prepare(field.text, { words });
    screenText(field, order, p, emit, facts);
    screenVariants(field, order, p, emit, facts);
    scanParamName(field, p, order, emit);
    scanEncoded(field, order, 0, analyseDecoded, emit);
    scanCrossServer(field, order, ctx, item.name, emit);
  });
  if (item.kind === 'tool') {
    scanMismatch(walk.fields, walk.scalars, emit);
    scanAnnotations(item.def, walk.fields, emit);
  }
  routeIntoParams(hits, walk.fields, params);
  escalateSideParams(hits, walk.fields);
  const combined = combinedHit(hits);
  if (combined !== undefined) hits.push(combined);
  if (ctx.classifier !== false) scanLearned(walk.fields, emit);
  if (walk.over.length > 0) {
    hits.push({
      rule: 'limits.oversized-definition',
      severity: 'high',
      field: '',
      evidence: `definition has ${walk.over.join('; ')}`.slice(0, 220),
      message: 'The definition is larger or deeper than anything a normal tool needs, so part of it was not screened. Oversized definitions can bury instructions or flood the AI model\'s context.',
      family: 'limits',
      order: walk.fields.length,
    });
  }
  return finalise(hits);
}
