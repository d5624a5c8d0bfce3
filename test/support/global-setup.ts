/**
 * Builds one migrated database template per backend before any test runs, so each test starts from
 * a fresh copy in well under a second instead of migrating its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../../src/db/open-database';
import { applyMigrations, readMigrations } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/paths';
import path from 'node:path';
import { OUTPUT_DIR, RUN_TEMPLATE_ENV } from './test-paths';
import { adminQuery, databaseUrlFor } from './postgres-admin';

export default async function globalSetup(): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const migrations = readMigrations(migrationsDir());

  const embedded = await openDatabase('pglite:memory', { purpose: 'test template' });
  await applyMigrations(embedded.sql, migrations);
  const dump = await embedded.dumpEmbedded();
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const pgliteTemplate = path.join(OUTPUT_DIR, `pglite-template-${runId}.tar.gz`);
  writeFileSync(pgliteTemplate, Buffer.from(await dump!.arrayBuffer()));
  process.env[RUN_TEMPLATE_ENV.pglite] = pgliteTemplate;
  await embedded.close();

  if (process.env.TEST_DATABASE_URL) {
    const name = `perfbot_template_${runId}`;
    process.env[RUN_TEMPLATE_ENV.postgres] = name;
    await adminQuery(`CREATE DATABASE ${name}`);
    const template = await openDatabase(databaseUrlFor(name), { purpose: 'test template' });
    await applyMigrations(template.sql, migrations);
    await template.close();
  }
}
