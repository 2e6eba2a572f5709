/**
 * What every rule shares: the internal finding (a public {@link Finding} plus the family it belongs
 * to, used to combine weak signals), and the phrase-rule runner used by the text rule tables.
 */
import { rawRange, type Prepared } from '../normalise.js';
import type { Finding, Severity } from '../types.js';
import { excerpt } from '../visible.js';
import type { FieldText, FieldKind } from '../walk.js';

/** Families of signals; weak signals of different groups combine into a strong one. */
export type Family =
  | 'hidden'
  | 'control'
  | 'override'
  | 'pseudo-tag'
  | 'directive'
  | 'urgency'
  | 'concealment'
  | 'redirection'
  | 'sensitive-file'
  | 'credential'
  | 'conversation'
  | 'exfil-url'
  | 'command'
  | 'cross-server'
  | 'encoded'
  | 'mismatch'
  | 'limits'
  | 'combined'
  | 'learned'
  | 'judge';

/** A finding with the family it belongs to and the index of the field it was found in. */
export interface Hit extends Finding {
  family: Family;
  /** Index of the field in walk order (for a stable order). */
  order: number;
}

/** Receives hits. */
export type Emit = (hit: Hit) => void;

/** What rules may know about the whole item while looking at one of its strings. */
export interface ItemFacts {
  /** Names of the item's schema properties, lower-cased. */
  params: ReadonlySet<string>;
  /** The item's own name, lower-cased (absent for decoded payloads). */
  name?: string;
  /** The server's name, lower-cased. */
  server?: string;
}

/** Facts of an item with no parameters. */
export const NO_FACTS: ItemFacts = { params: new Set() };

/** A cheap pre-check on the words of a text: a rule whose gate fails cannot match, so is skipped. */
export type Gate = (words: ReadonlySet<string>) => boolean;

/** Gate: at least one of `words` occurs. */
export function anyOf(...words: string[]): Gate {
  const set = new Set(words);
  return (w) => {
    if (w.size < set.size) {
      for (const x of w) if (set.has(x)) return true;
      return false;
    }
    for (const x of set) if (w.has(x)) return true;
    return false;
  };
}

/** Gate: every one of `gates` passes. */
export function allOf(...gates: Gate[]): Gate {
  return (w) => gates.every((g) => g(w));
}

/** Gate: at least one of `gates` passes. */
export function oneOf(...gates: Gate[]): Gate {
  return (w) => gates.some((g) => g(w));
}

/** Marker words added to the word set when a script, a URL or an `@` is present (for gates). */
export const SCRIPT_WORDS = { cyrillic: '#cyrillic', han: '#han', kana: '#kana', hangul: '#hangul', arabic: '#arabic', hebrew: '#hebrew', devanagari: '#devanagari', greek: '#greek', thai: '#thai', bengali: '#bengali', url: '#url', at: '#at' } as const;

const MAX_WORDS = 20_000;

/** The set of words of a prepared text (latin form), plus script markers; cached on the object. */
export function wordsOf(p: Prepared): ReadonlySet<string> {
  if (p.words !== undefined) return p.words;
  const set = new Set<string>();
  const tokens = p.latin.split(/[^a-z0-9'\u00df]+/, MAX_WORDS);
  for (const t of tokens) if (t.length > 0) set.add(t.replace(/^'+|'+$/g, ''));
  if (/[\u0400-\u04ff]/.test(p.native)) set.add(SCRIPT_WORDS.cyrillic);
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(p.native)) set.add(SCRIPT_WORDS.han);
  if (/[\u3040-\u30ff]/.test(p.native)) set.add(SCRIPT_WORDS.kana);
  if (/[\uac00-\ud7af\u1100-\u11ff]/.test(p.native)) set.add(SCRIPT_WORDS.hangul);
  if (/[\u0600-\u06ff]/.test(p.native)) set.add(SCRIPT_WORDS.arabic);
  if (/[\u0590-\u05ff]/.test(p.native)) set.add(SCRIPT_WORDS.hebrew);
  if (/[\u0900-\u097f]/.test(p.native)) set.add(SCRIPT_WORDS.devanagari);
  if (/[\u0370-\u03ff]/.test(p.native)) set.add(SCRIPT_WORDS.greek);
  if (/[\u0e00-\u0e7f]/.test(p.native)) set.add(SCRIPT_WORDS.thai);
  if (/[\u0980-\u09ff]/.test(p.native)) set.add(SCRIPT_WORDS.bengali);
  if (p.latin.includes('//')) set.add(SCRIPT_WORDS.url);
  if (p.latin.includes('@')) set.add(SCRIPT_WORDS.at);
  p.words = set;
  return set;
}

/** A rule over normalised text: a pattern, and optionally a refinement of each match. */
export interface PhraseRule {
  id: string;
  family: Family;
  severity: Severity;
  message: string;
  /** Global regular expression, matched against the `latin` form unless `form` says otherwise. */
  re: RegExp;
  /** Which normalised form to match: `latin` (default), `native`, or both (when they differ). */
  form?: 'latin' | 'native' | 'both';
  /** Field kinds this rule ignores. */
  skip?: readonly FieldKind[];
  /** Words one of which any match must contain (a fast pre-check). */
  gate?: Gate;
  /** Adjusts the severity of one match from its surroundings; `null` drops the match. */
  refine?: (m: RegExpExecArray, text: string, field: FieldText, facts: ItemFacts) => Severity | null;
  /** Quoted text and text about attacks ("detects prompts like …") lower the severity. Default true. */
  mention?: boolean;
}

/** Abbreviations whose final dot does not end a sentence ("e.g.", "i.e.", "etc."). */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|resp)\.$/i;

