/**
 * The audit trail of one reporting period as a CSV for internal audit (#16): one row per entry,
 * oldest first, with who did what to which indicator's figure, the version, the value before and
 * after, the note or comment, and anything else the entry recorded (as JSON). Written through the
 * product's safe CSV writer, so a note that begins like a formula is shown as text.
 */
import type { Store } from '../../db/store';
import { toCsv, type SheetRecord } from '../../spreadsheet/write-spreadsheet';
import { periodKey, type Period } from '../../domain/periods';

export const AUDIT_CSV_HEADERS = ['When (UTC)', 'Who', 'Action', 'Indicator', 'Version', 'Value before', 'Value after', 'Note or comment', 'Details'] as const;

/** Keys shown in their own columns; the rest of an entry goes into Details. */
const SHOWN = new Set(['indicatorId', 'code', 'period', 'version', 'value', 'note', 'comment', 'reply']);

export async function auditTrailCsv(store: Store, period: Period): Promise<{ csv: string; rows: number }> {
  const entries = await store.repos.audit.forPeriod(periodKey(period));
  const records = entries.map((entry): SheetRecord => {
    const after = objectOf(entry.after);
    const before = objectOf(entry.before);
    const rest = Object.fromEntries(Object.entries(after).filter(([key]) => !SHOWN.has(key)));
    return {
      'When (UTC)': entry.at.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ''),
      Who: entry.actorLabel,
      Action: entry.action,
      Indicator: entry.code ?? '',
      Version: typeof after.version === 'number' ? after.version : '',
      'Value before': typeof before.value === 'number' ? before.value : '',
      'Value after': typeof after.value === 'number' ? after.value : '',
      'Note or comment': [after.note, after.comment, after.reply].filter((t): t is string => typeof t === 'string' && t !== '').join(' / '),
      Details: Object.keys(rest).length > 0 ? JSON.stringify(rest) : '',
    };
  });
  return { csv: toCsv(AUDIT_CSV_HEADERS, records), rows: records.length };
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
