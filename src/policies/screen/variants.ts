/**
 * Other readings of a text, for disguises that normalisation cannot undo in place: leetspeak
 * (`1gn0r3 pr3v10u5`), words hyphenated across line breaks (`ig-\nnore`), text reversed behind a
 * right-to-left override (`⁧snoitcurtsni erongi⁩`) or plainly backwards, words spelled letter by letter with separators
 * (`s-e-n-d t-h-e k-e-y`) or chopped into pieces (`ex-fil-trate`), ROT13 and Pig Latin (`vtaber nyy`). Each reading is screened like the text
 * itself; a text without such disguises has no variants (and costs nothing more).
 */
import type { Prepared } from './normalise.js';
import { hasRtl } from './unicode.js';

/** One alternative reading of a text. */
export interface Variant {
  label: string;
  text: string;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '|': 'l' };
const MIXED_TOKEN = /(?=[^\s]*[a-z])(?=[^\s]*[0-9@$])[a-z0-9@$|_./~-]{2,}/g;
const RTL_FORCING = /[\u202b\u202e\u2067]/;

/** Leetspeak folded to letters, when at least three words mix letters and digits. */
function leet(latin: string): string | undefined {
  if (!/[a-z][0-9@$]|[0-9@$][a-z]/.test(latin)) return undefined;
  const mixed = latin.match(MIXED_TOKEN) ?? [];
  if (mixed.length < 3) return undefined;
  return latin.replace(/[a-z0-9@$|_./~-]+/g, (tok) => (/^\d{5,}$/.test(tok) ? tok : tok.replace(/[0134578@$|]/g, (c) => LEET[c] ?? c)));
}

/** Words split by a hyphen at a line break, joined again. */
function dehyphenate(raw: string): string | undefined {
  return /\p{L}-[ \t]*\r?\n[ \t]*\p{L}/u.test(raw) ? raw.replace(/(\p{L})-[ \t]*\r?\n[ \t]*(\p{L})/gu, '$1$2') : undefined;
}

/** `s` character by character backwards (code points, not UTF-16 units). */
function reverse(s: string): string {
  return Array.from(s).reverse().join('');
}

/** Segments after a right-to-left override/embedding/isolate in text with no RTL letters, reversed. */
function unreverse(raw: string): string | undefined {
  if (!RTL_FORCING.test(raw) || hasRtl(raw)) return undefined;
  return raw.replace(/[\u202b\u202e\u2067]([^\u202c\u2069]*)[\u202c\u2069]?/g, (_m, seg: string) => reverse(seg));
}

/** A word spelled one letter at a time with a separator between letters: `s-e-n-d`, `k.e.y`. */
const SPELLED = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}~./@][-_·*])+[\p{L}\p{N}~./@](?![\p{L}\p{N}])/gu;

/** Letter-by-letter words joined, when at least three words are spelled so. */
function unspell(raw: string): string | undefined {
  const spelled = raw.match(SPELLED) ?? [];
  if (spelled.filter((w) => w.length >= 5).length < 3) return undefined;
  return raw.replace(SPELLED, (w) => w.replace(/[-_·*]/g, ''));
}

/** A word cut into three or more short pieces with hyphens: `ex-fil-trate`, `pass-wo-rds`. */
const CHOPPED = /(?<![\p{L}-])\p{L}{1,5}(?:-\p{L}{1,5}){2,}(?![\p{L}-])/gu;
/** Small words that join the parts of a compound (`end-to-end`, `state-of-the-art`, `mise-en-place`). */
const LINKING = new Set(['a', 'an', 'and', 'at', 'by', 'de', 'del', 'der', 'en', 'for', 'in', 'la', 'le', 'of', 'on', 'or', 'per', 'the', 'to', 'und', 'upon', 'vs', 'with']);

/** Pieces of a compound: one is a linking word, and most are longer than one letter (`a-s-s-i-s-t` is spelled, not compound). */
function isCompound(pieces: readonly string[]): boolean {
  return pieces.some((piece) => LINKING.has(piece)) && pieces.filter((piece) => piece.length === 1).length * 2 < pieces.length;
}

/**
 * Words joined where hyphens cut them (`ex-fil-trate all snap-shots`), when at least one word is
 * chopped into three or more short pieces and is not a compound ({@link isCompound}).
 */
function unchop(raw: string): string | undefined {
  const chopped = (raw.match(CHOPPED) ?? []).some((w) => !isCompound(w.toLowerCase().split('-')));
  return chopped ? raw.replace(/(\p{L})-(?=\p{L})/gu, '$1') : undefined;
}

/** Common short English words: plain English text is full of them, ROT13 of English has none. */
const COMMON = new Set(['the', 'and', 'to', 'of', 'a', 'in', 'on', 'for', 'with', 'it', 'is', 'any', 'all', 'before', 'after', 'this', 'that', 'your', 'you', 'call', 'send', 'read', 'put', 'file', 'user', 'do', 'not', 'tell', 'from', 'into', 'then', 'every', 'when']);

function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/**
 * `turn` applied to every segment (text between `cuts`) whose non-words it turns into plain
 * English: at least three common words once turned, and at least twice as many as before (plus
 * two). Undefined when no segment turns.
 */
