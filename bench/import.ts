/**
 * The register import at a large council's size, as a person runs it: `npm run import -- file.xlsx`
 * on a workbook of 1,000 monthly indicators with five years of history (60,000 values, 60 months
 * ending 2026-10, and a target for each financial year), timed from the command to its exit. First
 * into a fresh embedded database (the command migrates it, as on a first install), then the same
 * file again (which must change nothing); then both on PostgreSQL too, in a freshly created database,
 * when TEST_DATABASE_URL names a reachable server. Target: each import under 15 s. Also prints the
 * largest resident memory of the command's processes (sampled from /proc while it runs).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnTree, killTree } from '../test/support/process-tree';
import { adminQuery, databaseUrlFor, untilDisconnected } from '../test/support/postgres-admin';
import { ROOT } from '../test/support/test-paths';
import { openDatabase } from '../src/db/open-database';
import { writeLargeRegister, type LargeRegisterOptions } from './fixtures/large-register';
import type { Benchmark } from './benchmark';

const REGISTER: LargeRegisterOptions = { indicators: 1_000, owners: 250, months: 60, lastMonth: '2026-10', directorates: 12 };
const VALUES = REGISTER.indicators * REGISTER.months;
const TARGET_SECONDS = 15;
/** Far beyond the target: only there to end a hang. */
const PATIENCE_MS = 600_000;

interface Run {
  readonly status: number | null;
  readonly seconds: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The largest VmHWM of any process of the command, in MB; null where /proc cannot tell. */
  readonly peakMb: number | null;
  /** CPU seconds (user and system) of the command's processes, as last sampled: on a busy machine, the steadier figure. */
  readonly cpuSeconds: number | null;
}

export const importBenchmark: Benchmark = {
  name: `register import: ${REGISTER.indicators.toLocaleString('en-GB')} indicators, ${VALUES.toLocaleString('en-GB')} values, from the command line`,
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-bench-import-'));
    try {
      const file = path.join(dir, 'large-register.xlsx');
      const t0 = performance.now();
      await writeLargeRegister(file, REGISTER);
      console.log(`  generated ${path.basename(file)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      // What any import pays before its first row, for comparison: start, create and migrate the database.
      const tiny = path.join(dir, 'one-indicator.xlsx');
      await writeLargeRegister(tiny, { ...REGISTER, indicators: 1, months: 1 });
      const fixed = await runImport(`pglite:${path.join(dir, 'fixed-cost')}`, tiny);
      report('embedded, one indicator into a fresh database (the fixed cost, no target)', fixed, /values: +1 new/, null);

      let passed = await importTwice('embedded', `pglite:${path.join(dir, 'pgdata')}`, file);
      const postgres = await freshPostgres();
      if (postgres) {
        try {
          passed = (await importTwice('PostgreSQL', postgres.url, file)) && passed;
        } finally {
          await postgres.drop();
        }
      } else {
        console.log('  PostgreSQL: skipped (set TEST_DATABASE_URL to a reachable server to run it there too)');
      }
      return { passed };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** The first import writes everything; the second, of the same file, must write nothing. */
async function importTwice(label: string, databaseUrl: string, file: string): Promise<boolean> {
  const first = await runImport(databaseUrl, file);
  const firstDone = report(`${label}, first import`, first, new RegExp(`values: +${VALUES} new, 0 corrected`));
  const stored = firstDone ? await countValues(databaseUrl) : null;
  if (stored !== null) console.log(`    ${stored.toLocaleString('en-GB')} value versions stored`);
  const again = await runImport(databaseUrl, file);
  const againDone = report(`${label}, the same file again`, again, new RegExp(`values: +0 new, 0 corrected \\(new version\\), ${VALUES} unchanged`));
  return firstDone && stored === VALUES && againDone && first.seconds < TARGET_SECONDS && again.seconds < TARGET_SECONDS;
}

/** Prints the run's figures; says whether it did what it should (its speed is judged by the caller). */
function report(label: string, run: Run, expected: RegExp, targetSeconds: number | null = TARGET_SECONDS): boolean {
  const done = run.status === 0 && expected.test(run.stdout);
  const memory = `${run.cpuSeconds === null ? '' : `, ${run.cpuSeconds.toFixed(1)} s of CPU`}${run.peakMb === null ? '' : `, peak RSS ${run.peakMb.toFixed(0)} MB`}`;
  const verdict = !done ? ': FAILED' : targetSeconds === null || run.seconds < targetSeconds ? '' : ': TOO SLOW';
  const target = targetSeconds === null ? '' : ` (target under ${targetSeconds} s)`;
  console.log(`  ${label}: ${run.seconds.toFixed(1)} s from the command to its exit${memory}${target}${verdict}`);
  if (!done) console.log(indent(`exit ${run.status}\n${run.stdout}\n${run.stderr}`.trim().slice(-3000)));
  return done;
}

/** `npm run import -- <file>`, exactly as a person types it, in the project's directory. */
function runImport(databaseUrl: string, file: string): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawnTree('npm', ['run', '--silent', 'import', '--', file], {
      cwd: ROOT,
      // Not a terminal: the progress comes out as occasional plain lines, as in a CI log.
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const peaks = new Map<number, number>();
    const cpu = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      for (const [pid, usage] of usageOfGroup(child.pid)) {
        peaks.set(pid, Math.max(usage.peakKb, peaks.get(pid) ?? 0));
        cpu.set(pid, usage.cpuTicks);
      }
    };
    const sampler = setInterval(sample, 100);
    const timer = setTimeout(() => {
      stderr += `\n[bench] gave up after ${PATIENCE_MS} ms`;
      killTree(child);
    }, PATIENCE_MS);
    child.once('close', (status) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      clearTimeout(timer);
      killTree(child);
      const peakKb = Math.max(0, ...peaks.values());
      const ticks = [...cpu.values()].reduce((sum, t) => sum + t, 0);
      resolve({ status, seconds, stdout, stderr, peakMb: peakKb > 0 ? peakKb / 1024 : null, cpuSeconds: ticks > 0 ? ticks / CLOCK_TICKS : null });
    });
  });
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = 100;

/** Peak resident memory (VmHWM, kB) and CPU time so far (ticks) of each live process in the process group. */
function usageOfGroup(group: number): Map<number, { peakKb: number; cpuTicks: number }> {
  const found = new Map<number, { peakKb: number; cpuTicks: number }>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid pgrp ... utime stime ...": comm may hold spaces, so read after its closing parenthesis.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      if (Number(fields[2]) !== group) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      found.set(Number(entry), { peakKb: hwm ? Number(hwm[1]) : 0, cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function countValues(databaseUrl: string): Promise<number | null> {
  const database = await openDatabase(databaseUrl, { purpose: 'import benchmark check' });
  try {
    return await database.prisma.indicatorValue.count();
  } finally {
    await database.close();
  }
}

/** A new, empty database on the PostgreSQL server TEST_DATABASE_URL names, or null if there is none. */
async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> } | null> {
  if (!process.env.TEST_DATABASE_URL) return null;
  try {
    await adminQuery('SELECT 1');
  } catch (error) {
    console.log(`  PostgreSQL at TEST_DATABASE_URL is not reachable (${(error as Error).message})`);
    return null;
  }
  const name = `perfbot_bench_import_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    url: databaseUrlFor(name),
    drop: async () => {
      await untilDisconnected(name);
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const indent = (text: string): string => text.split('\n').map((line) => `    | ${line}`).join('\n');
