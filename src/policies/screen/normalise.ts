/**
 * Normalisation before matching, so obfuscated text still matches: NFKC, hidden characters
 * removed, Latin diacritics removed, typographic quotes and dashes folded, whitespace collapsed,
 * lower case. Two forms come out: `native` keeps every script as it is (for Russian, Chinese, …),
 * `latin` also folds look-alikes to Latin letters (for English and the other Latin-script
 * languages). Each output character maps back to its position in the raw text, for evidence.
 */
import { confusableLatin } from './confusables.js';
import { hiddenClass, isAscii } from './unicode.js';

/** A string ready for matching. */
export interface Prepared {
  /** The raw text (capped). */
  raw: string;
  /** NFKC, no hidden characters, lower case, collapsed whitespace; scripts untouched. */
  native: string;
  /** `native` with Latin look-alikes folded to Latin. */
  latin: string;
  /** How the text was prepared (needed to rebuild the position maps). */
  opts: PrepareOptions;
  /** Raw index of each UTF-16 unit of `native` and `latin`; built on first use (see {@link rawRange}). */
  maps?: { native: Uint32Array; latin: Uint32Array };
  /** Cache of the word set (see `wordsOf` in the rules). */
  words?: ReadonlySet<string>;
}

const RE_MARK = /\p{M}/u;
const RE_MN = /\p{Mn}/gu;
const RE_LATIN_GREEK = /[\p{Script=Latin}\p{Script=Greek}]/u;
const RE_SPACE = /\s/u;
const RE_UPPER = /\p{Lu}/u;
const RE_LOWER = /\p{Ll}/u;
const PUNCT: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};

/** Options of {@link prepare}. */
export interface PrepareOptions {
  /** Identifier mode: `_`, `-` and camelCase boundaries become spaces (`sendEmail` → `send email`). */
  words?: boolean;
}

/** Normalises `raw` for matching (see the module comment). */
export function prepare(raw: string, opts: PrepareOptions = {}): Prepared {
  if (isAscii(raw)) {
    const text = asciiText(raw, opts.words === true);
    return { raw, native: text, latin: text, opts };
  }
  const full = build(raw, opts);
  return { raw, native: full.native, latin: full.latin, opts, maps: { native: full.nativeMap, latin: full.latinMap } };
}

/** Raw range `[start, end)` behind `[s, e)` of a prepared form. */
export function rawRange(p: Prepared, form: 'native' | 'latin', s: number, e: number): [number, number] {
  if (p.maps === undefined) {
    const full = build(p.raw, p.opts);
    p.maps = { native: full.nativeMap, latin: full.latinMap };
  }
  const map = p.maps[form];
  const text = form === 'native' ? p.native : p.latin;
  const rs = map[Math.min(s, map.length - 1)] ?? 0;
  const re = e < text.length ? (map[e] ?? p.raw.length) : p.raw.length;
  return [rs, Math.max(re, rs + 1)];
}

let scratch = new Uint16Array(1024);
const UTF16 = new TextDecoder('utf-16le');

/** The fast path for plain ASCII text: the same result as {@link build}, without position maps. */
function asciiText(raw: string, words: boolean): string {
  const n = raw.length;
  if (scratch.length < n * 2 + 1) scratch = new Uint16Array(n * 2 + 1);
  const out = scratch;
  let len = 0;
  let lastSpace = true;
  let prevLower = false;
  for (let i = 0; i < n; i++) {
    let c = raw.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (!lastSpace) out[len++] = 0x0a;
      else if (len > 0 && out[len - 1] === 0x20) out[len - 1] = 0x0a;
      lastSpace = true;
      prevLower = false;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || (words && (c === 0x5f || c === 0x2d))) {
      if (!lastSpace) out[len++] = 0x20;
      lastSpace = true;
      prevLower = false;
      continue;
    }
    if (c < 0x20 || c === 0x7f) continue;
    const upper = c >= 0x41 && c <= 0x5a;
    if (words && prevLower && upper) out[len++] = 0x20;
    prevLower = c >= 0x61 && c <= 0x7a;
    if (upper) c += 32;
    else if (c === 0x60) c = 0x27;
    out[len++] = c;
    lastSpace = false;
  }
  // apply() takes any array-like; below a few hundred units it beats a TextDecoder call.
  if (len <= 512) return String.fromCharCode.apply(null, out.subarray(0, len) as unknown as number[]);
  return UTF16.decode(out.subarray(0, len));
}

interface Built {
  native: string;
  latin: string;
  nativeMap: Uint32Array;
  latinMap: Uint32Array;
}

