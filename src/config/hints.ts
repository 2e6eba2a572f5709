/**
 * "Did you mean" hints for misspelt keys and names.
 */

/** Lower-cases and drops `_`/`-` so `allowed_origins` and `allowedOrigins` compare equal. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[_-]/g, '');
}

/** Levenshtein edit distance, bounded for short config keys. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo
 * (same letters ignoring case and `_`/`-`, or at most ⌈len/4⌉ edits, never more than 3).
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
  const limit = Math.min(3, Math.max(1, Math.ceil(w.length / 4)));
  return bestDistance <= limit ? best : undefined;
}
