/**
 * The container image, without a container engine: the Dockerfile's runtime stage is rebuilt by
 * its own instructions into a temporary directory (test/support/dockerfile.ts: its COPY lines from
 * this checkout and from the build stage, which is this checkout compiled; its `npm ci` RUN run
 * for real), then its release step and its CMD are run there, as the image would run them. It
 * proves the image holds everything the server needs, and no src/.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand, startCommand, type RunningServer } from '../support/child-process';
import { buildStage, dockerIgnores, parseDockerfile, type BuiltStage } from '../support/dockerfile';
import { CLOCK_START_ENV } from '../support/clock-start';
import { ROOT } from '../support/test-paths';

const stages = parseDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const dockerignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8');
const buildStageOf = stages.find((stage) => stage.name === 'build');
const runtimeStage = stages[stages.length - 1]!;
const workdirOf = (instructions: typeof runtimeStage.instructions) => instructions.find((i) => i.keyword === 'WORKDIR')?.args ?? '/';

/** What the image's processes see: its ENV, and nothing from this test's own settings. */
const imageEnv = (built: BuiltStage): NodeJS.ProcessEnv => ({ ...built.env, DATABASE_URL: undefined, NODE_PATH: undefined, PORT: undefined });

describe('the container image (Dockerfile), rebuilt without a container engine', () => {
  let image: string;
  let built: BuiltStage;
  let server: RunningServer | null = null;

  beforeAll(async () => {
    // The build stage's result is this checkout compiled: bring dist/ up to date, as its `npm run build` does.
    const compiled = await runCommand(process.execPath, ['scripts/build.cjs', '--if-stale']);
    if (compiled.status !== 0) throw new Error(`the build failed:\n${compiled.stdout}\n${compiled.stderr}`);
    image = mkdtempSync(path.join(os.tmpdir(), 'perfbot-image-'));
    built = await buildStage(runtimeStage, {
      context: ROOT,
      dockerignore,
      stages: { build: { dir: ROOT, workdir: workdirOf(buildStageOf?.instructions ?? []) } },
    }, image);
  });
  afterAll(async () => {
    await server?.stop();
    if (image) rmSync(image, { recursive: true, force: true });
  });

  it('builds in two stages: install, generate and compile in the first; Node.js 24, slim, to run', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    expect(runtimeStage.image).toMatch(/^node:24-[a-z]*-?slim$/);
    expect(buildStageOf!.image).toMatch(/^node:24-/);
    const buildRuns = buildStageOf!.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(buildRuns).toEqual([expect.stringMatching(/^npm ci\b/), expect.stringMatching(/prisma-generate\.cjs && npm run build$/)]);
    expect(built.runs).toEqual([expect.stringMatching(/^npm ci .*--omit=dev .*--ignore-scripts/), expect.stringMatching(/^mkdir -p \/app\/data/)]);
  });

  it('holds production dependencies, dist/, the migrations and the app package, and no sources', () => {
    expect(readdirSync(image).sort()).toEqual(['appPackage', 'data', 'dist', 'node_modules', 'package-lock.json', 'package.json', 'prisma', 'scripts']);
    expect(readdirSync(path.join(image, 'scripts'))).toEqual(['build.cjs']);
    expect(existsSync(path.join(image, 'dist', 'main.js'))).toBe(true);
    expect(readdirSync(path.join(image, 'dist')).some((name) => /^pglite-template-/.test(name))).toBe(true);
    expect(existsSync(path.join(image, 'node_modules', '@prisma', 'client'))).toBe(true);
    const devOnly = ['typescript', 'esbuild', 'tsx', 'jest', 'prisma', 'ts-jest', 'playwright-core'];
    expect(devOnly.filter((name) => existsSync(path.join(image, 'node_modules', name)))).toEqual([]);
  });

  it('runs as an unprivileged user, stops on SIGTERM, and checks readiness with node itself', () => {
    expect(built.user).toBe('node');
    expect(built.stopSignal).toBe('SIGTERM');
    expect(built.env.NODE_ENV).toBe('production');
    expect(built.cmd).toEqual(['node', '--enable-source-maps', 'dist/main.js']);
    expect(built.healthcheck?.[0]).toBe('node');
    expect(built.healthcheck?.join(' ')).toMatch(/\/readyz/);
  });

  it('keeps secrets, local data and build output out of the build context', () => {
    for (const kept of ['.env', '.env.production', '.git', 'node_modules', 'dist', 'data', 'src/generated', 'appPackage/build']) {
      expect([kept, dockerIgnores(dockerignore, kept)]).toEqual([kept, true]);
    }
    for (const sent of ['.env.example', 'src/main.ts', 'prisma/schema.prisma', 'package-lock.json', 'appPackage/manifest.json']) {
      expect([sent, dockerIgnores(dockerignore, sent)]).toEqual([sent, false]);
    }
  });

  it('runs the release step from the image: npm run db:migrate on the default database', async () => {
    const migrated = await runCommand('npm', ['run', 'db:migrate'], { cwd: image, env: imageEnv(built) });
    expect({ status: migrated.status, stderr: migrated.stderr }).toEqual({ status: 0, stderr: expect.not.stringMatching(/Error/) });
    expect(existsSync(path.join(image, 'src'))).toBe(false); // its pre-step compiled nothing
    expect(existsSync(path.join(image, 'data', 'pgdata', 'PG_VERSION'))).toBe(true);
  });

  it('serves from its CMD with no src/: ready, and the tab with its script and stylesheet', async () => {
    const [command, ...args] = built.cmd!;
    server = await startCommand(command!, args, image, { ...imageEnv(built), ...CLOCK_START_ENV, PORT: '0' });
    // /readyz once the readiness endpoint is in; /healthz before it.
    const readyz = await fetch(`${server.baseUrl}/readyz`);
    const readiness = readyz.status === 404 ? await fetch(`${server.baseUrl}/healthz`) : readyz;
    expect(readiness.status).toBe(200);
    for (const [asset, type] of [['/tab/assets/tab.js', /^application\/javascript/], ['/tab/assets/tab.css', /^text\/css/]] as const) {
      const response = await fetch(`${server.baseUrl}${asset}`);
      expect([asset, response.status, response.headers.get('content-type')]).toEqual([asset, 200, expect.stringMatching(type)]);
      expect((await response.text()).length).toBeGreaterThan(1_000);
    }
    expect(existsSync(path.join(image, 'src'))).toBe(false);

    // The HEALTHCHECK, run as Docker runs it in the container: healthy exactly when /readyz answers 200.
    const [check, ...checkArgs] = built.healthcheck!;
    const health = await runCommand(check!, checkArgs, { cwd: image, env: { ...imageEnv(built), PORT: String(server.port) } });
    expect(health.status).toBe(readyz.status === 200 ? 0 : 1);
  });

  it('stops on its STOPSIGNAL with exit code 0, releasing the embedded database', async () => {
    const running = server!;
    server = null;
    expect(await running.stop()).toBe(0);
    expect(running.output()).toMatch(/"signal":"SIGTERM"[^\n]*"msg":"shutting down"/);
    expect(existsSync(path.join(image, 'data', 'pgdata.lock'))).toBe(false);
  });

  it('makes a committee pack from the image: npm run report, its Word and Excel renderers on their worker threads', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'perfbot-image-report-'));
    try {
      const run = await runCommand('npm', ['run', '--silent', 'report', '--', '2026/27 Q2', '--out', out], { cwd: image, env: { ...imageEnv(built), ...CLOCK_START_ENV } });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      const files = readdirSync(out).sort();
      expect(files).toEqual(['performance-report-2026-27-q2-committee.docx', 'performance-report-2026-27-q2-data.xlsx']);
      for (const file of files) expect(readFileSync(path.join(out, file)).subarray(0, 2).toString('latin1')).toBe('PK'); // zip containers
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
