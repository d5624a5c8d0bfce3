/**
 * Applies the committed migrations (prisma/migrations/<name>/migration.sql) that the database has
 * not yet recorded: the equivalent of `prisma migrate deploy`, without Prisma's native engine.
 *
 * It keeps Prisma's own bookkeeping table, `_prisma_migrations`, with the same checksums, so the
 * standard Prisma CLI sees a database migrated here as up to date and a council's DBA can take over
 * with the usual tools. Each migration runs in its own transaction under an advisory lock, so two
 * instances starting together on one PostgreSQL apply each migration once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { SqlExecutor, SqlSession } from './sql-executor';

export interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: string[];
  readonly alreadyApplied: number;
}

export class MigrationError extends Error {}

/** Arbitrary, fixed: identifies "migrating this schema" among advisory locks. */
const MIGRATION_LOCK_KEY = 727_246_000_001;

const BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function readMigrations(migrationsDir: string): Migration[] {
  if (!existsSync(migrationsDir)) throw new MigrationError(`No migrations folder at ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function applyMigrations(sql: SqlExecutor, migrations: readonly Migration[]): Promise<MigrationReport> {
  // Every start but the first finds everything applied: one read says so, where the loop below
  // takes a transaction, a lock and three statements per migration. Anything else (a pending,
  // failed or edited migration) goes the careful way, which also reports it.
  if (await allApplied(sql, migrations)) return { applied: [], alreadyApplied: migrations.length };
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    const didApply = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await tx.exec(BOOKKEEPING_TABLE);
      const rows = await tx.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
      );
      const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
      if (failed) {
        throw new MigrationError(
          `Migration ${failed.migration_name} failed earlier and was never resolved, so no further migration is applied ` +
            `(as Prisma's P3009). Fix the database, then mark it with \`prisma migrate resolve\`.`,
        );
      }
      const done = rows.find((row) => row.migration_name === migration.name && row.finished_at !== null);
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
              `Never edit an applied migration: restore it and add a new one.`,
          );
        }
        return false;
      }
      const id = randomUUID();
      await tx.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
        [id, migration.checksum, migration.name],
      );
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      await tx.query(
        'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
        [id],
      );
      return true;
    });
    if (didApply) applied.push(migration.name);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}

/** True when every migration is recorded as finished with its checksum, and none has failed. */
async function allApplied(sql: SqlExecutor, migrations: readonly Migration[]): Promise<boolean> {
  return (await pendingMigrations(sql, migrations)).length === 0;
}

/**
 * The migrations this code has that the database has not finished with this checksum (all of them
 * on a database never migrated); also any migration left failed. Read-only: SELECT on the
 * bookkeeping table is all it needs, so the server's own role can check what it cannot change.
 */
export async function pendingMigrations(sql: SqlSession, migrations: readonly Migration[]): Promise<string[]> {
  const [table] = await sql.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
  if (!table?.exists) return migrations.map((migration) => migration.name);
  const rows = await sql.query<AppliedRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"');
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null).map((row) => row.migration_name);
  const finished = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row.checksum]));
  const missing = migrations.filter((migration) => finished.get(migration.name) !== migration.checksum).map((migration) => migration.name);
  return [...new Set([...failed, ...missing])];
}
