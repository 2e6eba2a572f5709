/**
 * The shape of the labelled corpus (`corpus/*.jsonl`), of the fresh never-tuned-on set
 * (`fresh/*.jsonl`) and of the official-server snapshots (`official/*.json`), as zod schemas, with
 * loaders that validate what they read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Poisoned categories, in report order. */
export const POISONED_CATEGORIES = [
  'hidden-unicode',
  'ansi-escapes',
  'model-instructions',
  'concealment',
  'tool-redirection',
  'credential-files',
  'shadowing',
  'encoded-payloads',
  'capability-mismatch',
  'schema-poisoning',
  'non-english',
  'obfuscated',
  'rug-pull',
] as const;

/** Benign categories, in report order. */
export const BENIGN_CATEGORIES = [
  'ordinary',
  'hard-negative-imperative',
  'hard-negative-secrets',
  'hard-negative-security',
  'hard-negative-unicode',
  'non-english-benign',
] as const;

/** An MCP tool definition (extra fields allowed, as servers send them). */
export const toolSchema = z
  .object({
    name: z.string().min(1),
    title: z.string().optional(),
    description: z.string().optional(),
    inputSchema: z.looseObject({ type: z.literal('object') }),
    outputSchema: z.looseObject({}).optional(),
    annotations: z.looseObject({}).optional(),
  })
  .loose();

/** One line of a corpus file. */
export const entrySchema = z
  .object({
    id: z.string().regex(/^(poison|benign)-[a-z0-9-]+-\d{3}$/),
    label: z.enum(['poisoned', 'benign']),
    category: z.enum([...POISONED_CATEGORIES, ...BENIGN_CATEGORIES]),
    /** `dev`/`holdout`: the main corpus; `fresh`: an independent set (`freshN/`); `train`: written for training only (`train/labelled-*.jsonl`), never measured. */
    split: z.enum(['dev', 'holdout', 'fresh', 'train']),
    source: z.union([z.url(), z.literal('written for Portcullis')]),
    server: z.string().min(1),
    tool: toolSchema,
    otherServers: z.record(z.string(), z.array(z.string())).optional(),
    note: z.string().min(10),
  })
  .strict()
  .superRefine((e, ctx) => {
    const poisonedCat = (POISONED_CATEGORIES as readonly string[]).includes(e.category);
    if ((e.label === 'poisoned') !== poisonedCat) ctx.addIssue({ code: 'custom', message: `label ${e.label} does not fit category ${e.category}` });
    if (!e.id.startsWith(`${e.label === 'poisoned' ? 'poison' : 'benign'}-${e.category}-`)) ctx.addIssue({ code: 'custom', message: `id ${e.id} does not name its label and category` });
    if (e.category === 'shadowing' && !e.otherServers) ctx.addIssue({ code: 'custom', message: 'a shadowing entry names the other servers it refers to' });
    if (e.otherServers && e.server in e.otherServers) ctx.addIssue({ code: 'custom', message: 'otherServers must not contain the entry\'s own server' });
    if ((e.split === 'fresh') !== /-fresh([2-9]|[1-9]\d)?-/.test(e.id)) ctx.addIssue({ code: 'custom', message: `id ${e.id}: fresh entries, and only they, carry "-fresh-" (or "-freshN-" for N ≥ 2) in their id` });
  });

/** A corpus entry. */
export type CorpusEntry = z.infer<typeof entrySchema>;

/** A snapshot of what an official server lists. */
export const officialSchema = z
  .object({
    package: z.string().startsWith('@modelcontextprotocol/'),
    version: z.string().regex(/^\d+\.\d+\.\d+/),
    capturedWith: z.literal('tools/list'),
    tools: z.array(toolSchema),
    prompts: z.array(z.looseObject({ name: z.string() })),
    resources: z.array(z.looseObject({ uri: z.string() })),
    resourceTemplates: z.array(z.looseObject({ uriTemplate: z.string() })),
    instructions: z.string().nullable(),
  })
  .loose();

/** An official-server snapshot. */
export type OfficialSnapshot = z.infer<typeof officialSchema>;

/** Reads and validates every `*.jsonl` file of a directory (or those `only` accepts); throws with the file and line on error. */
export function loadCorpus(dir: string, only: (file: string) => boolean = () => true): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl') && only(f)).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = entrySchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      out.push(parsed.data);
    });
  }
  return out;
}

/** Reads the fresh set (`fresh/*.jsonl`): like {@link loadCorpus}, and every entry must be of split `fresh`. */
export function loadFresh(dir: string): CorpusEntry[] {
  const entries = loadCorpus(dir);
  const stray = entries.find((e) => e.split !== 'fresh');
  if (stray) throw new Error(`${stray.id}: entries of the fresh set must have split "fresh"`);
  return entries;
}

/** Reads and validates every `*.json` snapshot of a directory. */
export function loadOfficial(dir: string): OfficialSnapshot[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = officialSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${f}: ${parsed.error.message}`);
      return parsed.data;
    });
}
