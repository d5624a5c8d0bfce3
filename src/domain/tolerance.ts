/**
 * Tolerance: how far from the target a figure may be before it stops being Amber (or, for a
 * goal-post indicator, stops being Green).
 *
 * Each indicator may set its own, as an amount in its unit ("2.5" days) or as a percentage of the
 * target ("5%"); a blank means "use the organisation's default", which the performance team sets once
 * (Pentana works the same way). The default is resolved before rating, so the status engine only
 * ever sees a concrete Tolerance.
 */
import type { Tolerance, Unit } from './types';
import { fail, ok, type Result } from './result';
import { formatPlainNumber, formatValue, parseUkNumber } from './numbers';

const ACCEPTED_FORMS =
  'enter a percentage of the target such as "5%", an amount in the indicator\'s own unit such as "2.5", ' +
  'or leave it blank to use the organisation default';

/** "" → null (use the default); "5%" → 5% of target; "2.5" → 2.5 in the indicator's unit. */
export function parseTolerance(text: string): Result<Tolerance | null> {
  const shown = text.trim();
  if (shown === '') return ok(null);

  // People write tolerances the way they say them: "±5%", "+/- 5%". The sign adds nothing.
  const withoutPlusOrMinus = shown.replace(/^(±|\+\s*\/\s*-|\+-)\s*/, '');
  const parsed = parseUkNumber(withoutPlusOrMinus, { indicatorLabel: 'Tolerance' });
  if (!parsed.ok) return fail(`${parsed.error} (${ACCEPTED_FORMS})`);

  const { value, hadPercentSign } = parsed.value;
  if (value < 0) {
    return fail(
      `Tolerance cannot be negative: it is a distance from the target, so enter "5%" or "2.5" rather than "-5%" — got "${shown}"`,
    );
  }
  return ok(hadPercentSign ? { kind: 'PERCENT_OF_TARGET', percent: value } : { kind: 'ABSOLUTE', amount: value });
}

/** The indicator's own tolerance if it has one, otherwise the organisation default. */
export function resolveTolerance(own: Tolerance | null, organisationDefault: Tolerance): Tolerance {
  return own ?? organisationDefault;
}

/**
 * The tolerance as an absolute width in the indicator's unit. A percentage is taken of |target| so
 * that negative targets (a budget variance of -£50,000) still get a positive band; a zero target
 * therefore gets a zero band from any percentage.
 */
export function toleranceBand(target: number, tolerance: Tolerance): number {
  return tolerance.kind === 'ABSOLUTE' ? tolerance.amount : (Math.abs(target) * tolerance.percent) / 100;
}

/** For people: "within 5% of the target", "within 2.5 days of the target". */
export function describeTolerance(tolerance: Tolerance, unit: Unit, decimals: number): string {
  if (tolerance.kind === 'PERCENT_OF_TARGET') return `within ${formatPlainNumber(tolerance.percent)}% of the target`;
  // Show at least the indicator's precision, more if the tolerance is finer, so "0.005" never reads as "0.01".
  const shownDecimals = Math.max(decimals, decimalPlacesOf(tolerance.amount));
  return `within ${formatValue(tolerance.amount, unit, shownDecimals)} of the target`;
}

/** The import form, which parseTolerance reads back: "5%", "2.5", and "" for "use the default". */
export function formatTolerance(tolerance: Tolerance | null): string {
  if (tolerance === null) return '';
  return tolerance.kind === 'PERCENT_OF_TARGET'
    ? `${formatPlainNumber(tolerance.percent)}%`
    : formatPlainNumber(tolerance.amount);
}

function decimalPlacesOf(value: number): number {
  const fraction = formatPlainNumber(value).split('.')[1];
  return fraction ? fraction.length : 0;
}
