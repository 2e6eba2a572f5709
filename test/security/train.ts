/**
 * Trains the learned screen (`src/policies/screen/learned/`): logistic regression on the hashed
 * features of `features.ts`, over every labelled set the rule-based engine has already been tuned on
 * (the corpus and every independent set but the newest), the official servers' items (benign) and
 * `train/*.jsonl` (real tool definitions of public servers, benign; `train/labelled-*.jsonl`: poisoned
 * and benign entries written for training only). The newest independent set is never read: it stays
 * the unseen yardstick.
 *
 *   node --import tsx test/security/train.ts            # train, report, write weights.ts
 *   node --import tsx test/security/train.ts --dry      # train and report only
 *   node --import tsx test/security/train.ts --hold fresh2 --dry
 *                                                       # leave a set out and score it
 *
 * The settings were chosen with fresh2 held out of training (`--hold fresh2 --dry`), before anything
 * was measured on fresh3, with a threshold of 0.7. The threshold was raised to 0.8 on 2026-12-07,
 * before fresh8 was measured, from `--oof` (written hard negatives flagged 4.2 % at 0.7, 2.5 % at
 * 0.8) and `--loso` (rules plus learned screen, each tuned set left out of training in turn: 97.9 % /
 * 1.2 % at 0.7, 96.4 % / 0.8 % at 0.8), because false positives had been the failing side of four of
 * the six unseen measurements. `--oof` prints out-of-fold scores (5 folds grouped by server, so a
 * server's tools are never split between training and scoring); `--loso` the leave-one-set-out run.
 * Deterministic: a seeded shuffle, so the same data give the same weights.
 *
 *   node --import tsx test/security/train.ts --dry --oof
 *   node --import tsx test/security/train.ts --loso
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { DIMS, HASH_BITS, MIN_FEATURES, NGRAM_WEIGHT, itemFeatures } from '../../src/policies/screen/learned/features.js';
import { logit } from '../../src/policies/screen/learned/model.js';
import { walkDefinition } from '../../src/policies/screen/walk.js';
import { prng } from '../helpers/prng.js';
import { loadCorpus, loadFresh, loadOfficial, toolSchema } from './corpus-schema.js';
import { CORPUS_DIR, OFFICIAL_DIR, TUNED_FRESH, officialItems, scoreCorpus, serverName } from './efficacy.js';
import { portcullisScreener } from './screeners.js';

const HERE = resolve(import.meta.dirname);
/** Real benign tool definitions used for training only. */
export const TRAIN_DIR = join(HERE, 'train');
/** Where the weights are written. */
export const WEIGHTS_FILE = resolve(HERE, '..', '..', 'src', 'policies', 'screen', 'learned', 'weights.ts');

/** Files of `train/` holding labelled entries (the corpus format, split `train`); the others hold real benign tools. */
export const LABELLED_PREFIX = 'labelled-';

/** One line of `train/*.jsonl` (other than the labelled files). */
export const trainEntrySchema = z.strictObject({
  id: z.string().regex(/^benign-train-\d{4}$/),
  server: z.string().min(1),
  source: z.url(),
  tool: toolSchema,
});

/** A training example. */
export interface Example {
  id: string;
  set: string;
  /** Items of one group are never split between folds. */
  group: string;
  y: 0 | 1;
  /** A real tool definition of a public server (not written for Portcullis). */
  real: boolean;
  features: Map<number, number>;
}

function featuresOf(name: string, def: unknown): Map<number, number> {
  return itemFeatures(walkDefinition(name, def).fields).features;
}

/** Every file the training reads, in a stable order (their hash goes into the model). */
export function trainingFiles(hold: readonly string[] = []): string[] {
  const dirs: [string, string][] = [['corpus', CORPUS_DIR], ...TUNED_FRESH.map((s): [string, string] => [s, join(HERE, s)]), ['official', OFFICIAL_DIR], ['train', TRAIN_DIR]];
  return dirs
    .filter(([set]) => !hold.includes(set))
    .flatMap(([, dir]) => readdirSync(dir).filter((f) => f.endsWith('.jsonl') || (dir === OFFICIAL_DIR && f.endsWith('.json'))).sort().map((f) => join(dir, f)));
}

