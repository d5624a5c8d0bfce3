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
import { indicatorPeriodAsAt, periodAsAt } from '../scorecard/as-at';
import { narrativeChase, needsNarrative } from '../../domain/narrative-owed';
import { ukTodayKey } from './uk-today';
import type { UnverifiedFigures, VerificationState } from '../../domain/verification';
import { verificationStates } from '../verification/verification-states';
import { withReportedStatuses } from '../verification/reported-statuses';
import { registerSignalsNowAndBefore, type SignalsNowAndBefore } from '../variation/register-signals';
import { threadVariationText } from '../variation/signals-view';
import { DEFAULT_RUN_LENGTHS, type RunLengths } from '../../domain/variation-settings';

export interface BoardSnapshot {
  readonly month: MonthPeriod;
  /** The period each frequency is shown at, and at the month before. */
  readonly periods: readonly Period[];
  readonly current: readonly IndicatorStatus[];
  /** By indicator id, for each figure with a named verifier: where its current version stands (#16). */
  readonly verification?: ReadonlyMap<string, VerificationState>;
  /** By indicator id: its variation and forecast at its period, and at the period before (#17). */
  readonly signals?: ReadonlyMap<string, SignalsNowAndBefore>;
  /** Ids of indicators whose red or amber figure still has no narrative after its deadline. */
  readonly narrativesOwed: ReadonlySet<string>;
  /** By indicator id: the same indicator as at the month before. */
  readonly previous: ReadonlyMap<string, IndicatorStatus>;
  readonly names: ReadonlyMap<string, string>;
  /** By "indicatorId|period". */
  readonly plans: ReadonlyMap<string, ActionPlanRecord>;
  readonly overdueActions: readonly OpenActionRecord[];
  readonly today: string;
  readonly now: Date;
}

export async function loadBoardSnapshot(
  store: Store, month: MonthPeriod, now: Date, defaultTolerance: Tolerance, unverifiedFigures: UnverifiedFigures = 'RATED',
  runLengths: RunLengths = DEFAULT_RUN_LENGTHS,
): Promise<BoardSnapshot> {
  // Lagged figures are shown at the latest period collected by then (reporting-lag.ts).
  const register = await store.repos.indicators.active();
  const periodsAt = (m: MonthPeriod) => uniquePeriods([
    ...FREQUENCIES.map((frequency) => periodAsAt(m, frequency)), ...register.map((i) => indicatorPeriodAsAt(m, i)),
  ]);
  const periods = periodsAt(month);
  const before = periodsAt(previousPeriod(month));
  const lists = await registerStatuses(store, { periods: [...periods, ...before], now, defaultTolerance });
  const shownAt = (m: MonthPeriod) => (s: IndicatorStatus) => s.period === periodKey(indicatorPeriodAsAt(m, s.indicator));
  const rated = lists.slice(0, periods.length).flat().filter(shownAt(month));
  const previous = lists.slice(periods.length).flat().filter(shownAt(previousPeriod(month)));
  // A narrative is owed for a red or amber figure whether or not it is yet reported as one.
  const needing = rated.filter((s) => s.value !== null && needsNarrative(s.status));
  const narratives = await store.repos.narratives.latestFor(needing.map((s) => s.value!.id));
  const narrativesOwed = new Set(needing.filter((s) => narrativeChase({
    status: s.status, hasValue: true, hasNarrative: narratives.has(s.value!.id), deadlinePassed: s.deadlinePassed,
  }) === 'owed').map((s) => s.indicator.id));
  const verification = new Map((await verificationStates(store.repos, rated)).map((f) => [f.status.indicator.id, f.state]));
  // Under UNVERIFIED_FIGURES=awaiting-verification an unchecked red is neither counted nor threaded.
  const current = withReportedStatuses(rated, verification, unverifiedFigures);
  const today = ukTodayKey(now);
  const [plans, overdueActions, signals] = await Promise.all([
    store.repos.actionPlans.forPeriods(periods.map(periodKey)),
    store.repos.actionPlans.openActionsDueBefore(new Date(`${today}T00:00:00Z`)),
    registerSignalsNowAndBefore(store.repos, current, runLengths),
  ]);
  const people = await store.repos.people.findByIds([
    ...new Set([...current.map((s) => s.indicator.ownerId), ...overdueActions.flatMap((a) => [a.leadId, a.ownerId])]),
  ]);
  return {
    month,
    periods,
    current,
    verification,
    signals,
    narrativesOwed,
    previous: new Map(previous.map((s) => [s.indicator.id, s])),
    names: new Map(people.map((p) => [p.id, p.displayName])),
    plans: new Map(plans.map((plan) => [`${plan.indicatorId}|${plan.period}`, plan])),
    overdueActions,
    today,
    now,
  };
}

/** By indicator id, for each analysed indicator: whether its figure is a signal or within normal variation, for its thread. */
export function threadVariationTexts(snapshot: BoardSnapshot): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [id, signals] of snapshot.signals ?? []) {
    const text = threadVariationText(signals.now);
    if (text) texts.set(id, text);
  }
  return texts;
}

function uniquePeriods(periods: readonly Period[]): Period[] {
  return [...new Map(periods.map((p) => [periodKey(p), p])).values()];
}
