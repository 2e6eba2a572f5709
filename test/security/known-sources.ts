/**
 * Prints every public source any labelled set or training file already draws on (npm package names
 * and GitHub owner/repo), one per line, sorted: the exclusion list for whoever writes the next
 * independent set, so its real tools come from servers used nowhere else.
 *
 *   node --import tsx test/security/known-sources.ts > exclude.txt
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const HERE = import.meta.dirname;
const line = z.looseObject({ source: z.string().optional() });

/** npm package name or GitHub owner/repo of a `source` address, if it is one. */
export function sourceName(source: string): string | undefined {
  const npm = /npmjs\.com\/package\/((?:@[^/]+\/)?[^/?#]+)/.exec(source);
  if (npm) return decodeURIComponent(npm[1] ?? '');
  const gh = /github\.com\/([^/]+\/[^/?#]+)/.exec(source);
  return gh ? (gh[1] ?? '').replace(/\.git$/, '') : undefined;
}

/** Every jsonl file of the corpus, the independent sets and the training data. */
export function labelledFiles(): string[] {
  const dirs = ['corpus', 'train', ...readdirSync(HERE).filter((d) => /^fresh\d*$/.test(d))];
  return dirs.flatMap((d) => readdirSync(join(HERE, d)).filter((f) => f.endsWith('.jsonl')).map((f) => join(HERE, d, f)));
}

/** The sorted, de-duplicated source names. */
export function knownSources(): string[] {
  const out = new Set<string>();
  for (const file of labelledFiles()) {
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      if (text.trim() === '') continue;
      const name = sourceName(line.parse(JSON.parse(text)).source ?? '');
      if (name !== undefined) out.add(name);
    }
  }
  return [...out].sort();
}

if (process.argv[1] === import.meta.filename) process.stdout.write(`${knownSources().join('\n')}\n`);
