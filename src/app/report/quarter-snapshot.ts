/**
 * Everything the quarterly report (#15) reads, loaded once as at the quarter's end: every active
 * indicator at the period the Scorecard tab shows for the quarter's last month (as-at.ts, lagged
 * figures at the latest period collected by then), the same as at the previous quarter's last month
 * and as at the same month last year, and the twelve periods of each indicator's frequency ending
 * with the one shown (its sparkline); with the narratives, the Board's exceptions and commentary, the
 * action plans and the names the report quotes.
 *
 * Set-based: one registerStatuses read for every period at once, then a handful of reads keyed by
 * the ids found, so the cost follows the register's size, not its history or the number of rows.
 */
import { verificationStates } from '../verification/verification-states';
import type { UnverifiedFigures, VerificationState } from '../../domain/verification';
import { withReportedStatuses } from '../verification/reported-statuses';
import { registerSignals } from '../variation/register-signals';
import type { IndicatorSignals } from '../variation/indicator-signals';
import { DEFAULT_RUN_LENGTHS, type RunLengths } from '../../domain/variation-settings';
import type { Store } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { NarrativeRecord } from '../../db/repositories/narrative-repository';
import type { BoardExceptionRecord } from '../../db/repositories/board-exception-repository';
import type { CommentaryRecord } from '../../db/repositories/board-repository';
import type { ActionPlanRecord } from '../../db/repositories/action-plan-repository';
import type { Tolerance } from '../../domain/types';
import { FREQUENCIES } from '../../domain/types';
import {
  periodKey, previousPeriod, samePeriodLastYear, trailingPeriods, type MonthPeriod, type Period, type QuarterPeriod,
} from '../../domain/periods';
import { registerStatuses, type IndicatorStatus } from '../register-status';
import { indicatorPeriodAsAt, lastMonthOf, periodAsAt } from '../scorecard/as-at';
import type { LaggedIndicator } from '../../domain/reporting-lag';

/** How many periods of its own frequency an indicator's sparkline shows. */
export const SPARKLINE_PERIODS = 12;

export interface QuarterSnapshot {
  readonly quarter: QuarterPeriod;
  /** The quarter's last month: the report shows the register as the tab does for it. */
  readonly asAtMonth: MonthPeriod;
  /** The previous quarter's last month. */
  readonly lastQuarterMonth: MonthPeriod;
  /** The same month a year before. */
  readonly lastYearMonth: MonthPeriod;
  readonly now: Date;
  readonly organisation: string;
  /** The active register, by code. */
  readonly indicators: readonly IndicatorRecord[];
  /** Every status read, by statusKey(indicatorId, periodKey). */
  readonly statuses: ReadonlyMap<string, IndicatorStatus>;
  /** The latest narrative of each value id the exceptions need. */
  readonly narratives: ReadonlyMap<string, NarrativeRecord>;
  /** The latest Board exception of each indicator (it may have closed before the quarter's end). */
  readonly exceptions: ReadonlyMap<string, BoardExceptionRecord>;
  /** The Board's commentary on each indicator's shown period and its exception, oldest first, by indicator id. */
  readonly commentary: ReadonlyMap<string, readonly CommentaryRecord[]>;
  /** Plans by "indicatorId|period". */
  readonly plans: ReadonlyMap<string, ActionPlanRecord>;
  /** The plan an exception carries over from an earlier period, by indicator id. */
  readonly carriedPlans: ReadonlyMap<string, ActionPlanRecord>;
  /** People's names by id (owners and action leads). */
  readonly names: ReadonlyMap<string, string>;
  /** Corporate priorities' names by id. */
  readonly priorities: ReadonlyMap<string, string>;
  /** By indicator id: where the shown figure stands with its named verifier (#16); absent without a verifier. */
  readonly verification?: ReadonlyMap<string, VerificationState>;
  /** By indicator id: variation and forecast at the shown period (#17). */
  readonly signals?: ReadonlyMap<string, IndicatorSignals>;
}

export const statusKey = (indicatorId: string, period: string): string => `${indicatorId}|${period}`;

export interface SnapshotOptions {
  readonly now: Date;
  readonly defaultTolerance: Tolerance;
  /** The organisation's name as the report's cover gives it. */
  readonly organisation: string;
  /** Whether figures not yet signed off are reported rated or as awaiting verification (#16); RATED when absent. */
  readonly unverifiedFigures?: UnverifiedFigures;
  /** The organisation's run lengths for the variation rules (#17); the NHS's when absent. */
  readonly runLengths?: RunLengths;
}

