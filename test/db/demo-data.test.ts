import { loadDemoData } from '../../src/demo/load-demo-data';
import { registerStatus, type IndicatorStatus } from '../../src/app/register-status';
import { parsePeriod, type Period } from '../../src/domain/periods';
import { describeEachDatabase } from '../support/test-database';
import { DEMO_EVENTS } from '../../src/demo/demo-indicators';
import { loadBoardSnapshot, threadVariationTexts } from '../../src/app/board/board-snapshot';
import { buildDigestView } from '../../src/app/board/digest-view';
import { monthPeriod } from '../../src/domain/periods';

const TODAY = new Date('2026-11-23T10:00:00Z');
const period = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describeEachDatabase('the demo register', (db) => {
  it('loads into an empty database once, with a realistic council register', async () => {
    const { store } = db();
    const first = await loadDemoData(store, TODAY);
    expect(first).toMatchObject({ loaded: true, counts: { indicatorsCreated: 22, valuesCorrected: 1 } });
    expect(await loadDemoData(store, TODAY)).toEqual({ loaded: false });

    const indicators = await store.repos.indicators.active();
    expect(indicators).toHaveLength(22);
    expect(new Set(indicators.map((i) => i.lens))).toEqual(new Set(['PEOPLE', 'FINANCE', 'CUSTOMERS', 'ENVIRONMENT', 'SERVICES']));
    expect(new Set(indicators.map((i) => i.frequency))).toEqual(new Set(['MONTHLY', 'QUARTERLY', 'ANNUAL']));
    expect(indicators.filter((i) => i.kind === 'DATA_ONLY').map((i) => i.code)).toEqual(['SRV06']);
    expect(indicators.every((i) => i.directorId !== null)).toBe(true);

    const admins = await db().database.sql.query<{ email: string }>(
      `SELECT p.email FROM person p JOIN person_role r ON r.person_id = p.id WHERE r.role = 'ADMIN' ORDER BY p.email`,
    );
    expect(admins.map((a) => a.email)).toEqual(['nadia.rahman@fenmarsh.gov.uk', 'robert.hughes@fenmarsh.gov.uk']);
    // They came in on the People sheet, with a councillor who only reads.
    expect(first).toMatchObject({ counts: { rolesGranted: 3, rolesRevoked: 0 } });
    const councillor = (await store.repos.people.findByEmail('cllr.margaret.ellis@fenmarsh.gov.uk'))!;
    expect(councillor.displayName).toBe('Cllr Margaret Ellis');
    expect(await store.repos.people.rolesOf(councillor.id)).toEqual(['VIEWER']);
    const nadia = (await store.repos.people.findByEmail('nadia.rahman@fenmarsh.gov.uk'))!;
    expect(await store.repos.people.rolesOf(nadia.id)).toEqual(['VERIFIER', 'ADMIN']);
  });

  it('holds two years of history with reds, ambers, greens, data only, a missing value and a correction', async () => {
    const { store } = db();
    await loadDemoData(store, TODAY);
    const defaultTolerance = { kind: 'PERCENT_OF_TARGET', percent: 10 } as const;
    const statuses: IndicatorStatus[] = [];
    for (const text of ['2024-04', '2025-06', '2025-10', '2026-03', '2026-07', '2026-09', '2024/25 Q1', '2025/26 Q3', '2026/27 Q2', '2025/26']) {
      statuses.push(...(await registerStatus(store, { period: period(text), now: TODAY, defaultTolerance })));
    }
    const seen = new Set(statuses.map((s) => s.status));
    for (const status of ['RED', 'AMBER', 'GREEN', 'DATA_ONLY']) expect(seen.has(status as never)).toBe(true);

    // The scripted missing month: 4 months before the open month (October 2026) is June 2026.
    const june = await registerStatus(store, { period: period('2026-06'), now: TODAY, defaultTolerance });
    expect(june.find((s) => s.indicator.code === DEMO_EVENTS.missing.code)).toMatchObject({ status: 'MISSING', figure: null });

    // The scripted correction: August 2026, two versions, the later one with the owner's note.
    const fin03 = (await store.repos.indicators.findByCode(DEMO_EVENTS.correction.code))!;
    const history = await store.repos.values.history(fin03.id, '2026-08');
    expect(history.map((v) => v.version)).toEqual([1, 2]);
    expect(history[0]!.value).toBe(DEMO_EVENTS.correction.firstValue);
    expect(history[1]!.note).toBe(DEMO_EVENTS.correction.note);

    // Two full years before the current one: monthly indicators have values from April 2024.
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!;
    const values = await store.repos.values.currentFor([srv01.id]);
    expect(values[0]!.period).toBe('2024-04');
    expect(values.filter((v) => v.period.startsWith('2025') || v.period.startsWith('2024')).length).toBeGreaterThanOrEqual(21);
  });

  it('leaves October 2026 open for entry with some owners still to submit', async () => {
    const { store } = db();
    await loadDemoData(store, TODAY);
    expect(await store.repos.periods.find('2026-10')).toMatchObject({ closedAt: null });
    expect((await store.repos.periods.find('2026-09'))!.closedAt).toBeInstanceOf(Date);
    const october = await registerStatus(store, {
      period: period('2026-10'), now: new Date('2026-11-05T10:00:00Z'), defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 },
    });
    const due = october.filter((s) => s.status === 'DUE');
    expect(due.length).toBeGreaterThan(0);
    expect(due.length).toBeLessThan(october.length);
  });

  it('shows Council Tax collected green against its profile but behind last year, so September\'s digest does not celebrate it', async () => {
    const { store } = db();
    await loadDemoData(store, TODAY);
    const defaultTolerance = { kind: 'PERCENT_OF_TARGET', percent: 10 } as const;
    const september = await registerStatus(store, { period: period('2026-09'), now: TODAY, defaultTolerance });
    const fin01 = september.find((s) => s.indicator.code === 'FIN01')!;
    expect(fin01.status).toBe('GREEN');
    expect(fin01.travel.short).toBe('WORSENED');
    expect(fin01.travel.comparisonText).toMatch(/^\d+\.\d points? behind September last year; ahead of the profiled target of 56\.2%$/);
    expect(fin01.yearToDate.figure.value).toBe(fin01.figure);

    const digest = buildDigestView(await loadBoardSnapshot(store, monthPeriod(2026, 9), TODAY, defaultTolerance));
    expect(digest.improvements.map((i) => i.code)).not.toContain('FIN01');
    // September ends Q2: the digest shows each indicator's quarter and year-to-date figures.
    expect(digest.quarter?.quarterLabel).toBe('Q2 2026/27');
    expect(digest.quarter?.figures.find((f) => f.code === 'FIN01')).toMatchObject({ yearToDateText: `${fin01.figure!.toFixed(1)}% against 56.2%` });
  });

  it('shows the Board the demo\'s shift, trend and point beyond the limits in the digest\'s signals (#17), and each red or amber thread says which', async () => {
    const { store } = db();
    await loadDemoData(store, TODAY);
    const defaultTolerance = { kind: 'PERCENT_OF_TARGET', percent: 10 } as const;
    for (const month of [monthPeriod(2026, 9), monthPeriod(2026, 10)]) {
      const snapshot = await loadBoardSnapshot(store, month, TODAY, defaultTolerance);
      const signals = buildDigestView(snapshot).signals!;
      const named = [...signals.concern.map((s) => `${s.code}: ${s.text}`), ...signals.continuing];
      // New this month in full, or named again among those still signalling; in October only once its figure is in.
      const inThisMonth = (code: string) => snapshot.current.some((s) => s.indicator.code === code && s.value !== null);
      const expected = [
        ['CUS04', /^CUS04(: Special cause of concern: \d+ points in a row above the average| \(concern\))$/],
        ['SRV06', /^SRV06(: Special cause of concern: \d+ points in a row, each higher than the one before| \(concern\))$/],
        ['ENV04', /^ENV04(: Special cause of concern: above the upper process limit| \(concern\))$/],
      ] as const;
      if (month.month === 9) expect(expected.every(([code]) => inThisMonth(code))).toBe(true);
      expect(named).toEqual(expect.arrayContaining(expected.filter(([code]) => inThisMonth(code)).map(([, pattern]) => expect.stringMatching(pattern))));
      const threads = threadVariationTexts(snapshot);
      for (const s of snapshot.current.filter((c) => c.status === 'RED' || c.status === 'AMBER')) {
        // PPL02's register row says variation does not apply: its thread says nothing of it.
        if (!s.indicator.variationApplies) expect(threads.get(s.indicator.id)).toBeUndefined();
        else expect(threads.get(s.indicator.id)).toMatch(/^(A signal: Special cause of |Within normal variation: |Variation: too few points)/);
      }
    }
  });
});
