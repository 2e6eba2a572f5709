/**
 * Encoded payloads: base64, base32, hex, URL-encoding, escape sequences (`\u0069`, `&#105;`), text
 * spelt one letter at a time ("r e a d   t h e") or as an array of characters, that decode to
 * readable text with instructions, commands or URLs in it. Encoded data that decodes to
 * binary (hashes, images, ids) or to harmless text is left alone.
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import type { Severity } from '../types.js';
import { printableText } from '../unicode.js';
import { makeVisible } from '../visible.js';
import type { FieldText } from '../walk.js';
import type { Emit } from './rule.js';

/** What the engine found in a decoded text: the most severe hit, if any. */
export type Analyse = (decoded: string, depth: number) => Severity | undefined;

interface Kind {
  name: string;
  /** Decode every escape of the whole text at once (escapes are often split by spaces). */
  whole?: RegExp;
  /** A cheap test that must pass for the kind to be tried. */
  quick: (s: string) => boolean;
  rule: string;
  re: RegExp;
  decode: (s: string) => string | undefined;
}

const enc = new TextEncoder();

function fromBytes(bytes: Uint8Array): string | undefined {
  return printableText(bytes);
}

function printable(s: string): string | undefined {
  return printableText(enc.encode(s));
}

/** RFC 4648 base32 (upper case, optional padding) to bytes. */
function base32Bytes(s: string): Uint8Array {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of s.replace(/=+$/, '')) {
    value = (value << 5) | ALPHABET.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** Longest output read from a compressed payload. */
const MAX_INFLATED = 65_536;

/**
 * Bytes that are gzip or zlib data (`H4sI…` in base64), decompressed (bounded); other bytes as they
 * are. "Decompress and follow" hides an instruction one step deeper than plain base64.
 */
function inflated(bytes: Uint8Array): Uint8Array {
  try {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED });
    if (bytes[0] === 0x78 && (bytes[1] === 0x01 || bytes[1] === 0x5e || bytes[1] === 0x9c || bytes[1] === 0xda)) return inflateSync(bytes, { maxOutputLength: MAX_INFLATED });
  } catch {
    // Truncated, corrupt or larger than the bound: read as the raw bytes.
  }
  return bytes;
}

