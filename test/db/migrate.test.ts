import { createHash } from 'node:crypto';
import { openDatabase } from '../../src/db/open-database';
import { applyMigrations, readMigrations, MigrationError, type Migration } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/paths';
import { BACKENDS } from '../support/test-database';
import { adminQuery, databaseUrlFor, untilDisconnected } from '../support/postgres-admin';

const migration = (name: string, sql: string): Migration => ({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });

/** An empty, unmigrated database of each backend. */
async function emptyDatabase(backend: string) {
  if (backend === 'embedded') return { database: await openDatabase('pglite:memory', { purpose: 'test' }), drop: async () => {} };
  const name = `perfbot_migrate_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { database: await openDatabase(databaseUrlFor(name), { purpose: 'test' }), drop: async () => { await untilDisconnected(name); await adminQuery(`DROP DATABASE ${name} WITH (FORCE)`); } };
}

describe.each(BACKENDS)('migrations [%s]', (backend) => {
  let subject: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeEach(async () => {
    subject = await emptyDatabase(backend);
  });
  afterEach(async () => {
    await subject.database.close();
    await subject.drop();
  });

  it("applies the committed migrations once, recording them in Prisma's own table", async () => {
    const migrations = readMigrations(migrationsDir());
    expect(await applyMigrations(subject.database.sql, migrations)).toEqual({ applied: migrations.map((m) => m.name), alreadyApplied: 0 });
    expect(await applyMigrations(subject.database.sql, migrations)).toEqual({ applied: [], alreadyApplied: migrations.length });

    const rows = await subject.database.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toEqual(migrations.map((m) => expect.objectContaining({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    expect(await subject.database.prisma.indicator.count()).toBe(0);
  });

  it('rolls back a failing migration entirely and stops there', async () => {
    const good = migration('20260101000000_good', 'CREATE TABLE good_table (id int);');
    const bad = migration('20260102000000_bad', 'CREATE TABLE half_done (id int); SELECT no_such_function();');
    const later = migration('20260103000000_later', 'CREATE TABLE later_table (id int);');

    await expect(applyMigrations(subject.database.sql, [good, bad, later])).rejects.toThrow(/20260102000000_bad failed and was rolled back/);

    const tables = await subject.database.sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'good_table']);
  });

  it('refuses to go on when an applied migration has been edited', async () => {
    await applyMigrations(subject.database.sql, [migration('20260101000000_one', 'CREATE TABLE one (id int);')]);
    await expect(
      applyMigrations(subject.database.sql, [migration('20260101000000_one', 'CREATE TABLE one (id bigint);')]),
    ).rejects.toThrow(MigrationError);
  });

  it('refuses to go past a migration that an earlier tool left failed (P3009)', async () => {
    await applyMigrations(subject.database.sql, [migration('20260101000000_one', 'SELECT 1;')]);
    await subject.database.sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'y', '20260102000000_broken')`,
    );
    await expect(applyMigrations(subject.database.sql, [migration('20260103000000_two', 'SELECT 1;')])).rejects.toThrow(/20260102000000_broken failed earlier/);
  });
});
