/**
 * Numbers as people in a UK council type them, and as the bot shows them back.
 *
 * Reading is tolerant of the things spreadsheets and Word add ("£1,200.50", "95 %", "−3" with a
 * Unicode minus, non-breaking spaces) but refuses anything whose meaning is in doubt, such as
 * "12,5" (a European decimal comma that would otherwise become 125), because a wrong figure that
 * looks right is worse than a refusal.
 */
import type { Unit } from './types';
import { fail, ok, type Result } from './result';

export type ParsedNumber = {
  readonly value: number;
  readonly hadPercentSign: boolean;
  readonly hadPoundSign: boolean;
  /** Digits typed after the decimal point, trailing zeros included ("12.50" → 2). */
  readonly decimalsGiven: number;
};

export type ParseNumberOptions = {
  /** Prefixed to every message ("HB01 Days to process new claims: ...") so the person knows which box. */
  readonly indicatorLabel?: string;
};

const EXAMPLE = 'enter a number such as 1,234.5';
const THOUSANDS_RULE = 'commas can only separate thousands, in groups of three digits, as in 1,234,567';

// Word and Excel turn "-" into these; all mean minus when they lead a number.
const MINUS_SIGNS = /[\u2212\u2013\uFE63\uFF0D]/g;

export function parseUkNumber(text: string, options: ParseNumberOptions = {}): Result<ParsedNumber> {
  const shown = text.trim();
  const refuse = (why: string): Result<ParsedNumber> =>
    fail(options.indicatorLabel ? `${options.indicatorLabel}: ${why}` : capitalise(why));

  let rest = shown.replace(MINUS_SIGNS, '-');
  if (rest === '') return refuse(`${EXAMPLE} — nothing was entered`);

  const hadPercentSign = rest.endsWith('%');
  if (hadPercentSign) rest = rest.slice(0, -1).trimEnd();

  // One optional sign, either side of an optional pound sign: "-£5" and "£-5" both mean minus five pounds.
  const parts = /^([+-]?)\s*(£?)\s*([+-]?)\s*([\d.,]+)$/.exec(rest);
  const [, signBefore = '', pound = '', signAfter = '', body = ''] = parts ?? [];
  if (!parts || (signBefore && signAfter) || !/\d/.test(body)) return refuse(`${EXAMPLE} — got "${shown}"`);
  const hadPoundSign = pound === '£';
  if (hadPoundSign && hadPercentSign) return refuse(`use either £ or %, not both — got "${shown}"`);

  const points = body.split('.').length - 1;
  const lastComma = body.lastIndexOf(',');
  if (points === 1 && lastComma > body.indexOf('.')) {
    return refuse(`use a full stop for decimals and commas only for thousands, as in 1,234.5 — got "${shown}"`);
  }
  if (points > 1) {
    return refuse(`"${shown}" has more than one decimal point; use a full stop only for decimals, as in 1,234.5`);
  }

  const [wholePart = '', fractionPart = ''] = body.split('.');
  if (wholePart.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(wholePart)) {
    // "12,5" is almost certainly a decimal comma; "1,2345" is a slip in the thousands. Say which
    // fix applies, and for the ambiguous short forms mention both so the person can choose.
    const looksLikeDecimalComma = points === 0 && /^\d+,\d{1,2}$/.test(wholePart);
    return refuse(
      looksLikeDecimalComma
        ? `"${shown}" looks like a decimal comma: use a full stop for decimals, as in 12.5 (${THOUSANDS_RULE})`
        : `"${shown}" has a comma in the wrong place: ${THOUSANDS_RULE}`,
    );
  }

  const magnitude = Number(`${wholePart.replace(/,/g, '') || '0'}.${fractionPart || '0'}`);
  if (!Number.isFinite(magnitude)) return refuse(`"${shown}" is too large to store; check the figure`);

  const signed = (signBefore || signAfter) === '-' ? -magnitude : magnitude;
  // "-0" is still zero; keep it from showing up later as "-0".
  const value = signed === 0 ? 0 : signed;
  return ok({ value, hadPercentSign, hadPoundSign, decimalsGiven: fractionPart.length });
}

/**
 * Rounds half away from zero to `decimals` places (0 or more), as people and Excel expect:
 * roundTo(2.5, 0) = 3, roundTo(-2.5, 0) = -3 and roundTo(1.005, 2) = 1.01, although 1.005 is
 * stored in binary as 1.00499999999999989...
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Reading the scaled value back at 15 significant digits (all a double holds reliably) turns
  // 100.49999999999999 back into the 100.5 that was meant. Above 1e15 there is no fraction left to fix.
  const cleaned = scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled;
  const rounded = Math.round(cleaned) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** "1,234.50": thousands separated by commas, exactly `decimals` places, "-" for negatives. */
export function formatUkNumber(value: number, decimals: number): string {
  const rounded = roundTo(value, decimals);
  const [whole = '', fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A value with its unit for people: "95.0%", "£1,234", "-£50", "12.5 days", "1 day", "4.0 minutes".
 * NUMBER, RATE and RATIO show the number alone, because what they count ("per 10,000 population",
 * "kg per household") is in the indicator's title, not in the unit.
 */
export function formatValue(value: number, unit: Unit, decimals: number): string {
  const number = formatUkNumber(value, decimals);
  switch (unit) {
    case 'PERCENT':
      return `${number}%`;
    case 'CURRENCY':
      return number.startsWith('-') ? `-£${number.slice(1)}` : `£${number}`;
    case 'DAYS':
      return `${number} ${number === '1' ? 'day' : 'days'}`;
    case 'MINUTES':
      return `${number} ${number === '1' ? 'minute' : 'minutes'}`;
    case 'NUMBER':
    case 'RATE':
    case 'RATIO':
      return number;
  }
}

/**
 * The shortest plain decimal for a number, with no thousands separators and never an exponent
 * ("2.5", "1500", "0.0000001"), so that it reads back through parseUkNumber unchanged.
 */
export function formatPlainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
