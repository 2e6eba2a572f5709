/**
 * Namespacing of tool and prompt names. Exposed names are `<prefix><separator><name>`, kept within
 * the 64-character limit that clients enforce, and made unique across servers. Shortening is
 * deterministic (a hash of the full name), so the same catalog always yields the same names.
 */
import { createHash } from 'node:crypto';

/** The longest name clients accept for a tool. */
export const MAX_NAME_LENGTH = 64;
const HASH_LENGTH = 8;

/** A short, stable hex digest of a string. */
export function shortHash(text: string, length = HASH_LENGTH): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Joins prefix and name; no separator when the prefix is empty. */
export function namespacedName(prefix: string, separator: string, name: string): string {
  return prefix === '' ? name : `${prefix}${separator}${name}`;
}

/**
 * Shortens a name over `max` characters to `<head>_<hash>` where the hash covers the full name.
 * Names within the limit are returned as they are.
 */
export function fitName(full: string, max = MAX_NAME_LENGTH): string {
  if (full.length <= max) return full;
  const head = full.slice(0, max - HASH_LENGTH - 1);
  return `${head}_${shortHash(full)}`;
}

/** One candidate for an exposed name. */
export interface NameCandidate {
  /** The name the gateway would like to expose. */
  wanted: string;
  /** A stable identity of the item (e.g. `server\u0000tool`), used to break ties and to hash. */
  key: string;
}

/**
 * Assigns exposed names to candidates so that every name is unique and within the limit. Candidates
 * that want the same name are ordered by key; the first keeps it, the others get a hash suffix.
 * Returns names in candidate order.
 */
export function assignUniqueNames(candidates: readonly NameCandidate[], max = MAX_NAME_LENGTH): string[] {
  const fitted = candidates.map((c) => fitName(c.wanted, max));
  const byName = new Map<string, number[]>();
  fitted.forEach((n, i) => {
    const list = byName.get(n);
    if (list) list.push(i);
    else byName.set(n, [i]);
  });
  const out = fitted.slice();
  const taken = new Set(fitted);
  for (const [name, idxs] of byName) {
    if (idxs.length < 2) continue;
    const sorted = idxs.slice().sort((a, b) => cmp(candidates[a]!.key, candidates[b]!.key));
    for (const i of sorted.slice(1)) {
      let n = fitName(`${name.slice(0, max - HASH_LENGTH - 1)}_${shortHash(candidates[i]!.key)}`, max);
      for (let salt = 1; taken.has(n); salt++) n = `${name.slice(0, max - HASH_LENGTH - 1)}_${shortHash(`${candidates[i]!.key}#${salt}`)}`;
      taken.add(n);
      out[i] = n;
    }
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
