/**
 * What a month's cycle is still owed: the figures it collects (per reporting lag, so a figure that
 * arrives a quarter late is owed in the cycle that collects it and in no earlier one) that have no
 * value yet, and red or amber values that have no narrative yet (narrative-owed.ts). Reminders,
 * escalations, close and `cycle status` all read this, so nobody is chased for a figure nobody can
 * have yet, and a narrative owed is chased like a value.
 */
import type { Store } from '../../db/store';
import type { Tolerance } from '../../domain/types';
import { periodKey, type MonthPeriod, type Period } from '../../domain/periods';
import { deadlinePeriodOf, isCollectedIn, periodsCollectedIn } from '../../domain/reporting-lag';
import { narrativeChase, needsNarrative, type NarrativeChase } from '../../domain/narrative-owed';
import { registerStatuses, type IndicatorStatus } from '../register-status';
import { isOpenAt } from '../entry/entry-snapshot';

export interface FigureOwed {
  readonly status: IndicatorStatus;
  readonly period: Period;
  /** No value yet. */
  readonly valueMissing: boolean;
  /** For a red or amber value: 'needed' before the deadline, 'owed' after; 'none' otherwise. */
  readonly narrative: NarrativeChase;
  /** Whether the window that collects this figure (its own, or the collecting month's) is open now. */
  readonly windowOpen: boolean;
}

export interface CollectedPeriod {
  readonly period: Period;
  /** Every figure this cycle collects for the period, owed or not. */
  readonly statuses: readonly IndicatorStatus[];
  readonly owed: readonly FigureOwed[];
}

export async function figuresOutstanding(
  store: Store, month: MonthPeriod, now: Date, defaultTolerance: Tolerance,
): Promise<CollectedPeriod[]> {
  const indicators = await store.repos.indicators.active();
  const periods = periodsCollectedIn(month, indicators);
  const lists = await registerStatuses(store, { periods, now, defaultTolerance });
  const collected = periods.map((period, i) => ({
    period, statuses: lists[i]!.filter((s) => isCollectedIn(month, s.indicator, period)),
  }));
  const needing = collected.flatMap((c) => c.statuses).filter((s) => s.value !== null && needsNarrative(s.status));
  const narratives = await store.repos.narratives.latestFor(needing.map((s) => s.value!.id));
  const windows = new Map<string, boolean>();
  const windowOpen = async (period: Period, lagMonths: number) => {
    const key = periodKey(deadlinePeriodOf(period, lagMonths));
    if (!windows.has(key)) windows.set(key, isOpenAt(await store.repos.periods.find(key), now));
    return windows.get(key)!;
  };
  const out: CollectedPeriod[] = [];
  for (const { period, statuses } of collected) {
    const owed: FigureOwed[] = [];
    for (const status of statuses) {
      const narrative = narrativeChase({
        status: status.status, hasValue: status.value !== null,
        hasNarrative: status.value !== null && narratives.has(status.value.id), deadlinePassed: status.deadlinePassed,
      });
      if (status.value !== null && narrative === 'none') continue;
      owed.push({ status, period, valueMissing: status.value === null, narrative, windowOpen: await windowOpen(period, status.indicator.lagMonths) });
    }
    out.push({ period, statuses, owed });
  }
  return out;
}
