/** One measured figure of a benchmark, printed as a row of the table `npm run bench` writes. */
export interface BenchRow {
  readonly benchmark: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** What the figure is compared with (e.g. "minimum 2 requests"), when there is something to compare. */
  readonly note?: string;
}

/** A file under test/bench named `*.bench.ts` exports `benchmarks: Benchmark[]`. */
export interface Benchmark {
  readonly name: string;
  run(): Promise<BenchRow[]>;
}

/** Wall-clock milliseconds of `work`, measured with the monotonic clock. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** The median of a few runs, which is steadier than one run on a busy machine. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
