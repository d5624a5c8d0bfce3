/**
 * The quarterly report pack for a large council (#15): 1,000 indicators, 2,000 owners, five years
 * of monthly history (the tab benchmark's database), timed as the person waits on it:
 * `npm run report -- "2026/27 Q2" --edition committee|public --out <dir>` as a child process, from
 * the command to its exit (opening the database, building the model, rendering the edition's files,
 * storing the pack and writing its files). Target: each edition under 10 s.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../test/support/child-process';
import { CLOCK_START_ENV } from '../test/support/clock-start';
import { largeDatabase } from './support/large-database';
import { report } from './support/figures';
import type { Benchmark } from './benchmark';

const SIZE = { indicators: 1_000, owners: 2_000, months: 60, lastMonth: '2026-10' } as const;
const QUARTER = '2026/27 Q2';
const TARGET_MS = 10_000;

export const reportBenchmark: Benchmark = {
  name: `Quarterly report pack: ${SIZE.indicators.toLocaleString('en-GB')} indicators, ${SIZE.owners.toLocaleString('en-GB')} owners, ${SIZE.months / 12} years of history, npm run report to its exit`,
  async run() {
    const database = await largeDatabase('report', SIZE);
    const out = mkdtempSync(path.join(os.tmpdir(), 'perfbot-bench-report-out-'));
    try {
      // Once untimed, so the build (npm's prereport) is not counted: a person runs a built checkout.
      const env = { ...CLOCK_START_ENV, DATABASE_URL: database.url, LOG_LEVEL: 'error' };
      const warm = await runCommand('npm', ['run', '--silent', 'report', '--', QUARTER, '--out', out], { env });
      if (warm.status !== 0) throw new Error(`npm run report failed (${warm.status}): ${warm.stderr.slice(0, 2000)}`);
      let passed = true;
      // Both editions, each timed on its own: the committee pack (Word and Excel) and the public one (web page and CSV).
      for (const edition of ['committee', 'public'] as const) {
        const started = process.hrtime.bigint();
        const run = await runCommand('npm', ['run', '--silent', 'report', '--', QUARTER, '--edition', edition, '--out', out], { env });
        const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
        if (run.status !== 0) throw new Error(`npm run report --edition ${edition} failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
        const met = elapsedMs < TARGET_MS;
        passed &&= met;
        report(`${edition} edition, command to exit`, `${(elapsedMs / 1000).toFixed(2)} s`, { text: `< ${TARGET_MS / 1000} s`, met });
      }
      const files = readdirSync(out).map((name) => `${name} ${statSync(path.join(out, name)).size.toLocaleString('en-GB')} bytes`);
      report('files', files.join(', '));
      return { passed };
    } finally {
      rmSync(out, { recursive: true, force: true });
      database.drop();
    }
  },
};
