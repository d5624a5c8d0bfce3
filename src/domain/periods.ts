/**
 * Reporting periods in the UK local government financial year.
 *
 * The financial year runs from 1 April to 31 March: year "2026/27" starts on 1 April 2026.
 * Quarters are financial quarters: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar.
 *
 * A month is held by its calendar year and month (October 2026 is { year: 2026, month: 10 }) because
 * that is how people and spreadsheets name months; quarters and years are held by the calendar year
 * in which their financial year starts (fyStart), because that is how councils name them.
 *
 * Keys (periodKey) are the canonical text forms, used in the database, imports and URLs:
 *   MONTH "2026-10"   QUARTER "2026/27 Q3"   YEAR "2026/27"
 *
 * Labels for people (periodLabel):
 *   MONTH "October 2026"   QUARTER "Q3 2026/27 (Oct–Dec 2026)"   YEAR "2026/27 (Apr 2026–Mar 2027)"
 * Short labels (periodShortLabel), for tables and card headers:
 *   MONTH "Oct 2026"       QUARTER "Q3 2026/27"                  YEAR "2026/27"
 */
import type { Frequency } from './types';
import { fail, ok, type Result } from './result';

export type Quarter = 1 | 2 | 3 | 4;

export type MonthPeriod = { readonly kind: 'MONTH'; readonly year: number; readonly month: number };
export type QuarterPeriod = { readonly kind: 'QUARTER'; readonly fyStart: number; readonly quarter: Quarter };
export type YearPeriod = { readonly kind: 'YEAR'; readonly fyStart: number };
export type Period = MonthPeriod | QuarterPeriod | YearPeriod;

export const PERIOD_KINDS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** The financial year starts in April; every "index within the year" counts from here. */
const FIRST_MONTH_OF_FINANCIAL_YEAR = 4;

// Constructors: callers building periods from trusted data (the database, other periods) use these;
// text typed by people goes through parsePeriod, which checks the ranges.
export const monthPeriod = (year: number, month: number): MonthPeriod => ({ kind: 'MONTH', year, month });
export const quarterPeriod = (fyStart: number, quarter: Quarter): QuarterPeriod => ({ kind: 'QUARTER', fyStart, quarter });
export const yearPeriod = (fyStart: number): YearPeriod => ({ kind: 'YEAR', fyStart });

export function isPeriodKind(text: string): text is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(text);
}

export function periodKindOfFrequency(frequency: Frequency): PeriodKind {
  switch (frequency) {
    case 'MONTHLY':
      return 'MONTH';
    case 'QUARTERLY':
      return 'QUARTER';
    case 'ANNUAL':
      return 'YEAR';
  }
}

export function frequencyOfPeriod(p: Period): Frequency {
  switch (p.kind) {
    case 'MONTH':
      return 'MONTHLY';
    case 'QUARTER':
      return 'QUARTERLY';
    case 'YEAR':
      return 'ANNUAL';
  }
}

export function periodsInYearOf(kind: PeriodKind): 12 | 4 | 1 {
  switch (kind) {
    case 'MONTH':
      return 12;
    case 'QUARTER':
      return 4;
    case 'YEAR':
      return 1;
  }
}

/** "2026/27"; the second part is the last two digits of the following year, so 2099 gives "2099/00". */
export function financialYearLabel(fyStart: number): string {
  const nextTwoDigits = String((fyStart + 1) % 100).padStart(2, '0');
  return `${pad4(fyStart)}/${nextTwoDigits}`;
}

/** The financial quarter (1..4) of a calendar month: January falls in Q4 of the year before. */
export function financialQuarterOfCalendarMonth(month: number): Quarter {
  return (Math.floor(monthIndexInYear(month) / 3) + 1) as Quarter;
}

export function quarterOfMonth(p: MonthPeriod): QuarterPeriod {
  return quarterPeriod(financialYearOf(p), financialQuarterOfCalendarMonth(p.month));
}

export function financialYearOf(p: Period): number {
  if (p.kind === 'MONTH') return p.month >= FIRST_MONTH_OF_FINANCIAL_YEAR ? p.year : p.year - 1;
  return p.fyStart;
}

/** 1-based position within the financial year: April = 1 .. March = 12; Q1 = 1 .. Q4 = 4; a year = 1. */
export function periodIndexInYear(p: Period): number {
  switch (p.kind) {
    case 'MONTH':
      return monthIndexInYear(p.month) + 1;
    case 'QUARTER':
      return p.quarter;
    case 'YEAR':
      return 1;
  }
}

export function monthsOfQuarter(p: QuarterPeriod): MonthPeriod[] {
  const first = (p.quarter - 1) * 3;
  return [first, first + 1, first + 2].map((index) => monthAtIndex(p.fyStart, index));
}

