/** Small helpers for benchmarks' figures. */

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A line of a benchmark's report: what, the figure, and the target with whether it was met. */
export function report(what: string, figure: string, target?: { text: string; met: boolean }): void {
  const verdict = target ? `  (target ${target.text}: ${target.met ? 'met' : 'MISSED'})` : '';
  console.log(`  ${what.padEnd(34)} ${figure}${verdict}`);
}
