/**
 * Builds one migrated database template per backend before any test runs, so each test starts from
 * a fresh copy in well under a second instead of migrating its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../../src/db/open-database';
import { applyMigrations, readMigrations } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/paths';
import { OUTPUT_DIR, PGLITE_TEMPLATE, POSTGRES_TEMPLATE_DB } from './test-paths';
import { adminQuery, databaseUrlFor } from './postgres-admin';

export default async function globalSetup(): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const migrations = readMigrations(migrationsDir());

  const embedded = await openDatabase('pglite:memory', { purpose: 'test template' });
  await applyMigrations(embedded.sql, migrations);
  const dump = await embedded.dumpEmbedded();
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump!.arrayBuffer()));
  await embedded.close();

  if (process.env.TEST_DATABASE_URL) {
    await adminQuery(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
    const template = await openDatabase(databaseUrlFor(POSTGRES_TEMPLATE_DB), { purpose: 'test template' });
    await applyMigrations(template.sql, migrations);
    await template.close();
  }
}
