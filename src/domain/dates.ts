/**
 * Dates and times as UK council staff read them, in UK local time whatever the server's zone:
 * "4 Nov 2026, 10:12", "Friday 20 November 2026, 17:00".
 */
const LONDON = 'Europe/London';

export function formatUkDateTime(date: Date): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short', year: 'numeric' }).format(date);
  return `${day}, ${formatUkTime(date)}`;
}

export function formatUkLongDateTime(date: Date): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  return `${day.replace(',', '')}, ${formatUkTime(date)}`;
}

export function formatUkDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

function formatUkTime(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}
