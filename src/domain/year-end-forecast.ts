/**
 * Where is this year heading (#17, "Signals, not noise")? A year-end forecast for an indicator whose
 * periods add up to the year: CUMULATIVE (the stored figure is the running total since April) and SUM
 * (each period's figure adds to the year), monthly or quarterly. An annual indicator has nothing to
 * forecast from, and an average, snapshot or rolling figure does not add up to a year-end, so those
 * are NOT_APPLICABLE.
 *
 * A forecast is context for the Board, never a status: nothing here sets or changes RAG, which is
 * always the figure against its target (status.ts). describeForecast always says "Forecast".
 *
 * The year to date the forecast starts from:
 *   CUMULATIVE  the latest running total given up to the period. A month missing before it is already
 *               inside it (only the months elapsed matter); months after it are projected.
 *   SUM         the total of the periods given. A missing period's amount is unknown, so it is
 *               projected like a period still to come, and named in missingPeriods.
 *
 * 1. Complete year. At March (Q4) with every amount in, the forecast is the outturn (method OUTTURN),
 *    with no range.
 *
 * 2. PROFILE, where history allows. For each previous financial year with both the year to date at
 *    the same point in the year and its year-end outturn, the share of the year reached by then is
 *    share = ytd / year-end; the year-end this year would be this year's ytd / share. For SUM the
 *    "same point" is the same periods this year has figures for, so a missing month is projected by
 *    the profile too. A year missing any figure needed is skipped, and so is one whose share is zero
 *    or negative (its year-end was zero, or it reversed direction after this point: it says nothing
 *    about the shape of this year). At least PROFILE_MIN_YEARS usable years are needed, and the latest
 *    PROFILE_MAX_YEARS are used (a profile from a decade ago says little about today's collection).
 *      central  this year's ytd / the MEAN of the shares. The mean rather than the median: with the two
 *               to five years councils usually hold, the median of two is the mean anyway and with
 *               three it ignores two of them; an odd year (2020/21) already shows in the range.
 *      range    the lowest and highest of the per-year projections.
 *
 * 3. RUN_RATE, otherwise. The mean amount per period so far, over the periods the year to date covers
 *    (CUMULATIVE: ytd / periods up to the latest running total; SUM: ytd / periods given), and
 *      central  ytd + k x mean, where k is the periods still to add (including any missing SUM period)
 *      range    central +/- 2.66 x MR-bar x sqrt(k)
 *    2.66 x MR-bar is three sigma of one period's amount (variation.ts: sigma = MR-bar / 1.128). The
 *    k periods still to come add up, and the sum of k independent amounts each with sigma s has sigma
 *    sqrt(k) x s, not k x s: ups and downs partly cancel. So the range narrows as the year goes on and
 *    is three sigma of the remaining total. It reflects period-to-period noise only, not doubt about
 *    the mean itself, so early in the year it is, if anything, narrow.
 *    MR-bar is the mean moving range of the amounts added each period (a cumulative figure's increments,
 *    variation.ts addedInPeriod; a summed figure's own values). This year's, when this year has at
 *    least RUN_RATE_MIN_MOVING_RANGES of them (this year's process is what the rest of the year will
 *    follow); otherwise the latest BASELINE_POINTS (24) known amounts across years, this year's
 *    included. A moving range is only taken between two consecutive periods both known: never across a
 *    missing period, whose neighbour's amount is unknown. No moving range at all (fewer than two
 *    consecutive amounts) gives no range: low and high are null.
 *
 * Floor: when every figure this year is non-negative (and, for CUMULATIVE, no running total has fallen),
 * the rest of the year cannot take anything away, so no end of the forecast is below the year to date
 * already reached (and so never below zero): the low end is clamped there. With any negative figure
 * (a net change, a refund) nothing is clamped and the arithmetic stands as it is.
 *
 * Figures are returned unrounded (trimmed to 15 significant digits, as aggregation.ts does): the caller
 * rounds them to the indicator's decimal places through describeForecast's formatNumber, which knows
 * the unit and decimals, so the input needs neither.
 *
 * Worked example (Council Tax collected, £m, CUMULATIVE monthly), at September 2026 with 120 collected:
 * September's share of the year-end was 50/100 = 0.5 in 2023/24, 60/150 = 0.4 in 2024/25 and
 * 60/100 = 0.6 in 2025/26. The mean share is 0.5, so the central forecast is 120 / 0.5 = 240; the
 * years alone give 120 / 0.6 = 200 to 120 / 0.4 = 300: "Forecast year-end 240 (range 200 to 300),
 * from the same point in 3 previous years". With one previous year only, it would fall back to the
 * run rate: 120 over 6 months is 20 a month, so 120 + 6 x 20 = 240, and with MR-bar 4 the range is
 * 240 +/- 2.66 x 4 x sqrt(6) = 240 +/- 26.06.
 */
