/** Small timing helpers shared by the cli engineer's benches (no tinybench installed). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Runs fn `warmup` times untimed, then `runs` times timed; returns sorted durations in ms. */
export function timeRuns(fn: () => unknown, runs: number, warmup: number): number[] {
  let sink: unknown;
  for (let k = 0; k < warmup; k++) sink = fn();
  const durations: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    sink = fn();
    durations.push(performance.now() - start);
  }
  if (sink === Symbol.for('never')) console.log(sink); // keep the result alive
  return durations.sort((a, b) => a - b);
}

export const round3 = (value: number): number => Math.round(value * 1000) / 1000;
