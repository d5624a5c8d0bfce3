/**
 * `npm run report -- "2026/27 Q2" [--edition committee|public] [--out dir]` as a person runs it:
 * the files written are the files stored, bad input is refused with the usage and exit code 2
 * before the database is opened, and every run stores a new pack.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript } from '../support/child-process';
import { BACKENDS, openTestDatabase } from '../support/test-database';
import { openMigratedDatabase } from '../../src/db/open-migrated-database';
import { Store } from '../../src/db/store';
import { loadDemoData } from '../../src/demo/load-demo-data';

const TODAY = new Date('2026-10-20T10:00:00Z');

/** A database of this backend holding the demo register, as a URL the command can open, and a way to look inside it afterwards. */
async function demoDatabase(backend: string): Promise<{ url: string; withStore<T>(work: (store: Store) => Promise<T>): Promise<T>; drop(): Promise<void> }> {
  if (backend === 'embedded') {
    const url = `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-report-')), 'pgdata')}`;
    const database = await openMigratedDatabase(url, 'test set-up');
    await loadDemoData(new Store(database.prisma), TODAY).finally(() => database.close());
    return {
      url,
      // The embedded database takes one process at a time: open it only once the command has exited.
      withStore: async (work) => { const db = await openMigratedDatabase(url, 'test check'); try { return await work(new Store(db.prisma)); } finally { await db.close(); } },
      drop: async () => {},
    };
  }
  const db = await openTestDatabase('postgres');
  await loadDemoData(db.store, TODAY);
  return { url: db.url!, withStore: (work) => work(db.store), drop: db.close };
}

describe.each(BACKENDS)('npm run report [%s]', (backend) => {
  let database: Awaited<ReturnType<typeof demoDatabase>> | null = null;
  const report = (...args: string[]) => runScript('src/cli/report.ts', args, { DATABASE_URL: database!.url, CLOCK_START: TODAY.toISOString() });

  beforeAll(async () => {
    database = await demoDatabase(backend);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('writes the committee pack (Word and Excel) into --out, the same bytes as it stored, and prints each path and size', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'perfbot-report-out-'));
    const run = await report('2026/27 Q2', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const names = ['performance-report-2026-27-q2-committee.docx', 'performance-report-2026-27-q2-data.xlsx'];
    expect(readdirSync(out).sort()).toEqual(names);
    for (const name of names) {
      const onDisk = readFileSync(path.join(out, name));
      expect(onDisk.byteLength).toBeGreaterThan(0);
      expect(run.stdout).toContain(`${path.join(out, name)}  ${onDisk.byteLength} bytes`);
    }
    const packs = await database!.withStore((store) => store.repos.reportPacks.list());
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({ quarter: '2026/27 Q2', edition: 'committee', generatedById: null });
    for (const name of names) {
      const stored = await database!.withStore((store) => store.repos.reportPacks.file(packs[0]!.id, name));
      expect(Buffer.from(stored!.bytes).equals(readFileSync(path.join(out, name)))).toBe(true);
    }
  });

  it('writes the public pack (web page and open-data CSV) with --edition public, and keeps the earlier pack', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'perfbot-report-out-'));
    const run = await report('Q2 2026/27', '--edition', 'public', '--out', out);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['performance-report-2026-27-q2-open-data.csv', 'performance-report-2026-27-q2-public.html']);
    const packs = await database!.withStore((store) => store.repos.reportPacks.list());
    expect(packs.map((p) => p.edition).sort()).toEqual(['committee', 'public']);
  });

  it.each([
    [['2026-09'], /"2026-09" is a month: a report is for a financial quarter such as "2026\/27 Q2"/],
    [['2026/27'], /"2026\/27" is a year: a report is for a financial quarter such as "2026\/27 Q2"/],
    [[], /Say which quarter, such as "2026\/27 Q2"/],
    [['2026/27 Q2', '--edition', 'draft'], /--edition is committee or public, not "draft"/],
    [['2026/27 Q5'], /There is no quarter 5/],
  ])('refuses %j with exit code 2, what to fix and the usage', async (args, message) => {
    const run = await report(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: npm run report -- "2026/27 Q2" [--edition committee|public] [--out dir]');
  });
});
