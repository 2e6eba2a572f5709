/**
 * "Did you mean" hints for misspelt keys and names.
 */

/** Lower-cases and drops `_`/`-` so `allowed_origins` and `allowedOrigins` compare equal. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[_-]/g, '');
}

/** Edit distance counting insertions, deletions, substitutions and adjacent swaps (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const up = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = d;
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo
 * (same letters ignoring case and `_`/`-`, or at most ⌈len/4⌉ edits, never more than 3; exact
 * only for words of one or two letters).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = fold(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, fold(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = w.length <= 2 ? 0 : Math.min(3, Math.max(1, Math.ceil(w.length / 4)));
  return bestDistance <= limit ? best : undefined;
}
