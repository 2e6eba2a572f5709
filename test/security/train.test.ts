/**
 * The shipped learned-screen model matches its training data: retrain (`node --import tsx
 * test/security/train.ts`) after changing any training file or the features. Also checks the
 * trainer's pieces that the model depends on.
 */
import { describe, expect, it } from 'vitest';
import { DIMS, HASH_BITS } from '../../src/policies/screen/learned/features.js';
import { MODEL } from '../../src/policies/screen/learned/weights.js';
import { TUNED_FRESH, UNSEEN_DIR } from './efficacy.js';
import { SETTINGS, dataSha256, loadExamples, prob, quantise, train, trainingFiles } from './train.js';

describe('learned screen training', () => {
  it('the shipped model was trained on the training data as it is now', () => {
    expect(MODEL.hashBits).toBe(HASH_BITS);
    expect(MODEL.threshold).toBe(SETTINGS.threshold);
    expect(MODEL.trainedOn.dataSha256, 'retrain: node --import tsx test/security/train.ts').toBe(dataSha256(trainingFiles()));
  });

  it('learns a separable toy problem and quantises without changing the decisions', () => {
    const f = (...keys: number[]) => new Map(keys.map((k) => [k, 1 / Math.sqrt(keys.length)]));
    const examples = [
      ...[1, 2, 3, 4].map((i) => ({ id: `p${i}`, set: 'toy', group: `p${i}`, y: 1 as const, real: false, features: f(10, 100 + i) })),
      ...[1, 2, 3, 4].map((i) => ({ id: `b${i}`, set: 'toy', group: `b${i}`, y: 0 as const, real: true, features: f(20, 200 + i) })),
    ];
    const m = train(examples);
    for (const e of examples) expect(prob(m, e.features) >= 0.5).toBe(e.y === 1);
    const q = quantise(m);
    expect(q.bytes.length).toBe(DIMS);
    const back = { bias: m.bias, weights: Float64Array.from(q.bytes, (_, i) => q.bytes.readInt8(i) * q.scale) };
    for (const e of examples) expect(prob(back, e.features) >= 0.5).toBe(e.y === 1);
  });

  it('never reads the unseen set', () => {
    expect(trainingFiles().filter((f) => f.startsWith(UNSEEN_DIR))).toEqual([]);
  });

  it('reads labelled examples from every training set, poisoned and benign', () => {
    const ex = loadExamples();
    const sets = new Set(ex.map((e) => e.set));
    for (const s of ['corpus', ...TUNED_FRESH, 'official', 'train']) expect(sets.has(s), s).toBe(true);
    expect(ex.some((e) => e.y === 1) && ex.some((e) => e.y === 0)).toBe(true);
  });
});
