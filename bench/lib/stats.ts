/** Percentiles over recorded latencies. */

/** Summary of one cell's latencies, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Summarises latencies (ms); nearest-rank percentiles. */
export function summarise(samples: Float64Array, count: number): LatencySummary {
  const s = samples.subarray(0, count).slice().sort();
  const at = (q: number): number => (count === 0 ? NaN : round(s[Math.min(count - 1, Math.ceil(q * count) - 1)]!));
  return { count, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}

/** Rounds to microsecond precision (3 decimals of a millisecond). */
export function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