/** Every month a period covers, in order: a month is itself, a quarter three months, a year twelve. */
export function monthsOfPeriod(p: Period): MonthPeriod[] {
  switch (p.kind) {
    case 'MONTH':
      return [p];
    case 'QUARTER':
      return monthsOfQuarter(p);
    case 'YEAR':
      return Array.from({ length: 12 }, (_, index) => monthAtIndex(p.fyStart, index));
  }
}

/** The periods an indicator of this frequency reports in a financial year, in order (April first). */
export function periodsOfYear(fyStart: number, frequency: Frequency): Period[] {
  switch (frequency) {
    case 'MONTHLY':
      return monthsOfPeriod(yearPeriod(fyStart));
    case 'QUARTERLY':
      return ([1, 2, 3, 4] as const).map((quarter) => quarterPeriod(fyStart, quarter));
    case 'ANNUAL':
      return [yearPeriod(fyStart)];
  }
}

/** The period of the given frequency that contains a calendar month (pass the month in UK time). */
export function periodContaining(date: { readonly year: number; readonly month: number }, frequency: Frequency): Period {
  const month = monthPeriod(date.year, date.month);
  switch (frequency) {
    case 'MONTHLY':
      return month;
    case 'QUARTERLY':
      return quarterOfMonth(month);
    case 'ANNUAL':
      return yearPeriod(financialYearOf(month));
  }
}

/** Moves a period by whole periods of its own kind (negative goes back), crossing year ends. */
export function shiftPeriod<P extends Period>(p: P, by: number): P {
  return fromOrdinal(p.kind, ordinal(p) + by) as P;
}

export function previousPeriod<P extends Period>(p: P): P {
  return shiftPeriod(p, -1);
}

export function nextPeriod<P extends Period>(p: P): P {
  return shiftPeriod(p, 1);
}

/** The "long trend" comparator: October 2026 → October 2025, Q3 2026/27 → Q3 2025/26. */
export function samePeriodLastYear<P extends Period>(p: P): P {
  return shiftPeriod(p, -periodsInYearOf(p.kind));
}

/** The periods of the same kind from the start of p's financial year up to and including p. */
export function periodsOfYearUpTo<P extends Period>(p: P): P[] {
  const count = periodIndexInYear(p);
  return Array.from({ length: count }, (_, i) => shiftPeriod(p, i - (count - 1)));
}

/** The `count` periods of the same kind ending with p, oldest first; used for rolling figures. */
export function trailingPeriods<P extends Period>(p: P, count: number): P[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(p, i - (count - 1)));
}

export function periodsEqual(a: Period, b: Period): boolean {
  return periodKey(a) === periodKey(b);
}

/**
 * Negative when a comes first, zero when equal, positive when b comes first.
 * Periods of the same kind compare in time. Mixed kinds should not normally be compared, but so that a
 * sort never throws they are ordered by start date, then by end date (shorter first): 2026-04, then
 * 2026/27 Q1, then 2026/27.
 */
export function comparePeriods(a: Period, b: Period): number {
  if (a.kind === b.kind) return ordinal(a) - ordinal(b);
  return compareText(startDate(a), startDate(b)) || compareText(endDate(a), endDate(b));
}

/** First day of the period, 'YYYY-MM-DD'. */
export function startDate(p: Period): string {
  const first = monthsOfPeriod(p)[0] as MonthPeriod;
  return isoDate(first.year, first.month, 1);
}

/** Last day of the period, inclusive, 'YYYY-MM-DD'. */
export function endDate(p: Period): string {
  const months = monthsOfPeriod(p);
  const last = months[months.length - 1] as MonthPeriod;
  return isoDate(last.year, last.month, daysInMonth(last.year, last.month));
}

export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'MONTH':
      return `${pad4(p.year)}-${pad2(p.month)}`;
    case 'QUARTER':
      return `${financialYearLabel(p.fyStart)} Q${p.quarter}`;
    case 'YEAR':
      return financialYearLabel(p.fyStart);
  }
}

export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'MONTH':
      return `${monthName(p.month)} ${p.year}`;
    case 'QUARTER':
      return `Q${p.quarter} ${financialYearLabel(p.fyStart)} (${monthSpan(monthsOfQuarter(p))})`;
    case 'YEAR':
      return `${financialYearLabel(p.fyStart)} (${monthSpan(monthsOfPeriod(p))})`;
  }
}

export function periodShortLabel(p: Period): string {
  switch (p.kind) {
    case 'MONTH':
      return `${shortMonthName(p.month)} ${p.year}`;
    case 'QUARTER':
      return `Q${p.quarter} ${financialYearLabel(p.fyStart)}`;
    case 'YEAR':
      return financialYearLabel(p.fyStart);
  }
}

const ACCEPTED_FORMS = 'Enter a month as "2026-10", a quarter as "2026/27 Q3" or a financial year as "2026/27"';

/**
 * Reads a period typed by a person or found in a spreadsheet. Tolerant of case and spacing, of a
 * four-digit second year ("2026/2027") and of the quarter written first ("Q3 2026/27"), because
 * all of these turn up in council spreadsheets; strict about ranges, because a wrong period files a
 * figure against the wrong month.
 */
