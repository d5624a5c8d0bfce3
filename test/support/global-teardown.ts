import { adminQuery } from './postgres-admin';
import { POSTGRES_TEMPLATE_DB } from './test-paths';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) await adminQuery(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`);
}