import type { Aggregation } from './types';
import {
  comparePeriods,
  financialYearLabel,
  financialYearOf,
  periodKey,
  periodShortLabel,
  periodsInYearOf,
  periodsOfYear,
  periodsOfYearUpTo,
  frequencyOfPeriod,
  shiftPeriod,
  shortLabelOfKey,
  type Period,
} from './periods';
import { BASELINE_POINTS, PROCESS_LIMIT_FACTOR, addedInPeriod } from './variation';

/** Fewer previous years than this and one odd year would be the whole profile: the run rate is used. */
export const PROFILE_MIN_YEARS = 2;

/** The latest usable previous years a profile is taken from. */
export const PROFILE_MAX_YEARS = 5;

/**
 * This year's moving ranges are used for the run-rate range from this many (four consecutive
 * amounts); with fewer, one or two ranges would set the whole spread, so the latest amounts across
 * years are used instead.
 */
export const RUN_RATE_MIN_MOVING_RANGES = 3;

export type ForecastPoint = { readonly period: Period; readonly value: number | null };

export interface ForecastInput {
  readonly aggregation: Aggregation;
  /** The latest period of the year being forecast: figures after it are ignored. */
  readonly period: Period;
  /**
   * The indicator's stored figures, this year and previous years, in any order. Figures of another
   * period kind are ignored; where a period appears twice the later entry wins; null is no figure.
   */
  readonly points: readonly ForecastPoint[];
}

export type ForecastMethod = 'PROFILE' | 'RUN_RATE' | 'OUTTURN';

export type YearEndForecast =
  | {
      readonly kind: 'FORECAST';
      readonly method: ForecastMethod;
      readonly central: number;
      /** null when there is no range: a complete year, or too few amounts for a run-rate range. */
      readonly low: number | null;
      readonly high: number | null;
      /** How many previous years the profile came from; 0 for RUN_RATE and OUTTURN. */
      readonly basedOnYears: number;
      /** Periods of the year up to and including the period asked about. */
      readonly periodsElapsed: number;
      readonly periodsInYear: number;
      /** Keys (periodKey) of elapsed periods whose amount is unknown and was projected, oldest first. */
      readonly missingPeriods: readonly string[];
      /** The year to date the forecast started from (see the header for missing periods). */
      readonly yearToDate: number;
    }
  | { readonly kind: 'TOO_EARLY'; readonly reason: string }
  | { readonly kind: 'NOT_APPLICABLE' };

