/**
 * Which other servers' names a definition mentions. Shadowing findings depend on the names of every
 * other server's tools; passing the whole map to the screening engine would make every cached
 * result stale whenever any server lists something new (and cost O(servers²) at start-up). Instead
 * each definition is reduced once (cached by hash) to the set of its tokens' confusable skeletons,
 * the same tokens the engine's cross-server rule looks at, and the engine is given only the other
 * servers and names that occur in it. The cache key of a screening result then changes only when
 * the names the definition actually mentions change.
 */
import { skeleton } from '../policies/screen/index.js';

/** The token shape the engine's cross-server rule reads (identifiers keep `_ . - / :`). */
const TOKEN = /[\p{L}\p{N}_.\-/:]+/gu;
const MAX_STRINGS = 10_000;
const MAX_TOKENS = 20_000;

/** Skeletons of every token of every string (and key) in a definition, bounded. */
export function tokenSkeletons(def: unknown): Set<string> {
  const out = new Set<string>();
  let strings = 0;
  let tokens = 0;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 64 || strings > MAX_STRINGS || tokens > MAX_TOKENS) return;
    if (typeof v === 'string') {
      strings++;
      for (const m of v.normalize('NFKC').matchAll(TOKEN)) {
        if (++tokens > MAX_TOKENS) return;
        const t = m[0].replace(/[.:/-]+$/, '');
        if (t.length >= 3) out.add(skeleton(t));
      }
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        visit(k, depth + 1);
        visit(x, depth + 1);
      }
    }
  };
  visit(def, 0);
  return out;
}

/** Other servers' names by skeleton. */
export interface NameIndex {
  names: Map<string, { server: string; name: string }[]>;
  servers: Map<string, string>;
}

/** Indexes the tool and prompt names of the other servers. */
export function indexNames(others: Iterable<[server: string, names: readonly string[]]>): NameIndex {
  const names = new Map<string, { server: string; name: string }[]>();
  const servers = new Map<string, string>();
  for (const [server, list] of others) {
    servers.set(skeleton(server), server);
    for (const name of list) {
      const k = skeleton(name);
      const at = names.get(k);
      if (at) at.push({ server, name });
      else names.set(k, [{ server, name }]);
    }
  }
  return { names, servers };
}

/** The other servers (and their names) a definition mentions, with a stable key for caching. */
export function mentioned(tokens: ReadonlySet<string>, index: NameIndex): { key: string; map: ReadonlyMap<string, readonly string[]> } {
  const map = new Map<string, string[]>();
  for (const t of tokens) {
    for (const { server, name } of index.names.get(t) ?? []) {
      const list = map.get(server);
      if (list) list.push(name);
      else map.set(server, [name]);
    }
    const server = index.servers.get(t);
    if (server !== undefined && !map.has(server)) map.set(server, []);
  }
  if (map.size === 0) return { key: '', map };
  const sorted = [...map].map(([s, n]) => [s, [...new Set(n)].sort()] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { key: JSON.stringify(sorted), map: new Map(sorted) };
}
