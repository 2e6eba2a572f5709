/**
 * Generates the labelled tool-definition corpus (`test/security/corpus/*.jsonl`) deterministically
 * from the hand-written specs in `gen/`. The output is committed; re-run after editing a spec:
 *
 *   node --import tsx test/security/corpus/generate.ts
 *
 * Each category gets sequential ids and a stratified ~30 % holdout split (seeded shuffle).
 */
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benignHard } from './gen/benign-hard.js';
import { benignIntl } from './gen/benign-intl.js';
import { CARRIERS } from './gen/carriers.js';
import { poisonEncoded } from './gen/poison-encoded.js';
import { poisonExfil } from './gen/poison-exfil.js';
import { poisonSchema } from './gen/poison-schema.js';
import { poisonText } from './gen/poison-text.js';
import { SRC, prng, type Draft } from './gen/util.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Share of each category kept for the holdout split. */
const HOLDOUT_SHARE = 0.3;

/** A finished corpus entry, in the key order it is written. */
interface Entry {
  id: string;
  label: 'poisoned' | 'benign';
  category: string;
  split: 'dev' | 'holdout';
  source: string;
  server: string;
  tool: Draft['tool'];
  otherServers?: Record<string, string[]>;
  note: string;
}

/** Groups drafts by category, keeping first-seen order. */
function byCategory(drafts: Draft[]): Map<string, Draft[]> {
  const m = new Map<string, Draft[]>();
  for (const d of drafts) m.set(d.category, [...(m.get(d.category) ?? []), d]);
  return m;
}

/** Seeded choice of which indices of a category go to holdout. */
function holdoutIndices(n: number, seed: number): Set<number> {
  const idx = Array.from({ length: n }, (_, i) => i);
  const rand = prng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return new Set(idx.slice(0, Math.round(n * HOLDOUT_SHARE)));
}

/** Turns one label's drafts into entries with ids and splits. */
function finish(label: Entry['label'], drafts: Draft[]): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  let seed = label === 'poisoned' ? 7001 : 9001;
  for (const [category, list] of byCategory(drafts)) {
    const hold = holdoutIndices(list.length, seed++);
    const prefix = label === 'poisoned' ? 'poison' : 'benign';
    out.set(
      category,
      list.map((d, i) => ({
        id: `${prefix}-${category}-${String(i + 1).padStart(3, '0')}`,
        label,
        category,
        split: hold.has(i) ? 'holdout' : 'dev',
        source: d.source,
        server: d.server,
        tool: d.tool,
        ...(d.otherServers ? { otherServers: d.otherServers } : {}),
        note: d.note,
      })),
    );
  }
  return out;
}

/** Builds every entry, grouped by file name. */
export function buildCorpus(): Map<string, Entry[]> {
  const ordinary: Draft[] = CARRIERS.map((c) => ({
    category: 'ordinary',
    server: c.server,
    tool: c.tool,
    source: SRC.own,
    note: 'benign: an ordinary tool of its domain (also the carrier the poisoned variants start from)',
  }));
  const poisoned = finish('poisoned', [...poisonText(), ...poisonExfil(), ...poisonEncoded(), ...poisonSchema()]);
  const benign = finish('benign', [...ordinary, ...benignHard(), ...benignIntl()]);
  const files = new Map<string, Entry[]>();
  for (const [cat, list] of poisoned) files.set(`poisoned-${cat}.jsonl`, list);
  for (const [cat, list] of benign) files.set(`benign-${cat}.jsonl`, list);
  return files;
}

/** Invisible, control and format characters: written as \\u escapes so the files stay reviewable. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u3164\uFFA0\u115F\u1160\u2800]/gu;

/** One JSONL line; JSON.parse gives back the exact strings. */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(INVISIBLE, (ch) =>
    [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** Writes the corpus files (replacing older ones). */
function main(): void {
  for (const f of readdirSync(HERE)) if (f.endsWith('.jsonl')) unlinkSync(join(HERE, f));
  let total = 0;
  for (const [file, entries] of buildCorpus()) {
    writeFileSync(join(HERE, file), entries.map((e) => toJsonLine(e)).join('\n') + '\n');
    total += entries.length;
    console.log(`${file}: ${entries.length}`);
  }
  console.log(`total: ${total}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
