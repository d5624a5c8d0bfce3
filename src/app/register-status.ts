/**
 * Read model: every active indicator of a period's frequency, with its figure, target, status and
 * direction of travel. The bot's "my indicators", the Board digest and the Scorecard tab all read
 * the register through this one function, so a status means the same thing everywhere.
 */
import type { Store } from '../db/store';
import type { IndicatorRecord } from '../db/repositories/indicator-repository';
import type { ValueVersion } from '../db/repositories/value-repository';
import type { TargetRecord } from '../db/repositories/target-repository';
import type { ReportingPeriodRecord } from '../db/repositories/period-repository';
import type { RegisterState } from '../db/repositories/register-state-repository';
import type { Status, Tolerance } from '../domain/types';
import {
  financialYearOf, frequencyOfPeriod, periodKey, periodsOfYearUpTo, previousPeriod, quarterOfMonth, samePeriodLastYear, type Period,
} from '../domain/periods';
import {
  figureIn, figureWindow, quarterToDateIn, quarterToDateTargetIn, targetIn, yearToDateIn, ytdTargetIn, type AggregateFigure, type PeriodIndex,
} from '../domain/aggregation';
import { rateValue } from '../domain/status';
import { resolveTolerance } from '../domain/tolerance';
import { travelOf, type TravelReading } from '../domain/travel';
import { deadlinePassed } from '../domain/deadline';
import { deadlinePeriodOf, possibleDeadlineMonths } from '../domain/reporting-lag';

export interface IndicatorStatus {
  readonly indicator: IndicatorRecord;
  readonly period: string;
  /** The figure rated: the value as entered, or the rolling figure for ROLLING12 indicators. */
  readonly figure: number | null;
  /** The current version of the period's value, if any. */
  readonly value: ValueVersion | null;
  readonly target: number | null;
  readonly tolerance: Tolerance;
  readonly status: Status;
  /** Direction of travel against the comparator that fits the aggregation (see travelOf). */
  readonly travel: TravelReading;
  /** The year to date (April up to the period) by the aggregation, and the target it is rated against. */
  readonly yearToDate: FigureToDate;
  /** Monthly indicators: the quarter holding the month, up to it (quarter key); null for quarterly and annual ones. */
  readonly quarterToDate: (FigureToDate & { readonly quarter: string }) | null;
  /** Whether the deadline for this figure has passed (for a lagged figure, its collecting cycle's). */
  readonly deadlinePassed: boolean;
}

export interface FigureToDate {
  readonly figure: AggregateFigure;
  readonly target: number | null;
}

export interface StatusQuery {
  readonly period: Period;
  readonly now: Date;
  readonly defaultTolerance: Tolerance;
  /** Only these indicators (by id); all active ones when absent. */
  readonly indicatorIds?: readonly string[];
  /** Only indicators these people own or cover as delegates. */
  readonly coveredBy?: readonly string[];
}

export type StatusesQuery = Omit<StatusQuery, 'period'> & { readonly periods: readonly Period[] };

export async function registerStatus(store: Store, query: StatusQuery): Promise<IndicatorStatus[]> {
  const [statuses] = await registerStatuses(store, { ...query, periods: [query.period] });
  return statuses!;
}

/**
 * The register's status at several periods (of any frequencies) from one set-based read: the
 * indicators narrowed in the query, and only the values a status needs, the current version for
 * each period, the one before, the same one last year and the periods of its year so far (for the
 * year and quarter to date; for ROLLING12, the years ending with them), with the targets of their
 * financial years. Never an indicator's whole history, so the
 * cost follows the size of the answer, not the years stored. One list per period asked, in order.
 */
export async function registerStatuses(store: Store, query: StatusesQuery): Promise<IndicatorStatus[][]> {
  return rateStatuses(await loadStatusInputs(store, query), query);
}

/** What statuses are computed from: read once, so a caller can rate again after a change it made. */
export interface StatusInputs {
  readonly indicators: readonly IndicatorRecord[];
  /** Current versions of the values the figures need (see figureValues). */
  readonly values: readonly ValueVersion[];
  readonly targets: readonly TargetRecord[];
  readonly windows: ReadonlyMap<string, ReportingPeriodRecord>;
}

/**
 * Reads what statuses are computed from. With `entryPeriod` (an entry card's), the read also brings
 * that period's narratives and the names of who entered its figures (RegisterState).
 */
export async function loadStatusInputs(store: Store, query: StatusesQuery & { readonly entryPeriod?: Period }): Promise<RegisterState> {
  // The periods rated, the ones they are compared with, and the year so far (for year-to-date and
  // quarter figures): at most a year and a bit per period asked, never the whole history.
  const compared = query.periods.flatMap((p) => [...periodsOfYearUpTo(p), previousPeriod(p), samePeriodLastYear(p)]);
  return store.repos.registerState.read(
    { frequencies: unique(query.periods.map(frequencyOfPeriod)), ids: query.indicatorIds, coveredBy: query.coveredBy },
    {
      ownPeriods: unique(compared.map(periodKey)),
      rollingPeriods: unique(compared.flatMap((p) => figureWindow('ROLLING12', p)).map(periodKey)),
      financialYears: unique(compared.map(financialYearOf)),
      // Lagged figures follow the window of the month that collects them (reporting-lag.ts).
      windowPeriods: unique(query.periods.flatMap((p) => [p, ...possibleDeadlineMonths(p)]).map(periodKey)),
      ...(query.entryPeriod ? { entryPeriod: periodKey(query.entryPeriod) } : {}),
    },
  );
}