/** What follows a shell pipe (`… | sh`, `| base64 -d`): a command, not a new clause. */
const SHELL_AFTER_PIPE = /^(?:sudo |)(?:(?:ba|z|da|k|fi)?sh|python3?|perl|ruby|node|php|iex|invoke-\w+|tee|base64|xxd|gzip|gunzip|nc|ncat|netcat|curl|wget|xargs|grep|egrep|awk|sed|head|tail|sort|uniq|wc|jq|yq|cut|tr|cat|less|more|openssl|gpg|sh|cmd|powershell|pwsh|out-\w+|select-\w+|where-\w+|foreach-\w+|format-\w+|convert\w*-\w+)\b/;

/**
 * A separator " | " between clauses of one line ("Base URL: … | Authentication: none | …"), which
 * ends a sentence like a full stop; a shell pipe (`curl … | sh`) and the cells of a markdown table
 * row (`| tool | argument |`, read as one statement) do not.
 */
export function isClauseBar(text: string, i: number): boolean {
  if (text[i] !== '|' || text[i - 1] !== ' ' || text[i + 1] !== ' ' || SHELL_AFTER_PIPE.test(text.slice(i + 2, i + 24))) return false;
  const start = text.lastIndexOf('\n', i) + 1;
  const end = text.indexOf('\n', i);
  const line = text.slice(start, end < 0 ? text.length : end).trim();
  return !line.startsWith('|') && !line.endsWith('|');
}

/** The text that holds a match: the sentence around it, capped. */
export function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  let s = start;
  while (s > 0 && start - s < 240) {
    const c = text[s - 1];
    // An ellipsis ("curl ... | sh") does not end a sentence.
    if (c === '\n' || isClauseBar(text, s - 1) || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[s] ?? ' ') && text[s - 2] !== '.' && !ABBREVIATION.test(text.slice(Math.max(0, s - 8), s)))) break;
    s--;
  }
  let e = end;
  while (e < text.length && e - end < 240) {
    const c = text[e];
    if (c === '\n' || isClauseBar(text, e) || ((c === '.' || c === '!' || c === '?') && /\s|$/.test(text[e + 1] ?? '') && text[e - 1] !== '.' && !ABBREVIATION.test(text.slice(Math.max(0, e - 7), e + 1)))) break;
    e++;
  }
  return { before: text.slice(s, start), after: text.slice(end, e) };
}

/**
 * The whole sentence a match sits in (`sentenceAround` on both sides of it). `sep` goes between the
 * match and its surroundings: '' keeps the text as written, ' ' keeps a word at the edge of the match
 * from running into its neighbour.
 */
export function sentenceOf(text: string, m: RegExpExecArray, sep = ''): string {
  const { before, after } = sentenceAround(text, m.index, m.index + m[0].length);
  return `${before}${sep}${m[0]}${sep}${after}`;
}

/** Where a sentence ends when a tool's purpose is cut off the rest: after `.`, `!` or `?` and a space, after a CJK full stop, at a line break. */
export const SENTENCE_BREAK = /(?<=[.!?])\s+|(?<=[。！？])|\n+/;

/** The first sentence of a text: by convention, what the tool is for. */
export function firstSentence(text: string): string {
  return text.split(SENTENCE_BREAK, 1)[0] ?? '';
}

/** Words of text about attacks rather than an attack: detectors, examples, quotations ("flags phrases such as …"). */
export const META =
  /\b(?:(?<!auto[- ]?)detect\w*|scan\w*|flag(?:s|ged|ging)?|identif\w*|classif\w*|prevent\w*|protect\w* against|guard\w* against|defen[cs]\w* against|check\w* (?:for|whether|if)|mitigat\w*|analy[sz]\w*|recogni[sz]\w*|sanitiz\w*|such as|for example|for instance|example of|known (?:attacks?|exploits?|injections?|jailbreaks?|malicious|bad|phrases?|patterns?|techniques?|payloads?|threats?|poisoning|prompt|tricks?|signatures?|indicators?|iocs?|vulnerabilit(?:y|ies)|cves?)|example (?:rules?|signatures?|patterns?|payloads?)|(?:detection|yara|sigma|snort|suricata) (?:rules?|signatures?)|phrases? like|patterns? like|attacks? like|attempts? (?:to|like)|tries to|trying to|jailbreak\w*|prompt injection\w*|(?:tool|metadata|description) poisoning|persistence (?:mechanisms?|locations?|paths?)|detonat\w*|dropped files|honeypot\w*|(?:commands?|payloads?) (?:run|ran|sent|used|tried) by attackers|attackers? (?:ran|run|tried|used|sent)|red[- ]team\w*|test\w* (?:for|against)|malicious|suspicious|adversarial|block(?:s|ed|ing)? (?:prompts?|inputs?|text|attempts?)|whose (?:descriptions?|instructions?|text|docs) (?:ask|asks|tell|tells|instruct|instructs|try|tries|say|says))\b/;

