/** Mean, 95th percentile and maximum of a list of timings. */
export function summarize(values: readonly number[]): { mean: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(sorted.length, 1);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
  return { mean, p95, max: sorted[sorted.length - 1] ?? 0 };
}
