/**
 * `npm run audit:export -- <period> [--out file.csv]` as a person runs it (#16): the demo's audit
 * trail for a month written as a CSV that reads back with a real CSV parser, with the figures
 * corrected that month; bad input refused with the usage and exit code 2 before the database opens.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runScript } from '../support/child-process';
import { BACKENDS, openTestDatabase } from '../support/test-database';
import { openMigratedDatabase } from '../../src/db/open-migrated-database';
import { Store } from '../../src/db/store';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { AUDIT_CSV_HEADERS } from '../../src/app/data-quality/audit-trail-csv';

const TODAY = new Date('2026-10-20T10:00:00Z');

async function demoDatabaseUrl(backend: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (backend === 'embedded') {
    const url = `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-audit-')), 'pgdata')}`;
    const database = await openMigratedDatabase(url, 'test set-up');
    await loadDemoData(new Store(database.prisma), TODAY).finally(() => database.close());
    return { url, drop: async () => {} };
  }
  const db = await openTestDatabase('postgres');
  await loadDemoData(db.store, TODAY);
  return { url: db.url!, drop: db.close };
}

describe.each(BACKENDS)('npm run audit:export [%s]', (backend) => {
  let database: { url: string; drop(): Promise<void> } | null = null;
  const exportAudit = (...args: string[]) => runScript('src/cli/audit-export.ts', args, { DATABASE_URL: database?.url ?? 'pglite:/nonexistent', CLOCK_START: TODAY.toISOString() });

  beforeAll(async () => {
    database = await demoDatabaseUrl(backend);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('writes the month\'s audit trail to --out as a CSV that reads back, the demo\'s correction among it', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-audit-out-')), 'audit.csv');
    // The demo corrects FIN03's figure two months before its open month (September 2026): July 2026.
    const run = await exportAudit('2026-07', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...AUDIT_CSV_HEADERS]);
    expect(run.stdout).toContain(`${rows.length} audit entries for 2026-07 written to ${out}`);
    expect(rows.filter((r) => r.Action === 'value.created').length).toBeGreaterThan(5);
    const corrected = rows.filter((r) => r.Action === 'value.corrected');
    expect(corrected).toEqual([expect.objectContaining({ Indicator: 'FIN03', 'Value before': '79.2', Version: '2' })]);
    expect(rows.every((r) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(r['When (UTC)']!))).toBe(true);
  });

  it.each([
    [[], /Name the period/],
    [['2026-13'], /"2026-13" is not a period/],
    [['2026-08', '--out'], /--out needs a file name/],
    [['2026-08', '--csv'], /Unknown option --csv/],
  ])('refuses %p with the usage and exit code 2, writing nothing', async (args, message) => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'perfbot-audit-bad-'));
    const run = await exportAudit(...(args as string[]));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Usage: npm run audit:export/);
    expect(existsSync(path.join(cwd, 'audit-2026-08.csv'))).toBe(false);
  });
});
