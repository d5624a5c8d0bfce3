/**
 * "Now" in financial-year terms. Kept apart from periods.ts because it reads a Date: the date is
 * taken in UK local time, so a run at 00:30 BST on 1 April is already in the new year.
 */
import { monthPeriod, financialYearOf, type MonthPeriod } from './periods';

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric' });

export function ukCalendarMonth(date: Date): { year: number; month: number; day: number } {
  const parts = LONDON_DAY
    .formatToParts(date)
    .reduce<Record<string, number>>((acc, part) => (part.type === 'literal' ? acc : { ...acc, [part.type]: Number(part.value) }), {});
  return { year: parts.year!, month: parts.month!, day: parts.day! };
}

export function currentMonth(date: Date): MonthPeriod {
  const { year, month } = ukCalendarMonth(date);
  return monthPeriod(year, month);
}

export function currentFinancialYear(date: Date): number {
  return financialYearOf(currentMonth(date));
}
