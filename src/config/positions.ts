/**
 * Maps a path in the parsed document back to a line and column in the YAML source, using the
 * `yaml` document's node ranges.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { ConfigPath } from './env.js';

/** A 1-based position; 0:0 when unknown. */
export interface Position {
  line: number;
  col: number;
}

/** Locates a path: a function so embedded (file-less) configs can answer 0:0. */
export type Locator = (path: ConfigPath, atKey: boolean) => Position;

/** A locator for documents that have no source text. */
export const NO_POSITION: Locator = () => ({ line: 0, col: 0 });

type AnyNode = unknown;

/** Where `path` is in `doc`: the key (when `atKey`) or the value; the nearest existing parent key when absent. */
export function yamlLocator(doc: Document, lineCounter: LineCounter): Locator {
  const pos = (offset: number | undefined): Position =>
    offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
  const start = (n: AnyNode): number | undefined =>
    n !== null && typeof n === 'object' && 'range' in n ? (n.range as [number, number, number] | undefined)?.[0] : undefined;

  return (path, atKey) => {
    let node: AnyNode = doc.contents;
    let fallback = start(node);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) return pos(fallback);
        const keyAt = start(pair.key);
        if (i === path.length - 1 && atKey) return pos(keyAt);
        node = pair.value;
        fallback = keyAt;
        if (node === null || node === undefined) return pos(keyAt);
      } else if (isSeq(node) && typeof seg === 'number') {
        const item: AnyNode = node.items[seg];
        if (item === undefined) return pos(fallback);
        node = item;
        fallback = start(item) ?? fallback;
      } else {
        return pos(fallback);
      }
    }
    return pos(start(node) ?? fallback);
  };
}

/** Formats a path as `servers.github.args[0]` (`<root>` when empty). */
export function formatPath(path: ConfigPath): string {
  if (path.length === 0) return '<root>';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
