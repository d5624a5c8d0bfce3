/**
 * Reads the quarter a report pack is for, as a person types it ("2026/27 Q2", "Q2 2026/27"). A pack
 * is always a quarter's, so a month or a year is refused with the form to use, not rounded to one.
 */
import { parsePeriod, type QuarterPeriod } from '../../domain/periods';
import type { Result } from '../../domain/result';

export const QUARTER_FORM = 'a financial quarter such as "2026/27 Q2"';

export function parseQuarter(text: string): Result<QuarterPeriod> {
  const parsed = parsePeriod(text);
  if (!parsed.ok) return { ok: false, error: `${parsed.error} A report is for ${QUARTER_FORM}.` };
  if (parsed.value.kind !== 'QUARTER') {
    const what = parsed.value.kind === 'MONTH' ? 'a month' : 'a year';
    return { ok: false, error: `"${text.trim()}" is ${what}: a report is for ${QUARTER_FORM}.` };
  }
  return { ok: true, value: parsed.value };
}
