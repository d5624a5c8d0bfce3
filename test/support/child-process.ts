/**
 * Runs the product's own entry points (server, CLIs) as real child processes, as a person would,
 * each in its own process group (process-tree.ts) so a test that gives up kills all of it.
 *
 * Waits are on events (a log line, an exit), with time limits far beyond what a loaded machine
 * needs: they are there to end a hang, never to judge speed.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './test-paths';
import { killTree, signalScript, spawnTree } from './process-tree';

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** How long a command may run, or a server take to start or stop, before the test gives up on it. */
export const CHILD_PATIENCE_MS = 240_000;

export interface Finished {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a script to its end (killing its whole tree if it outlives `timeoutMs`). */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = CHILD_PATIENCE_MS): Promise<Finished> {
  return runCommand(process.execPath, [TSX, script, ...args], { cwd: ROOT, env, timeoutMs });
}

/** Runs any command to its end in `cwd` (the checkout by default), killing its whole tree if it outlives `timeoutMs`. */
export function runCommand(
  command: string, args: readonly string[], { cwd = ROOT, env = {}, timeoutMs = CHILD_PATIENCE_MS }: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawnTree(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      stderr += `\n[test] gave up after ${timeoutMs} ms and killed the process tree`;
      killTree(child);
    }, timeoutMs);
    child.once('close', (status) => {
      clearTimeout(timer);
      killTree(child); // anything it left in its group goes with it
      resolve({ status, stdout, stderr });
    });
  });
}

export interface RunningServer {
  readonly process: ChildProcess;
  readonly port: number;
  readonly baseUrl: string;
  /** Everything the server has logged so far. */
  output(): string;
  /**
   * The server's time now, at the latest: its clock started at CLOCK_START (when set) no earlier
   * than it was spawned, and runs on in real time; the system's time when CLOCK_START is not set.
   */
  clockNow(): Date;
  /** Asks the server to stop and waits for the exit code of what was started; one that does not stop is killed (null). */
  stop(): Promise<number | null>;
}

/**
 * Starts src/main.ts from source (the code `npm start` runs, compiled) and resolves once it logs
 * that it is listening; stop() sends SIGTERM to the script, as a process manager would.
 */
export function startServer(env: NodeJS.ProcessEnv, timeoutMs = CHILD_PATIENCE_MS): Promise<RunningServer> {
  return launchServer(process.execPath, [TSX, '--no-deprecation', 'src/main.ts'], env, timeoutMs, (child) => signalScript(child, 'SIGTERM'));
}

/**
 * Runs `npm start` itself, as a person does (the build check, then the compiled dist/main.js), and
 * resolves once the server is listening; stop() is Ctrl+C: SIGINT to the whole process group, or
 * with `stopWith: 'SIGTERM to npm'` what a process manager does: SIGTERM to npm alone.
 */
export function startWithNpm(
  env: NodeJS.ProcessEnv, timeoutMs = CHILD_PATIENCE_MS, stopWith: 'Ctrl+C' | 'SIGTERM to npm' = 'Ctrl+C',
): Promise<RunningServer> {
  return launchServer('npm', ['start'], env, timeoutMs, (child) =>
    stopWith === 'Ctrl+C' ? process.kill(-child.pid!, 'SIGINT') : process.kill(child.pid!, 'SIGTERM'),
  );
}

/**
 * Starts a compiled server the way a container or a process manager does: `command` (the
 * Dockerfile's CMD, `npm run start:prod`) in `cwd`, which need not be the checkout; resolves once it
 * is listening. stop() sends SIGTERM (the image's STOPSIGNAL) to that one process, as `docker stop`
 * does to the container's first process, so it must reach the server from there.
 */
export function startCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = CHILD_PATIENCE_MS): Promise<RunningServer> {
  return launchServer(command, args, env, timeoutMs, (child) => process.kill(child.pid!, 'SIGTERM'), cwd);
}

function launchServer(
  command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number, signalStop: (child: ChildProcess) => void, cwd = ROOT,
): Promise<RunningServer> {
  const spawnedAt = Date.now();
  const clockNow = () => (env.CLOCK_START ? new Date(Date.parse(env.CLOCK_START) + (Date.now() - spawnedAt)) : new Date());
  const child = spawnTree(command, args, {
    cwd,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) signalStop(child);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)))]);
    clearTimeout(timer);
    killTree(child);
    return code;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killTree(child);
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+),"msg":"listening"/.exec(output);
      if (match) {
        clearTimeout(timer);
        const port = Number(match[1]);
        resolve({ process: child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, clockNow, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      killTree(child);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}
