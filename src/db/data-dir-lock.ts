/**
 * An exclusive lock on the embedded database's data directory.
 *
 * PGlite has no lock of its own: two processes on one directory silently lose writes. So every
 * process that opens it (server, import, migrations, cycle commands) first creates `<dir>.lock`
 * with O_EXCL. A lock left behind by a process that has died (crash, kill -9) is taken over, the
 * way PostgreSQL treats a stale postmaster.pid.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by another process (pid ${holder.pid}, ${holder.purpose}, ` +
        `since ${holder.since}). Only one process may open it at a time, so nothing was done. ` +
        `Stop that process first (for the server, Ctrl+C in its terminal), then run this again.`,
    );
  }
}

interface LockHolder {
  pid: number;
  host: string;
  purpose: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: os.hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && isAlive(holder)) throw new DatabaseInUseError(dataDir, holder);
      // The holder died without releasing: its lock no longer protects anything.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}: another process keeps taking it`);
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return null; // half-written by a process that died while writing it
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true; // cannot check another machine: assume alive
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
