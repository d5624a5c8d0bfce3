/**
 * `npm start` itself, as a newcomer runs it after `npm install`: the server compiled to
 * dist/main.js (no TypeScript compiler, no tsx, no esbuild at run time), on a new embedded
 * database with the demo register, stopped with Ctrl+C. The other end-to-end tests run the same
 * code from source (test/support/child-process.ts startServer).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHILD_PATIENCE_MS, startWithNpm, type RunningServer } from '../support/child-process';
import { commandsInGroup } from '../support/process-tree';
import { CLOCK_START_ENV } from '../support/clock-start';

describe('npm start', () => {
  let dir: string;
  let server: RunningServer | null = null;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-npm-start-'));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the compiled server, healthy with the demo register on a new embedded database', async () => {
    server = await startWithNpm({ ...CLOCK_START_ENV, DATABASE_URL: `pglite:${path.join(dir, 'pgdata')}` });
    const response = await fetch(`${server.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' });
    expect(server.output()).toMatch(/demo register loaded into the empty database/);

    const commands = commandsInGroup(server.process.pid!);
    expect(commands).toContainEqual(expect.stringMatching(/^node .*dist\/main\.js$/));
    expect(commands.filter((command) => /tsx|esbuild|src\/main\.ts/.test(command))).toEqual([]);
  });

  it('serves the tab script it was compiled with, running no bundler', async () => {
    const response = await fetch(`${server!.baseUrl}/tab/assets/tab.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect((await response.text()).length).toBeGreaterThan(10_000);
    expect(commandsInGroup(server!.process.pid!).filter((command) => /esbuild/.test(command))).toEqual([]);
  });

  it('stops cleanly on Ctrl+C and releases the database', async () => {
    const running = server!;
    server = null;
    await running.stop();
    expect(running.output()).toMatch(/"signal":"SIGINT".*"msg":"shutting down"/);
    expect(running.output()).not.toMatch(/shutdown failed/);
    expect(existsSync(path.join(dir, 'pgdata.lock'))).toBe(false);
  });

  it('stops cleanly when a process manager sends SIGTERM to npm alone: the signal reaches the server', async () => {
    const running = await startWithNpm(
      { ...CLOCK_START_ENV, DATABASE_URL: `pglite:${path.join(dir, 'pgdata')}` }, CHILD_PATIENCE_MS, 'SIGTERM to npm',
    );
    const npm = running.process.pid!;
    const exited = new Promise<number | null>((resolve) => running.process.once('exit', (code) => resolve(code)));
    try {
      process.kill(npm, 'SIGTERM');
      // npm answers with the server's own exit code once the server has stopped, not before.
      expect(await exited).toBe(0);
      expect(running.output()).toMatch(/"signal":"SIGTERM".*"msg":"shutting down"/);
      expect(running.output()).toMatch(/"msg":"stopped"/);
      // Nothing left running in npm's process group: the server did not outlive npm.
      expect(commandsInGroup(npm)).toEqual([]);
      expect(existsSync(path.join(dir, 'pgdata.lock'))).toBe(false);
    } finally {
      await running.stop();
    }
  });
});
