import { ukDateOf } from '../../domain/uk-time';
import { calendarDateKey } from '../../domain/working-days';

/** Today's date in the UK as yyyy-mm-dd: due dates are compared with it. */
export function ukTodayKey(now: Date): string {
  return calendarDateKey(ukDateOf(now));
}

/** A due date (stored as midnight UTC of the day) as yyyy-mm-dd. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
