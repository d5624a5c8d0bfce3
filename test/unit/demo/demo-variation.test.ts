/**
 * The demo register shows each special cause a newcomer should see (#17): a shift on CUS04 (calls
 * abandoned, eight months above its average), a trend on SRV06 (households in temporary accommodation,
 * rising seven months running) and a point beyond the limits on ENV04 (fly-tips, the latest months far
 * slower to clear than the process usually is, with limits from its rapid-response crew's start). Each
 * holds at the latest reported month whatever day the demo is loaded (the open month's figure may not
 * be in yet), and the engine is run as the product runs it: with the register's variation settings.
 */
import { buildDemoSheets } from '../../../src/demo/demo-history';
import { DEMO_INDICATORS } from '../../../src/demo/demo-indicators';
import { parsePeriod, periodKey, type Period } from '../../../src/domain/periods';
import { analyseVariation, type VariationAnalysis } from '../../../src/domain/xmr-chart';
import { DEFAULT_RUN_LENGTHS } from '../../../src/domain/variation-settings';
import { CLOCK_START } from '../../support/clock-start';

const period = (key: string): Period => {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

/** Each demo indicator's analysis as the register has it (null: the register says variation does not apply). */
function analyseDemo(today: Date): Map<string, VariationAnalysis | null> {
  const demo = buildDemoSheets(today);
  const latest = new Map<string, number>();
  for (const sheet of [demo.register.Values!, demo.correction.Values!]) {
    for (const { cells } of sheet.rows) latest.set(`${cells.code}|${cells.period}`, Number(cells.value));
  }
  const analyses = new Map<string, VariationAnalysis | null>();
  for (const indicator of DEMO_INDICATORS) {
    const row = demo.register.Indicators!.rows.find((r) => r.cells.code === indicator.code)!.cells;
    if (row.variation === 'no') {
      analyses.set(indicator.code, null);
      continue;
    }
    const points = [...latest].filter(([key]) => key.startsWith(`${indicator.code}|`))
      .map(([key, value]) => ({ period: period(key.split('|')[1]!), value }));
    analyses.set(indicator.code, analyseVariation({
      aggregation: indicator.aggregation, polarity: indicator.polarity, points, target: null,
      rebaseAt: row.variation_baseline_from ? [period(row.variation_baseline_from)] : [],
      baselinePoints: row.variation_baseline_points ? Number(row.variation_baseline_points) : null,
      runLengths: DEFAULT_RUN_LENGTHS,
    }));
  }
  return analyses;
}

const verdict = (analysis: VariationAnalysis | null | undefined) =>
  analysis === null ? 'NOT_APPLIED' : analysis!.kind === 'TOO_FEW_POINTS' ? 'TOO_FEW_POINTS' : analysis!.latest.variation;

const SIGNALS = {
  CUS04: { variation: 'SPECIAL_CAUSE_CONCERN', rules: ['SHIFT'] },
  SRV06: { variation: 'SPECIAL_CAUSE_CONCERN', rules: ['TREND'] },
  ENV04: { variation: 'SPECIAL_CAUSE_CONCERN', rules: ['BEYOND_LIMIT'] },
} as const;

describe('the demo register shows a shift, a trend and a point beyond the limits (#17)', () => {
  // The end-to-end clock, the dates the db tests load the demo on, and the 15th of every month of a year.
  const days = [CLOCK_START, '2026-11-23T10:00:00Z', '2026-10-20T10:00:00Z', '2026-06-10T10:00:00Z', '2026-12-05T09:00:00Z',
    ...Array.from({ length: 12 }, (_, i) => `${i < 9 ? 2026 : 2027}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-15T10:00:00Z`)];

  it.each(days)('on %s, at the latest reported month', (day) => {
    const analyses = analyseDemo(new Date(day));
    for (const [code, expected] of Object.entries(SIGNALS)) {
      const analysis = analyses.get(code)!;
      if (analysis.kind !== 'ANALYSED') throw new Error(`${code}: too few points`);
      expect({ code, variation: analysis.latest.variation, rules: analysis.latest.rules }).toEqual({ code, ...expected });
    }
    const shift = analyses.get('CUS04')!;
    if (shift.kind === 'ANALYSED') expect(shift.latest.pointsInRowOnSide).toBeGreaterThanOrEqual(DEFAULT_RUN_LENGTHS.shift);
    const trend = analyses.get('SRV06')!;
    if (trend.kind === 'ANALYSED') expect(trend.latest.trend).toEqual({ direction: 'RISING', points: expect.any(Number) });
    const beyond = analyses.get('ENV04')!;
    if (beyond.kind === 'ANALYSED') {
      expect(beyond.latest.value).toBeGreaterThan(beyond.upper);
      // Its limits are the rapid-response crew's: from the register's variation_baseline_from on.
      expect(beyond.points.at(-1)!.segment).toBe(1);
    }
  });

  it('and the other indicators say what the demo means them to, on the end-to-end clock', () => {
    const analyses = analyseDemo(new Date(CLOCK_START));
    const verdicts = Object.fromEntries(DEMO_INDICATORS.map((i) => [i.code, verdict(analyses.get(i.code))]));
    expect(verdicts).toEqual({
      // Quarterly and annual indicators have two and a half years of history: too few points (15) for limits.
      ENV01: 'TOO_FEW_POINTS', ENV02: 'TOO_FEW_POINTS', ENV05: 'TOO_FEW_POINTS', ENV06: 'TOO_FEW_POINTS', SRV03: 'TOO_FEW_POINTS',
      SRV04: 'TOO_FEW_POINTS', SRV05: 'TOO_FEW_POINTS', PPL01: 'TOO_FEW_POINTS', CUS01: 'TOO_FEW_POINTS', CUS02: 'TOO_FEW_POINTS',
      CUS03: 'TOO_FEW_POINTS', SRV07: 'TOO_FEW_POINTS',
      // The register says the analysis does not apply to an annual snapshot.
      PPL02: 'NOT_APPLIED',
      // A steady process: only noise.
      ENV03: 'COMMON_CAUSE',
      // The drifts the RAG story is built on (SRV01 slower, SRV02 and FIN03 better) are special causes too; the
      // collection rates' monthly amounts follow the collection calendar, high from April to January.
      SRV01: 'SPECIAL_CAUSE_CONCERN', SRV02: 'SPECIAL_CAUSE_IMPROVEMENT', FIN03: 'SPECIAL_CAUSE_IMPROVEMENT',
      FIN01: 'SPECIAL_CAUSE_IMPROVEMENT', FIN02: 'SPECIAL_CAUSE_IMPROVEMENT',
      ...Object.fromEntries(Object.entries(SIGNALS).map(([code, { variation }]) => [code, variation])),
    });
    // October is open and CUS04's owner has given its figure: the signal is on the month the digest reports.
    const shift = analyses.get('CUS04');
    if (shift?.kind !== 'ANALYSED') throw new Error('CUS04: too few points');
    expect(periodKey(shift.latest.period)).toBe('2026-10');
  });
});