export async function loadQuarterSnapshot(store: Store, quarter: QuarterPeriod, options: SnapshotOptions): Promise<QuarterSnapshot> {
  const { repos } = store;
  const { asAtMonth, lastQuarterMonth, lastYearMonth } = quarterMonths(quarter);
  const [register, priorities] = await Promise.all([repos.indicators.active(), repos.organisation.priorityNames()]);
  const periods = periodsToRate(quarter, register);
  const lists = await registerStatuses(store, { periods, now: options.now, defaultTolerance: options.defaultTolerance });
  const statuses = new Map(lists.flat().map((s) => [statusKey(s.indicator.id, s.period), s]));

  const rated = register.flatMap((i) => statuses.get(statusKey(i.id, periodKey(indicatorPeriodAsAt(asAtMonth, i)))) ?? []);
  const verified = await verificationStates(repos, rated);
  const shown = withReportedStatuses(rated, new Map(verified.map((f) => [f.status.indicator.id, f.state])), options.unverifiedFigures ?? 'RATED');
  // The report reads every figure through `statuses`: the quarter's own are reported as the policy says.
  for (const s of shown) statuses.set(statusKey(s.indicator.id, s.period), s);
  const exceptional = shown.filter((s) => s.status === 'RED' || s.status === 'AMBER');
  const exceptionalIds = exceptional.map((s) => s.indicator.id);
  const shownKeys = uniqueStrings(shown.map((s) => s.period));

  const [narratives, exceptions, plans, threads, signals] = await Promise.all([
    repos.narratives.latestFor(exceptional.flatMap((s) => (s.value ? [s.value.id] : []))),
    repos.exceptions.latestFor(exceptionalIds),
    repos.actionPlans.forPeriods(shownKeys),
    Promise.all(shownKeys.map((key) => repos.board.threadsFor(key))).then((lists) => lists.flat()),
    registerSignals(repos, shown, options.runLengths ?? DEFAULT_RUN_LENGTHS),
  ]);
  const wanted = new Set(exceptionalIds);
  const shownPeriodOf = new Map(shown.map((s) => [s.indicator.id, s.period]));
  // Only an exception still open at the shown period speaks for it (period keys of one frequency
  // sort as text in time order); its thread holds the Board's word on the whole problem.
  const covering = [...exceptions.values()].filter((e) => {
    const period = shownPeriodOf.get(e.indicatorId);
    return period !== undefined && e.openedPeriod <= period && e.lastPeriod >= period;
  });
  const threadIds = uniqueStrings([
    ...threads.filter((t) => wanted.has(t.indicatorId) && shownPeriodOf.get(t.indicatorId) === t.period).map((t) => t.id),
    ...covering.flatMap((e) => (e.threadId ? [e.threadId] : [])),
  ]);
  const loaded = new Set(threads.map((t) => t.id));
  const exceptionThreads = await repos.board.threadsByIds(threadIds.filter((id) => !loaded.has(id)));
  const indicatorOfThread = new Map([...threads, ...exceptionThreads].map((t) => [t.id, t.indicatorId]));
  const [commentaryRows, carried] = await Promise.all([
    repos.board.commentaryFor(threadIds),
    repos.actionPlans.forExceptions(covering.map((e) => e.id)),
  ]);
  const commentary = new Map<string, CommentaryRecord[]>();
  for (const row of commentaryRows) {
    const indicatorId = indicatorOfThread.get(row.threadId);
    if (indicatorId === undefined) continue;
    commentary.set(indicatorId, [...(commentary.get(indicatorId) ?? []), row]);
  }

  const planList = plans.filter((plan) => wanted.has(plan.indicatorId));
  const leadIds = [...planList, ...carried].flatMap((plan) => plan.versions.at(-1)?.actions.map((a) => a.leadId) ?? []);
  const people = await repos.people.findByIds(uniqueStrings([...register.map((i) => i.ownerId), ...leadIds]));
  return {
    quarter,
    asAtMonth,
    lastQuarterMonth,
    lastYearMonth,
    now: options.now,
    organisation: options.organisation,
    indicators: register,
    statuses,
    narratives,
    exceptions,
    commentary,
    plans: new Map(planList.map((plan) => [statusKey(plan.indicatorId, plan.period), plan])),
    // Oldest first, so the last plan of an exception is the one that carries over.
    carriedPlans: new Map(carried.map((plan) => [plan.indicatorId, plan])),
    names: new Map(people.map((p) => [p.id, p.displayName])),
    priorities,
    verification: new Map(verified.map((f) => [f.status.indicator.id, f.state])),
    signals,
  };
}

/** The quarter's last month, the last quarter's and the same month a year before. */
export function quarterMonths(quarter: QuarterPeriod): { asAtMonth: MonthPeriod; lastQuarterMonth: MonthPeriod; lastYearMonth: MonthPeriod } {
  const asAtMonth = lastMonthOf(quarter);
  return { asAtMonth, lastQuarterMonth: lastMonthOf(previousPeriod(quarter)), lastYearMonth: samePeriodLastYear(asAtMonth) };
}

/**
 * Every period the report rates: each one an indicator is shown at as at the three months, and the
 * sparklines behind the current ones. A few dozen distinct periods whatever the register's size.
 */
export function periodsToRate(quarter: QuarterPeriod, register: readonly LaggedIndicator[]): Period[] {
  const { asAtMonth, lastQuarterMonth, lastYearMonth } = quarterMonths(quarter);
  const shownAt = (month: MonthPeriod): Period[] => [
    ...FREQUENCIES.map((frequency) => periodAsAt(month, frequency)), ...register.map((i) => indicatorPeriodAsAt(month, i)),
  ];
  return uniquePeriods([
    ...uniquePeriods(shownAt(asAtMonth)).flatMap((p) => trailingPeriods(p, SPARKLINE_PERIODS)), ...shownAt(lastQuarterMonth), ...shownAt(lastYearMonth),
  ]);
}

function uniquePeriods(periods: readonly Period[]): Period[] {
  return [...new Map(periods.map((p) => [periodKey(p), p])).values()];
}

function uniqueStrings(items: readonly string[]): string[] {
  return [...new Set(items)];
}