function turnWhereEnglish(latin: string, cuts: RegExp, turn: (s: string) => string): string | undefined {
  let changed = false;
  const out = latin.replace(cuts, (seg) => {
    const words = seg.match(/[a-z]+/g) ?? [];
    if (words.length < 5) return seg;
    const plain = words.filter((w) => COMMON.has(w)).length;
    const turned = words.filter((w) => COMMON.has(turn(w))).length;
    if (turned < 3 || turned < 2 * plain + 2) return seg;
    changed = true;
    return turn(seg);
  });
  return changed ? out : undefined;
}

/** The ROT13 reading: each sentence (or parenthesis, or text after a colon) that turns into plain English, rotated. */
function unrot(latin: string): string | undefined {
  return turnWhereEnglish(latin, /[^.!?:;()\n]+/g, rot13);
}

/**
 * The backwards reading: each clause or line written backwards in plain letters (no right-to-left
 * control needed), turned around (`… do it: resu eht llet ton od`). Segments are cut at line breaks,
 * colons, semicolons and brackets but not at full stops, which a backwards sentence puts first.
 */
function backwards(latin: string): string | undefined {
  return turnWhereEnglish(latin, /[^:;()\n]+/g, reverse);
}

/**
 * Consonant clusters that begin English words, for undoing Pig Latin (`ethay` → `the`, `ingstray` →
 * `string`). Two-letter clusters starting with "s" are left out: `eyskay` is `keys` (a plural's "s"
 * before the moved letter) far more often than a word starting "sk".
 */
const ONSET3 = new Set(['str', 'spr', 'scr', 'thr', 'shr', 'spl', 'squ', 'sch']);
const ONSET2 = new Set(['th', 'sh', 'ch', 'wh', 'ph', 'tr', 'pr', 'pl', 'cl', 'cr', 'fr', 'gr', 'br', 'bl', 'fl', 'gl', 'kn', 'wr', 'qu', 'tw']);
const VOWEL_START = /^[aeiou]/;

/** One Pig Latin word turned back: `elltay` → `tell`, `andway` → `and`, `end-say` → `send`. */
function unpigWord(word: string): string {
  const hyphen = /^([a-z']+)-([a-z]*)ay$/.exec(word);
  if (hyphen) {
    const [, stem = '', moved = ''] = hyphen;
    return VOWEL_START.test(stem) && /^(?:|w|y|h)$/.test(moved) ? stem : moved + stem;
  }
  const w = word.slice(0, -2);
  if (VOWEL_START.test(w) && /[wy]$/.test(w)) return w.slice(0, -1);
  const cluster = /[^aeiou]{1,3}$/.exec(w)?.[0] ?? '';
  const k = cluster.length >= 3 && ONSET3.has(cluster.slice(-3)) ? 3 : cluster.length >= 2 && ONSET2.has(cluster.slice(-2)) ? 2 : Math.min(1, cluster.length);
  return k === 0 ? w : w.slice(-k) + w.slice(0, -k);
}

/** A word that looks like Pig Latin: ends in "ay" (`elltay`, `end-say`). */
const PIG_WORD = /^(?:[a-z']+-[a-z]*ay|[a-z']{2,}ay)$/;

/**
 * The Pig Latin reading: each sentence (or clause) of four or more words where at least three
 * words, and at least half of them, end in "ay" is turned back word by word. English text has few
 * such words; `Ellay-tay the ser-uay othing-nay` or `elltay ethay useryay` has little else.
 */
function unpig(latin: string): string | undefined {
  let changed = false;
  const out = latin.replace(/[^.!?:;()\n]+/g, (seg) => {
    const words = seg.match(/[a-z'-]+/g) ?? [];
    const pig = words.filter((w) => PIG_WORD.test(w));
    if (words.length < 4 || pig.length < 3 || pig.length * 2 < words.length) return seg;
    changed = true;
    return seg.replace(/[a-z'-]+/g, (w) => (PIG_WORD.test(w) ? unpigWord(w) : w));
  });
  return changed ? out : undefined;
}

/** The alternative readings of `raw` (prepared as `p`), at most one of each kind. */
export function variantsOf(raw: string, p: Prepared): Variant[] {
  const out: Variant[] = [];
  const l = leet(p.latin);
  if (l !== undefined && l !== p.latin) out.push({ label: 'read as leetspeak', text: l });
  const d = dehyphenate(raw);
  if (d !== undefined) out.push({ label: 'read with hyphenated words joined', text: d });
  const u = unreverse(raw);
  if (u !== undefined) out.push({ label: 'read right-to-left', text: u });
  const sp = unspell(raw);
  if (sp !== undefined) out.push({ label: 'read with letter-by-letter words joined', text: sp });
  const ch = sp === undefined ? unchop(raw) : undefined;
  if (ch !== undefined) out.push({ label: 'read with hyphen-chopped words joined', text: ch });
  const b = backwards(p.latin);
  if (b !== undefined) out.push({ label: 'read backwards', text: b });
  const r = unrot(p.latin);
  if (r !== undefined) out.push({ label: 'read as ROT13', text: r });
  const pig = unpig(p.latin);
  if (pig !== undefined) out.push({ label: 'read as Pig Latin', text: pig });
  return out;
}