/** Families whose wording is expected in server instructions, which are addressed to the model by design. */
const EXPECTED_IN_INSTRUCTIONS = new Set<Family>(['directive', 'redirection', 'urgency', 'pseudo-tag']);

/** Families whose quoted matches are taken as quotations ("phrases like 'ignore previous instructions'"). */
const QUOTABLE = new Set<Family>(['override', 'pseudo-tag', 'concealment', 'directive', 'urgency']);

/** Families whose matches are things (files, secrets, addresses) that may be named as an example. */
const EXAMPLE_OF = new Set<Family>(['sensitive-file', 'credential', 'exfil-url']);

/** True when the match is quoted or sits in a sentence that talks about attacks rather than making one. */
export function isMention(text: string, start: number, end: number, family: Family): boolean {
  const { before, after } = sentenceAround(text, start, end);
  // Identifiers are names, not words ("detect_language" is a tool, not "detects").
  if (META.test(before.replace(/\b\w+_\w+\b/g, ' '))) return true;
  // A tag or phrase named as a kind of thing ("<IMPORTANT> tags", "'ignore previous' phrases").
  if (QUOTABLE.has(family) && /^['"»)]?\s*(?:tags?|markers?|blocks?|elements?|comments?|phrases?|strings?|patterns?)\b/.test(after)) return true;
  // "… e.g. infostealers that steal browser cookies": a named thing given as an example (instructions after "e.g." still count).
  if (EXAMPLE_OF.has(family) && /\be\.g\.\s/.test(before.slice(-60))) return true;
  if (!QUOTABLE.has(family)) return false;
  const quotes = (before.match(/["«»]/g) ?? []).length;
  return quotes % 2 === 1;
}

/** Runs phrase rules over one prepared field, emitting at most one hit per rule (the most severe). */
export function runPhraseRules(rules: readonly PhraseRule[], p: Prepared, field: FieldText, order: number, emit: Emit, facts: ItemFacts = NO_FACTS): void {
  for (const rule of rules) {
    if (rule.skip?.includes(field.kind)) continue;
    if (rule.gate !== undefined && !rule.gate(wordsOf(p))) continue;
    const forms: ReadonlyArray<'latin' | 'native'> = rule.form === 'both' ? (p.native === p.latin ? ['latin'] : ['latin', 'native']) : [rule.form ?? 'latin'];
    let best: { sev: Severity; start: number; end: number; form: 'latin' | 'native' } | undefined;
    for (const form of forms) {
      const text = form === 'latin' ? p.latin : p.native;
      rule.re.lastIndex = 0;
      let tries = 0;
      for (let m = rule.re.exec(text); m !== null && tries < 16; m = rule.re.exec(text), tries++) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        let sev: Severity | null = rule.refine ? rule.refine(m, text, field, facts) : rule.severity;
        if (sev === null) continue;
        if (rule.mention !== false && sev !== 'info' && isMention(text, start, end, rule.family)) sev = 'low';
        if (field.kind === 'instructions' && EXPECTED_IN_INSTRUCTIONS.has(rule.family)) sev = 'info';
        if (best === undefined || RANK[sev] > RANK[best.sev]) best = { sev, start, end, form };
        // Without a refinement every match is as severe as the rule; with one, a later match may be worse.
        if (RANK[sev] >= (rule.refine ? RANK.high : RANK[rule.severity])) break;
      }
      rule.re.lastIndex = 0;
      if (best !== undefined && RANK[best.sev] >= (rule.refine ? RANK.high : RANK[rule.severity])) break;
    }
    if (best === undefined) continue;
    emit({ rule: rule.id, severity: best.sev, field: field.field, evidence: rawRangeExcerpt(p, best.start, best.end, best.form), message: rule.message, family: rule.family, order });
  }
}

/** Evidence for `[start, end)` of a prepared form: the raw text around it, made visible. */
export function rawRangeExcerpt(p: Prepared, start: number, end: number, form: 'latin' | 'native' = 'latin'): string {
  const [rs, re] = rawRange(p, form, start, end);
  return excerpt(p.raw, rs, re);
}

/** Severity ranks for comparisons. */
export const RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** One severity step up (capped at `high`) or down (floored at `info`). */
export function shift(s: Severity, by: 1 | -1): Severity {
  const order: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
  const i = Math.max(0, Math.min(by > 0 ? 3 : 4, RANK[s] + by));
  return RANK[s] >= 3 && by > 0 ? s : (order[i] ?? s);
}

/** Builds a regular-expression gap: up to `n` characters that do not end a sentence. */
export function gap(n: number): string {
  return `(?:[^.!?\\n]|[.!?](?=\\S)){0,${n}}`;
}
