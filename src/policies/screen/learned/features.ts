/**
 * Features of the learned screen: what the linear model sees of an item's model-visible strings.
 * Every string the walk yields (names, descriptions, schema strings, enum values, property names)
 * is normalised (NFKC, lower case, invisible characters dropped) and cut into sentences; each
 * sentence gives words, word pairs, character 3- to 5-grams of its words, and character pairs of
 * scripts written without spaces (CJK, Thai). Features are binary, hashed (FNV-1a) into a fixed
 * table and scaled to unit length over the item (with a floor, {@link MIN_FEATURES}), so the model is a flat array of weights and
 * scoring costs one pass over the text.
 *
 * The trainer (`test/security/train.ts`) and the gateway use this one function: what is trained is
 * what runs.
 */
import type { FieldText } from '../walk.js';

/** log2 of the size of the hashed feature table. */
export const HASH_BITS = 16;
/** Size of the hashed feature table. */
export const DIMS = 1 << HASH_BITS;
/** Weight of a character n-gram relative to a word feature. */
export const NGRAM_WEIGHT = 1;
/**
 * Items are scaled to unit length as if they had at least this many features (a one-line
 * description has about 150): a few words are too little evidence to decide on, so short items
 * score near the model's prior instead of on two or three words.
 */
export const MIN_FEATURES = 400;

/**
 * Characters read at most per item. Real definitions are far shorter (the longest real tool in the
 * training data has a few KiB); the rules read up to their own, larger bounds and report oversized
 * definitions.
 */
export const MAX_CHARS = 16_384;

/** One sentence of one field, and the features it holds. */
export interface Sentence {
  /** Path of the field the sentence came from (`description`, `inputSchema.properties.x.description`). */
  field: string;
  /** The sentence as written (normalised). */
  text: string;
  /** Hashed feature indices, each once, with their value. */
  features: Map<number, number>;
}

/** The features of an item: per sentence, and merged over the item (binary: present or not). */
export interface ItemFeatures {
  sentences: Sentence[];
  features: Map<number, number>;
}

const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
/** Format characters, variation selectors and tag characters: not read (the hidden-unicode rules report them). */
const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;
const TOKEN = /[\p{L}\p{M}\p{N}_'~./@:-]+/gu;
const EDGE = /^[./'@:-]+|[./'@:-]+$/g;
const SENTENCE_END = /(?<=[.!?。！？;；])\s+|[\n\r]+|(?<=[。！？])/u;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32 bit) continued over `text[start, end)`. */
function fnv(h: number, text: string, start = 0, end = text.length): number {
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** FNV-1a (32 bit) of a string, folded into the table. */
export function featureIndex(key: string): number {
  return (fnv(FNV_OFFSET, key) >>> 0) & (DIMS - 1);
}

const SEED = { c: fnv(FNV_OFFSET, 'c:'), w: fnv(FNV_OFFSET, 'w:'), b: fnv(FNV_OFFSET, 'b:'), g: [0, 0, 0, fnv(FNV_OFFSET, 'g3:'), fnv(FNV_OFFSET, 'g4:'), fnv(FNV_OFFSET, 'g5:')] } as const;
const fold = (h: number): number => (h >>> 0) & (DIMS - 1);

/** Which fields the model reads: everything a model sees as text, not MIME types. */
function readable(f: FieldText): boolean {
  return f.kind !== 'mime';
}

/** The normalised form the model reads. */
export function normaliseForModel(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** The features of one sentence (hashing continues over slices: no key strings are built). */
function sentenceFeatures(text: string): Map<number, number> {
  const out = new Map<number, number>();
  const set = (i: number, value: number): void => {
    if ((out.get(i) ?? 0) < value) out.set(i, value);
  };
  const words: string[] = [];
  for (const raw of text.match(TOKEN) ?? []) {
    const t = raw.replace(EDGE, '');
    if (t === '') continue;
    if (NO_SPACE_SCRIPT.test(t)) {
      for (let i = 0; i + 1 < t.length; i++) set(fold(fnv(SEED.c, t, i, i + 2)), 1);
      if (t.length === 1) set(fold(fnv(SEED.c, t)), 1);
      continue;
    }
    words.push(t);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    set(fold(fnv(SEED.w, w)), 1);
    const next = words[i + 1];
    if (next !== undefined) set(fold(fnv(fnv(fnv(SEED.b, w), ' '), next)), 1);
  }
  const joined = ` ${words.join(' ')} `;
  for (let n = 3; n <= 5; n++) {
    const seed = SEED.g[n] as number;
    for (let i = 0; i + n <= joined.length; i++) set(fold(fnv(seed, joined, i, i + n)), NGRAM_WEIGHT);
  }
  return out;
}

/** The features of an item's walked fields. */
export function itemFeatures(fields: readonly FieldText[]): ItemFeatures {
  const sentences: Sentence[] = [];
  const features = new Map<number, number>();
  let budget = MAX_CHARS;
  for (const f of fields) {
    if (!readable(f) || budget <= 0) continue;
    const text = normaliseForModel(f.text.length > budget ? f.text.slice(0, budget) : f.text);
    budget -= text.length;
    for (const part of text.split(SENTENCE_END)) {
      const s = part.trim();
      if (s === '') continue;
      const feats = sentenceFeatures(s);
      sentences.push({ field: f.field, text: s, features: feats });
      for (const [k, v] of feats) if ((features.get(k) ?? 0) < v) features.set(k, v);
    }
  }
  let norm = 0;
  for (const v of features.values()) norm += v * v;
  norm = Math.sqrt(Math.max(norm, MIN_FEATURES));
  if (norm > 0) {
    for (const [k, v] of features) features.set(k, v / norm);
    for (const s of sentences) for (const [k, v] of s.features) s.features.set(k, v / norm);
  }
  return { sentences, features };
}
