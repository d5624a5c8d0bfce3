/** What every benchmark in bench/ gives run-all.ts. */
export interface Benchmark {
  readonly name: string;
  /** Runs it, prints its figures, and says whether it met its targets. */
  run(): Promise<{ readonly passed: boolean }>;
}
