/**
 * The fresh set (`poisoned.jsonl`, `benign.jsonl`) is well-formed and independent of the corpus:
 * schema, split `fresh`, unique ids that cannot collide with corpus ids, no tool definition shared
 * with the corpus, sizes, labels that fit their files, sources, and categories that contain what
 * they claim.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENIGN_CATEGORIES, POISONED_CATEGORIES, entrySchema, loadCorpus, loadFresh } from '../corpus-schema.js';
import { CORPUS_DIR, FRESH_DIR } from '../efficacy.js';
import { allText, hasCodePointIn, visibleText } from '../visible-text.js';

const fresh = loadFresh(FRESH_DIR);
const corpus = loadCorpus(CORPUS_DIR);
const poisoned = fresh.filter((e) => e.label === 'poisoned');
const benign = fresh.filter((e) => e.label === 'benign');

/** Invisible code points: zero-width, word joiner, BOM, bidi controls, Hangul filler, variation selectors, tags. */
const HIDDEN = [[0x200b, 0x200f], [0x2060, 0x2060], [0xfeff, 0xfeff], [0x202a, 0x202e], [0x2066, 0x2069], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xe0000, 0xe01ef]] as const;
/** ESC, C1 CSI, CR, BS. */
const CONTROL = [[0x1b, 0x1b], [0x9b, 0x9b], [0x0d, 0x0d], [0x08, 0x08]] as const;
/** Scripts of the non-English poisoned entries, by a representative range (Latin-script languages are checked by word). */
const SCRIPTS: Record<string, readonly (readonly [number, number])[]> = {
  cyrillic: [[0x0400, 0x04ff]],
  han: [[0x4e00, 0x9fff]],
  kana: [[0x3040, 0x30ff]],
  hangul: [[0xac00, 0xd7af]],
  arabic: [[0x0600, 0x06ff]],
};

describe('fresh set', () => {
  it('has at least 100 poisoned and 150 benign entries, every category represented', () => {
    expect(poisoned.length).toBeGreaterThanOrEqual(100);
    expect(benign.length).toBeGreaterThanOrEqual(150);
    for (const c of POISONED_CATEGORIES) expect(poisoned.filter((e) => e.category === c).length, c).toBeGreaterThanOrEqual(5);
    for (const c of BENIGN_CATEGORIES) expect(benign.filter((e) => e.category === c).length, c).toBeGreaterThanOrEqual(10);
  });

  it('keeps poisoned entries in poisoned.jsonl and benign ones in benign.jsonl, all of split fresh', () => {
    for (const label of ['poisoned', 'benign'] as const) {
      const lines = readFileSync(join(FRESH_DIR, `${label}.jsonl`), 'utf8').trim().split('\n');
      for (const line of lines) {
        const e = entrySchema.parse(JSON.parse(line));
        expect(e.label, e.id).toBe(label);
        expect(e.split, e.id).toBe('fresh');
      }
    }
  });

  it('has unique ids that never collide with corpus ids', () => {
    const ids = fresh.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const corpusIds = new Set(corpus.map((e) => e.id));
    expect(ids.filter((id) => corpusIds.has(id))).toEqual([]);
    expect(corpus.filter((e) => e.split === 'fresh').map((e) => e.id)).toEqual([]);
  });

  it('shares no tool definition with the corpus, and no definition between its own labels', () => {
    const corpusDefs = new Set(corpus.map((e) => JSON.stringify(e.tool)));
    expect(fresh.filter((e) => corpusDefs.has(JSON.stringify(e.tool))).map((e) => e.id)).toEqual([]);
    const benignDefs = new Set(benign.map((e) => JSON.stringify(e.tool)));
    expect(poisoned.filter((e) => benignDefs.has(JSON.stringify(e.tool))).map((e) => e.id)).toEqual([]);
  });

  it('rejects a fresh id in the main corpus splits and a corpus-style id in the fresh split', () => {
    const good = poisoned[0]!;
    expect(entrySchema.safeParse(good).success).toBe(true);
    expect(entrySchema.safeParse({ ...good, split: 'dev' }).success).toBe(false);
    expect(entrySchema.safeParse({ ...good, id: good.id.replace('-fresh-', '-') }).success).toBe(false);
  });

  it('cites a public URL for every poisoned entry, and says which benign entries are real', () => {
    for (const e of poisoned) expect(e.source, e.id).toMatch(/^https:\/\//);
    for (const e of benign) {
      expect(e.note, e.id).toMatch(/^(real|written): /);
      if (e.note.startsWith('real: ')) expect(e.source, e.id).toMatch(/^https:\/\/(github\.com|www\.npmjs\.com)\//);
      else expect(e.source, e.id).toBe('written for Portcullis');
    }
    expect(benign.filter((e) => e.note.startsWith('real: ')).length / benign.length).toBeGreaterThan(0.75);
  });

  it('has categories that contain what they claim', () => {
    const of = (c: string) => poisoned.filter((e) => e.category === c);
    for (const e of of('hidden-unicode')) expect(hasCodePointIn(allText(e.tool), HIDDEN), e.id).toBe(true);
    for (const e of of('ansi-escapes')) expect(hasCodePointIn(allText(e.tool), CONTROL), e.id).toBe(true);
    for (const e of [...of('shadowing'), ...of('rug-pull').filter((x) => x.otherServers)]) {
      const names = Object.values(e.otherServers ?? {}).flat();
      expect(names.some((n) => visibleText(e.tool).includes(n)), e.id).toBe(true);
    }
    const nonEnglish = of('non-english').map((e) => allText(e.tool));
    const scripts = Object.entries(SCRIPTS).filter(([, ranges]) => nonEnglish.some((t) => hasCodePointIn(t, ranges))).length;
    const latinWords = [/\bnicht\b/, /\bl'utilisateur\b/, /\bno lo menciones\b/, /\busuário\b/, /\bl'utente\b/, /\bkullanıcıya\b/, /\bużytkownikowi\b/, /\bmeestuurt\b/];
    const latin = latinWords.filter((w) => nonEnglish.some((t) => w.test(t))).length;
    expect(scripts + latin, 'languages').toBeGreaterThanOrEqual(8);
    const benignNonEnglish = benign.filter((e) => e.category === 'non-english-benign');
    const english = benignNonEnglish.filter((e) => /\b(the|and|with|from|for)\b/i.test(e.tool.description ?? ''));
    expect(english.map((e) => e.id), 'benign non-English descriptions written in English').toEqual([]);
  });
});
