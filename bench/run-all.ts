/**
 * `npm run bench`: runs every benchmark in turn, prints its figures, and exits non-zero if any
 * missed its targets. Add a benchmark by exporting a Benchmark and listing it here.
 */
import type { Benchmark } from './benchmark';
import { fanout } from './fanout';
import { digest } from './digest';
import { openMonth } from './open-month';

const BENCHMARKS: readonly Benchmark[] = [digest, fanout, openMonth];

async function main(): Promise<void> {
  let failed = 0;
  for (const benchmark of BENCHMARKS) {
    console.log(`\n${benchmark.name}`);
    const started = Date.now();
    const { passed } = await benchmark.run();
    console.log(`  ${passed ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!passed) failed++;
  }
  if (failed > 0) {
    console.error(`\n${failed} of ${BENCHMARKS.length} benchmarks missed their targets`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
