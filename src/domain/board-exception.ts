/**
 * The rules that make the Board follow one problem rather than one month: an indicator red or
 * amber period after period is one exception, continued in one thread with one plan, until it is
 * green again. Pure: period keys in, decisions out.
 */
import { comparePeriods, parsePeriod } from './periods';

export type RatedAttention = 'RED' | 'AMBER';

/** What the digest does for one indicator in one period. */
export type ExceptionStep =
  /** Red or amber with no exception open: open one (and its thread). */
  | { readonly kind: 'open' }
  /** Red or amber again after the period last reported: an update in the exception's thread. */
  | { readonly kind: 'continue'; readonly worsened: boolean; readonly worstStatus: RatedAttention }
  /** This period is already in the exception (a digest run again): nothing new. */
  | { readonly kind: 'alreadyUpdated' }
  /** Green after the exception's last period: a closing update, the plan achieved. */
  | { readonly kind: 'recovered' }
  /** Nothing to do (green with nothing open, missing, due, data only, or an earlier period). */
  | { readonly kind: 'none' };

/** The indicator's latest exception, open or closed. */
export interface LatestException {
  readonly openedPeriod: string;
  readonly lastPeriod: string;
  readonly status: string;
  readonly worstStatus: string;
  /** Set once closed: the period it closed in (a digest for that period or earlier changes nothing). */
  readonly closedPeriod: string | null;
  readonly closed: boolean;
}

/**
 * A missing figure neither continues nor closes an exception: the problem is still open until a
 * figure says otherwise (a red, a month missing, a red again is one problem).
 */
export function exceptionStep(status: string, period: string, latest: LatestException | null): ExceptionStep {
  const attention = status === 'RED' || status === 'AMBER';
  if (latest?.closed) {
    const order = comparePeriodKeys(period, latest.closedPeriod ?? latest.lastPeriod);
    if (order === null || order <= 0) return { kind: 'none' };
  }
  const open = latest && !latest.closed ? latest : null;
  if (!open) return attention ? { kind: 'open' } : { kind: 'none' };
  const order = comparePeriodKeys(period, open.lastPeriod);
  if (order === null || order < 0) return { kind: 'none' };
  if (order === 0) return attention ? { kind: 'alreadyUpdated' } : { kind: 'none' };
  if (status === 'GREEN') return { kind: 'recovered' };
  if (!attention) return { kind: 'none' };
  const worsened = status === 'RED' && open.status === 'AMBER';
  const worstStatus: RatedAttention = status === 'RED' || open.worstStatus === 'RED' ? 'RED' : 'AMBER';
  return { kind: 'continue', worsened, worstStatus };
}

/** True when `period` is after the month (or quarter) the plan said the indicator would recover by. */
export function recoveryOverdue(expectedRecovery: string | null, period: string): boolean {
  if (!expectedRecovery) return false;
  const order = comparePeriodKeys(period, expectedRecovery);
  return order !== null && order > 0;
}

/**
 * Whether a continuing exception needs a new plan asked for: when it worsens to red, or is red and
 * has no plan at all (it opened amber and nobody asked). A plan whose recovery month has passed
 * is not replaced automatically: the director decides (see recoveryOverdue).
 */
export function needsNewPlan(step: ExceptionStep, status: string, hasPlan: boolean): boolean {
  if (step.kind !== 'continue' || status !== 'RED') return false;
  return step.worsened || !hasPlan;
}

/** How many periods an exception has run, counting both ends ("3rd month running"). */
export function periodsRunning(openedPeriod: string, period: string): number {
  const a = parsePeriod(openedPeriod);
  const b = parsePeriod(period);
  if (!a.ok || !b.ok || a.value.kind !== b.value.kind) return 1;
  // Periods of one kind compare by ordinal, so the difference is the number of periods between them.
  return Math.max(1, comparePeriods(b.value, a.value) + 1);
}

function comparePeriodKeys(a: string, b: string): number | null {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa.ok || !pb.ok) return null;
  return comparePeriods(pa.value, pb.value);
}
