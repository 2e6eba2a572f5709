/**
 * The second independent set (`fresh2/`), written after the first fresh set was tuned on: well-formed,
 * of split `fresh`, and sharing no id or tool definition with the corpus or the first fresh set.
 * Its numbers are the unseen ones in docs/security.md while nobody has tuned on it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadFresh } from './corpus-schema.js';
import { CORPUS_DIR, FRESH2_DIR, FRESH_DIR } from './efficacy.js';

describe.runIf(existsSync(join(FRESH2_DIR, 'poisoned.jsonl')))('fresh2 set', () => {
  const fresh2 = loadFresh(FRESH2_DIR);
  const earlier = [...loadCorpus(CORPUS_DIR), ...loadFresh(FRESH_DIR)];

  it('has poisoned and benign entries with unique ids of their own', () => {
    expect(fresh2.filter((e) => e.label === 'poisoned').length).toBeGreaterThanOrEqual(40);
    expect(fresh2.filter((e) => e.label === 'benign').length).toBeGreaterThanOrEqual(60);
    const ids = fresh2.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.includes('fresh2-'))).toBe(true);
    const seen = new Set(earlier.map((e) => e.id));
    expect(ids.filter((id) => seen.has(id))).toEqual([]);
  });

  it('shares no tool definition with the corpus or the first fresh set', () => {
    const defs = new Set(earlier.map((e) => JSON.stringify(e.tool)));
    expect(fresh2.filter((e) => defs.has(JSON.stringify(e.tool))).map((e) => e.id)).toEqual([]);
  });
});
