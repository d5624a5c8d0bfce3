/**
 * Dates and times as UK council staff read them, in UK local time whatever the server's zone:
 * "4 Nov 2026, 10:12", "Friday 20 November 2026, 17:00".
 *
 * The formatters are made once: building an Intl.DateTimeFormat costs far more than using one, and
 * cards format dates for every row.
 */
const LONDON = 'Europe/London';
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short', year: 'numeric' });
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hour12: false });

export function formatUkDateTime(date: Date): string {
  return `${SHORT_DAY.format(date)}, ${formatUkTime(date)}`;
}

export function formatUkLongDateTime(date: Date): string {
  return `${LONG_DAY.format(date).replace(',', '')}, ${formatUkTime(date)}`;
}

export function formatUkDate(date: Date): string {
  return SHORT_DAY.format(date);
}

function formatUkTime(date: Date): string {
  return TIME.format(date);
}
