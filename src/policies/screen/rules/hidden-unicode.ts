/**
 * Hidden Unicode and control characters: tag characters (decoded), zero-width characters,
 * bidirectional controls, variation selectors outside emoji, other invisible format characters,
 * private-use and unassigned code points, ANSI escapes and other control characters. Emoji
 * sequences (ZWJ, VS16, flag tags), ZWJ/ZWNJ in scripts that need them and RTL text are ordinary.
 */
import type { Severity } from '../types.js';
import { decodeTags, decodeVariationBytes, hasRtl, hiddenClass, isAscii, type HiddenClass } from '../unicode.js';
import { excerpt, flagSequenceEnd, isBenignJoiner, makeVisible } from '../visible.js';
import type { FieldText } from '../walk.js';
import type { Emit, Family } from './rule.js';

interface ClassStats {
  count: number;
  first: number;
  firstEnd: number;
  maxRun: number;
  /** Distinct code points seen (bounded). */
  cps: Set<number>;
  /** Code points of the first run (bounded), for decoding. */
  run: number[];
  /** A zero-width character between two Latin letters (a split word). */
  inWord: boolean;
}

const LATIN_LETTER = /[A-Za-z]/;
/** Text that names zero-width characters (so one shown as an example is documentation). */
const DOCUMENTED_ZW = /zero[- ]width|u\+200[b-d]|u\+2060|u\+feff|invisible (?:unicode |format )?characters?/i;

const INFO: Record<HiddenClass, { rule: string; family: Family; message: string }> = {
  tag: { rule: 'hidden-unicode.tag-chars', family: 'hidden', message: 'The text carries invisible Unicode "tag" characters that spell out hidden text. People cannot see it; the AI model reads it.' },
  'zero-width': { rule: 'hidden-unicode.zero-width', family: 'hidden', message: 'The text contains zero-width characters, which are invisible. They can hide or split words so that filters and reviewers miss them.' },
  bidi: { rule: 'hidden-unicode.bidi-control', family: 'hidden', message: 'The text contains bidirectional control characters that reorder how it is displayed, so what a reviewer sees differs from what the AI model reads.' },
  'bidi-mark': { rule: 'hidden-unicode.bidi-control', family: 'hidden', message: 'The text contains invisible direction marks outside right-to-left text.' },
  'variation-selector': { rule: 'hidden-unicode.variation-selectors', family: 'hidden', message: 'The text contains variation selectors outside emoji. Runs of them can encode hidden data behind an ordinary-looking character.' },
  format: { rule: 'hidden-unicode.invisible-format', family: 'hidden', message: 'The text contains invisible formatting or filler characters that do not show on screen.' },
  'private-use': { rule: 'hidden-unicode.private-use', family: 'hidden', message: 'The text contains private-use characters, which have no standard meaning or appearance.' },
  unassigned: { rule: 'hidden-unicode.unassigned', family: 'hidden', message: 'The text contains unassigned or invalid Unicode code points.' },
  escape: { rule: 'control.ansi-escape', family: 'control', message: 'The text contains terminal escape sequences (ANSI). They can recolour, hide or overwrite text when shown in a terminal, so a reviewer may not see what the model reads.' },
  c1: { rule: 'control.c1', family: 'control', message: 'The text contains C1 control characters, which have no place in documentation and can act as terminal commands.' },
  c0: { rule: 'control.c0', family: 'control', message: 'The text contains control characters (other than newline and tab) that do not belong in documentation.' },
};

const WORD = /[\p{L}\p{M}]{2,}/gu;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}\p{Script=Lisu}]/u;

/** Words that mix Latin letters with look-alikes from other scripts ("pаss" with a Cyrillic а). */
function scanMixedScript(field: FieldText, order: number, emit: Emit): void {
  const raw = field.text;
  let count = 0;
  let first: RegExpExecArray | undefined;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(raw); m !== null && count < 64; m = WORD.exec(raw)) {
    if (isAscii(m[0]) || !LATIN.test(m[0]) || !LOOKALIKE_SCRIPT.test(m[0])) continue;
    count++;
    first ??= m;
  }
  WORD.lastIndex = 0;
  if (first === undefined) return;
  const nameLike = field.kind === 'name' || field.kind === 'key';
  const severity: Severity = nameLike ? 'high' : count >= 2 ? 'medium' : 'low';
  const shown = Array.from(first[0], (ch) => (ch.charCodeAt(0) < 0x80 || LATIN.test(ch) ? ch : `⟨${ch} U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`)).join('');
  emit({
    rule: 'hidden-unicode.mixed-script',
    severity,
    field: field.field,
    evidence: `${count} word${count === 1 ? '' : 's'} mixing scripts, e.g. ${shown}`.slice(0, 220),
    message: 'Words mix Latin letters with look-alike letters from other alphabets (Cyrillic, Greek, …). Text disguised this way slips past reviewers and filters while the AI model still reads it.',
    family: 'hidden',
    order,
  });
}

/**
 * A carriage return in the middle of a line sends a terminal's cursor back to the start, so what
 * follows is printed over what came before: a reviewer reading the definition in a terminal sees
 * only the second part, the AI model reads both.
 */
