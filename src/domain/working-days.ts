/**
 * Working days as English and Welsh councils count them: Monday to Friday, less the bank holidays
 * of England and Wales (with their substitute days). "The 3rd working day after month end" is how
 * the frameworks set their deadlines.
 */

/** A calendar date, without time or zone. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number;
}

/** "2026-11-23": the ISO form, which also sorts as dates do. */
export const calendarDateKey = (d: CalendarDate): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const toUtc = (d: CalendarDate) => new Date(Date.UTC(d.year, d.month - 1, d.day));
const fromUtc = (date: Date): CalendarDate => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
export const addDays = (d: CalendarDate, days: number): CalendarDate => fromUtc(new Date(toUtc(d).getTime() + days * 86_400_000));
const weekday = (d: CalendarDate) => toUtc(d).getUTCDay(); // 0 Sunday .. 6 Saturday

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

function firstMonday(year: number, month: number): CalendarDate {
  const first = { year, month, day: 1 };
  return addDays(first, (8 - weekday(first)) % 7);
}

/** The last day of a month: the day before the first of the next. */
export function lastDayOfMonth(year: number, month: number): CalendarDate {
  return addDays({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }, -1);
}

function lastMonday(year: number, month: number): CalendarDate {
  const last = lastDayOfMonth(year, month);
  return addDays(last, -((weekday(last) + 6) % 7));
}

/** England and Wales bank holidays of a year, with substitute days for weekends. */
export function bankHolidays(year: number): CalendarDate[] {
  const easter = easterSunday(year);
  const holidays: CalendarDate[] = [];
  const newYear = { year, month: 1, day: 1 };
  holidays.push(weekday(newYear) === 6 ? addDays(newYear, 2) : weekday(newYear) === 0 ? addDays(newYear, 1) : newYear);
  holidays.push(addDays(easter, -2), addDays(easter, 1)); // Good Friday, Easter Monday
  // Early May: first Monday of May (moved to 8 May in 2020 for VE Day).
  holidays.push(year === 2020 ? { year, month: 5, day: 8 } : firstMonday(year, 5));
  holidays.push(year === 2022 ? { year, month: 6, day: 2 } : lastMonday(year, 5)); // Spring (2022: Jubilee move)
  if (year === 2022) holidays.push({ year, month: 6, day: 3 }, { year, month: 9, day: 19 }); // Jubilee, State Funeral
  if (year === 2023) holidays.push({ year, month: 5, day: 8 }); // Coronation
  holidays.push(lastMonday(year, 8)); // Summer
  const christmas = { year, month: 12, day: 25 };
  const boxing = { year, month: 12, day: 26 };
  const cw = weekday(christmas);
  if (cw === 6) holidays.push(addDays(christmas, 2), addDays(boxing, 2)); // Sat: Mon 27, Tue 28
  else if (cw === 0) holidays.push(addDays(christmas, 2), boxing); // Sun: Tue 27, Mon 26
  else if (cw === 5) holidays.push(christmas, addDays(boxing, 2)); // Fri: Boxing Day Sat -> Mon 28
  else holidays.push(christmas, boxing);
  return holidays;
}

const holidayCache = new Map<number, Set<string>>();
function isBankHoliday(d: CalendarDate): boolean {
  let set = holidayCache.get(d.year);
  if (!set) {
    set = new Set(bankHolidays(d.year).map(calendarDateKey));
    holidayCache.set(d.year, set);
  }
  return set.has(calendarDateKey(d));
}

export function isWorkingDay(d: CalendarDate): boolean {
  const w = weekday(d);
  return w !== 0 && w !== 6 && !isBankHoliday(d);
}

/** The nth working day after the last day of `month` (n = 1 is the first working day of the next month). */
export function nthWorkingDayAfterMonth(year: number, month: number, n: number): CalendarDate {
  let date = lastDayOfMonth(year, month);
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return date;
}
