/**
 * Shared pieces of the corpus generator: the draft entry shape, a seeded PRNG, the public sources
 * the attack patterns are based on, small schema builders, and the encoders used to hide or
 * obfuscate text (tag characters, variation selectors, zero-width bits, homoglyphs, …).
 */

/** A JSON Schema object as MCP tools carry it (kept loose on purpose). */
export type JsonSchema = Record<string, unknown>;

/** An MCP tool definition as a server would list it. */
export interface ToolDef {
  name: string;
  title?: string;
  description?: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
  annotations?: Record<string, unknown>;
  [extra: string]: unknown;
}

/** A corpus entry before the generator assigns its id, label and split. */
export interface Draft {
  category: string;
  source: string;
  server: string;
  tool: ToolDef;
  otherServers?: Record<string, string[]>;
  note: string;
}

/** Public material the attack patterns are based on (entries are written in our own words). */
export const SRC = {
  invariant: 'https://invariantlabs.ai/blog/mcp-security-notification-tool-poisoning-attacks',
  invariantExperiments: 'https://github.com/invariantlabs-ai/mcp-injection-experiments',
  invariantWhatsapp: 'https://invariantlabs.ai/blog/whatsapp-mcp-exploited',
  beurer: 'https://lbeurerkellner.github.io/jekyll/update/2025/04/01/mcp-tool-poisoning.html',
  tobLineJumping: 'https://blog.trailofbits.com/2025/04/21/jumping-the-line-how-mcp-servers-can-attack-you-before-you-ever-use-them/',
  tobHistory: 'https://blog.trailofbits.com/2025/04/23/how-mcp-servers-can-steal-your-conversation-history/',
  tobAnsi: 'https://blog.trailofbits.com/2025/04/29/deceiving-users-with-ansi-terminal-codes-in-mcp/',
  cyberark: 'https://www.cyberark.com/resources/threat-research-blog/poison-everywhere-no-output-from-your-mcp-server-is-safe',
  safeMcpFsp: 'https://github.com/safe-agentic-framework/safe-mcp/blob/main/techniques/SAF-T1501/README.md',
  embraceTags: 'https://embracethered.com/blog/posts/2024/hiding-and-finding-text-with-unicode-tags/',
  butlerVs: 'https://paulbutler.org/2025/smuggling-arbitrary-data-through-an-emoji/',
  trojanSource: 'https://trojansource.codes/',
  tr39: 'https://www.unicode.org/reports/tr39/',
  mcptox: 'https://arxiv.org/abs/2508.14925',
  msb: 'https://arxiv.org/abs/2510.15994',
  postmark: 'https://www.techzine.eu/news/security/134970/malware-in-mcp-server-reveals-fundamental-security-problem',
  atr161: 'https://github.com/Agent-Threat-Rule/agent-threat-rules/blob/main/rules/tool-poisoning/ATR-2026-00161-important-tag-cross-tool-shadowing.yaml',
  own: 'written for Portcullis',
} as const;

export { prng } from '../../../helpers/prng.js';


/** A property spec: [name, type, description, required = true, extra schema keywords]. */
export type Prop = [string, string, string, boolean?, Record<string, unknown>?];

