/**
 * The monthly cycle's calendar: for the month just ended, when each step runs. Steps are declared
 * as data, so the scheduler, `cycle status` and the tests all read the same table.
 */
import { monthPeriod, quarterOfMonth, periodKey, yearPeriod, financialYearOf, type MonthPeriod, type Period } from './periods';
import { nthWorkingDayAfterMonth } from './working-days';
import { ukLocalToInstant } from './uk-time';

export const CYCLE_STEPS = ['open', 'remind', 'escalate-verifier', 'escalate-director', 'close', 'digest'] as const;
export type CycleStepKind = (typeof CYCLE_STEPS)[number];

export interface CalendarSettings {
  readonly openWorkingDay: number;
  readonly openTime: string;
  readonly reminderWorkingDays: readonly number[];
  readonly deadlineWorkingDay: number;
  readonly deadlineTime: string;
  readonly escalateVerifierWorkingDay: number;
  readonly escalateDirectorWorkingDay: number;
  readonly closeWorkingDay: number;
  readonly digestWorkingDay: number;
}

export interface ScheduledStep {
  readonly kind: CycleStepKind;
  /** 1, 2 ... for the reminders; 1 for the others. */
  readonly round: number;
  readonly at: Date;
  /** Unique per month and step: the key of the guard that lets one instance run it. */
  readonly runKey: string;
}

export interface MonthSchedule {
  readonly month: MonthPeriod;
  /** The periods this month's cycle collects: the month, and the quarter and year when they end with it. */
  readonly periods: readonly Period[];
  readonly deadline: Date;
  readonly steps: readonly ScheduledStep[];
}

export function reportingPeriodsFor(month: MonthPeriod): Period[] {
  const periods: Period[] = [month];
  if (month.month % 3 === 0) periods.push(quarterOfMonth(month));
  if (month.month === 3) periods.push(yearPeriod(financialYearOf(month)));
  return periods;
}

export function monthSchedule(month: MonthPeriod, settings: CalendarSettings): MonthSchedule {
  const at = (workingDay: number, time: string) => ukLocalToInstant(nthWorkingDayAfterMonth(month.year, month.month, workingDay), time);
  const key = periodKey(month);
  const step = (kind: CycleStepKind, round: number, when: Date): ScheduledStep => ({
    kind, round, at: when, runKey: `scheduled|${kind}${round > 1 || kind === 'remind' ? `-${round}` : ''}|${key}`,
  });
  return {
    month,
    periods: reportingPeriodsFor(month),
    deadline: at(settings.deadlineWorkingDay, settings.deadlineTime),
    steps: [
      step('open', 1, at(settings.openWorkingDay, settings.openTime)),
      ...settings.reminderWorkingDays.map((day, i) => step('remind', i + 1, at(day, settings.openTime))),
      step('escalate-verifier', 1, at(settings.escalateVerifierWorkingDay, settings.openTime)),
      step('escalate-director', 1, at(settings.escalateDirectorWorkingDay, settings.openTime)),
      step('close', 1, at(settings.closeWorkingDay, settings.deadlineTime)),
      step('digest', 1, at(settings.digestWorkingDay, settings.openTime)),
    ],
  };
}

/** The month whose cycle runs in the month containing `date` (the month before it). */
export function monthReportedIn(year: number, month: number): MonthPeriod {
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
}
