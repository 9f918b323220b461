/** Summary figures of a list of timings (nearest-rank percentiles). */
export interface Summary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Mean, median, 95th and 99th percentile and maximum of a list of timings. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(sorted.length, 1);
  const rank = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? 0;
  return { mean, p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: sorted[sorted.length - 1] ?? 0 };
}
