/**
 * Database tests run once per backend: the embedded database always, PostgreSQL too when
 * TEST_DATABASE_URL is set (.ci/run sets it). Each test gets a fresh, migrated, empty database.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/db/open-database';
import { Store } from '../../src/db/store';
import { runTemplate } from './test-paths';
import { adminQuery, databaseUrlFor, untilDisconnected } from './postgres-admin';

export type Backend = 'embedded' | 'postgres';

export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

export interface TestDatabase {
  readonly backend: Backend;
  readonly database: Database;
  readonly store: Store;
  /** The URL a child process (server, CLI) can open; embedded copies are in memory so have none. */
  readonly url: string | null;
  close(): Promise<void>;
}

export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'embedded') {
    const database = await openDatabase('pglite:memory', {
      purpose: 'test',
      loadDataDir: new Blob([readFileSync(runTemplate('pglite'))]),
    });
    return { backend, database, store: new Store(database.prisma), url: null, close: () => database.close() };
  }
  const name = `perfbot_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${runTemplate('postgres')}`);
  const url = databaseUrlFor(name);
  const database = await openDatabase(url, { purpose: 'test' });
  return {
    backend,
    database,
    store: new Store(database.prisma),
    url,
    close: async () => {
      await database.close();
      await untilDisconnected(name);
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * describe() once per backend; `db()` inside a test is that test's fresh database.
 *
 *   describeEachDatabase('values', (db) => {
 *     it('keeps versions', async () => { await db().store.repos.values.append(...) });
 *   });
 */
export function describeEachDatabase(title: string, body: (db: () => TestDatabase) => void): void {
  describe.each(BACKENDS)(`${title} [%s]`, (backend) => {
    let current: TestDatabase | null = null;
    beforeEach(async () => {
      current = await openTestDatabase(backend);
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });
    body(() => {
      if (!current) throw new Error('the test database is only available inside a test');
      return current;
    });
  });
}

/**
 * A database for a server the test starts as a child process: a fresh embedded data directory
 * (empty, so the server migrates it and loads the demo), or a fresh PostgreSQL database.
 */
export async function serverDatabase(backend: Backend, name: string): Promise<{ readonly url: string; close(): Promise<void> }> {
  if (backend === 'embedded') {
    return { url: `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), `perfbot-${name}-`)), 'pgdata')}`, close: async () => {} };
  }
  const db = await openTestDatabase('postgres');
  await db.database.close();
  return { url: db.url!, close: db.close };
}
