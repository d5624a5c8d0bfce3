import { openDatabase, type Database, type PostgresOptions } from './open-database';
import { applyMigrations, pendingMigrations, readMigrations, MigrationError } from './migrate';
import { migrationsDir } from './paths';

/**
 * Opens the database for one process and brings it up to date with prisma/migrations. The server
 * (with MIGRATE_ON_START) and every command go through here, so none can run against a database
 * older than its code.
 */
export async function openMigratedDatabase(
  databaseUrl: string,
  purpose: string,
  onApplied: (names: string[]) => void = () => {},
  postgres?: PostgresOptions,
): Promise<Database> {
  const database = await openDatabase(databaseUrl, { purpose, ...(postgres ? { postgres } : {}) });
  try {
    const report = await applyMigrations(database.sql, readMigrations(migrationsDir()));
    if (report.applied.length > 0) onApplied(report.applied);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Opens the database without changing its schema (MIGRATE_ON_START=false: the server's role may
 * only read and write rows) and refuses, naming the release step, unless it is already at this
 * code's latest migration.
 */
export async function openCurrentDatabase(databaseUrl: string, purpose: string, postgres?: PostgresOptions): Promise<Database> {
  const database = await openDatabase(databaseUrl, { purpose, ...(postgres ? { postgres } : {}) });
  try {
    const pending = await pendingMigrations(database.sql, readMigrations(migrationsDir()));
    if (pending.length > 0) {
      throw new MigrationError(
        `The ${database.description} is not at the latest migration: ${pending.length} not applied (${pending.join(', ')}). ` +
          'MIGRATE_ON_START is false, so this process does not change the schema itself: run `npm run db:migrate` ' +
          '(the release step, as a role that may change the schema), then start it again.',
      );
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
