/**
 * The learned screen's model: logistic regression over the hashed features of `features.ts`, with
 * int8-quantised weights shipped in `weights.ts` (written by `test/security/train.ts`, never by
 * hand). Scoring is a sum over the item's features; the sentence that adds most to the score is
 * the evidence shown to a reviewer.
 */
import { DIMS, HASH_BITS, MIN_FEATURES, NGRAM_WEIGHT, type ItemFeatures, type Sentence } from './features.js';
import { MODEL } from './weights.js';

/** What the trainer writes (see `weights.ts`). */
export interface ModelFile {
  version: 1;
  hashBits: number;
  ngramWeight: number;
  minFeatures: number;
  bias: number;
  /** Weight = int8 value × scale. */
  scale: number;
  /** Base64 of DIMS int8 weights. */
  weights: string;
  /** Score (probability) from which an item is held for review. */
  threshold: number;
  /** What it was trained on (for docs and the staleness test). */
  trainedOn: { poisoned: number; benign: number; sets: readonly string[]; dataSha256: string };
}

/** A loaded model. */
export interface Model {
  bias: number;
  weights: Float32Array;
  threshold: number;
}

/** Decodes a model file; throws when it was built for other features than this code extracts. */
export function loadModel(file: ModelFile): Model {
  if (file.hashBits !== HASH_BITS || file.ngramWeight !== NGRAM_WEIGHT || file.minFeatures !== MIN_FEATURES) {
    throw new Error(`learned screen: the model was trained with hashBits=${file.hashBits}, ngramWeight=${file.ngramWeight}, minFeatures=${file.minFeatures}; this build extracts ${HASH_BITS}/${NGRAM_WEIGHT}/${MIN_FEATURES} (retrain with test/security/train.ts)`);
  }
  const bytes = Buffer.from(file.weights, 'base64');
  if (bytes.length !== DIMS) throw new Error(`learned screen: expected ${DIMS} weights, found ${bytes.length}`);
  const weights = new Float32Array(DIMS);
  for (let i = 0; i < DIMS; i++) weights[i] = ((bytes[i] ?? 0) << 24 >> 24) * file.scale;
  return { bias: file.bias, weights, threshold: file.threshold };
}

let shipped: Model | undefined;

/** The model shipped with Portcullis (decoded once). */
export function shippedModel(): Model {
  shipped ??= loadModel(MODEL as ModelFile);
  return shipped;
}

/** A linear score (log-odds) of a feature map. */
export function logit(model: { bias: number; weights: ArrayLike<number> }, features: ReadonlyMap<number, number>): number {
  let z = model.bias;
  for (const [i, v] of features) z += (model.weights[i] ?? 0) * v;
  return z;
}

/** Probability that an item is poisoned, and the sentence that weighs most towards it. */
export function scoreItem(model: Model, item: ItemFeatures): { p: number; top: Sentence | undefined } {
  const p = 1 / (1 + Math.exp(-logit(model, item.features)));
  let top: Sentence | undefined;
  let best = -Infinity;
  for (const s of item.sentences) {
    let z = 0;
    for (const [i, v] of s.features) z += (model.weights[i] ?? 0) * v;
    if (z > best) {
      best = z;
      top = s;
    }
  }
  return { p, top };
}
