/**
 * Start-up: `npm start` as a person runs it, timed from the spawn to the first healthy answer of
 * /healthz, with the resident memory of everything `npm start` runs (npm, the shell, node and any
 * helper it spawns).
 *
 * Two cases, several runs each: (a) a first start on an empty data directory (the migrated template
 * copied, the demo register loaded) and (b) a restart on that directory. The compiled server is
 * brought up to date first, as `npm install` leaves it. The environment is a fresh clone's: the
 * product's defaults, except the database (a fresh temporary directory) and the port. Each run
 * ends as a person ends it, with Ctrl+C (SIGINT to the process group), and its group is killed
 * whatever happens.
 *
 * Figures: the time to healthy (best and median), the CPU seconds the tree used until then (the
 * work itself, less sensitive than the time to a machine busy with other things), the tree's
 * VmRSS peak sampled every 100 ms during start, its VmRSS 2 s after ready, and the sum of each
 * process's VmHWM (its own peak, a bound from above of the tree's). Targets: median time to
 * healthy under 5 s in both cases, and every memory figure under 600 MB.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { ROOT } from '../test/support/test-paths';
import { killTree, spawnTree } from '../test/support/process-tree';
import { templateDir } from '../src/db/embedded-template';
import { TreeUsageSampler, megabytes } from './tree-usage';
import type { Benchmark } from './benchmark';

const RUNS = 3;
const TARGET_READY_MS = 5_000;
const TARGET_MEMORY_MB = 600;
const SETTLE_MS = 2_000;
/** A hang detector, not a target: a start this slow is reported as a failure. */
const GIVE_UP_MS = 120_000;

interface StartRun {
  readonly readyMs: number;
  /** CPU seconds of the whole tree from spawn to ready: the work, whatever else the machine is doing. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly settledRssMb: number;
  readonly hwmSumMb: number;
}

export const start: Benchmark = {
  name: `start: \`npm start\` to a healthy /healthz on the embedded database with the demo data (${RUNS} runs each)`,
  async run() {
    // As after `npm install`: the compiled server up to date (prestart then only checks it).
    const build = spawnSync(process.execPath, ['scripts/build.cjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('scripts/build.cjs failed');
    console.log(`  embedded database template ${existsSync(templateDir()) ? 'present' : 'ABSENT: first starts run initdb (npm run build makes it)'}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-bench-start-'));
    try {
      const first: StartRun[] = [];
      const again: StartRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const dataDir = path.join(dir, `pgdata-${i}`);
        first.push(await startOnce(dataDir));
        again.push(await startOnce(dataDir));
      }
      const passedFirst = report('first start (empty data dir: the template copied, the demo register loaded)', first);
      const passedAgain = report('restart (same data dir)', again);
      return { passed: passedFirst && passedAgain };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function report(label: string, runs: readonly StartRun[]): boolean {
  const times = runs.map((r) => r.readyMs).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const peak = Math.max(...runs.map((r) => r.peakRssMb));
  const settled = Math.max(...runs.map((r) => r.settledRssMb));
  const hwm = Math.max(...runs.map((r) => r.hwmSumMb));
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`  ${label}`);
  console.log(`    ready after           ${times.map(seconds).join(', ')}; best ${seconds(times[0]!)}, median ${seconds(median)} (target < ${seconds(TARGET_READY_MS)})`);
  console.log(`    CPU used until ready  ${runs.map((r) => `${r.cpuSeconds.toFixed(2)} s`).join(', ')} (user + system, the whole tree)`);
  console.log(`    RSS peak during start ${peak} MB (highest of the runs; target < ${TARGET_MEMORY_MB} MB)`);
  console.log(`    RSS ${SETTLE_MS / 1000} s after ready    ${settled} MB`);
  console.log(`    sum of VmHWM          ${hwm} MB (each process's own peak)`);
  return median < TARGET_READY_MS && Math.max(peak, settled, hwm) < TARGET_MEMORY_MB;
}

/** Runs `npm start` on `dataDir` until healthy, lets it settle, and stops it with Ctrl+C. */
async function startOnce(dataDir: string): Promise<StartRun> {
  const firstStart = !existsSync(dataDir);
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawnTree('npm', ['start'], {
    cwd: ROOT,
    env: { ...freshCloneEnv(), DATABASE_URL: `pglite:${dataDir}`, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const usage = new TreeUsageSampler(child.pid!);
  try {
    await healthy(child, port, () => output);
    const readyMs = performance.now() - spawnedAt;
    usage.sample();
    const cpuSeconds = usage.cpuSeconds();
    const peakRssMb = megabytes(usage.peakRssBytes());
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settledRssMb = megabytes(usage.sample());
    const hwmSumMb = megabytes(usage.hwmSumBytes());
    // A first start is timed fairly only if it loaded the demo register before it said healthy
    // (the server listens after loading it); read after the settling wait, so the log has arrived.
    if (firstStart && !output.includes('demo register loaded into the empty database')) {
      throw new Error(`npm start was healthy on an empty data directory without loading the demo register:\n${output}`);
    }
    process.kill(-child.pid!, 'SIGINT'); // Ctrl+C: the whole foreground group
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, GIVE_UP_MS))]);
    if (existsSync(`${dataDir}.lock`)) throw new Error(`npm start did not release ${dataDir}.lock on Ctrl+C:\n${output}`);
    return { readyMs, cpuSeconds, peakRssMb, settledRssMb, hwmSumMb };
  } finally {
    usage.stop();
    killTree(child);
  }
}

/** Polls /healthz until it answers 200 with status ok; fails if the process exits or hangs. */
async function healthy(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = performance.now() + GIVE_UP_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start exited before it was healthy:\n${output()}`);
    if (performance.now() > deadline) throw new Error(`npm start was not healthy within ${GIVE_UP_MS} ms:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200 && ((await response.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** This environment less every setting the product reads (.env.example names them), as on a fresh clone. */
function freshCloneEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const names = readFileSync(path.join(ROOT, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm);
  for (const [, name] of names) delete env[name!];
  delete env.CLOCK_START;
  delete env.TEST_DATABASE_URL;
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
