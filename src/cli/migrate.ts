/** npm run db:migrate: applies pending migrations to DATABASE_URL (the server also does this on start). */
import { runCommand } from './run-command';

void runCommand('migrations', async ({ database }) => {
  console.log(`The ${database.description} is up to date with prisma/migrations.`);
  return 0;
});
