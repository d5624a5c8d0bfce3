/**
 * A new embedded data directory starts as a copy of an initialised, migrated, empty one (made by
 * `npm install` in dist/) instead of running initdb and every migration; and PGlite runs with the
 * memory settings we chose.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTemplate, seedFromTemplate } from '../../src/db/embedded-template';
import { openMigratedDatabase } from '../../src/db/open-migrated-database';
import { readMigrations, type Migration } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/paths';
import { PGLITE_SETTINGS } from '../../src/db/pglite-settings';

describe('the embedded database template', () => {
  const migrations = readMigrations(migrationsDir());
  let dir: string;
  let template: string;

  /** Opens `dataDir` as the server does; returns the migrations that opening applied. */
  async function openAndCount(dataDir: string): Promise<{ applied: string[]; indicators: number }> {
    const applied: string[] = [];
    const database = await openMigratedDatabase(`pglite:${dataDir}`, 'test', (names) => applied.push(...names));
    try {
      return { applied, indicators: await database.prisma.indicator.count() };
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-template-'));
    template = path.join(dir, 'dist', 'pglite-template-test');
    expect(await buildTemplate(template, migrations)).toEqual({ built: true, dir: template });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is made once, and a new data directory is a copy of it, migrated and empty', async () => {
    expect(await buildTemplate(template, migrations)).toEqual({ built: false, dir: template });
    const dataDir = path.join(dir, 'new', 'pgdata');

    expect(seedFromTemplate(dataDir, template, migrations)).toBe(true);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(path.dirname(dataDir))).toEqual(['pgdata']); // nothing left beside it
    expect(await openAndCount(dataDir)).toEqual({ applied: [], indicators: 0 });
    expect(seedFromTemplate(dataDir, template, migrations)).toBe(false);
  });

  it('is used when it holds the first of our migrations; opening applies the rest', async () => {
    const older = path.join(dir, 'older', 'pglite-template-test');
    await buildTemplate(older, migrations.slice(0, 2));
    const dataDir = path.join(dir, 'behind', 'pgdata');

    expect(seedFromTemplate(dataDir, older, migrations)).toBe(true);
    expect(await openAndCount(dataDir)).toEqual({ applied: migrations.slice(2).map((m) => m.name), indicators: 0 });
  });

  it('is not used when a migration it holds has changed or is not ours', () => {
    const edited: Migration[] = [{ ...migrations[0]!, checksum: '0'.repeat(64) }, ...migrations.slice(1)];
    expect(seedFromTemplate(path.join(dir, 'edited', 'pgdata'), template, edited)).toBe(false);
    expect(seedFromTemplate(path.join(dir, 'fewer', 'pgdata'), template, migrations.slice(1))).toBe(false);
    expect(existsSync(path.join(dir, 'edited'))).toBe(false);
    expect(existsSync(path.join(dir, 'fewer'))).toBe(false);
  });

  it('is rebuilt when our migrations are not the ones it holds', async () => {
    const other = path.join(dir, 'rebuilt', 'pglite-template-test');
    await buildTemplate(other, migrations.slice(0, 1));
    expect(await buildTemplate(other, migrations)).toEqual({ built: true, dir: other });
    expect(JSON.parse(readFileSync(`${other}.json`, 'utf8')).migrations).toHaveLength(migrations.length);
  });

  it('fills an empty directory, cleaning up a copy a killed process left half way', () => {
    const dataDir = path.join(dir, 'empty', 'pgdata');
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(`${dataDir}.seeding-999999`);
    writeFileSync(path.join(`${dataDir}.seeding-999999`, 'PG_VERSION'), 'half');

    expect(seedFromTemplate(dataDir, template, migrations)).toBe(true);
    expect(existsSync(path.join(dataDir, 'global'))).toBe(true);
    expect(readdirSync(path.dirname(dataDir))).toEqual(['pgdata']);
  });

  it('leaves a directory holding anything alone', () => {
    const dataDir = path.join(dir, 'used', 'pgdata');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');

    expect(seedFromTemplate(dataDir, template, migrations)).toBe(false);
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
  });

  it('copies nothing when there is no template (PGlite then runs initdb)', () => {
    const dataDir = path.join(dir, 'no-template', 'pgdata');
    expect(seedFromTemplate(dataDir, path.join(dir, 'dist', 'pglite-template-none'), migrations)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('runs PostgreSQL with our memory settings', async () => {
    const dataDir = path.join(dir, 'settings', 'pgdata');
    seedFromTemplate(dataDir, template, migrations);
    const database = await openMigratedDatabase(`pglite:${dataDir}`, 'test');
    try {
      for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
        const [row] = await database.sql.query<Record<string, string>>(`SHOW ${name}`);
        expect(row![name]).toBe(value);
      }
    } finally {
      await database.close();
    }
  });
});
