/**
 * The tab's Data quality page service (#16) on the demo register loaded on 20 October 2026, on both
 * databases: the period it opens on (the latest month whose window has closed; else the latest month
 * with figures), the months offered, a period asked for, the audit trail's file, and the refusal of
 * anyone outside the performance team.
 */
import { loadDemoData } from '../../src/demo/load-demo-data';
import { DataQualityPageService, DataQualityRefusal } from '../../src/app/data-quality/data-quality-page-service';
import { auditTrailCsv } from '../../src/app/data-quality/audit-trail-csv';
import { loadDataQuality } from '../../src/app/data-quality/data-quality-report';
import { buildDataQualityView } from '../../src/app/data-quality/data-quality-view';
import type { Viewer } from '../../src/app/scorecard/tab-viewer';
import { parsePeriod, type Period } from '../../src/domain/periods';
import { describeEachDatabase } from '../support/test-database';

const NOW = new Date('2026-10-20T10:00:00Z');
const admin: Viewer = { personId: null, name: 'Robert Hughes', email: 'robert.hughes@fenmarsh.gov.uk', isAdmin: true };
const reader: Viewer = { personId: null, name: 'Cllr Margaret Ellis', email: 'margaret.ellis@fenmarsh.gov.uk', isAdmin: false };
const period = (text: string): Period => (parsePeriod(text) as { ok: true; value: Period }).value;

describeEachDatabase('the Data quality page', (db) => {
  const service = () => new DataQualityPageService(db().store, { now: () => NOW });

  beforeEach(async () => {
    await loadDemoData(db().store, NOW);
  });

  it('opens on the latest month whose reporting window has closed, and offers the months newest first', async () => {
    const windows = await db().store.repos.periods.list();
    const latestClosed = windows
      .filter((w) => /^\d{4}-\d{2}$/.test(w.period) && w.closedAt !== null && w.closedAt <= NOW)
      .map((w) => w.period)
      .sort()
      .at(-1);
    expect(latestClosed).toBe('2026-08');

    const page = await service().page(admin, null);
    expect(page.period).toBe('2026-08');
    expect(page.viewer.isAdmin).toBe(true);
    // The view is the card's, built from the same measures.
    expect(page.quality).toEqual(buildDataQualityView(await loadDataQuality(db().store, period('2026-08')), null));
    expect(page.quality.periodLabel).toBe('August 2026');
    expect(page.quality.windowText).toMatch(/^Deadline .*; closed /);

    const keys = page.periods.map((o) => o.value);
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.length).toBeLessThanOrEqual(24);
    expect(keys).toContain('2026-08');
    expect(keys.every((k) => /^\d{4}-\d{2}$/.test(k))).toBe(true);
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(page.periods.find((o) => o.value === '2026-08')!.label).toBe('August 2026');
  });

  it('opens on the latest month with figures when no window has closed', async () => {
    const { store } = db();
    for (const w of await store.repos.periods.list()) await store.repos.periods.save({ ...w, closedAt: null });
    const latestWithFigures = (await store.repos.values.periodsWithValues()).filter((k) => /^\d{4}-\d{2}$/.test(k)).sort().at(-1)!;
    // September, open for entry on the 20th, has its first figures: a later month than August.
    expect(latestWithFigures).toBe('2026-09');
    const page = await service().page(admin, null);
    expect(page.period).toBe(latestWithFigures);
  });

  it('shows the period asked for, even one older than the months offered, and refuses what is not a period', async () => {
    const page = await service().page(admin, '2026-07');
    expect(page.period).toBe('2026-07');
    expect(page.quality.periodLabel).toBe('July 2026');

    const old = await service().page(admin, '2019-04');
    expect(old.period).toBe('2019-04');
    expect(old.periods.map((o) => o.value)).toContain('2019-04');

    await expect(service().page(admin, 'last month')).rejects.toMatchObject({ reason: 'bad-period', message: expect.stringMatching(/2026-07/) });
  });

  it('gives the period\'s audit trail as audit-2026-07.csv, the CSV of the audit export', async () => {
    const file = await service().auditCsv(admin, '2026-07');
    expect(file.name).toBe('audit-2026-07.csv');
    expect(file.mediaType).toBe('text/csv; charset=utf-8');
    const { csv, rows } = await auditTrailCsv(db().store, period('2026-07'));
    expect(rows).toBeGreaterThan(0);
    expect(Buffer.from(file.bytes).equals(Buffer.from(csv, 'utf8'))).toBe(true);
    expect((await service().auditCsv(admin, '2026/27 Q2')).name).toBe('audit-2026-27-Q2.csv');
  });

  it('refuses anyone outside the performance team, the page and the audit trail alike', async () => {
    for (const attempt of [() => service().page(reader, null), () => service().page(reader, '2026-07'), () => service().auditCsv(reader, '2026-07')]) {
      const refusal = await attempt().then(() => null, (error: unknown) => error);
      expect(refusal).toBeInstanceOf(DataQualityRefusal);
      expect(refusal).toMatchObject({ reason: 'not-performance-team', message: expect.stringMatching(/only the performance team/i) });
    }
  });
});