/** SHA-256 over the training files' paths (relative) and contents. */
export function dataSha256(files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(relative(HERE, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

/** Loads the examples of every set not held out. */
export function loadExamples(hold: readonly string[] = []): Example[] {
  const out: Example[] = [];
  const labelled = (set: string, entries: ReturnType<typeof loadCorpus>): void => {
    for (const e of entries) out.push({ id: e.id, set, group: `${set}:${e.server}`, y: e.label === 'poisoned' ? 1 : 0, real: e.label === 'benign' && e.source !== 'written for Portcullis', features: featuresOf(e.tool.name, e.tool) });
  };
  if (!hold.includes('corpus')) labelled('corpus', loadCorpus(CORPUS_DIR));
  for (const set of TUNED_FRESH) if (!hold.includes(set)) labelled(set, loadFresh(join(HERE, set)));
  if (!hold.includes('official')) {
    for (const { snap, item } of officialItems(loadOfficial(OFFICIAL_DIR))) {
      out.push({ id: `${snap.package}:${item.kind}:${item.name}`, set: 'official', group: `official:${serverName(snap.package)}`, y: 0, real: true, features: featuresOf(item.name, item.def) });
    }
  }
  if (!hold.includes('train')) {
    // Labelled entries written for training only (poisoned and hard negatives), never measured.
    for (const e of loadCorpus(TRAIN_DIR, (f) => f.startsWith(LABELLED_PREFIX))) {
      if (e.split !== 'train') throw new Error(`${e.id}: entries of train/${LABELLED_PREFIX}*.jsonl must have split "train"`);
      out.push({ id: e.id, set: 'train', group: `train:${e.server}`, y: e.label === 'poisoned' ? 1 : 0, real: e.label === 'benign' && e.source !== 'written for Portcullis', features: featuresOf(e.tool.name, e.tool) });
    }
    for (const file of readdirSync(TRAIN_DIR).filter((f) => f.endsWith('.jsonl') && !f.startsWith(LABELLED_PREFIX)).sort()) {
      readFileSync(join(TRAIN_DIR, file), 'utf8').split('\n').forEach((line, i) => {
        if (line.trim() === '') return;
        const parsed = trainEntrySchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
        const e = parsed.data;
        out.push({ id: e.id, set: 'train', group: `train:${e.server}`, y: 0, real: true, features: featuresOf(e.tool.name, e.tool) });
      });
    }
  }
  return out;
}

/** Training settings. */
export const SETTINGS = { epochs: 40, rate: 0.5, l2: 1e-5, seed: 20261124, folds: 5, threshold: 0.8 } as const;

/** A trained float model. */
export interface Trained {
  bias: number;
  weights: Float64Array;
}

/**
 * Logistic regression by SGD, seeded shuffle. Poisoned items, written benign items (hard
 * negatives) and real benign tools weigh the same in total, so 700 real tools do not drown the
 * hard negatives (which share most of their text with poisoned variants of the same tool).
 */
export function train(examples: readonly Example[], seed: number = SETTINGS.seed): Trained {
  const w = new Float64Array(DIMS);
  let b = 0;
  // Three groups of equal total weight: poisoned, written benign (hard negatives), real benign tools.
  const groupOf = (e: Example): number => (e.y === 1 ? 0 : e.real ? 2 : 1);
  const sizes = [0, 0, 0];
  for (const e of examples) sizes[groupOf(e)] = (sizes[groupOf(e)] as number) + 1;
  const present = sizes.filter((n) => n > 0).length;
  const weightOf = (e: Example): number => examples.length / (present * (sizes[groupOf(e)] as number));
  const order = examples.map((_, i) => i);
  const rnd = prng(seed);
  for (let epoch = 0; epoch < SETTINGS.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    const decay = 1 - SETTINGS.rate * SETTINGS.l2;
    for (const i of order) {
      const e = examples[i] as Example;
      let z = b;
      for (const [k, v] of e.features) z += (w[k] as number) * v;
      const g = (1 / (1 + Math.exp(-z)) - e.y) * weightOf(e);
      for (const [k, v] of e.features) w[k] = (w[k] as number) * decay - SETTINGS.rate * g * v;
      b -= SETTINGS.rate * g;
    }
  }
  return { bias: b, weights: w };
}

/** Probability under a float model. */
export function prob(m: Trained, features: ReadonlyMap<number, number>): number {
  return 1 / (1 + Math.exp(-logit(m, features)));
}

function foldOf(group: string, folds: number): number {
  return createHash('sha256').update(group).digest().readUInt32BE(0) % folds;
}

/** Out-of-fold probabilities (grouped folds). */
export function outOfFold(examples: readonly Example[]): number[] {
  const scores = new Array<number>(examples.length).fill(0);
  for (let k = 0; k < SETTINGS.folds; k++) {
    const trainSet = examples.filter((e) => foldOf(e.group, SETTINGS.folds) !== k);
    const m = train(trainSet);
    examples.forEach((e, i) => {
      if (foldOf(e.group, SETTINGS.folds) === k) scores[i] = prob(m, e.features);
    });
  }
  return scores;
}

/** Quantises to int8 with one scale. */
export function quantise(m: Trained): { scale: number; bytes: Buffer } {
  let max = 0;
  for (const v of m.weights) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 127;
  const bytes = Buffer.alloc(DIMS);
  m.weights.forEach((v, i) => bytes.writeInt8(Math.max(-127, Math.min(127, Math.round(v / scale))), i));
  return { scale, bytes };
}

function pct(n: number, d: number): string {
  return d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`;
}

/** Recall and flagged rate per set at `threshold`, and over all sets at a few others. */
function report(label: string, examples: readonly Example[], scores: readonly number[], threshold: number): void {
  const rows = new Map<string, { pos: number; neg: number; tp: number; fp: number }>();
  examples.forEach((e, i) => {
    const r = rows.get(e.set) ?? { pos: 0, neg: 0, tp: 0, fp: 0 };
    const hit = (scores[i] as number) >= threshold;
    if (e.y === 1) {
      r.pos++;
      if (hit) r.tp++;
    } else {
      r.neg++;
      if (hit) r.fp++;
    }
    rows.set(e.set, r);
  });
  console.log(`${label} (threshold ${threshold})`);
  for (const [set, r] of rows) console.log(`  ${set.padEnd(9)} poisoned ${String(r.pos).padStart(4)} recall ${pct(r.tp, r.pos).padStart(6)}   benign ${String(r.neg).padStart(4)} flagged ${pct(r.fp, r.neg).padStart(6)}`);
  const pos = examples.filter((e) => e.y === 1).length;
  const real = examples.filter((e) => e.y === 0 && e.real).length;
  const written = examples.filter((e) => e.y === 0 && !e.real).length;
  for (const t of [0.5, 0.6, 0.7, 0.8, 0.9]) {
    const at = (f: (e: Example) => boolean): number => examples.filter((e, i) => f(e) && (scores[i] as number) >= t).length;
    console.log(`  at ${t}: recall ${pct(at((e) => e.y === 1), pos)}; real tools flagged ${pct(at((e) => e.y === 0 && e.real), real)} of ${real}, written benign ${pct(at((e) => e.y === 0 && !e.real), written)} of ${written}`);
  }
}

/**
 * Leave one set out: for each tuned independent set but the first, train without it and flag its
 * entries when the rules flag them (the rules *are* tuned on it, so this is optimistic for them) or
 * the score reaches the threshold. Prints recall / false-positive rate per threshold.
 */
async function leaveOneSetOut(): Promise<void> {
  const rules = await portcullisScreener({ classifier: false });
  const TH = [0.5, 0.6, 0.7, 0.8, 0.9];
  const total = TH.map(() => ({ tp: 0, fp: 0, pos: 0, neg: 0 }));
  console.log('leave one set out (rules tuned on it, learned screen not trained on it): recall / FPR');
  for (const set of TUNED_FRESH.slice(1)) {
    const model = train(loadExamples([set]));
    const scored = scoreCorpus(rules, loadFresh(join(HERE, set))).map((s) => ({ y: s.entry.label === 'poisoned', rule: s.result.verdict !== 'allow', p: prob(model, featuresOf(s.entry.tool.name, s.entry.tool)) }));
    const cells = TH.map((t, i) => {
      const tp = scored.filter((s) => s.y && (s.rule || s.p >= t)).length;
      const fp = scored.filter((s) => !s.y && (s.rule || s.p >= t)).length;
      const pos = scored.filter((s) => s.y).length;
      const neg = scored.length - pos;
      const acc = total[i] as { tp: number; fp: number; pos: number; neg: number };
      acc.tp += tp;
      acc.fp += fp;
      acc.pos += pos;
      acc.neg += neg;
      return `${t}: ${pct(tp, pos)} / ${pct(fp, neg)}`;
    });
    console.log(`  ${set.padEnd(7)} ${cells.join('   ')}`);
  }
  console.log(`  ${'all'.padEnd(7)} ${TH.map((t, i) => `${t}: ${pct(total[i]?.tp ?? 0, total[i]?.pos ?? 0)} / ${pct(total[i]?.fp ?? 0, total[i]?.neg ?? 0)}`).join('   ')}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dry = args.includes('--dry');
  const hold = args.flatMap((a, i) => (a === '--hold' ? [args[i + 1] ?? ''] : []));
  if (args.includes('--loso')) return leaveOneSetOut();
  const examples = loadExamples(hold);
  if (args.includes('--oof')) report('out-of-fold (5 folds grouped by server)', examples, outOfFold(examples), SETTINGS.threshold);
  const model = train(examples);
  if (hold.length > 0) {
    const held = loadExamples(['corpus', ...TUNED_FRESH, 'official', 'train'].filter((s) => !hold.includes(s)));
    report(`held out (${hold.join(', ')}), never trained on`, held, held.map((e) => prob(model, e.features)), SETTINGS.threshold);
  }
  if (dry) return;
  const q = quantise(model);
  const file = {
    version: 1,
    hashBits: HASH_BITS,
    ngramWeight: NGRAM_WEIGHT,
    minFeatures: MIN_FEATURES,
    bias: model.bias,
    scale: q.scale,
    weights: q.bytes.toString('base64'),
    threshold: SETTINGS.threshold,
    trainedOn: {
      poisoned: examples.filter((e) => e.y === 1).length,
      benign: examples.filter((e) => e.y === 0).length,
      sets: [...new Set(examples.map((e) => e.set))],
      dataSha256: dataSha256(trainingFiles(hold)),
    },
  };
  const body = [
    '// Written by test/security/train.ts — do not edit. Retrain after changing the training data or the features.',
    `export const MODEL = ${JSON.stringify(file, null, 2).replace(/"weights": "[^"]*"/, `"weights":\n    ${JSON.stringify(file.weights)}`)} as const;`,
    '',
  ].join('\n');
  writeFileSync(WEIGHTS_FILE, body);
  console.log(`wrote ${relative(process.cwd(), WEIGHTS_FILE)} (${examples.length} examples)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
