/**
 * A large council's database for a benchmark's server: a fresh embedded data directory, migrated,
 * filled in SQL with the register (test/support/large-register-sql.ts) and, when asked, October
 * 2026 open for entry as the cycle opens it. Generated at every run; nothing big is committed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openMigratedDatabase } from '../../src/db/open-migrated-database';
import { writeLargeRegister, type LargeRegisterSize } from '../../test/support/large-register-sql';
import type { SqlSession } from '../../src/db/sql-executor';

export interface LargeDatabase {
  readonly url: string;
  drop(): void;
}

export async function largeDatabase(
  name: string,
  size: LargeRegisterSize,
  more: (sql: SqlSession) => Promise<void> = async () => {},
): Promise<LargeDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `perfbot-bench-${name}-`));
  const url = `pglite:${path.join(dir, 'pgdata')}`;
  const database = await openMigratedDatabase(url, `${name} benchmark set-up`);
  try {
    await writeLargeRegister(database.sql, size);
    await more(database.sql);
  } finally {
    await database.close();
  }
  return { url, drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** October 2026 open for entry, with its deadline, as the open step leaves it. */
export async function openOctober(sql: SqlSession): Promise<void> {
  await sql.query(`INSERT INTO "reporting_period" ("period", "opened_at", "deadline") VALUES ('2026-10', $1, $2)`, [
    new Date('2026-11-02T09:00:00Z'),
    new Date('2026-11-13T17:00:00Z'),
  ]);
}
