/** MIGRATE_ON_START=false: a process opens only a database already at its code's latest migration. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCurrentDatabase, openMigratedDatabase } from '../../src/db/open-migrated-database';
import { MigrationError, readMigrations } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/paths';
import { BACKENDS } from '../support/test-database';
import { adminQuery, databaseUrlFor, untilDisconnected } from '../support/postgres-admin';

/** The URL of an empty, never migrated database of this backend. */
async function emptyDatabase(backend: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (backend === 'embedded') {
    // In memory: a new data directory would be copied from the migrated template.
    return { url: 'pglite:memory', drop: async () => {} };
  }
  const name = `perfbot_current_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: databaseUrlFor(name), drop: async () => { await untilDisconnected(name); await adminQuery(`DROP DATABASE ${name} WITH (FORCE)`); } };
}

describe.each(BACKENDS)('opening without migrating [%s]', (backend) => {
  it('refuses a database behind the code, naming every pending migration and the release step', async () => {
    const subject = await emptyDatabase(backend);
    try {
      const error = await openCurrentDatabase(subject.url, 'test').then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      const names = readMigrations(migrationsDir()).map((m) => m.name);
      expect((error as Error).message).toContain(`${names.length} not applied (${names.join(', ')})`);
      expect((error as Error).message).toMatch(/run `npm run db:migrate` \(the release step/);
    } finally {
      await subject.drop();
    }
  });

  it('opens one that is up to date', async () => {
    const subject = backend === 'embedded'
      ? { url: `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-current-')), 'pgdata')}`, drop: async () => {} }
      : await emptyDatabase(backend);
    try {
      await (await openMigratedDatabase(subject.url, 'release step')).close();
      const database = await openCurrentDatabase(subject.url, 'test');
      try {
        expect(await database.prisma.indicator.count()).toBe(0);
      } finally {
        await database.close();
      }
    } finally {
      await subject.drop();
    }
  });
});
