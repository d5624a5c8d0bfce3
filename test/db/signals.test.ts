/**
 * Signals beside RAG (#17) read from the database, on both databases: an indicator with a shift of
 * concern and one that adds up over the year, through the Scorecard tab's rows and indicator page,
 * the Board digest's signals section and the red's thread.
 */
import { importRegister } from '../../src/app/import-register';
import { ScorecardService } from '../../src/app/scorecard/scorecard-service';
import { IndicatorPageService } from '../../src/app/scorecard/indicator-page-service';
import { loadBoardSnapshot, threadVariationTexts } from '../../src/app/board/board-snapshot';
import { buildDigestView } from '../../src/app/board/digest-view';
import { parsePeriod, periodKey, shiftPeriod, type MonthPeriod } from '../../src/domain/periods';
import { describeEachDatabase } from '../support/test-database';
import { indicatorCells, registerFile } from '../support/register-fixtures';

const NOW = new Date('2026-06-25T10:00:00Z');
const clock = { now: () => NOW };
const settings = { defaultTolerance: { kind: 'PERCENT_OF_TARGET' as const, percent: 10 } };
const MAY = (parsePeriod('2026-05') as { ok: true; value: MonthPeriod }).value;
const APRIL = (parsePeriod('2026-04') as { ok: true; value: MonthPeriod }).value;

/** `values` a month apart, ending in May 2026. */
const endingInMay = (code: string, values: readonly number[]) =>
  values.map((value, i) => ({ code, period: periodKey(shiftPeriod(MAY, i - values.length + 1)), value: String(value), note: '' }));

/**
 * SRV01, days to decide (lower is better, target 20): eighteen months alternating 22 and 20, then
 * seven above the average of 21.68 (23, 23.5, 24, ...): a shift of concern that completes in May.
 * BIN01, missed bin collections (summed, target 1,200 a year): 95 and 105 in turn for three years
 * (April 95, May 105: 200 by May, a sixth of the year), then 110 in April and May 2026 (220), within
 * normal variation, and the year heading for 1,320.
 */
function register() {
  return registerFile({
    Indicators: [
      indicatorCells(),
      indicatorCells({
        code: 'BIN01', title: 'Missed bin collections', unit: 'number', decimals: '0', polarity: 'lower', aggregation: 'sum',
        lens: 'Environment', target: '1200', tolerance: '10%',
      }),
    ],
    Values: [
      ...endingInMay('SRV01', [...Array.from({ length: 18 }, (_, i) => (i % 2 === 0 ? 22 : 20)), 23, 23.5, 24, 23, 23.5, 24, 23]),
      ...endingInMay('BIN01', [...Array.from({ length: 36 }, (_, i) => (i % 2 === 0 ? 95 : 105)), 110, 110]),
    ],
  });
}

describeEachDatabase('signals beside RAG', (db) => {
  const admin = { personId: 'nobody', name: 'Performance team', email: 'performance@fenmarsh.gov.uk', isAdmin: true };

  beforeEach(async () => {
    const imported = await importRegister(db().store, register(), { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    expect(imported).toMatchObject({ ok: true });
  });

  it('shows the scorecard the shift of concern beside its red, and the summed measure\'s year-end forecast', async () => {
    const rows = (await new ScorecardService(db().store, clock, settings).scorecard(admin, MAY)).indicators;
    const srv01 = rows.find((r) => r.code === 'SRV01')!;
    expect([srv01.status, srv01.signals]).toEqual(['RED', {
      variation: 'SPECIAL_CAUSE_CONCERN', variationLabel: 'Concern', variationText: 'Special cause of concern: 7 points in a row above the average',
      variationDirection: 'HIGH',
      // Average 21.68 days, limits about 17.1 to 26.2: the target of 20 lies between them.
      assurance: 'HIT_AND_MISS', assuranceLabel: 'Hit and miss', assuranceText: 'The target will be hit and missed at random while the process runs as it does',
      forecastText: null,
    }]);
    const bin01 = rows.find((r) => r.code === 'BIN01')!;
    // Three previous years reached a sixth of their 1,200 by May; this year has 220: 220 × 6 = 1,320.
    expect(bin01.signals).toMatchObject({ variation: 'COMMON_CAUSE', forecastText: expect.stringMatching(/^Forecast year-end 1,320 .*3 previous years/) });
  });

  it('draws the indicator page\'s XmR chart from the history, the latest point marked as a signal in words', async () => {
    const page = (await new IndicatorPageService(db().store, clock, settings).page(admin, 'SRV01', MAY))!;
    expect(page.xmr).toMatchObject({ analysed: true, target: 20, targetText: '20.0 days', linesText: 'Average 21.7 days, process limits 17.1 days to 26.2 days', rebasedAt: [] });
    expect(page.xmr!.points).toHaveLength(25);
    expect(page.xmr!.points.at(-1)).toMatchObject({ period: '2026-05', valueText: '23.0 days', signal: 'CONCERN', signalText: 'part of a run on one side of the average' });
    expect(page.xmr!.points.filter((p) => p.signal === 'CONCERN').map((p) => p.period)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
  });

  it('lists the shift in the digest\'s signals once, the month it becomes one, and says so in the red\'s thread', async () => {
    const may = await loadBoardSnapshot(db().store, MAY, NOW, settings.defaultTolerance);
    expect(buildDigestView(may).signals).toEqual({
      concern: [{ code: 'SRV01', title: 'Days to process new Housing Benefit claims', statusLabel: 'Red', text: 'Special cause of concern: 7 points in a row above the average' }],
      improvement: [],
      continuing: [],
      analysedText: '2 of 2 indicators had enough history to analyse',
    });
    expect(threadVariationTexts(may).get((await db().store.repos.indicators.findByCode('SRV01'))!.id))
      .toBe('A signal: Special cause of concern: 7 points in a row above the average');
    // In April the run was six long: no signal yet.
    const april = await loadBoardSnapshot(db().store, APRIL, NOW, settings.defaultTolerance);
    expect(buildDigestView(april).signals).toMatchObject({ concern: [], improvement: [] });
    // With a run length of 8 (a council's setting), May is not a signal either.
    const longer = await loadBoardSnapshot(db().store, MAY, NOW, settings.defaultTolerance, 'RATED', { shift: 8, trend: 6 });
    expect(buildDigestView(longer).signals).toMatchObject({ concern: [] });
  });
});
