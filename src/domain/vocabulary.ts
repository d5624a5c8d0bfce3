/**
 * The words of the indicator register, as people type them into the import spreadsheet, and the
 * labels the bot shows back.
 *
 * Matching ignores case, and treats spaces, hyphens and underscores alike ("Data-only", "DATA_ONLY"
 * and "data only" are one word), because registers are kept by hand by many people. Each field
 * accepts the synonyms a person would naturally use, including Kent's H / L / T polarity codes, and a
 * refusal lists every accepted word so the fix is in the message.
 */
import type { Aggregation, Frequency, IndicatorKind, Lens, Polarity, Role, Unit } from './types';
import { fail, ok, type Result } from './result';

/** Accepted words for each value; the first word is the one shown first in messages. */
type Synonyms<T extends string> = Readonly<Record<T, readonly string[]>>;

const KIND_WORDS: Synonyms<IndicatorKind> = {
  KPI: ['KPI', 'key performance indicator'],
  PI: ['PI', 'performance indicator'],
  DATA_ONLY: ['data only', 'dataonly', 'data', 'statistic', 'statistics', 'monitoring only'],
};

const UNIT_WORDS: Synonyms<Unit> = {
  PERCENT: ['percent', 'percentage', '%', 'pct'],
  NUMBER: ['number', 'count', 'no', 'no.', '#'],
  CURRENCY: ['currency', 'GBP', '£', 'pounds'],
  DAYS: ['days', 'day'],
  MINUTES: ['minutes', 'mins', 'min'],
  RATE: ['rate', 'per 1,000', 'per 10,000', 'per 100,000'],
  RATIO: ['ratio'],
};

const POLARITY_WORDS: Synonyms<Polarity> = {
  HIGHER: ['higher is better', 'higher', 'high', 'H', 'up'],
  LOWER: ['lower is better', 'lower', 'low', 'L', 'down'],
  GOALPOST: ['goal post', 'goalpost', 'target', 'T', 'on target', 'close to target', 'close to target is best'],
};

const FREQUENCY_WORDS: Synonyms<Frequency> = {
  MONTHLY: ['monthly', 'month', 'M'],
  QUARTERLY: ['quarterly', 'quarter', 'Q'],
  ANNUAL: ['annual', 'annually', 'yearly', 'year', 'Y'],
};

const AGGREGATION_WORDS: Synonyms<Aggregation> = {
  CUMULATIVE: ['cumulative', 'YTD', 'year to date'],
  SUM: ['sum', 'total'],
  AVERAGE: ['average', 'mean', 'avg'],
  SNAPSHOT: ['snapshot', 'latest', 'point in time'],
  ROLLING12: ['rolling 12 months', 'rolling 12', 'rolling12', 'rolling'],
};

const LENS_WORDS: Synonyms<Lens> = {
  PEOPLE: ['people', 'our people'],
  FINANCE: ['finance', 'our finance', 'finances', 'our finances'],
  CUSTOMERS: ['customers', 'our customers', 'customer'],
  ENVIRONMENT: ['environment', 'our environment'],
  SERVICES: ['services', 'our services', 'service'],
};

/**
 * The People sheet's roles, in the order its messages list them: the two it states first, then the
 * four that follow from the Indicators sheet.
 */
const ROLE_WORDS: Synonyms<Role> = {
  ADMIN: ['admin', 'administrator', 'performance team'],
  VIEWER: ['viewer', 'reader', 'read only', 'readonly', 'view only'],
  OWNER: ['owner', 'indicator owner'],
  DELEGATE: ['delegate'],
  VERIFIER: ['verifier'],
  DIRECTOR: ['director'],
};

/**
 * One role word from the People sheet's `roles` cell. The refusal names only the main words, in
 * the register's own phrasing ("is not a role: use admin, viewer, …"), because a cell holds a list
 * and the full synonym list would bury the one word that is wrong.
 */
export function parseRole(text: string): Result<Role> {
  const wanted = normalise(text);
  const entries = Object.entries(ROLE_WORDS) as [Role, readonly string[]][];
  const match = entries.find(([value, words]) => [value, ...words].some((word) => normalise(word) === wanted));
  if (match) return ok(match[0]);
  const main = entries.map(([, words]) => words[0]!);
  return fail(`"${text.trim()}" is not a role: use ${main.slice(0, -1).join(', ')} or ${main[main.length - 1]}`);
}

/** Every role word accepted, main word first: "admin (or administrator, performance team); viewer (or …)". */
export function roleWords(): string {
  return (Object.values(ROLE_WORDS) as readonly (readonly string[])[])
    .map(([main, ...others]) => (others.length > 0 ? `${main} (or ${others.join(', ')})` : String(main)))
    .join('; ');
}

