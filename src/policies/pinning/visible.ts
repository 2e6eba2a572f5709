/**
 * Making untrusted text safe to show an admin: invisible, control, format, private-use and
 * unassigned characters, odd spaces and the ⟨ bracket itself are rendered as ⟨U+XXXX⟩, so a diff
 * or a CLI listing shows exactly what a server sent and a server cannot drive the admin's terminal
 * (ANSI escapes) or hide text in it (zero-width, bidi controls, tag characters).
 */
import { canonicalJson } from './hash.js';

/**
 * Characters shown as code points: Cc (controls, incl. ESC), Cf (format: zero-width, bidi,
 * tags), Co (private use), Cn (unassigned), Cs (lone surrogates), line/paragraph separators,
 * variation selectors, Hangul/Braille fillers that render blank, every space except U+0020, and
 * U+27E8 (so a literal "⟨U+200B⟩" in the text cannot pass for a rendered one).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u115F\u1160\u3164\uFFA0\u2800\u27E8]|(?! )\p{Zs}/gu;

/** `s` with every invisible or control character replaced by ⟨U+XXXX⟩. */
export function visible(s: string): string {
  return s.replace(INVISIBLE, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** Cuts `s` to at most `max` characters (not splitting a surrogate pair), marking the cut with `…`. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/** A string as a quoted JSON literal (escapes for newlines and controls), invisible characters visible. */
export function quote(s: string): string {
  return visible(JSON.stringify(s));
}

/** A short, visible, one-line rendering of any JSON value (keys sorted). */
export function summary(v: unknown, max = 120): string {
  if (typeof v === 'string') return truncate(quote(v), max);
  let text: string;
  try {
    text = canonicalJson(v);
  } catch {
    text = String(v);
  }
  return truncate(visible(text), max);
}
