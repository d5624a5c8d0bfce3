import { rmSync } from 'node:fs';
import { adminQuery } from './postgres-admin';
import { RUN_TEMPLATE_ENV } from './test-paths';

export default async function globalTeardown(): Promise<void> {
  const pglite = process.env[RUN_TEMPLATE_ENV.pglite];
  if (pglite) rmSync(pglite, { force: true });
  const postgres = process.env[RUN_TEMPLATE_ENV.postgres];
  if (process.env.TEST_DATABASE_URL && postgres) await adminQuery(`DROP DATABASE IF EXISTS ${postgres} WITH (FORCE)`);
}
