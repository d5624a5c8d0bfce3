/**
 * What the messages following an exception say, from the indicator's status this period, the
 * exception as recorded and the plan that carries over. Pure.
 */
import type { BoardExceptionRecord } from '../../db/repositories/board-exception-repository';
import type { ActionPlanRecord } from '../../db/repositories/action-plan-repository';
import type { DigestRecoveryOverdueView, ThreadClosingView, ThreadUpdateView } from '../../cards/board/board-view-models';
import { formatValue } from '../../domain/numbers';
import { labelOfKey } from '../../domain/periods';
import { periodsRunning, recoveryOverdue } from '../../domain/board-exception';
import type { IndicatorStatus } from '../register-status';
import { statusLabel } from '../scorecard/labels';
import { planStateOf } from './plan-state';

export interface RecoveryPromise {
  readonly planId: string;
  readonly version: number;
  /** The period the indicator should be back on target by. */
  readonly expectedRecovery: string;
}

/**
 * The recovery month the Board holds the owner to: the approved plan's, or a later one the
 * director accepted after it (a plan approved after that decision brings its own again).
 */
export function promisedRecovery(plan: ActionPlanRecord | null | undefined, exception: BoardExceptionRecord): RecoveryPromise | null {
  const approved = plan?.versions.filter((v) => v.state === 'APPROVED').at(-1);
  if (!plan || !approved) return null;
  const accepted = exception.recoveryBy && exception.recoveryDecidedAt && (!approved.decidedAt || exception.recoveryDecidedAt > approved.decidedAt);
  return { planId: plan.id, version: approved.version, expectedRecovery: accepted ? exception.recoveryBy! : approved.expectedRecovery };
}

export function statusSentence(s: IndicatorStatus): string {
  const format = (n: number | null) => (n === null ? 'no value' : formatValue(n, s.indicator.unit, s.indicator.decimals));
  return `${statusLabel(s.status)}: ${format(s.figure)} against a target of ${format(s.target)}`;
}

export function threadUpdateView(
  s: IndicatorStatus & { readonly status: 'RED' | 'AMBER' },
  exception: BoardExceptionRecord,
  plan: ActionPlanRecord | null,
  variationText: string | null = null,
): ThreadUpdateView {
  const running = periodsRunning(exception.openedPeriod, s.period);
  const was = exception.status !== s.status ? `; was ${statusLabel(exception.status as 'RED' | 'AMBER')} in ${labelOfKey(exception.lastPeriod)}` : '';
  const promise = promisedRecovery(plan, exception);
  const overdue = promise ? recoveryOverdue(promise.expectedRecovery, s.period) : false;
  return {
    exceptionId: exception.id,
    code: s.indicator.code,
    title: s.indicator.title,
    periodLabel: labelOfKey(s.period),
    status: s.status,
    statusText: statusSentence(s),
    variationText,
    trend: s.travel.short,
    changeText: `Red or amber for ${ordinal(running)} ${unit(s.period)} running (since ${labelOfKey(exception.openedPeriod)})${was}.`,
    planState: plan || s.status === 'RED' ? planStateOf(plan) : null,
    recoveryText: promise
      ? overdue
        ? `Recovery was expected by ${labelOfKey(promise.expectedRecovery)}: overdue`
        : `Expected to recover by ${labelOfKey(promise.expectedRecovery)}`
      : null,
    recoveryOverdue: overdue,
  };
}

export function threadClosingView(s: IndicatorStatus, exception: BoardExceptionRecord, plan: ActionPlanRecord | null): ThreadClosingView {
  const running = periodsRunning(exception.openedPeriod, exception.lastPeriod);
  const span = exception.openedPeriod === exception.lastPeriod
    ? labelOfKey(exception.openedPeriod)
    : `${labelOfKey(exception.openedPeriod)} to ${labelOfKey(exception.lastPeriod)}`;
  return {
    code: s.indicator.code,
    title: s.indicator.title,
    periodLabel: labelOfKey(s.period),
    statusText: statusSentence(s),
    spanText: `Red or amber for ${running} ${running === 1 ? unit(s.period) : `${unit(s.period)}s`}: ${span}.`,
    planText: plan ? 'The action plan is marked achieved.' : null,
  };
}

export function recoveryOverdueLine(s: IndicatorStatus, owner: string, expectedRecovery: string): DigestRecoveryOverdueView {
  return {
    code: s.indicator.code,
    title: s.indicator.title,
    owner,
    text: `expected by ${labelOfKey(expectedRecovery)}, still ${statusLabel(s.status)} in ${labelOfKey(s.period)}`,
  };
}

/** "3rd month running", for the digest's rows. */
export function runningFor(openedPeriod: string, period: string): string {
  return `${ordinal(periodsRunning(openedPeriod, period)).replace(/^the /, '')} ${unit(period)} running`;
}

function unit(period: string): string {
  if (/Q\d/.test(period)) return 'quarter';
  return /^\d{4}-\d{2}$/.test(period) ? 'month' : 'year';
}

function ordinal(n: number): string {
  if (n === 1) return 'the 1st';
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `the ${n}${suffix}`;
}
