/**
 * The independent sets (`fresh/`, `fresh2/`, …), each written by someone who had not seen the rules,
 * measured once unseen, then tuned on: well-formed, of split `fresh`, with ids of their own, and
 * sharing no tool definition with the corpus, any earlier set or the training data. The newest one
 * is the unseen yardstick in docs/security.md (the trainer never reads it: train.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadFresh } from './corpus-schema.js';
import { CORPUS_DIR, PRESENT_FRESH } from './efficacy.js';
import { TRAIN_DIR } from './train.js';

const HERE = import.meta.dirname;
const trainDefs = readdirSync(TRAIN_DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(TRAIN_DIR, f), 'utf8').split('\n').filter((l) => l.trim() !== ''))
  .map((l) => JSON.stringify((JSON.parse(l) as { tool: unknown }).tool));

describe('independent sets', () => {
  it('are present, in order', () => {
    expect(PRESENT_FRESH).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15', 'fresh16', 'fresh17', 'fresh18', 'fresh19', 'fresh20', 'fresh21', 'fresh22', 'fresh23'].slice(0, PRESENT_FRESH.length));
    expect(PRESENT_FRESH.length).toBeGreaterThanOrEqual(2);
  });

  PRESENT_FRESH.forEach((set, i) => {
    describe(set, () => {
      const entries = loadFresh(join(HERE, set));
      const earlier = [...loadCorpus(CORPUS_DIR), ...PRESENT_FRESH.slice(0, i).flatMap((s) => loadFresh(join(HERE, s)))];

      it('has poisoned and benign entries with unique ids naming the set', () => {
        expect(entries.filter((e) => e.label === 'poisoned').length).toBeGreaterThanOrEqual(40);
        expect(entries.filter((e) => e.label === 'benign').length).toBeGreaterThanOrEqual(60);
        const ids = entries.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        if (i > 0) expect(ids.every((id) => id.includes(`-${set}-`))).toBe(true);
        const seen = new Set(earlier.map((e) => e.id));
        expect(ids.filter((id) => seen.has(id))).toEqual([]);
      });

      it('shares no tool definition with earlier sets or the training data', () => {
        const defs = new Set([...earlier.map((e) => JSON.stringify(e.tool)), ...trainDefs]);
        expect(entries.filter((e) => defs.has(JSON.stringify(e.tool))).map((e) => e.id)).toEqual([]);
      });
    });
  });
});
