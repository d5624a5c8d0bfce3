/**
 * UK local time to an instant and back, without a time-zone library: the offset of Europe/London
 * at an instant comes from Intl, which knows the DST rules. Times the calendar uses (09:00, 17:00)
 * never fall in the hour that the clocks skip or repeat.
 */
import type { CalendarDate } from './working-days';

const LONDON = 'Europe/London';
// Made once: building a formatter costs far more than using one.
const LONDON_MINUTE = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
});
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, year: 'numeric', month: 'numeric', day: 'numeric' });

function londonOffsetMinutes(instant: Date): number {
  const parts = LONDON_MINUTE.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant when it is `time` ("09:00") on `date` in the UK. */
export function ukLocalToInstant(date: CalendarDate, time: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const offset = londonOffsetMinutes(new Date(naive));
  const guess = new Date(naive - offset * 60_000);
  // Near a clock change the offset at the guess can differ from the offset at the naive time.
  const corrected = londonOffsetMinutes(guess);
  return corrected === offset ? guess : new Date(naive - corrected * 60_000);
}

/** The UK calendar date at an instant. */
export function ukDateOf(instant: Date): CalendarDate {
  const parts = LONDON_DAY.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}
