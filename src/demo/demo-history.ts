/**
 * Generates the demo register's history as register-file sheets: two financial years and the
 * current one up to the period now open for entry. Deterministic (seeded by indicator code), so the
 * demo looks the same on every machine and tests can rely on it.
 */
import {
  financialYearLabel,
  financialYearOf,
  frequencyOfPeriod,
  monthPeriod,
  periodIndexInYear,
  periodKey,
  periodsOfYear,
  previousPeriod,
  shiftPeriod,
  type MonthPeriod,
  type Period,
} from '../domain/periods';
import { roundTo } from '../domain/numbers';
import { cycleMonthDue } from '../domain/reporting-lag';
import { currentMonth } from '../domain/periods-today';
import type { RegisterFile, Sheet, SheetRow } from '../import/register-file';
import { DEMO_EVENTS, DEMO_INDICATORS, type DemoIndicator } from './demo-indicators';
import { DEMO_PEOPLE_SHEET } from './demo-people';

/** Share of the year's Council Tax / business rates collected by the end of each month, April first. */
const COLLECTION_PROFILE = [0.105, 0.2, 0.29, 0.385, 0.48, 0.57, 0.66, 0.755, 0.85, 0.94, 0.975, 1];

export interface DemoTimeline {
  /** The month now open for entry: the month before today. */
  readonly openMonth: MonthPeriod;
  /** The first financial year of history. */
  readonly firstYear: number;
}

export function demoTimeline(today: Date): DemoTimeline {
  const openMonth = previousPeriod(currentMonth(today));
  return { openMonth, firstYear: financialYearOf(openMonth) - 2 };
}

/** Every period of `frequency` from the start of the history to the open month's year end. */
export function periodsFrom(firstYear: number, lastYear: number, frequency: DemoIndicator['frequency']): Period[] {
  const periods: Period[] = [];
  for (let year = firstYear; year <= lastYear; year++) periods.push(...periodsOfYear(year, frequency));
  return periods;
}

/** A period is reported once its last month has ended and the open month has come round. */
export function isReportable(period: Period, openMonth: MonthPeriod, lagMonths = 0): boolean {
  // A figure that arrives `lagMonths` late is collected by the cycle of that later month.
  return compareMonths(cycleMonthDue(period, lagMonths), openMonth) <= 0;
}

export function lastMonthOf(period: Period): MonthPeriod {
  if (period.kind === 'MONTH') return period;
  if (period.kind === 'YEAR') return monthPeriod(period.fyStart + 1, 3);
  const lastMonth = period.quarter * 3 + 3; // Q1 -> June (6) ... Q4 -> March (15 -> 3 next year)
  return lastMonth > 12 ? monthPeriod(period.fyStart + 1, lastMonth - 12) : monthPeriod(period.fyStart, lastMonth);
}

const compareMonths = (a: MonthPeriod, b: MonthPeriod): number => a.year * 12 + a.month - (b.year * 12 + b.month);

/** Months between a period's last month and the open month (0: it is the open month). */
export function monthsBefore(period: Period, openMonth: MonthPeriod): number {
  return compareMonths(openMonth, lastMonthOf(period));
}

function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

/** The standard deviation of valueFor's jitter (three uniforms, less 1.5, over 1.5): 1/3. */
const JITTER_SD = 1 / 3;

function valueFor(indicator: DemoIndicator, period: Period, progress: number, random: () => number, monthsAgo: number): number {
  // Where the register says the process changed (#17), the figure steps from `from` to `to` there.
  const stepAt = indicator.variationBaselineMonthsAgo;
  const level = stepAt === undefined
    ? indicator.from + (indicator.to - indicator.from) * progress
    : monthsAgo > stepAt ? indicator.from : indicator.to;
  const jitter = (random() + random() + random() - 1.5) / 1.5; // roughly normal in [-1, 1]
  // The scripted last months (#17) take the place of the jitter; it is still drawn, so earlier and
  // later figures are the ones they would otherwise be.
  const recent = indicator.recent;
  const scripted = recent && period.kind === 'MONTH' && monthsAgo < recent.length ? recent[recent.length - 1 - monthsAgo]! * JITTER_SD : null;
  let value = level * (1 + indicator.noise * (scripted ?? jitter));
  if (indicator.profile === 'cumulative') value = value * COLLECTION_PROFILE[periodIndexInYear(period) - 1]!;
  if (indicator.unit === 'PERCENT') value = Math.min(100, Math.max(0, value));
  return roundTo(Math.max(0, value), indicator.decimals);
}

export interface DemoSheets {
  /** The register as first loaded: the corrected value still has its first, wrong figure. */
  readonly register: RegisterFile;
  /** The owner's correction of that figure, loaded after the register as its second version. */
  readonly correction: RegisterFile;
  readonly timeline: DemoTimeline;
  /** Every period that has a reporting window (months, quarters, years) up to the open month. */
  readonly periods: Period[];
}