/** Builds an object inputSchema from property specs. */
export function schema(props: Prop[]): JsonSchema {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [name, type, description, req = true, extra] of props) {
    properties[name] = { type, ...(description ? { description } : {}), ...(extra ?? {}) };
    if (req) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** Builds a tool definition. */
export function tool(name: string, description: string, props: Prop[], extra: Partial<ToolDef> = {}): ToolDef {
  return { name, description, inputSchema: schema(props), ...extra };
}

/** A deep copy (tools are plain JSON). */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Adds text to the end of a tool's description (blank line between). */
export function appendDesc(t: ToolDef, text: string, sep = '\n\n'): ToolDef {
  const c = clone(t);
  c.description = `${c.description ?? ''}${sep}${text}`;
  return c;
}

/** Puts text before a tool's description. */
export function prependDesc(t: ToolDef, text: string, sep = ' '): ToolDef {
  const c = clone(t);
  c.description = `${text}${sep}${c.description ?? ''}`;
  return c;
}

/** Inserts text after the first sentence of a tool's description. */
export function insertAfterFirstSentence(t: ToolDef, text: string): ToolDef {
  const c = clone(t);
  const d = c.description ?? '';
  const i = d.search(/[.!?](\s|$)/);
  c.description = i < 0 ? `${d} ${text}` : `${d.slice(0, i + 1)} ${text}${d.slice(i + 1)}`;
  return c;
}

/** Adds a property to a tool's inputSchema (optionally required). */
export function addProp(t: ToolDef, name: string, prop: Record<string, unknown>, required = false): ToolDef {
  const c = clone(t);
  const s = c.inputSchema as { properties?: Record<string, unknown>; required?: string[] };
  s.properties = { ...(s.properties ?? {}), [name]: prop };
  if (required) s.required = [...(s.required ?? []), name];
  return c;
}

/** Appends text to one property's description (the first property when `name` is omitted). */
export function poisonProp(t: ToolDef, text: string, name?: string): ToolDef {
  const c = clone(t);
  const props = (c.inputSchema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
  const key = name ?? Object.keys(props)[0];
  if (key === undefined || !props[key]) throw new Error(`${t.name} has no property ${String(name)}`);
  const p = props[key];
  p.description = `${typeof p.description === 'string' ? `${p.description} ` : ''}${text}`;
  return c;
}

// ---- encoders -------------------------------------------------------------------------------

/** ASCII smuggling: each printable ASCII character as its Unicode tag character (U+E0000 + cp). */
export function toTags(s: string): string {
  return [...s].map((ch) => String.fromCodePoint(0xe0000 + ch.codePointAt(0)!)).join('');
}

/** Variation-selector smuggling: each UTF-8 byte as one of the 256 variation selectors. */
export function toVariationSelectors(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join('');
}

/** Zero-width binary: each bit as U+200B (0) or U+200C (1), bytes separated by U+200D. */
export function toZeroWidthBits(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) => b.toString(2).padStart(8, '0').replace(/0/g, '\u200b').replace(/1/g, '\u200c'))
    .join('\u200d');
}

/** Interleaves a zero-width character between every character (defeats naive keyword matching). */
export function interleave(s: string, zw = '\u200b'): string {
  return [...s].join(zw);
}

/** Base64 of a UTF-8 string. */
export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
/** Hex of a UTF-8 string. */
export const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');
/** Percent-encodes every byte (not only the unsafe ones), as an attacker would to hide words. */
export const pctAll = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Latin → Cyrillic/Greek look-alikes (a subset of Unicode confusables, UTS #39). */
const HOMO: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', s: 'ѕ', j: 'ј', A: 'А', B: 'В', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х' };
/** Replaces every mappable letter with a look-alike from another script. */
export function homoglyph(s: string): string {
  return [...s].map((ch) => HOMO[ch] ?? ch).join('');
}

/** Fullwidth forms (U+FF01–U+FF5E), which NFKC folds back to ASCII. */
export function fullwidth(s: string): string {
  return [...s].map((ch) => (ch >= '!' && ch <= '~' ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch === ' ' ? '\u3000' : ch)).join('');
}

/** Mathematical bold letters (U+1D400…), which NFKC folds back to ASCII. */
export function mathBold(s: string): string {
  return [...s]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c >= 65 && c <= 90) return String.fromCodePoint(0x1d400 + c - 65);
      if (c >= 97 && c <= 122) return String.fromCodePoint(0x1d41a + c - 97);
      return ch;
    })
    .join('');
}

/** Leetspeak substitution. */
export function leet(s: string): string {
  const m: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
  return [...s].map((ch) => m[ch.toLowerCase()] ?? ch).join('');
}

/** Spaces out letters inside words: "read" → "r e a d". */
export function spaced(s: string, sep = ' '): string {
  return s
    .split(' ')
    .map((w) => [...w].join(sep))
    .join('   ');
}

/** ROT13 (letters only). */
export function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** ESC, for ANSI sequences. */
export const ESC = '\u001b';
