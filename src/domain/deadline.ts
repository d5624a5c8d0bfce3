/**
 * Whether a period's deadline for entry has passed, which is what turns an absent value from Due
 * into Missing. The cycle records each period's window (opened, deadline, closed); a period with no
 * recorded window (history loaded from a file, say) takes the end of the month after the period as
 * its deadline, the latest that any of the councils' frameworks allows.
 */
import { endDate, type Period } from './periods';

export interface EntryWindow {
  readonly deadline: Date | null;
  readonly closedAt: Date | null;
}

export function deadlinePassed(period: Period, window: EntryWindow | null, now: Date): boolean {
  if (window?.closedAt && window.closedAt.getTime() <= now.getTime()) return true;
  if (window?.deadline) return window.deadline.getTime() <= now.getTime();
  return defaultDeadline(period).getTime() <= now.getTime();
}

/** Midnight (UTC) at the end of the month after the period's last day. */
export function defaultDeadline(period: Period): Date {
  const [year, month] = endDate(period).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month + 1, 1));
}