export function forecastYearEnd(input: ForecastInput): YearEndForecast {
  const { aggregation, period } = input;
  if (aggregation !== 'CUMULATIVE' && aggregation !== 'SUM') return { kind: 'NOT_APPLICABLE' };
  if (period.kind === 'YEAR') return { kind: 'NOT_APPLICABLE' };

  const known = knownFigures(input.points, period);
  const valueOf = (p: Period): number | undefined => known.get(periodKey(p));
  const elapsed = periodsOfYearUpTo(period);
  const given = elapsed.filter((p) => valueOf(p) !== undefined);
  const latest = given[given.length - 1];
  if (latest === undefined) {
    return {
      kind: 'TOO_EARLY',
      reason: `no figure has been given for ${financialYearLabel(financialYearOf(period))} up to ${periodShortLabel(period)}`,
    };
  }

  const cumulative = aggregation === 'CUMULATIVE';
  const periodsInYear = periodsInYearOf(period.kind);
  // The periods whose amounts the year to date holds: every period up to the latest running total,
  // or exactly the periods given for a sum.
  const covered = cumulative ? elapsed.filter((p) => comparePeriods(p, latest) <= 0) : given;
  const yearToDate = cumulative ? (valueOf(latest) as number) : sum(given.map((p) => valueOf(p) as number));
  const coveredKeys = new Set(covered.map(periodKey));
  const missingPeriods = elapsed.map(periodKey).filter((key) => !coveredKeys.has(key));
  const remaining = periodsInYear - covered.length;
  const common = { periodsElapsed: elapsed.length, periodsInYear, missingPeriods, yearToDate };

  if (remaining === 0) {
    return { kind: 'FORECAST', method: 'OUTTURN', central: yearToDate, low: null, high: null, basedOnYears: 0, ...common };
  }

  const floor = everyFigureNonNegative(given, known, cumulative) ? yearToDate : -Infinity;
  const atLeastFloor = (n: number): number => trim(Math.max(floor, n));

  // The earliest financial year with a figure: how far back the profile and the moving ranges can look.
  const earliestYear = Math.min(...input.points
    .filter((p) => known.has(periodKey(p.period)))
    .map((p) => financialYearOf(p.period)));
  const shares = profileShares(known, cumulative, latest, given, earliestYear);
  if (shares.length >= PROFILE_MIN_YEARS) {
    const projections = shares.map((share) => yearToDate / share);
    return {
      kind: 'FORECAST',
      method: 'PROFILE',
      central: atLeastFloor(yearToDate / mean(shares)),
      low: atLeastFloor(Math.min(...projections)),
      high: atLeastFloor(Math.max(...projections)),
      basedOnYears: shares.length,
      ...common,
    };
  }

  const perPeriod = yearToDate / covered.length;
  const central = yearToDate + remaining * perPeriod;
  const movingRange = movingRangeMean(known, cumulative, elapsed, period, earliestYear);
  const spread = movingRange === null ? null : PROCESS_LIMIT_FACTOR * movingRange * Math.sqrt(remaining);
  return {
    kind: 'FORECAST',
    method: 'RUN_RATE',
    central: atLeastFloor(central),
    low: spread === null ? null : atLeastFloor(central - spread),
    high: spread === null ? null : atLeastFloor(central + spread),
    basedOnYears: 0,
    ...common,
  };
}

/**
 * The forecast in words, always labelled as a forecast: "Forecast year-end 1,234 (range 1,100 to
 * 1,350), from the same point in 3 previous years". formatNumber rounds and formats a figure as the
 * indicator shows it (its unit and decimal places).
 */
export function describeForecast(forecast: YearEndForecast, formatNumber: (n: number) => string): string {
  switch (forecast.kind) {
    case 'NOT_APPLICABLE':
      return 'No year-end forecast: one is made only for cumulative or summed monthly and quarterly indicators';
    case 'TOO_EARLY':
      return `No year-end forecast yet: ${forecast.reason}`;
    case 'FORECAST': {
      const periodWord = forecast.periodsInYear === 4 ? 'quarter' : 'month';
      const figure = `Forecast year-end ${formatNumber(forecast.central)}`;
      if (forecast.method === 'OUTTURN') return `${figure}: the outturn, as every ${periodWord} of the year is in`;
      const range = forecast.low !== null && forecast.high !== null
        ? ` (range ${formatNumber(forecast.low)} to ${formatNumber(forecast.high)})`
        : '';
      const basis = forecast.method === 'PROFILE'
        ? `, from the same point in ${forecast.basedOnYears} previous years`
        : ` at the run rate so far${range === '' ? '; too few figures yet for a range' : ''}`;
      return `${figure}${range}${basis}${missingText(forecast.missingPeriods, periodWord)}`;
    }
  }
}

function missingText(keys: readonly string[], periodWord: string): string {
  if (keys.length === 0) return '';
  const labels = keys.map(shortLabelOfKey);
  const listed = labels.length === 1
    ? labels[0]
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  const figures = keys.length === 1 ? 'figure' : 'figures';
  const pronoun = keys.length === 1 ? 'it is' : 'they are';
  return `; no ${figures} for ${listed}, so ${pronoun} projected like the ${periodWord}s to come`;
}

/** Figures of the period's kind up to and including it, by key; the later entry for a period wins. */
function knownFigures(points: readonly ForecastPoint[], period: Period): Map<string, number> {
  const known = new Map<string, number>();
  for (const point of points) {
    if (point.period.kind !== period.kind || comparePeriods(point.period, period) > 0) continue;
    const key = periodKey(point.period);
    if (point.value === null || !Number.isFinite(point.value)) known.delete(key);
    else known.set(key, point.value);
  }
  return known;
}

/**
 * The share of the year-end reached at this point, for each usable previous year, latest first (at
 * most PROFILE_MAX_YEARS). CUMULATIVE: the running total at the same period over the last period's.
 * SUM: the same periods this year has figures for, over the whole year (every period needed).
 */
