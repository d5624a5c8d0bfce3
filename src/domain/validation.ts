/**
 * Checks a value an indicator owner submits, before it is stored.
 *
 * Every refusal names the indicator ("HB01 Days to process new claims") because owners often submit
 * several figures in one go, and says what to do instead. The checks, in order:
 *   1. the period is open for entry;
 *   2. the text is a number (parseUkNumber);
 *   3. a % sign only for percentages, a £ sign only for money, so a figure typed into the wrong box
 *      is caught;
 *   4. percentages from 0 to 100, unless the indicator allows more (or allows negatives); counts,
 *      days, minutes, rates and ratios not negative unless the indicator allows it; money may be
 *      negative (an overspend or a variance);
 *   5. no more precision than the indicator keeps. Trailing zeros are fine ("12.50" for a
 *      one-decimal indicator is 12.5), because they do not change the figure.
 */
import type { Unit } from './types';
import { fail, ok, type Result } from './result';
import { formatUkNumber, parseUkNumber, roundTo } from './numbers';
import { clip, MAX_VALUE_TEXT } from './typed-text';

export type IndicatorForValidation = {
  readonly code: string;
  readonly title: string;
  readonly unit: Unit;
  readonly decimals: number;
  readonly allowAboveHundred?: boolean;
  readonly allowNegative?: boolean;
};

export type ValueSubmission = {
  readonly indicator: IndicatorForValidation;
  readonly raw: string;
  readonly periodOpen: boolean;
  readonly periodLabel: string;
};

/** How each unit is entered, for messages such as "... is entered as a number of days, not as a percentage". */
const ENTERED_AS: Readonly<Record<Unit, string>> = {
  PERCENT: 'a percentage',
  NUMBER: 'a plain number',
  CURRENCY: 'an amount in pounds',
  DAYS: 'a number of days',
  MINUTES: 'a number of minutes',
  RATE: 'a rate',
  RATIO: 'a ratio',
};

export function validateValue(input: ValueSubmission): Result<number> {
  const { indicator, raw, periodOpen, periodLabel } = input;
  const name = `${indicator.code} ${indicator.title}`;
  const shown = raw.trim();
  if (shown.length > MAX_VALUE_TEXT) {
    return fail(`${name}: a figure is at most ${MAX_VALUE_TEXT} characters (this has ${shown.length}): enter just the number — got "${clip(shown, 20)}"`);
  }

  if (!periodOpen) {
    return fail(
      `${name}: ${periodLabel} is closed for entry; ask the performance team to reopen it if this figure needs to change.`,
    );
  }

  const parsed = parseUkNumber(raw, { indicatorLabel: name });
  if (!parsed.ok) return parsed;
  const { value, hadPercentSign, hadPoundSign } = parsed.value;
  const enteredAs = ENTERED_AS[indicator.unit];

  if (hadPercentSign && indicator.unit !== 'PERCENT') {
    return fail(`${name} is entered as ${enteredAs}, not as a percentage: remove the % sign — got "${shown}"`);
  }
  if (hadPoundSign && indicator.unit !== 'CURRENCY') {
    return fail(`${name} is entered as ${enteredAs}, not as an amount in pounds: remove the £ sign — got "${shown}"`);
  }

  const rangeProblem = outOfRange(value, indicator);
  if (rangeProblem) return fail(`${name}: ${rangeProblem} — got "${shown}"`);

  if (roundTo(value, indicator.decimals) !== value) {
    const fix =
      indicator.decimals === 0
        ? 'enter a whole number'
        : `round to ${indicator.decimals} decimal ${indicator.decimals === 1 ? 'place' : 'places'} ` +
          `(${formatUkNumber(value, indicator.decimals)})`;
    return fail(`${name}: ${fix} — got "${shown}"`);
  }

  return ok(value);
}

/** What is wrong with the size of the value for this indicator, or null when it is in range. */
function outOfRange(value: number, indicator: IndicatorForValidation): string | null {
  const negativeAllowed = indicator.allowNegative === true;
  if (indicator.unit === 'PERCENT') {
    const aboveHundredAllowed = indicator.allowAboveHundred === true;
    const tooLow = value < 0 && !negativeAllowed;
    const tooHigh = value > 100 && !aboveHundredAllowed;
    if (!tooLow && !tooHigh) return null;
    if (!negativeAllowed && !aboveHundredAllowed) return 'enter a percentage between 0 and 100';
    return tooLow ? 'a percentage cannot be negative for this indicator' : 'a percentage cannot be above 100 for this indicator';
  }
  if (indicator.unit === 'CURRENCY' || negativeAllowed || value >= 0) return null;
  return `${ENTERED_AS[indicator.unit]} cannot be negative for this indicator; enter 0 or more`;
}