function hexBytes(digits: string): Uint8Array {
  const out = new Uint8Array(digits.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Common English words written backwards ("eht", "dna", "ot", "daolpu"): text meant to be read in reverse. */
const REVERSED_WORDS = /\b(?:eht|dna|ot|ruoy|uoy|esu|daolpu|dnes|llac|ton|od|lla|nur|siht|htiw|rof|morf|etirw|daer|eteled|dda)\b/g;

/** The NATO phonetic alphabet and the words read out for digits and punctuation. */
const NATO: Readonly<Record<string, string>> = {
  alfa: 'a', alpha: 'a', bravo: 'b', charlie: 'c', delta: 'd', echo: 'e', foxtrot: 'f', golf: 'g', hotel: 'h', india: 'i', juliet: 'j', juliett: 'j', kilo: 'k', lima: 'l', mike: 'm', november: 'n', oscar: 'o', papa: 'p', quebec: 'q', romeo: 'r', sierra: 's', tango: 't', uniform: 'u', victor: 'v', whiskey: 'w', whisky: 'w', xray: 'x', 'x-ray': 'x', yankee: 'y', zulu: 'z',
  space: ' ', dot: '.', period: '.', slash: '/', pipe: '|', dash: '-', hyphen: '-', colon: ':', underscore: '_', tilde: '~', at: '@',
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', niner: '9',
};
/** The letter words of {@link NATO} but "echo", which is too common a word to count. */
const NATO_QUICK = new RegExp(`\\b(?:${Object.entries(NATO).filter(([w, c]) => /^[a-z]$/.test(c) && w !== 'echo').map(([w]) => w).join('|')})\\b`, 'gi');

const KINDS: readonly Kind[] = [
  {
    name: 'base64',
    quick: () => true,
    rule: 'encoded.base64-instructions',
    re: /(?<![A-Za-z0-9+/=_-])(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?(?![A-Za-z0-9+/=])|(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22,}(?![A-Za-z0-9_-])/g,
    decode: (s) => (/[0-9+/_-]/.test(s) || /[a-z]/.test(s) ? fromBytes(inflated(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64'))) : undefined),
  },
  {
    name: 'hex',
    quick: () => true,
    rule: 'encoded.hex-instructions',
    re: /(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){10,}(?![0-9A-Fa-f])|(?:\\x[0-9A-Fa-f]{2}){5,}|(?:0x[0-9A-Fa-f]{2}[\s,]*){5,}|(?:[0-9A-Fa-f]{2}[ :]){7,}[0-9A-Fa-f]{2}/g,
    decode: (s) => {
      const digits = s.replace(/\\x|0x|[\s,:]/g, '');
      return digits.length % 2 === 0 ? fromBytes(hexBytes(digits)) : undefined;
    },
  },
  {
    name: 'base32',
    quick: (s) => /[A-Z2-7]{16}/.test(s),
    rule: 'encoded.base32-instructions',
    re: /(?<![A-Za-z0-9+/=])(?:[A-Z2-7]{8}){2,}(?:[A-Z2-7]{2}={6}|[A-Z2-7]{4}={4}|[A-Z2-7]{5}={3}|[A-Z2-7]{7}=)?(?![A-Za-z0-9+/=])/g,
    decode: (s) => fromBytes(base32Bytes(s)),
  },
  {
    name: 'URL-encoded',
    whole: /%[0-9A-Fa-f]{2}/g,
    quick: (s) => s.includes('%'),
    rule: 'encoded.url-instructions',
    re: /(?:%[0-9A-Fa-f]{2}[^\s%]{0,4}){5,}/g,
    decode: (s) => {
      try {
        return printable(decodeURIComponent(s.replace(/\+/g, ' ')));
      } catch {
        return undefined;
      }
    },
  },
  {
    name: 'escaped',
    whole: /\\u[0-9A-Fa-f]{4}|\\u\{[0-9A-Fa-f]{1,6}\}|&#(?:x[0-9A-Fa-f]{1,6}|\d{1,7});|\\x[0-9A-Fa-f]{2}/g,
    quick: (s) => s.includes('\\u') || s.includes('&#') || s.includes('\\x'),
    rule: 'encoded.escape-instructions',
    re: /(?:\\u[0-9A-Fa-f]{4}|\\u\{[0-9A-Fa-f]{1,6}\}|&#(?:x[0-9A-Fa-f]{1,6}|\d{1,7});){4,}/g,
    decode: (s) => {
      const out = s.replace(/\\u\{([0-9A-Fa-f]{1,6})\}|\\u([0-9A-Fa-f]{4})|&#x([0-9A-Fa-f]{1,6});|&#(\d{1,7});/g, (_m, a?: string, b?: string, c?: string, d?: string) => {
        const cp = a !== undefined ? parseInt(a, 16) : b !== undefined ? parseInt(b, 16) : c !== undefined ? parseInt(c, 16) : parseInt(d ?? '0', 10);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      });
      return printable(out);
    },
  },
  {
    // "r e a d   t h e   . e n v": one character at a time, words set apart by wider gaps.
    name: 'letter-spaced',
    quick: (s) => /(?:\S {1,3}){8}\S/.test(s),
    rule: 'encoded.spaced-instructions',
    re: /(?<!\S)(?:\S {1,3}){8,}\S(?!\S)/g,
    decode: (s) => (/\S\S/.test(s) ? undefined : printable(s.split(/ {2,}/).map((w) => w.replace(/ /g, '')).join(' '))),
  },
  {
    // "r" + "m" + " -r" + "f": a string built from pieces so no word of it appears whole.
    name: 'concatenated',
    quick: (s) => /["'][^"'\n]{0,6}["']\s*\+\s*["']/.test(s),
    rule: 'encoded.concatenated-instructions',
    re: /(["'])[^"'\n]{0,12}\1(?:\s*\+\s*(["'])[^"'\n]{0,12}\2){3,}/g,
    decode: (s) => printable([...s.matchAll(/(["'])([^"'\n]{0,12})\1/g)].map((m) => m[2] ?? '').join('')),
  },
  {
    // ".retfa teltsap.krow-rekcap//:sptth ot daolpu": text written backwards.
    name: 'reversed',
    quick: (s) => (s.toLowerCase().match(REVERSED_WORDS) ?? []).length >= 3,
    rule: 'encoded.reversed-instructions',
    re: /[^\n.!?]+(?:[.!?](?=\S)[^\n.!?]*)*/g,
    decode: (s) => ((s.toLowerCase().match(REVERSED_WORDS) ?? []).length >= 3 ? printable([...s].reverse().join('')) : undefined),
  },
  {
    // "Charlie-Uniform-Romeo-Lima space Sierra-Hotel …": text spelt in the NATO phonetic alphabet.
    name: 'NATO alphabet',
    quick: (s) => (s.match(NATO_QUICK) ?? []).length >= 5,
    rule: 'encoded.phonetic-instructions',
    re: new RegExp(String.raw`(?:\b(?:${Object.keys(NATO).join('|')}|[a-z])\b[\s,-]*){6,}`, 'gi'),
    decode: (s) => {
      const out = s.split(/[\s,-]+/).filter((w) => w !== '').map((w) => NATO[w.toLowerCase()] ?? (w.length === 1 ? w.toLowerCase() : '')).join('');
      return out.length >= 4 ? printable(out) : undefined;
    },
  },
  {
    // "01110000 01101111 01110011 01110100": ASCII written as groups of eight bits.
    name: 'binary',
    quick: (s) => /[01]{8}[\s,]+[01]{8}[\s,]+[01]{8}/.test(s),
    rule: 'encoded.binary-instructions',
    re: /(?<![01])[01]{8}(?:[\s,]+[01]{8}){5,}(?![01])/g,
    decode: (s) => printable(s.split(/[\s,]+/).map((b) => String.fromCharCode(parseInt(b, 2))).join('')),
  },
  {
    // ["r","e","a","d"," ","~","/",".","n","e","t","r","c"]: a string spelt as an array of characters.
    name: 'character array',
    quick: (s) => /\[\s*["']/.test(s),
    rule: 'encoded.char-array-instructions',
    re: /\[\s*(["'])(?:\\.|[^"'\\])\1(?:\s*,\s*(["'])(?:\\.|[^"'\\])\2){7,}\s*\]/g,
    decode: (s) => printable([...s.matchAll(/(["'])(\\.|[^"'\\])\1/g)].map((m) => (m[2] ?? '').replace(/^\\/, '')).join('')),
  },
];

/** Words that make decoded text worth reporting even when no rule fires on it. */
const SIGNAL =
  /https?:\/\/|\b(?:curl|wget|bash|sh -c|rm -rf|powershell|netcat|nc -e|python -c|chmod \+x|\/bin\/sh|cmd\.exe|ignore (?:all|previous|prior|the|your)|disregard|you must|do not tell|system prompt|api[ _-]?keys?|passwords?|\.ssh|credentials|exfiltrat\w*|secrets?|tokens?|(?:private|deploy|ssh|signing|secret|access) keys?|[A-Z][A-Z0-9]*_(?:TOKEN|KEY|SECRET|PASSWORD|PASS|PAT|PWD))\b/i;

/** Words of an order to the model; an encoded run that decodes to a sentence using them hides an instruction. */
const ORDER_WORDS = /\b(?:you|your|user|assistant|model|tool|tools|this|instead|always|never|must|should|call|use|send|read|include|pass|ignore|forward|upload|delete|run|execute|tell|hide|secret|first|before|every|put|add|copy|paste|write|fill|attach|post|append|insert|reveal|print|leak)\b/g;

/** Short function words: an English sentence has several, data and identifiers have none. */
const FUNCTION_WORDS = /\b(?:the|a|an|to|of|and|or|for|in|on|at|by|with|from|into|not|only|all|any|this|that|these|those|is|are|be|it|its|as|then|than|also|each|every)\b/g;

/**
 * A sentence that starts with a verb of change or a hand-over, or names an e-mail address: with
 * {@link proseLike}, an order hidden behind an encoding that uses none of the order words.
 */
const ACTS = /(?:^|[.!?;]\s+)(?:set|change|switch|add|grant|give|assign|reassign|move|transfer|share|enable|disable|opt|make|mark|raise|lower|replace|redirect|route|subscribe|approve)\b|\b[\w.+-]+@[\w-]+\.[\w.-]+/i;

/**
 * True when decoded text is a plain English sentence of eight or more words (three or more function
 * words, almost only letters and spaces) that gives an order or names an address ({@link ACTS}):
 * plain text has no reason to hide an order behind an encoding ("Set owner to … for all contacts,
 * not only this one"); a harmless sample sentence is left alone.
 */
function proseLike(decoded: string): boolean {
  const words = decoded.trim().split(/\s+/);
  if (words.length < 8 || !/^[\x20-\x7e\n]+$/.test(decoded)) return false;
  const letters = (decoded.match(/[A-Za-z @._-]/g) ?? []).length;
  if (letters / decoded.length < 0.85) return false;
  return new Set(decoded.toLowerCase().match(FUNCTION_WORDS) ?? []).size >= 3 && ACTS.test(decoded.trim());
}

/** True when decoded text reads as an English sentence with two or more order words, not as data. */
function instructionLike(decoded: string): boolean {
  const words = decoded.trim().split(/\s+/);
  if (words.length < 4 || !/^[\x20-\x7e\n]+$/.test(decoded)) return false;
  const letters = (decoded.match(/[A-Za-z ]/g) ?? []).length;
  if (letters / decoded.length < 0.8) return false;
  return new Set(decoded.toLowerCase().match(ORDER_WORDS) ?? []).size >= 2;
}

const MAX_CANDIDATES = 32;
/** Longest encoded run decoded (longer runs are decoded from their start). */
const MAX_ENCODED = 16_384;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function decodeEscapes(s: string): string | undefined {
  const out = s.replace(/\\u\{([0-9A-Fa-f]{1,6})\}|\\u([0-9A-Fa-f]{4})|&#x([0-9A-Fa-f]{1,6});|&#(\d{1,7});|\\x([0-9A-Fa-f]{2})/g, (_m, a?: string, b?: string, c?: string, d?: string, e?: string) => {
    const cp = a !== undefined ? parseInt(a, 16) : b !== undefined ? parseInt(b, 16) : c !== undefined ? parseInt(c, 16) : e !== undefined ? parseInt(e, 16) : parseInt(d ?? '0', 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
  return printable(out);
}

function safeDecodeUri(s: string): string | undefined {
  try {
    return printable(decodeURIComponent(s.replace(/%(?![0-9A-Fa-f]{2})/g, '%25')));
  } catch {
    return undefined;
  }
}

/**
 * Escapes that spell plain English words ("&#65;&#108;&#115;&#111; &#111;&#112;&#101;&#110;"): text
 * has no reason to write ASCII letters as escapes (accented or other-script characters have).
 */
function spellsProse(encoded: string): boolean {
  const chars = [...encoded.matchAll(/\\u\{([0-9A-Fa-f]{1,6})\}|\\u([0-9A-Fa-f]{4})|&#x([0-9A-Fa-f]{1,6});|&#(\d{1,7});/g)].map((m) => (m[1] ?? m[2] ?? m[3] ? parseInt(m[1] ?? m[2] ?? m[3] ?? '0', 16) : parseInt(m[4] ?? '0', 10)));
  const letters = chars.filter((c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)).length;
  return letters >= 12 && letters / chars.length >= 0.7;
}

/** Reports `decoded` (from `encoded`) when it holds instructions, commands or addresses. */
function reportIfMeaningful(kind: Kind, encoded: string, decoded: string, field: FieldText, order: number, depth: number, analyse: Analyse, emit: Emit): boolean {
  if (decoded.trim().length < 4) return false;
  const inner = analyse(decoded, depth + 1);
  // Any finding inside an encoded payload counts: plain text has no reason to hide behind an encoding.
  const strong = inner === 'critical' || inner === 'high' || inner === 'medium' || inner === 'low';
  if (!strong && !SIGNAL.test(decoded) && !instructionLike(decoded) && !proseLike(decoded) && !(kind.name === 'escaped' && spellsProse(encoded))) return false;
  const evidence = clip(`${kind.name} "${clip(encoded, 40)}" → decoded: "${makeVisible(clip(decoded, 130))}"`, 220);
  emit({
    rule: kind.rule,
    severity: inner === 'critical' ? 'critical' : 'high',
    field: field.field,
    evidence,
    message: `The text hides ${kind.name} data that decodes to instructions, commands or addresses. People skim past it; the AI model can decode and follow it.`,
    family: 'encoded',
    order,
  });
  return true;
}

/** Looks for encoded runs in one field and reports those that decode to something meaningful. */
export function scanEncoded(field: FieldText, order: number, depth: number, analyse: Analyse, emit: Emit): void {
  const text = field.text;
  if (text.length < 16) return;
  for (const kind of KINDS) {
    if (!kind.quick(text)) continue;
    if (kind.whole !== undefined && (text.match(kind.whole) ?? []).length >= 4) {
      // Decode the whole text: escapes split by spaces or plain letters still read as one message.
      const whole = kind.name === 'escaped' ? decodeEscapes(text) : safeDecodeUri(text);
      if (whole !== undefined && whole !== text && reportIfMeaningful(kind, text, whole, field, order, depth, analyse, emit)) continue;
    }
    // Collect the candidates first: analysing a decoded payload screens it again (re-entrantly).
    const candidates: string[] = [];
    kind.re.lastIndex = 0;
    for (let m = kind.re.exec(text); m !== null && candidates.length < MAX_CANDIDATES; m = kind.re.exec(text)) candidates.push(m[0]);
    kind.re.lastIndex = 0;
    for (const c of candidates) {
      const run = c.length > MAX_ENCODED ? c.slice(0, MAX_ENCODED - (MAX_ENCODED % 4)) : c;
      const decoded = kind.decode(run);
      if (decoded !== undefined && reportIfMeaningful(kind, run, decoded, field, order, depth, analyse, emit)) break;
    }
  }
}
