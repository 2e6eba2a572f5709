/**
 * A small, bounded sequence diff (longest common subsequence) for words, lines and array items.
 */

/** One step of a sequence diff: keep, delete (from `a`) or insert (from `b`). */
export interface SeqOp {
  op: '=' | '-' | '+';
  /** Index in `a` for `=` and `-`, in `b` for `+`. */
  index: number;
}

/** Largest LCS table (cells); beyond it the differing middle is reported as one replacement. */
const MAX_CELLS = 1_000_000;

/**
 * Diffs two sequences of comparable keys. Common prefix and suffix are trimmed first; the middle
 * gets an exact LCS when it fits `MAX_CELLS`, else it is reported as delete-all + insert-all.
 */
export function diffSequences(a: readonly string[], b: readonly string[]): SeqOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: SeqOp[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: '=', index: i });
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_CELLS) {
    // lcs[i * (m + 1) + j] = LCS length of a[start+i..endA) and b[start+j..endB).
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = a[start + i] === b[start + j] ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        ops.push({ op: '=', index: start + i });
        i++;
        j++;
      } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) {
        ops.push({ op: '-', index: start + i++ });
      } else {
        ops.push({ op: '+', index: start + j++ });
      }
    }
    while (i < n) ops.push({ op: '-', index: start + i++ });
    while (j < m) ops.push({ op: '+', index: start + j++ });
  } else {
    for (let i = start; i < endA; i++) ops.push({ op: '-', index: i });
    for (let j = start; j < endB; j++) ops.push({ op: '+', index: j });
  }
  for (let i = endA; i < a.length; i++) ops.push({ op: '=', index: i });
  return ops;
}
