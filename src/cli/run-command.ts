/**
 * What every command-line tool shares: read the config, open the database for one purpose, run,
 * close, and turn known failures into a clear message and an exit code instead of a stack trace.
 */
import { loadConfig, ConfigError, type Config } from '../config/config';
import { DatabaseInUseError } from '../db/data-dir-lock';
import { MigrationError } from '../db/migrate';
import type { Database } from '../db/open-database';
import { openCurrentDatabase, openMigratedDatabase } from '../db/open-migrated-database';
import { clockFor, type Clock } from '../clock';

export class UsageError extends Error {}

export interface CommandOptions {
  /**
   * `always` for `npm run db:migrate`, whose whole job it is; the other commands migrate only when
   * MIGRATE_ON_START does, as the server would (and otherwise refuse a database left behind).
   */
  readonly migrate?: 'always' | 'as-configured';
}

export async function runCommand(
  purpose: string,
  work: (context: { config: Config; database: Database; clock: Clock }) => Promise<number>,
  options: CommandOptions = {},
): Promise<void> {
  let exitCode = 1;
  try {
    const config = loadConfig();
    // On stdout with the command's own report: stderr is kept for failures.
    const clock = clockFor(config.clockStart, (message) => console.log(`Warning: ${message}`));
    const database = options.migrate === 'always' || config.migrateOnStart
      ? await openMigratedDatabase(config.databaseUrl, purpose, (applied) => console.log(`Migrated the database: ${applied.join(', ')}`), config.postgres)
      : await openCurrentDatabase(config.databaseUrl, purpose, config.postgres);
    try {
      exitCode = await work({ config, database, clock });
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseInUseError || error instanceof MigrationError) {
      console.error(error.message);
      exitCode = error instanceof UsageError ? 64 : 2;
    } else {
      console.error(error);
      exitCode = 1;
    }
  }
  process.exitCode = exitCode;
}