export function parsePeriod(text: string): Result<Period> {
  const shown = text.trim();
  const normalised = shown.replace(/\s+/g, ' ').toUpperCase();

  const month = /^(\d{4}) ?- ?(\d{1,2})$/.exec(normalised);
  if (month) {
    const monthNumber = Number(month[2]);
    if (monthNumber < 1 || monthNumber > 12) {
      return fail(`There is no month ${monthNumber} in "${shown}": months run 01 to 12. ${ACCEPTED_FORMS}.`);
    }
    return ok(monthPeriod(Number(month[1]), monthNumber));
  }

  // "Q3 2026/27" is read as "2026/27 Q3" so that one pattern covers both orders.
  const quarter = /^(\d{4}) ?\/ ?(\d{2}|\d{4}) ?Q ?(\d)$/.exec(normalised.replace(/^Q ?(\d) (.+)$/, '$2 Q$1'));
  if (quarter) {
    const fyStart = financialYearStart(String(quarter[1]), String(quarter[2]));
    if (fyStart === null) return fail(notAFinancialYear(shown));
    const quarterNumber = Number(quarter[3]);
    if (quarterNumber < 1 || quarterNumber > 4) {
      return fail(`There is no quarter ${quarterNumber} in "${shown}": quarters run Q1 (Apr–Jun) to Q4 (Jan–Mar). ${ACCEPTED_FORMS}.`);
    }
    return ok(quarterPeriod(fyStart, quarterNumber as Quarter));
  }

  const year = /^(\d{4}) ?\/ ?(\d{2}|\d{4})$/.exec(normalised);
  if (year) {
    const fyStart = financialYearStart(String(year[1]), String(year[2]));
    if (fyStart === null) return fail(notAFinancialYear(shown));
    return ok(yearPeriod(fyStart));
  }

  return fail(`${ACCEPTED_FORMS} — got "${shown}".`);
}

function notAFinancialYear(shown: string): string {
  return `"${shown}" is not a financial year: the second year must be the one after the first, as in "2026/27". ${ACCEPTED_FORMS}.`;
}

/** "2026" + "27" or "2027" → 2026; anything else (such as "2026/28") → null. */
function financialYearStart(first: string, second: string): number | null {
  const fyStart = Number(first);
  const expected = second.length === 2 ? (fyStart + 1) % 100 : fyStart + 1;
  return Number(second) === expected ? fyStart : null;
}

/** 0-based position of a calendar month within the financial year: April 0 .. March 11. */
function monthIndexInYear(month: number): number {
  return (month - FIRST_MONTH_OF_FINANCIAL_YEAR + 12) % 12;
}

function monthAtIndex(fyStart: number, index: number): MonthPeriod {
  const month = ((index + FIRST_MONTH_OF_FINANCIAL_YEAR - 1) % 12) + 1;
  return monthPeriod(month < FIRST_MONTH_OF_FINANCIAL_YEAR ? fyStart + 1 : fyStart, month);
}

// Ordinals number every period of a kind consecutively, so moving across a year end is plain
// arithmetic instead of special cases for January and Q1.
function ordinal(p: Period): number {
  switch (p.kind) {
    case 'MONTH':
      return p.year * 12 + (p.month - 1);
    case 'QUARTER':
      return p.fyStart * 4 + (p.quarter - 1);
    case 'YEAR':
      return p.fyStart;
  }
}

function fromOrdinal(kind: PeriodKind, n: number): Period {
  switch (kind) {
    case 'MONTH':
      return monthPeriod(Math.floor(n / 12), (n % 12) + 1);
    case 'QUARTER':
      return quarterPeriod(Math.floor(n / 4), ((n % 4) + 1) as Quarter);
    case 'YEAR':
      return yearPeriod(n);
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `Month ${month}`;
}

function shortMonthName(month: number): string {
  return monthName(month).slice(0, 3);
}

/** "Oct–Dec 2026" within one calendar year; "Apr 2026–Mar 2027" across two. */
function monthSpan(months: readonly MonthPeriod[]): string {
  const first = months[0] as MonthPeriod;
  const last = months[months.length - 1] as MonthPeriod;
  if (first.year === last.year) return `${shortMonthName(first.month)}–${shortMonthName(last.month)} ${last.year}`;
  return `${shortMonthName(first.month)} ${first.year}–${shortMonthName(last.month)} ${last.year}`;
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** A stored period key as people read it ("October 2026"); text that is not a period, as it is. */
export function labelOfKey(key: string): string {
  const parsed = parsePeriod(key);
  return parsed.ok ? periodLabel(parsed.value) : key;
}

/** A stored period key in short ("Oct 2026", "Q2 2026/27"); text that is not a period, as it is. */
export function shortLabelOfKey(key: string): string {
  const parsed = parsePeriod(key);
  return parsed.ok ? periodShortLabel(parsed.value) : key;
}