export function buildDemoSheets(today: Date): DemoSheets {
  const timeline = demoTimeline(today);
  const { openMonth, firstYear } = timeline;
  const currentYear = financialYearOf(openMonth);
  const indicatorRows: SheetRow[] = [];
  const targetRows: SheetRow[] = [];
  const valueRows: SheetRow[] = [];
  const correctionRows: SheetRow[] = [];
  const row = (rows: SheetRow[], cells: Record<string, string>) => rows.push({ row: rows.length + 2, cells });

  for (const indicator of DEMO_INDICATORS) {
    row(indicatorRows, {
      code: indicator.code, title: indicator.title, definition: indicator.definition,
      kind: indicator.kind === 'DATA_ONLY' ? 'data only' : indicator.kind, unit: indicator.unit.toLowerCase(),
      decimals: String(indicator.decimals), polarity: indicator.polarity.toLowerCase(),
      frequency: indicator.frequency.toLowerCase(), aggregation: indicator.aggregation.toLowerCase(),
      lens: indicator.lens.toLowerCase(), directorate: indicator.directorate, service: indicator.service,
      priority: indicator.priority,
      owner_email: indicator.owner.email, owner_aad_object_id: indicator.owner.aadObjectId, owner_name: indicator.owner.name,
      delegate_emails: (indicator.delegates ?? []).map((d) => d.email).join('; '),
      verifier_email: indicator.verifier?.email ?? '', verifier_aad_object_id: indicator.verifier?.aadObjectId ?? '',
      verifier_name: indicator.verifier?.name ?? '',
      director_email: indicator.director.email, director_aad_object_id: indicator.director.aadObjectId,
      director_name: indicator.director.name,
      target: indicator.target === null ? '' : String(indicator.target), target_year: financialYearLabel(currentYear),
      tolerance: indicator.tolerance, lag_months: String(indicator.lagMonths ?? 0),
      public: indicator.public === undefined ? '' : indicator.public ? 'yes' : 'no',
      max_change_percent: indicator.maxChangePercent === undefined ? '' : String(indicator.maxChangePercent),
      variation: indicator.variation === undefined ? '' : indicator.variation ? 'yes' : 'no',
      variation_baseline_from: indicator.variationBaselineMonthsAgo === undefined
        ? '' : periodKey(shiftPeriod(openMonth, -indicator.variationBaselineMonthsAgo)),
      variation_baseline_points: indicator.variationBaselinePoints === undefined ? '' : String(indicator.variationBaselinePoints),
    });

    const periods = periodsFrom(firstYear, currentYear, indicator.frequency);
    const random = seededRandom(indicator.code);
    if (indicator.target !== null) {
      for (let year = firstYear; year < currentYear; year++) {
        row(targetRows, { code: indicator.code, period: financialYearLabel(year), target: String(indicator.target) });
      }
      if (indicator.profile === 'cumulative') {
        for (const period of periods) {
          const target = roundTo(indicator.target * COLLECTION_PROFILE[periodIndexInYear(period) - 1]!, indicator.decimals);
          row(targetRows, { code: indicator.code, period: periodKey(period), target: String(target) });
        }
      }
    }

    const reportable = periods.filter((period) => isReportable(period, openMonth, indicator.lagMonths ?? 0));
    reportable.forEach((period, i) => {
      const ago = monthsBefore(period, openMonth);
      const value = valueFor(indicator, period, reportable.length > 1 ? i / (reportable.length - 1) : 1, random, ago);
      if (indicator.code === DEMO_EVENTS.missing.code && ago === DEMO_EVENTS.missing.monthsAgo) return;
      // In the open month only some owners have submitted so far.
      if (ago === 0 && frequencyOfPeriod(period) === 'MONTHLY' && random() < 0.5) return;
      const isCorrected = indicator.code === DEMO_EVENTS.correction.code && ago === DEMO_EVENTS.correction.monthsAgo;
      if (isCorrected) {
        // The register first carries the wrong figure; the owner's correction, with its note, follows.
        row(valueRows, { code: indicator.code, period: periodKey(period), value: String(DEMO_EVENTS.correction.firstValue), note: '' });
        row(correctionRows, { code: indicator.code, period: periodKey(period), value: String(value), note: DEMO_EVENTS.correction.note });
        return;
      }
      row(valueRows, { code: indicator.code, period: periodKey(period), value: String(value), note: '' });
    });
  }

  const sheet = (name: Sheet['name'], rows: SheetRow[]): Sheet => ({
    name, rows, headers: [...new Set(rows.flatMap((r) => Object.keys(r.cells)))],
  });
  const allPeriods = (['MONTHLY', 'QUARTERLY', 'ANNUAL'] as const)
    .flatMap((frequency) => periodsFrom(firstYear, currentYear, frequency))
    .filter((period) => isReportable(period, openMonth));
  return {
    register: {
      Indicators: sheet('Indicators', indicatorRows), Targets: sheet('Targets', targetRows), Values: sheet('Values', valueRows),
      People: sheet('People', DEMO_PEOPLE_SHEET.map(({ person, roles }, i) => ({
        row: i + 2, cells: { email: person.email, aad_object_id: person.aadObjectId, name: person.name, roles },
      }))),
    },
    correction: { Values: sheet('Values', correctionRows) },
    timeline,
    periods: allPeriods,
  };
}
