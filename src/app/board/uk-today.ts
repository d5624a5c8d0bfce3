import { ukDateOf } from '../../domain/uk-time';

/** Today's date in the UK as yyyy-mm-dd: due dates are compared with it. */
export function ukTodayKey(now: Date): string {
  const d = ukDateOf(now);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