/** The same inputs with these versions as the current ones of their indicators' periods. */
export function withCurrentVersions(inputs: StatusInputs, versions: readonly ValueVersion[]): StatusInputs {
  const replaced = new Set(versions.map((v) => `${v.indicatorId}|${v.period}`));
  return { ...inputs, values: [...inputs.values.filter((v) => !replaced.has(`${v.indicatorId}|${v.period}`)), ...versions] };
}

/** Statuses at each period from inputs already read: pure, one list per period in order. */
export function rateStatuses(inputs: StatusInputs, query: Omit<StatusesQuery, 'indicatorIds' | 'coveredBy'>): IndicatorStatus[][] {
  const { indicators, windows } = inputs;
  // Each indicator's values and targets indexed once by period (stored keys are periodKey's), then
  // read for every period rated and the periods each is compared with.
  const prepared = new Map<string, { figures: PeriodIndex; targets: PeriodIndex; versions: Map<string, ValueVersion> }>();
  const preparedOf = (id: string) => {
    let entry = prepared.get(id);
    if (!entry) prepared.set(id, (entry = { figures: new Map(), targets: new Map(), versions: new Map() }));
    return entry;
  };
  for (const v of inputs.values) {
    const entry = preparedOf(v.indicatorId);
    (entry.figures as Map<string, number | null>).set(v.period, v.value);
    entry.versions.set(v.period, v);
  }
  for (const t of inputs.targets) (preparedOf(t.indicatorId).targets as Map<string, number | null>).set(t.period, t.value);
  const none = { figures: new Map(), targets: new Map(), versions: new Map() };

  return query.periods.map((period) => {
    const key = periodKey(period);
    const frequency = frequencyOfPeriod(period);
    const previous = previousPeriod(period);
    const lastYear = samePeriodLastYear(period);
    return indicators
      .filter((indicator) => indicator.frequency === frequency)
      .map((indicator) => {
        const { figures, targets, versions } = prepared.get(indicator.id) ?? none;
        const figureAt = (p: Period) => figureIn(indicator.aggregation, figures, p);
        const figure = figureAt(period);
        const target = targetIn(indicator.aggregation, targets, period);
        const tolerance = resolveTolerance(indicator.tolerance, query.defaultTolerance);
        const deadlinePeriod = deadlinePeriodOf(period, indicator.lagMonths);
        const passed = deadlinePassed(deadlinePeriod, windows.get(periodKey(deadlinePeriod)) ?? null, query.now);
        return {
          indicator,
          period: key,
          figure,
          value: versions.get(key) ?? null,
          target,
          tolerance,
          deadlinePassed: passed,
          status: rateValue({
            value: figure, target, tolerance, polarity: indicator.polarity, kind: indicator.kind,
            decimals: indicator.decimals, deadlinePassed: passed,
          }),
          travel: travelOf({
            aggregation: indicator.aggregation, polarity: indicator.polarity, unit: indicator.unit, decimals: indicator.decimals,
            period, figure, previousFigure: figureAt(previous), lastYearFigure: figureAt(lastYear),
            target, targetProfiled: targets.get(key) != null,
          }),
          yearToDate: {
            figure: yearToDateIn(indicator.aggregation, figures, period),
            target: ytdTargetIn(indicator.aggregation, targets, period),
          },
          quarterToDate: period.kind === 'MONTH'
            ? {
                quarter: periodKey(quarterOfMonth(period)),
                figure: quarterToDateIn(indicator.aggregation, figures, period),
                target: quarterToDateTargetIn(indicator.aggregation, targets, period),
              }
            : null,
        };
      });
  });
}

/**
 * The current values that these indicators' figures at these periods are made of: each period's own
 * value, and for ROLLING12 indicators the years ending with them. Two queries, whatever the count.
 */
export async function figureValues(store: Store, indicators: readonly IndicatorRecord[], periods: readonly Period[]): Promise<ValueVersion[]> {
  const rolling = indicators.filter((i) => i.aggregation === 'ROLLING12').map((i) => i.id);
  const others = indicators.filter((i) => i.aggregation !== 'ROLLING12').map((i) => i.id);
  const [own, windows] = await Promise.all([
    store.repos.values.currentForPeriods(others, unique(periods.map(periodKey))),
    store.repos.values.currentForPeriods(rolling, unique(periods.flatMap((p) => figureWindow('ROLLING12', p)).map(periodKey))),
  ]);
  return [...own, ...windows];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
