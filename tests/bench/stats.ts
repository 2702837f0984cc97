/** Percentile of a list of samples (nearest-rank), in the samples' unit. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Times an async action n times (after warm-up) and returns the samples in ms. */
export async function timeMany(n: number, warmup: number, action: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await action();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await action();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Prints one `name value unit` line, the format `npm run bench` promises. */
export function report(name: string, value: number, unit: string): void {
  process.stdout.write(`${name} ${Number.isFinite(value) ? value.toFixed(3) : 'NaN'} ${unit}\n`);
}
