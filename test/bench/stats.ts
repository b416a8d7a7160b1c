/** Small helpers shared by the benchmarks: they print figures and never pass or fail. */
export function percentile(sortedMs: number[], fraction: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil(fraction * sortedMs.length) - 1));
  return sortedMs[index] as number;
}

export function summarise(label: string, latenciesMs: number[], elapsedMs: number) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    label,
    requests: sorted.length,
    perSecond: Math.round((sorted.length / elapsedMs) * 1000),
    p50Ms: Number(percentile(sorted, 0.5).toFixed(2)),
    p99Ms: Number(percentile(sorted, 0.99).toFixed(2)),
  };
}

/** Runs `task` `total` times with `concurrency` workers; returns each call's latency. */
export async function runConcurrent(total: number, concurrency: number, task: (worker: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        next += 1;
        const begin = performance.now();
        await task(worker);
        latencies.push(performance.now() - begin);
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}
