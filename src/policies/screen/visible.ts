/**
 * The evidence renderer: shows what a person would not see. Invisible and control characters
 * become `⟨U+200B⟩` or `⟨ESC⟩`, runs of Unicode tag characters are decoded (`⟨hidden: "…"⟩`),
 * variation-selector bytes too. Emoji sequences (ZWJ joins, VS16, flag tags) are left intact.
 */
import {
  decodeTags,
  decodeVariationBytes,
  hex,
  hiddenClass,
  isEmojiBase,
  isHan,
  isPictographic,
  isShapingLetter,
  isNoSpaceScript,
} from './unicode.js';

const NAMES: Record<number, string> = { 0x1b: 'ESC', 0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x0d: 'CR', 0x7f: 'DEL', 0x9b: 'CSI' };

/** Longest decoded hidden text shown in evidence. */
const MAX_HIDDEN = 160;

function quote(s: string): string {
  const cut = s.length > MAX_HIDDEN ? `${s.slice(0, MAX_HIDDEN)}…` : s;
  return JSON.stringify(cut.replace(/\p{Cc}/gu, ' '));
}

/** True for the code point at `i` when it is an ordinary part of an emoji or a complex script. */
export function isBenignJoiner(cps: readonly number[], i: number): boolean {
  const cp = cps[i] ?? 0;
  const prev = cps[i - 1];
  const next = cps[i + 1];
  if (cp === 0xfe0f || cp === 0xfe0e) return prev !== undefined && isEmojiBase(prev);
  if (cp >= 0xe0100 && cp <= 0xe01ef) return prev !== undefined && isHan(prev) && !(next !== undefined && next >= 0xe0100 && next <= 0xe01ef);
  if (cp === 0x200d) {
    const emojiPrev = prev !== undefined && (isPictographic(prev) || prev === 0xfe0f);
    if (emojiPrev && next !== undefined && isPictographic(next)) return true;
  }
  if (cp === 0x200c || cp === 0x200d) return (prev !== undefined && isShapingLetter(prev)) || (next !== undefined && isShapingLetter(next));
  if (cp === 0x200b) return prev !== undefined && next !== undefined && isNoSpaceScript(prev) && isNoSpaceScript(next);
  return false;
}

/** Index just past a flag tag sequence (U+1F3F4, tags, U+E007F) starting at `i`, or -1. */
export function flagSequenceEnd(cps: readonly number[], i: number): number {
  if (cps[i] !== 0x1f3f4) return -1;
  let j = i + 1;
  while (j < cps.length && j - i <= 8 && (cps[j] ?? 0) >= 0xe0030 && (cps[j] ?? 0) <= 0xe007a) j++;
  return j > i + 1 && cps[j] === 0xe007f ? j + 1 : -1;
}

function render(cp: number, count: number): string {
  const name = NAMES[cp] ?? `U+${hex(cp)}`;
  return count > 1 ? `⟨${name} ×${count}⟩` : `⟨${name}⟩`;
}

/**
 * Renders `s` so every hidden character shows: `a\u200Bb` → `a⟨U+200B⟩b`, `\x1b[31m` →
 * `⟨ESC⟩[31m`, tag text → `⟨hidden: "ignore the user"⟩`. Newlines become `↵`, tabs `⇥`.
 */
export function makeVisible(s: string): string {
  const cps = Array.from(s, (ch) => ch.codePointAt(0) ?? 0);
  let out = '';
  let i = 0;
  while (i < cps.length) {
    const cp = cps[i] ?? 0;
    const flagEnd = flagSequenceEnd(cps, i);
    if (flagEnd > 0) {
      out += String.fromCodePoint(...cps.slice(i, flagEnd));
      i = flagEnd;
      continue;
    }
    if (cp === 0x0a) {
      out += '↵';
      i++;
      continue;
    }
    if (cp === 0x09) {
      out += '⇥';
      i++;
      continue;
    }
    const cls = cp === 0x0d ? 'c0' : hiddenClass(cp);
    if (cls === undefined || isBenignJoiner(cps, i)) {
      out += String.fromCodePoint(cp);
      i++;
      continue;
    }
    let j = i + 1;
    if (cls === 'tag') {
      while (j < cps.length && hiddenClass(cps[j] ?? 0) === 'tag') j++;
      const text = decodeTags(cps.slice(i, j));
      out += text.length > 0 ? `⟨hidden: ${quote(text)}⟩` : render(cp, j - i);
      i = j;
      continue;
    }
    if (cls === 'variation-selector') {
      while (j < cps.length && hiddenClass(cps[j] ?? 0) === 'variation-selector') j++;
      const text = j - i >= 2 ? decodeVariationBytes(cps.slice(i, j)) : undefined;
      if (text !== undefined) {
        out += `⟨hidden: ${quote(text)}⟩`;
        i = j;
        continue;
      }
      j = i + 1;
    }
    while (j < cps.length && cps[j] === cp) j++;
    out += render(cp, j - i);
    i = j;
  }
  return out;
}

/**
 * An excerpt of `raw` around `[start, end)` of at most `max` characters (before rendering), made
 * visible, with `…` where it was cut. Cuts fall on code point boundaries.
 */
export function excerpt(raw: string, start: number, end: number, max = 160): string {
  const s0 = Math.max(0, Math.min(start, raw.length));
  let e0 = Math.max(s0, Math.min(end, raw.length));
  if (e0 - s0 > max) e0 = s0 + max;
  const room = Math.max(0, max - (e0 - s0));
  let s = Math.max(0, s0 - Math.floor(room / 2));
  let e = Math.min(raw.length, e0 + (room - (s0 - s)));
  if (e - s < max) s = Math.max(0, e - max);
  if (s > 0 && isLowSurrogate(raw.charCodeAt(s))) s--;
  if (e < raw.length && isLowSurrogate(raw.charCodeAt(e))) e++;
  const body = makeVisible(raw.slice(s, e));
  return `${s > 0 ? '…' : ''}${body}${e < raw.length ? '…' : ''}`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
