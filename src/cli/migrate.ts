/**
 * npm run db:migrate: applies pending migrations to DATABASE_URL, whatever MIGRATE_ON_START says.
 * The release step for PostgreSQL, run as a role that may change the schema before the servers
 * (whose role may not) start; the embedded database's server also migrates on start.
 */
import { runCommand } from './run-command';

void runCommand('migrations', async ({ database }) => {
  console.log(`The ${database.description} is up to date with prisma/migrations.`);
  return 0;
}, { migrate: 'always' });
