/**
 * Everything the Board's digest for a month reads, loaded once: every active indicator as at the
 * month (monthly ones for the month, quarterly and annual ones for their latest period ended by
 * then, as the Scorecard tab shows them) and as at the month before, the people, the action plans
 * and the open actions that are overdue.
 */
import type { Store } from '../../db/store';
import type { ActionPlanRecord, OpenActionRecord } from '../../db/repositories/action-plan-repository';
import type { Tolerance } from '../../domain/types';
import { FREQUENCIES } from '../../domain/types';
import { periodKey, previousPeriod, type MonthPeriod, type Period } from '../../domain/periods';
import { registerStatuses, type IndicatorStatus } from '../register-status';
import { periodAsAt } from '../scorecard/as-at';
import { ukTodayKey } from './uk-today';

export interface BoardSnapshot {
  readonly month: MonthPeriod;
  /** The period each frequency is shown at, and at the month before. */
  readonly periods: readonly Period[];
  readonly current: readonly IndicatorStatus[];
  /** By indicator id: the same indicator as at the month before. */
  readonly previous: ReadonlyMap<string, IndicatorStatus>;
  readonly names: ReadonlyMap<string, string>;
  /** By "indicatorId|period". */
  readonly plans: ReadonlyMap<string, ActionPlanRecord>;
  readonly overdueActions: readonly OpenActionRecord[];
  readonly today: string;
  readonly now: Date;
}

export async function loadBoardSnapshot(store: Store, month: MonthPeriod, now: Date, defaultTolerance: Tolerance): Promise<BoardSnapshot> {
  const periods = FREQUENCIES.map((frequency) => periodAsAt(month, frequency));
  const before = FREQUENCIES.map((frequency) => periodAsAt(previousPeriod(month), frequency));
  const lists = await registerStatuses(store, { periods: [...periods, ...before], now, defaultTolerance });
  const current = lists.slice(0, periods.length).flat();
  const previous = lists.slice(periods.length).flat();
  const today = ukTodayKey(now);
  const [plans, overdueActions] = await Promise.all([
    store.repos.actionPlans.forPeriods(periods.map(periodKey)),
    store.repos.actionPlans.openActionsDueBefore(new Date(`${today}T00:00:00Z`)),
  ]);
  const people = await store.repos.people.findByIds([
    ...new Set([...current.map((s) => s.indicator.ownerId), ...overdueActions.flatMap((a) => [a.leadId, a.ownerId])]),
  ]);
  return {
    month,
    periods,
    current,
    previous: new Map(previous.map((s) => [s.indicator.id, s])),
    names: new Map(people.map((p) => [p.id, p.displayName])),
    plans: new Map(plans.map((plan) => [`${plan.indicatorId}|${plan.period}`, plan])),
    overdueActions,
    today,
    now,
  };
}
