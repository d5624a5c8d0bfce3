import { openDatabase, type Database } from './open-database';
import { applyMigrations, readMigrations } from './migrate';
import { migrationsDir } from './paths';

/**
 * Opens the database for one process and brings it up to date with prisma/migrations. The server
 * and every command go through here, so none can run against a database older than its code.
 */
export async function openMigratedDatabase(
  databaseUrl: string,
  purpose: string,
  onApplied: (names: string[]) => void = () => {},
): Promise<Database> {
  const database = await openDatabase(databaseUrl, { purpose });
  try {
    const report = await applyMigrations(database.sql, readMigrations(migrationsDir()));
    if (report.applied.length > 0) onApplied(report.applied);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