/** A `roles` cell: words separated by ";" or ","; an empty cell is no role. Each refused word is reported. */
export function parseRoles(text: string): { readonly roles: readonly Role[]; readonly refusals: readonly string[] } {
  const roles = new Set<Role>();
  const refusals: string[] = [];
  for (const word of text.split(/[;,]/).map((w) => w.trim()).filter(Boolean)) {
    const role = parseRole(word);
    if (role.ok) roles.add(role.value);
    else refusals.push(role.error);
  }
  return { roles: [...roles], refusals };
}

export const parseKind = (text: string): Result<IndicatorKind> => parseWord(text, 'the kind', KIND_WORDS);

export function parseUnit(text: string): Result<Unit> {
  // Any "per N" is a rate ("per 1000", "rate per 10,000 population"): the N belongs in the title.
  if (/^(rate )?per \d[\d,]*( .*)?$/.test(normalise(text))) return ok('RATE');
  return parseWord(text, 'the unit', UNIT_WORDS);
}

export const parsePolarity = (text: string): Result<Polarity> => parseWord(text, 'the polarity', POLARITY_WORDS);
export const parseFrequency = (text: string): Result<Frequency> => parseWord(text, 'the frequency', FREQUENCY_WORDS);
export const parseAggregation = (text: string): Result<Aggregation> =>
  parseWord(text, 'the aggregation', AGGREGATION_WORDS);
export const parseLens = (text: string): Result<Lens> => parseWord(text, 'the lens', LENS_WORDS);

export const MAX_DECIMALS = 6;

/** Decimal places shown and accepted for an indicator: a whole number from 0 to 6. */
export function parseDecimals(text: string): Result<number> {
  const shown = text.trim();
  const accepted = `Enter the decimal places as a whole number from 0 to ${MAX_DECIMALS}`;
  if (!/^\d+$/.test(shown)) return fail(`${accepted} — got "${shown}"`);
  const decimals = Number(shown);
  return decimals <= MAX_DECIMALS ? ok(decimals) : fail(`${accepted} — got "${shown}"`);
}

export function unitLabel(unit: Unit): string {
  return UNIT_LABELS[unit];
}
export function lensLabel(lens: Lens): string {
  return LENS_LABELS[lens];
}
export function polarityLabel(polarity: Polarity): string {
  return POLARITY_LABELS[polarity];
}
export function kindLabel(kind: IndicatorKind): string {
  return KIND_LABELS[kind];
}
export function frequencyLabel(frequency: Frequency): string {
  return FREQUENCY_LABELS[frequency];
}
export function aggregationLabel(aggregation: Aggregation): string {
  return AGGREGATION_LABELS[aggregation];
}

const UNIT_LABELS: Readonly<Record<Unit, string>> = {
  PERCENT: 'Percentage',
  NUMBER: 'Number',
  CURRENCY: 'Pounds (£)',
  DAYS: 'Days',
  MINUTES: 'Minutes',
  RATE: 'Rate',
  RATIO: 'Ratio',
};

const LENS_LABELS: Readonly<Record<Lens, string>> = {
  PEOPLE: 'People',
  FINANCE: 'Finance',
  CUSTOMERS: 'Customers',
  ENVIRONMENT: 'Environment',
  SERVICES: 'Services',
};

const POLARITY_LABELS: Readonly<Record<Polarity, string>> = {
  HIGHER: 'Higher is better',
  LOWER: 'Lower is better',
  GOALPOST: 'Close to target is best',
};

const KIND_LABELS: Readonly<Record<IndicatorKind, string>> = {
  KPI: 'KPI',
  PI: 'PI',
  DATA_ONLY: 'Data only',
};

const FREQUENCY_LABELS: Readonly<Record<Frequency, string>> = {
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  ANNUAL: 'Annual',
};

const AGGREGATION_LABELS: Readonly<Record<Aggregation, string>> = {
  CUMULATIVE: 'Cumulative (year to date)',
  SUM: 'Sum',
  AVERAGE: 'Average',
  SNAPSHOT: 'Snapshot (latest value)',
  ROLLING12: 'Rolling 12 months',
};

/** Lower case, with runs of spaces, hyphens and underscores made into one space. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

function parseWord<T extends string>(text: string, field: string, synonyms: Synonyms<T>): Result<T> {
  const wanted = normalise(text);
  const entries = Object.entries(synonyms) as [T, readonly string[]][];
  // The enum value itself ("DATA_ONLY", "ROLLING12") is always accepted, so exports round-trip.
  const match = entries.find(([value, words]) => [value, ...words].some((word) => normalise(word) === wanted));
  if (match) return ok(match[0]);
  const choices = entries.map(([, words]) => {
    const [main, ...others] = words;
    return others.length > 0 ? `${main} (or ${others.join(', ')})` : String(main);
  });
  const got = text.trim() === '' ? 'nothing was entered' : `got "${text.trim()}"`;
  return fail(`Enter ${field} as one of: ${choices.join('; ')} — ${got}`);
}
