// Small timing helpers for the benchmarks written since issue 15 (the older ones keep their own copies).

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const msText = (n: number) => (n < 10 ? `${fmt(n, 2)} ms` : n < 100 ? `${fmt(n, 1)} ms` : `${fmt(n)} ms`);
export const secondsText = (ms: number) => `${fmt(ms / 1000, 2)} s`;

export async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** The value below which `p` (0–1) of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
