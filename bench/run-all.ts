/**
 * `npm run bench`: runs every benchmark in turn, prints its figures, and exits non-zero if any
 * missed its targets. Add a benchmark by exporting a Benchmark and listing it here.
 * `npm run bench -- start` runs only the benchmarks named (their keys below).
 */
import type { Benchmark } from './benchmark';
import { fanout } from './fanout';
import { digest } from './digest';
import { importBenchmark } from './import';
import { start } from './start';
import { submit } from './submit';
import { tabApi } from './tab-api';
import { openMonth } from './open-month';
import { reportBenchmark } from './report';
import { signals } from './signals';

const ALL: Readonly<Record<string, Benchmark>> = { start, import: importBenchmark, submit, tab: tabApi, digest, fanout, open: openMonth, report: reportBenchmark, signals };
const named = process.argv.slice(2);
const unknown = named.filter((name) => !(name in ALL));
if (unknown.length > 0) {
  console.error(`No benchmark named ${unknown.join(', ')}; there are: ${Object.keys(ALL).join(', ')}`);
  process.exit(2);
}
const BENCHMARKS: readonly Benchmark[] = named.length > 0 ? named.map((name) => ALL[name]!) : Object.values(ALL);

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
