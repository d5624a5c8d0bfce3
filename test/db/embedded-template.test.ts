/**
 * A new embedded data directory starts as a copy of an initialised, empty one (made by `npm install`
 * in dist/) instead of running initdb; and PGlite runs with the memory settings we chose.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTemplate, seedFromTemplate } from '../../src/db/embedded-template';
import { openMigratedDatabase } from '../../src/db/open-migrated-database';
import { readMigrations } from '../../src/db/migrate';
import { migrationsDir } from '../../src/db/paths';
import { PGLITE_SETTINGS } from '../../src/db/pglite-settings';

describe('the embedded database template', () => {
  let dir: string;
  let template: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-template-'));
    template = path.join(dir, 'dist', 'pglite-template-test');
    expect(await buildTemplate(template)).toEqual({ built: true, dir: template });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is made once, and a new data directory is a copy of it that migrates and works', async () => {
    expect(await buildTemplate(template)).toEqual({ built: false, dir: template });
    const dataDir = path.join(dir, 'new', 'pgdata');

    expect(seedFromTemplate(dataDir, template)).toBe(true);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(path.dirname(dataDir))).toEqual(['pgdata']); // nothing left beside it

    const applied: string[][] = [];
    const database = await openMigratedDatabase(`pglite:${dataDir}`, 'test', (names) => applied.push(names));
    try {
      expect(applied).toEqual([readMigrations(migrationsDir()).map((m) => m.name)]);
      expect(await database.prisma.indicator.count()).toBe(0);
    } finally {
      await database.close();
    }
    expect(seedFromTemplate(dataDir, template)).toBe(false);
  });

  it('fills an empty directory, cleaning up a copy a killed process left half way', () => {
    const dataDir = path.join(dir, 'empty', 'pgdata');
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(`${dataDir}.seeding-999999`);
    writeFileSync(path.join(`${dataDir}.seeding-999999`, 'PG_VERSION'), 'half');

    expect(seedFromTemplate(dataDir, template)).toBe(true);
    expect(existsSync(path.join(dataDir, 'global'))).toBe(true);
    expect(readdirSync(path.dirname(dataDir))).toEqual(['pgdata']);
  });

  it('leaves a directory holding anything alone', () => {
    const dataDir = path.join(dir, 'used', 'pgdata');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');

    expect(seedFromTemplate(dataDir, template)).toBe(false);
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
  });

  it('copies nothing when there is no template (PGlite then runs initdb)', () => {
    const dataDir = path.join(dir, 'no-template', 'pgdata');
    expect(seedFromTemplate(dataDir, path.join(dir, 'dist', 'pglite-template-none'))).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('runs PostgreSQL with our memory settings', async () => {
    const dataDir = path.join(dir, 'settings', 'pgdata');
    seedFromTemplate(dataDir, template);
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
