import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir, DatabaseInUseError } from '../../../src/db/data-dir-lock';

describe('the embedded database lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lock-')), 'pgdata');
  });

  it('lets one holder in and tells a second who holds it', () => {
    const lock = lockDataDir(dataDir, 'bot server');
    expect(() => lockDataDir(dataDir, 'register import')).toThrow(DatabaseInUseError);
    try {
      lockDataDir(dataDir, 'register import');
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`in use by another process \\(pid ${process.pid}, bot server`));
      expect((error as Error).message).toMatch(/nothing was done/);
    }
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    lockDataDir(dataDir, 'register import').release();
  });

  it('takes over a lock left by a process that has died', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: deadPid, host: os.hostname(), purpose: 'bot server', since: '2026-11-01T09:00:00Z' }));

    const lock = lockDataDir(dataDir, 'register import');

    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'register import' });
    lock.release();
  });

  it('takes over a half-written lock file', () => {
    writeFileSync(`${dataDir}.lock`, '{"pid": 12');
    lockDataDir(dataDir, 'migrations').release();
  });
});