/** The full normalisation, with position maps. */
function build(raw: string, opts: PrepareOptions): Built {
  const native: string[] = [];
  const latin: string[] = [];
  const nMap: number[] = [];
  const lMap: number[] = [];
  let lastSpace = true;
  let prevLower = false;
  const emit = (n: string, l: string, at: number): void => {
    if (n === ' ' || n === '\n') {
      if (lastSpace) {
        if (n === '\n' && native.length > 0 && native[native.length - 1] === ' ') {
          native[native.length - 1] = '\n';
          latin[latin.length - 1] = '\n';
        }
        return;
      }
      lastSpace = true;
    } else lastSpace = false;
    native.push(n);
    latin.push(l);
    for (let k = 0; k < n.length; k++) nMap.push(at);
    for (let k = 0; k < l.length; k++) lMap.push(at);
  };
  let i = 0;
  while (i < raw.length) {
    const start = i;
    const cp = raw.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      prevLower = asciiChar(cp, raw, start, opts, prevLower, emit);
      continue;
    }
    // A group: the base character and the combining marks that follow it.
    while (i < raw.length && RE_MARK.test(String.fromCodePoint(raw.codePointAt(i) ?? 0))) i += (raw.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    let group = '';
    for (const ch of raw.slice(start, i)) if (hiddenClass(ch.codePointAt(0) ?? 0) === undefined) group += ch;
    if (group.length === 0) continue;
    let norm = group.normalize('NFKC');
    if (RE_LATIN_GREEK.test(norm)) norm = norm.normalize('NFD').replace(RE_MN, '').normalize('NFC');
    for (const ch of norm) {
      const c = PUNCT[ch] ?? ch;
      if (RE_SPACE.test(c)) {
        const sp = c === '\n' || c === '\u2028' || c === '\u2029' ? '\n' : ' ';
        emit(sp, sp, start);
        prevLower = false;
        continue;
      }
      if (opts.words && prevLower && RE_UPPER.test(c)) emit(' ', ' ', start);
      const low = lowerOne(c);
      emit(low, lowerOne(confusableLatin(c.codePointAt(0) ?? 0) ?? c), start);
      prevLower = RE_LOWER.test(c);
    }
  }
  return { native: native.join(''), latin: latin.join(''), nativeMap: Uint32Array.from(nMap), latinMap: Uint32Array.from(lMap) };
}

function asciiChar(
  cp: number,
  raw: string,
  at: number,
  opts: PrepareOptions,
  prevLower: boolean,
  emit: (n: string, l: string, at: number) => void,
): boolean {
  if (cp === 0x0a || cp === 0x0d) {
    emit('\n', '\n', at);
    return false;
  }
  if (cp === 0x20 || cp === 0x09 || cp === 0x0b || cp === 0x0c) {
    emit(' ', ' ', at);
    return false;
  }
  if (cp < 0x20 || cp === 0x7f) return prevLower;
  if (opts.words && (cp === 0x5f || cp === 0x2d)) {
    emit(' ', ' ', at);
    return false;
  }
  const isUpper = cp >= 0x41 && cp <= 0x5a;
  if (opts.words && prevLower && isUpper) emit(' ', ' ', at);
  const ch = cp === 0x60 ? "'" : isUpper ? String.fromCharCode(cp + 32) : raw[at] ?? '';
  emit(ch, ch, at);
  return cp >= 0x61 && cp <= 0x7a;
}

/** Lower case of one character, kept to one character (`İ` → `i`). */
function lowerOne(c: string): string {
  const low = c.toLowerCase();
  if (low.length === c.length) return low;
  return low.normalize('NFD').replace(RE_MN, '').slice(0, c.length) || c;
}

/**
 * The confusable skeleton of a name, for collision detection: NFKC, look-alikes folded to Latin,
 * lower case, diacritics and hidden characters removed, separators (`-`, `_`, `.`, spaces)
 * removed, and characters that pass for one another merged (`0`/`o`, `1`/`l`/`i`/`I`, `rn`/`m`,
 * `vv`/`w`). Two names with the same skeleton look the same to a person.
 */
export function skeleton(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (hiddenClass(cp) !== undefined) continue;
    out += confusableLatin(cp) ?? ch;
  }
  out = out.toLowerCase().normalize('NFD').replace(RE_MN, '').normalize('NFKC');
  out = out.replace(/[\s_.\p{Pd}\u00b7\u2027\u30fb]+/gu, '');
  out = out.replace(/[01i|!]/g, (c) => (c === '0' ? 'o' : 'l'));
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w');
}
