/**
 * Child processes the tests start, each the leader of its own process group, so that giving up on
 * one kills everything it started: `tsx` (what `npm start` runs) runs the real script in a
 * grandchild, which a kill of the wrapper alone would leave running after the test run.
 *
 * Every tree is remembered until it is killed: test/support/kill-strays.ts kills what a test file
 * left behind (a beforeAll that timed out, a test that failed before its stop), and the process's
 * exit kills the rest.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const live = new Set<ChildProcess>();

export function spawnTree(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  live.add(child);
  return child;
}

/** SIGKILL to the child's whole process group; nothing happens if the group has gone. */
export function killTree(child: ChildProcess): void {
  live.delete(child);
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Kills every tree still remembered; returns how many there were. */
export function killAllTrees(): number {
  const count = live.size;
  for (const child of [...live]) killTree(child);
  return count;
}

process.on('exit', killAllTrees);