function profileShares(
  known: ReadonlyMap<string, number>,
  cumulative: boolean,
  latest: Period,
  given: readonly Period[],
  earliestYear: number,
): number[] {
  const thisYear = financialYearOf(latest);
  const perYear = periodsInYearOf(latest.kind);
  const shares: number[] = [];
  for (let year = thisYear - 1; year >= earliestYear && shares.length < PROFILE_MAX_YEARS; year -= 1) {
    const back = (p: Period): number | undefined => known.get(periodKey(shiftPeriod(p, -(thisYear - year) * perYear)));
    const yearPeriods = periodsOfYear(year, frequencyOfPeriod(latest));
    const atThisPoint = cumulative ? [back(latest)] : given.map(back);
    const yearEnd = cumulative
      ? [known.get(periodKey(yearPeriods[yearPeriods.length - 1] as Period))]
      : yearPeriods.map((p) => known.get(periodKey(p)));
    if (!allKnown(atThisPoint) || !allKnown(yearEnd)) continue;
    const outturn = cumulative ? (yearEnd[0] as number) : sum(yearEnd);
    if (outturn === 0) continue;
    const share = sum(atThisPoint) / outturn;
    if (share > 0) shares.push(share);
  }
  return shares;
}

/**
 * MR-bar of the amounts added each period: this year's when it has RUN_RATE_MIN_MOVING_RANGES,
 * otherwise the latest BASELINE_POINTS known amounts across years; null when there is no moving range.
 * Only consecutive periods with both amounts known make a moving range.
 */
function movingRangeMean(
  known: ReadonlyMap<string, number>,
  cumulative: boolean,
  elapsed: readonly Period[],
  period: Period,
  earliestYear: number,
): number | null {
  const amountOf = (p: Period): number | null => {
    const value = known.get(periodKey(p));
    if (value === undefined) return null;
    return cumulative ? addedInPeriod({ period: p, value }, known) : value;
  };
  const thisYear = movingRanges(elapsed.map((p) => ({ period: p, amount: amountOf(p) })));
  if (thisYear.length >= RUN_RATE_MIN_MOVING_RANGES) return mean(thisYear);

  const amounts = periodsFrom(earliestYear, period)
    .map((p) => ({ period: p, amount: amountOf(p) }))
    .filter((a) => a.amount !== null)
    .slice(-BASELINE_POINTS);
  const acrossYears = movingRanges(amounts);
  return acrossYears.length === 0 ? null : mean(acrossYears);
}

/** Every period of `period`'s kind from the start of financial year `fyStart` up to `period`, in order. */
function periodsFrom(fyStart: number, period: Period): Period[] {
  const periods: Period[] = [];
  let p = periodsOfYear(fyStart, frequencyOfPeriod(period))[0] as Period;
  for (; comparePeriods(p, period) <= 0; p = shiftPeriod(p, 1)) periods.push(p);
  return periods;
}

/** |a(i) - a(i-1)| for each pair of consecutive periods whose amounts are both known. */
function movingRanges(amounts: readonly { readonly period: Period; readonly amount: number | null }[]): number[] {
  const ranges: number[] = [];
  amounts.forEach((current, i) => {
    const before = amounts[i - 1];
    if (before === undefined || before.amount === null || current.amount === null) return;
    if (periodKey(shiftPeriod(before.period, 1)) !== periodKey(current.period)) return;
    ranges.push(Math.abs(current.amount - before.amount));
  });
  return ranges;
}

/**
 * Every figure given this year is zero or more, and for CUMULATIVE no known increment is negative
 * (a running total that fell means amounts can be taken away, so the floor would not hold).
 */
function everyFigureNonNegative(given: readonly Period[], known: ReadonlyMap<string, number>, cumulative: boolean): boolean {
  return given.every((p) => {
    const value = known.get(periodKey(p)) as number;
    if (value < 0) return false;
    if (!cumulative) return true;
    const added = addedInPeriod({ period: p, value }, known);
    return added === null || added >= 0;
  });
}

function allKnown(values: readonly (number | undefined)[]): values is number[] {
  return values.every((v) => v !== undefined);
}

function sum(values: readonly number[]): number {
  return trim(values.reduce((total, v) => total + v, 0));
}

function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

function trim(value: number): number {
  return Number(value.toPrecision(15));
}
