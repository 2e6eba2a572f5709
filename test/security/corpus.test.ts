/**
 * The labelled corpus and the official snapshots are well-formed: schema, unique ids, labels that
 * fit their categories, sizes, stratified splits, categories that really contain what they claim,
 * and committed files that match the generator's output.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENIGN_CATEGORIES, POISONED_CATEGORIES, entrySchema, loadCorpus, loadOfficial } from './corpus-schema.js';
import { buildCorpus, toJsonLine } from './corpus/generate.js';
import { CORPUS_DIR, OFFICIAL_DIR } from './efficacy.js';
import { allText, hasCodePointIn, visibleText } from './visible-text.js';

/** Invisible code points a hidden-unicode entry must contain at least one of. */
const HIDDEN = [[0x200b, 0x200f], [0x2060, 0x2060], [0xfeff, 0xfeff], [0x202a, 0x202e], [0x2066, 0x2069], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xe0000, 0xe01ef]] as const;
/** ESC, CSI, CR, BS. */
const CONTROL = [[0x1b, 0x1b], [0x9b, 0x9b], [0x0d, 0x0d], [0x08, 0x08]] as const;
/** ZWNJ, ZWJ, VS16, tag characters. */
const JOINERS = [[0x200c, 0x200d], [0xfe0f, 0xfe0f], [0xe0000, 0xe007f]] as const;

const corpus = loadCorpus(CORPUS_DIR);
const poisoned = corpus.filter((e) => e.label === 'poisoned');
const benign = corpus.filter((e) => e.label === 'benign');

describe('corpus', () => {
  it('has the planned size: ≥ 250 poisoned, ≥ 350 benign, ≥ 15 per poisoned category', () => {
    expect(poisoned.length).toBeGreaterThanOrEqual(250);
    expect(benign.length).toBeGreaterThanOrEqual(350);
    for (const c of POISONED_CATEGORIES) expect(corpus.filter((e) => e.category === c).length, c).toBeGreaterThanOrEqual(15);
    for (const c of BENIGN_CATEGORIES) expect(corpus.filter((e) => e.category === c).length, c).toBeGreaterThanOrEqual(30);
  });

  it('has unique ids', () => {
    const ids = corpus.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps each category in its own file, under the label that fits it', () => {
    for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl'))) {
      const [label, ...rest] = file.replace(/\.jsonl$/, '').split('-');
      const entries = readFileSync(join(CORPUS_DIR, file), 'utf8').trim().split('\n').map((l) => entrySchema.parse(JSON.parse(l)));
      for (const e of entries) {
        expect(e.label, e.id).toBe(label);
        expect(e.category, e.id).toBe(rest.join('-'));
      }
    }
  });

  it('rejects entries whose label does not fit the category, or that lack fields', () => {
    const good = corpus.find((e) => e.category === 'concealment')!;
    expect(entrySchema.safeParse(good).success).toBe(true);
    expect(entrySchema.safeParse({ ...good, label: 'benign' }).success).toBe(false);
    expect(entrySchema.safeParse({ ...good, category: 'ordinary' }).success).toBe(false);
    expect(entrySchema.safeParse({ ...good, split: 'test' }).success).toBe(false);
    const { note: _note, ...noNote } = good;
    expect(entrySchema.safeParse(noNote).success).toBe(false);
  });

  it('marks about 30 % of every category as holdout', () => {
    for (const c of [...POISONED_CATEGORIES, ...BENIGN_CATEGORIES]) {
      const es = corpus.filter((e) => e.category === c);
      const share = es.filter((e) => e.split === 'holdout').length / es.length;
      expect(share, c).toBeGreaterThanOrEqual(0.25);
      expect(share, c).toBeLessThanOrEqual(0.35);
    }
  });

  it('never gives a poisoned entry the exact definition of a benign one', () => {
    const benignDefs = new Set(benign.map((e) => JSON.stringify(e.tool)));
    for (const e of poisoned) expect(benignDefs.has(JSON.stringify(e.tool)), e.id).toBe(false);
  });

  it('has categories that contain what they claim', () => {
    const of = (c: string) => poisoned.filter((e) => e.category === c).map((e) => ({ id: e.id, text: allText(e.tool) }));
    for (const { id, text } of of('hidden-unicode')) expect(hasCodePointIn(text, HIDDEN), id).toBe(true);
    for (const { id, text } of of('ansi-escapes')) expect(hasCodePointIn(text, CONTROL), id).toBe(true);
    for (const e of poisoned.filter((x) => x.category === 'shadowing')) {
      const names = Object.values(e.otherServers ?? {}).flat();
      expect(names.some((n) => visibleText(e.tool).includes(n)), e.id).toBe(true);
    }
    const benignInvisible = benign.filter((e) => e.category === 'hard-negative-unicode' && hasCodePointIn(allText(e.tool), JOINERS));
    expect(benignInvisible.length).toBeGreaterThanOrEqual(10);
  });

  it('matches the generator output (regenerate with corpus/generate.ts after editing specs)', () => {
    for (const [file, entries] of buildCorpus()) {
      const onDisk = readFileSync(join(CORPUS_DIR, file), 'utf8');
      expect(onDisk, file).toBe(entries.map((e) => toJsonLine(e)).join('\n') + '\n');
    }
  });
});

describe('official snapshots', () => {
  const snaps = loadOfficial(OFFICIAL_DIR);

  it('cover the maintained and the archived reference servers with exact versions', () => {
    const pkgs = snaps.map((s) => s.package.replace('@modelcontextprotocol/', ''));
    for (const p of ['server-everything', 'server-filesystem', 'server-memory', 'server-sequential-thinking', 'server-github', 'server-slack', 'server-gdrive', 'server-postgres', 'server-redis', 'server-google-maps', 'server-everart', 'server-aws-kb-retrieval', 'server-gitlab', 'server-brave-search', 'server-puppeteer']) {
      expect(pkgs, p).toContain(p);
    }
    for (const s of snaps) {
      expect(s.version, s.package).toMatch(/^\d+\.\d+\.\d+$/);
      expect(s.tools.length, s.package).toBeGreaterThan(0);
      const names = s.tools.map((t) => t.name);
      expect(new Set(names).size, s.package).toBe(names.length);
    }
  });

  it('are named <package>@<version>.json', () => {
    const files = readdirSync(OFFICIAL_DIR).filter((f) => f.endsWith('.json'));
    for (const s of snaps) expect(files).toContain(`${s.package.replace('@modelcontextprotocol/', '')}@${s.version}.json`);
  });
});
