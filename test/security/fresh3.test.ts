/**
 * The third independent set (`fresh3/`), written before the learned screen was trained: well-formed,
 * of split `fresh`, sharing no id or tool definition with any earlier set or the training data.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadFresh } from './corpus-schema.js';
import { CORPUS_DIR, FRESH2_DIR, FRESH3_DIR, FRESH_DIR } from './efficacy.js';
import { TRAIN_DIR } from './train.js';

const present = existsSync(join(FRESH3_DIR, 'poisoned.jsonl'));

describe.runIf(present)('fresh3 set', () => {
  const fresh3 = present ? loadFresh(FRESH3_DIR) : [];
  const earlier = [...loadCorpus(CORPUS_DIR), ...loadFresh(FRESH_DIR), ...loadFresh(FRESH2_DIR)];
  const trainDefs = readdirSync(TRAIN_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(TRAIN_DIR, f), 'utf8').split('\n').filter((l) => l.trim() !== ''))
    .map((l) => (JSON.parse(l) as { tool: unknown }).tool);

  it('has poisoned and benign entries with unique ids of their own', () => {
    expect(fresh3.filter((e) => e.label === 'poisoned').length).toBeGreaterThanOrEqual(40);
    expect(fresh3.filter((e) => e.label === 'benign').length).toBeGreaterThanOrEqual(60);
    const ids = fresh3.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.includes('-fresh3-'))).toBe(true);
    const seen = new Set(earlier.map((e) => e.id));
    expect(ids.filter((id) => seen.has(id))).toEqual([]);
  });

  it('shares no tool definition with earlier sets or the training data', () => {
    const defs = new Set([...earlier.map((e) => JSON.stringify(e.tool)), ...trainDefs.map((t) => JSON.stringify(t))]);
    expect(fresh3.filter((e) => defs.has(JSON.stringify(e.tool))).map((e) => e.id)).toEqual([]);
  });
});