function scanCarriageReturn(field: FieldText, order: number, emit: Emit): void {
  const text = field.text;
  // Found by position, not by a pattern over the line: a long line without a carriage return costs one scan.
  let cr = -1;
  for (let i = text.indexOf('\r'); i !== -1 && i < 65_536; i = text.indexOf('\r', i + 1)) {
    if (text[i + 1] === '\n') continue;
    const start = text.lastIndexOf('\n', i) + 1;
    if (/\S/.test(text.slice(start, i)) && /^[ \t]*\S/.test(text.slice(i + 1, i + 64))) {
      cr = i;
      break;
    }
  }
  if (cr === -1) return;
  const start = text.lastIndexOf('\n', cr) + 1;
  emit({
    rule: 'control.carriage-return',
    severity: 'high',
    field: field.field,
    evidence: excerpt(field.text, start, Math.min(field.text.length, cr + 40)),
    message: 'A carriage return in the middle of a line makes a terminal print the rest of the line over its beginning, so a reviewer does not see the text before it; the AI model reads it all.',
    family: 'control',
    order,
  });
}

/** Scans one field's raw text for hidden characters and emits one hit per class. */
export function scanHidden(field: FieldText, order: number, emit: Emit): void {
  const raw = field.text;
  scanCarriageReturn(field, order, emit);
  if (/^[\x20-\x7e\n\t\r]*$/.test(raw)) return;
  scanMixedScript(field, order, emit);
  const cps: number[] = [];
  const idx: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const cp = raw.codePointAt(i) ?? 0;
    cps.push(cp);
    idx.push(i);
    i += cp > 0xffff ? 2 : 1;
  }
  idx.push(raw.length);
  const stats = new Map<HiddenClass, ClassStats>();
  const rtl = hasRtl(raw);
  const braille = /[\u2801-\u28ff]/.test(raw);
  let prevCls: HiddenClass | undefined;
  let run = 0;
  for (let k = 0; k < cps.length; k++) {
    const flagEnd = flagSequenceEnd(cps, k);
    if (flagEnd > 0) {
      k = flagEnd - 1;
      prevCls = undefined;
      continue;
    }
    const cp = cps[k] ?? 0;
    const cls = hiddenClass(cp);
    // U+2800 is the blank Braille cell: in Braille text it is the space between words.
    if (cls === undefined || isBenignJoiner(cps, k) || (cp === 0xfeff && k === 0) || (cp === 0x2800 && braille)) {
      prevCls = undefined;
      continue;
    }
    if (cls === 'bidi-mark' && rtl) continue;
    run = cls === prevCls ? run + 1 : 1;
    prevCls = cls;
    let st = stats.get(cls);
    if (st === undefined) {
      st = { count: 0, first: idx[k] ?? 0, firstEnd: idx[k + 1] ?? raw.length, maxRun: 0, cps: new Set(), run: [], inWord: false };
      stats.set(cls, st);
    }
    st.count++;
    st.maxRun = Math.max(st.maxRun, run);
    if (st.cps.size < 16) st.cps.add(cp);
    if (run === st.count && st.run.length < 4096) {
      st.run.push(cp);
      st.firstEnd = idx[k + 1] ?? raw.length;
    }
    if (cls === 'zero-width' && LATIN_LETTER.test(raw[(idx[k] ?? 0) - 1] ?? '') && LATIN_LETTER.test(raw[idx[k + 1] ?? 0] ?? '')) st.inWord = true;
  }
  const nameLike = field.kind === 'name' || field.kind === 'key';
  for (const [cls, st] of stats) {
    const info = INFO[cls];
    let sev = severityOf(cls, st, rtl);
    if (nameLike && (cls === 'zero-width' || cls === 'format' || cls === 'bidi' || cls === 'bidi-mark') && sev !== 'critical') sev = 'high';
    // A text that names the invisible character it shows as an example ("zero-width space (U+200B), e.g. 'pass⟨ZWSP⟩word'") hides nothing.
    else if (cls === 'zero-width' && sev === 'medium' && st.count <= 8 && DOCUMENTED_ZW.test(raw)) sev = 'low';
    const before = raw.slice(Math.max(0, st.first - 40), st.first);
    const after = raw.slice(st.firstEnd, st.firstEnd + 30);
    let evidence = `${st.first > 40 ? '…' : ''}${makeVisible(before)}${makeVisible(raw.slice(st.first, st.firstEnd))}${makeVisible(after)}`;
    if (evidence.length > 240) evidence = `${evidence.slice(0, 239)}…`;
    emit({ rule: info.rule, severity: sev, field: field.field, evidence, message: info.message, family: info.family, order });
  }
}

function severityOf(cls: HiddenClass, st: ClassStats, rtl: boolean): Severity {
  switch (cls) {
    case 'tag':
      return decodeTags(st.run).trim().length > 0 ? 'critical' : 'medium';
    case 'zero-width':
      if (st.maxRun >= 8 || st.count >= 16) return 'high';
      return st.inWord || st.count >= 3 ? 'medium' : 'low';
    case 'bidi': {
      const override = st.cps.has(0x202d) || st.cps.has(0x202e);
      const rtlForcing = st.cps.has(0x202b) || st.cps.has(0x202e) || st.cps.has(0x2067);
      if (rtl) return override ? 'medium' : 'low';
      return override || rtlForcing ? 'high' : 'medium';
    }
    case 'bidi-mark':
      return 'low';
    case 'variation-selector':
      if (st.run.length >= 2 && decodeVariationBytes(st.run) !== undefined) return 'high';
      return st.count >= 4 ? 'medium' : 'low';
    case 'format': {
      const onlySoft = [...st.cps].every((c) => c === 0xad || c === 0x2028 || c === 0x2029);
      if (onlySoft) return 'low';
      return st.count >= 8 ? 'high' : 'medium';
    }
    case 'private-use':
      return 'low';
    case 'unassigned':
      return 'medium';
    case 'escape':
      return 'high';
    case 'c1':
      return st.cps.has(0x9b) ? 'high' : 'medium';
    case 'c0':
      return 'medium';
  }
}
