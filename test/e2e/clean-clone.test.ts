/**
 * The production path from a clean clone, as a council's IT team runs it without a container:
 * `npm ci && npm run build`, then src/ deleted (a server needs none of it), then
 * `npm run start:prod`, which runs node on dist/main.js with no build step and no shell left in
 * between (`exec`), so the SIGTERM a process manager sends npm reaches the server: npm passes it to
 * its child, and a shell would have died of it and left the server running. In a copy of the
 * checkout's files, never the checkout itself.
 *
 * Slow (a full npm ci): .ci/run leaves it out of its repeated end-to-end runs on other dates.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand, startCommand, type RunningServer } from '../support/child-process';
import { commandsInGroup } from '../support/process-tree';
import { CLOCK_START_ENV } from '../support/clock-start';
import { ROOT } from '../support/test-paths';

/** The files a clone holds: tracked ones, and new ones not ignored (this change, before its commit). */
function cloneFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter(Boolean))].filter((file) => existsSync(path.join(ROOT, file)));
}

describe('a clean clone: npm ci && npm run build, src/ deleted, npm run start:prod', () => {
  let clone: string;
  let server: RunningServer | null = null;
  const env = { ...CLOCK_START_ENV, DATABASE_URL: undefined, NODE_PATH: undefined };

  beforeAll(async () => {
    clone = mkdtempSync(path.join(os.tmpdir(), 'perfbot-clone-'));
    for (const file of cloneFiles()) {
      mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(clone, file));
    }
    for (const step of [['ci', '--no-audit', '--no-fund'], ['run', 'build']]) {
      const done = await runCommand('npm', step, { cwd: clone, env });
      if (done.status !== 0) throw new Error(`npm ${step.join(' ')} failed (${done.status}):\n${done.stdout}\n${done.stderr}`);
    }
    rmSync(path.join(clone, 'src'), { recursive: true });
  });
  afterAll(async () => {
    await server?.stop();
    if (clone) rmSync(clone, { recursive: true, force: true });
  });

  it('serves ready from dist/ alone, running node itself: no npm build step, no tsx, no esbuild', async () => {
    server = await startCommand('npm', ['run', 'start:prod'], clone, { ...env, PORT: '0' });
    const readyz = await fetch(`${server.baseUrl}/readyz`);
    // /readyz once the readiness endpoint is in; /healthz before it.
    const readiness = readyz.status === 404 ? await fetch(`${server.baseUrl}/healthz`) : readyz;
    expect(readiness.status).toBe(200);
    const stylesheet = await fetch(`${server.baseUrl}/tab/assets/tab.css`);
    expect(stylesheet.status).toBe(200);
    expect(existsSync(path.join(clone, 'src'))).toBe(false);

    const commands = commandsInGroup(server.process.pid!);
    expect(commands).toContainEqual('node --enable-source-maps dist/main.js');
    expect(commands.filter((command) => /tsx|esbuild|scripts\/build\.cjs|^(\/bin\/)?sh /.test(command))).toEqual([]);
  });

  it('stops with exit code 0 when npm alone is sent SIGTERM', async () => {
    const running = server!;
    server = null;
    expect(await running.stop()).toBe(0);
    expect(running.output()).toMatch(/"signal":"SIGTERM"[^\n]*"msg":"shutting down"/);
    expect(running.output()).not.toMatch(/shutdown failed/);
  });
});
