/**
 * Code point classes the screening engine cares about, and decoders for the two ways text can be
 * smuggled in characters nobody sees: Unicode tag characters and variation-selector bytes.
 */

/** Classes of characters that render as nothing (or as something else) on screen. */
export type HiddenClass =
  | 'tag'
  | 'zero-width'
  | 'bidi'
  | 'bidi-mark'
  | 'variation-selector'
  | 'format'
  | 'private-use'
  | 'unassigned'
  | 'escape'
  | 'c0'
  | 'c1';

const RE_CF = /\p{Cf}/u;
const RE_CO = /\p{Co}/u;
const RE_CN = /\p{Cn}/u;
const RE_EMOJI = /\p{Emoji}/u;
const RE_PICTO = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}]/u;
/** Scripts written without spaces, where U+200B marks word breaks. */
const RE_NO_SPACE_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Letters of scripts that use ZWJ/ZWNJ for shaping (Arabic, Persian, Indic scripts, …). */
const RE_SHAPING_LETTER = /[\p{L}\p{M}]/u;
const RE_SIMPLE_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]/u;
const RE_RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const RE_HAN = /\p{Script=Han}/u;
const RE_LETTER = /[\p{L}\p{M}]/u;

/** Invisible letters and fillers that Unicode does not class as format characters. */
const INVISIBLE_FILLERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800, 0x034f, 0x17b4, 0x17b5, 0x180e]);

/** True for U+E0000–U+E007F. */
export function isTag(cp: number): boolean {
  return cp >= 0xe0000 && cp <= 0xe007f;
}

/** True for the variation selectors VS1–VS256. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** True when a code point is an emoji base (so VS15/VS16 after it are ordinary). */
export function isEmojiBase(cp: number): boolean {
  return RE_EMOJI.test(String.fromCodePoint(cp));
}

/** True for pictographic emoji (what a ZWJ sequence joins). */
export function isPictographic(cp: number): boolean {
  return RE_PICTO.test(String.fromCodePoint(cp));
}

/** True for letters of scripts that need ZWJ/ZWNJ to shape text (not Latin, Greek or Cyrillic). */
export function isShapingLetter(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return RE_SHAPING_LETTER.test(ch) && !RE_SIMPLE_SCRIPT.test(ch);
}

/** True for letters of scripts written without spaces (Thai, CJK, …). */
export function isNoSpaceScript(cp: number): boolean {
  return RE_NO_SPACE_SCRIPT.test(String.fromCodePoint(cp));
}

/** True for Han ideographs (ideographic variation sequences are ordinary after them). */
export function isHan(cp: number): boolean {
  return RE_HAN.test(String.fromCodePoint(cp));
}

/** True when the text contains right-to-left letters (Hebrew, Arabic, …). */
export function hasRtl(s: string): boolean {
  return RE_RTL.test(s);
}

/** The hidden class of a code point, or undefined for ordinary characters (incl. \n, \t, \r). */
export function hiddenClass(cp: number): HiddenClass | undefined {
  if (cp < 0x20) return cp === 0x1b ? 'escape' : cp === 0x0a || cp === 0x09 || cp === 0x0d ? undefined : 'c0';
  if (cp < 0x7f) return undefined;
  if (cp <= 0x9f) return 'c1';
  if (cp < 0x034f) return cp === 0xad ? 'format' : undefined;
  if (isTag(cp)) return 'tag';
  if (isVariationSelector(cp)) return 'variation-selector';
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff) return 'zero-width';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'bidi-mark';
  if (INVISIBLE_FILLERS.has(cp) || cp === 0x2028 || cp === 0x2029) return 'format';
  const ch = String.fromCodePoint(cp);
  if (RE_CF.test(ch)) return 'format';
  if (RE_CO.test(ch)) return 'private-use';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'unassigned';
  if (RE_CN.test(ch)) return 'unassigned';
  return undefined;
}

/** Decodes tag characters to the ASCII they shadow (U+E0041 → 'A'); other tags become ''. */
export function decodeTags(cps: readonly number[]): string {
  let out = '';
  for (const cp of cps) if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
  return out;
}

/**
 * Decodes a run of variation selectors as bytes (VS1–VS16 → 0–15, VS17–VS256 → 16–255), the
 * scheme used to smuggle data behind an emoji. Returns the text when it is printable UTF-8.
 */
export function decodeVariationBytes(cps: readonly number[]): string | undefined {
  const bytes = new Uint8Array(cps.length);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] ?? 0;
    bytes[i] = cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16;
  }
  return printableText(bytes);
}

/** Decodes bytes as UTF-8 text when (almost) all of it is printable; undefined otherwise. */
export function printableText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (text.length === 0) return undefined;
  let bad = 0;
  let letters = 0;
  // The ratio is judged on the first 4096 characters: enough to tell text from binary.
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c === 0x7f) bad++;
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    } else if ((c >= 0x80 && c <= 0x9f) || c === 0xfffd) bad++;
    else if (RE_LETTER.test(text[i] ?? '')) letters++;
  }
  return bad === 0 && letters * 2 >= n ? text : undefined;
}

/** True when every UTF-16 unit of `s` is ASCII. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Four-digit (or longer) upper-case hex of a code point: 200B, 1F600. */
export function hex(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}
