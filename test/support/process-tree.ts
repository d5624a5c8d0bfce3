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
import { readFileSync, readdirSync } from 'node:fs';

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

/**
 * Sends `signal` to the script a `tsx` wrapper runs (its child), or to the child itself when it has
 * none. tsx relays a signal sent to it only if the script acknowledges it within 30 ms, and
 * otherwise SIGKILLs the script (exit 143): on a loaded machine a clean shutdown would then be a coin
 * toss. Signalled directly, as a process manager would, the script shuts down on its own handler
 * and tsx exits with its exit code.
 */
export function signalScript(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  const targets = childrenOf(child.pid);
  for (const pid of targets.length > 0 ? targets : [child.pid]) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** The command lines of every process in the process group `pgid` (a spawnTree child's pid). */
export function commandsInGroup(pgid: number): string[] {
  const commands: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const group = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[2]);
      if (group === pgid) commands.push(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim());
    } catch {
      // gone meanwhile
    }
  }
  return commands;
}

/** Kills every tree still remembered; returns how many there were. */
export function killAllTrees(): number {
  const count = live.size;
  for (const child of [...live]) killTree(child);
  return count;
}

process.on('exit', killAllTrees);
