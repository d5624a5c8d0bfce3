/**
 * Checks every row of a register file and turns it into a RegisterPlan. Every problem is collected
 * (never just the first), each with its sheet, row and column, so a performance officer can fix
 * the whole file in one pass. Nothing here touches the database: what it needs to know of indicators
 * already stored arrives as `known`.
 */
import { ok, fail as err, type Result } from '../domain/result';
import type { Frequency } from '../domain/types';
import {
  parseRoles,
  parseAggregation,
  parseDecimals,
  parseFrequency,
  parseKind,
  parseLens,
  parsePolarity,
  parseUnit,
} from '../domain/vocabulary';
import { parseTolerance } from '../domain/tolerance';
import { parseUkNumber } from '../domain/numbers';
import { financialYearLabel, financialYearOf, frequencyOfPeriod, parsePeriod, periodKey, type Period } from '../domain/periods';
import { validateValue } from '../domain/validation';
import { checkBaselinePoints, MIN_BASELINE_POINTS } from '../domain/variation-settings';
import { isValidLag, MAX_LAG_MONTHS } from '../domain/reporting-lag';
import { looksLikeFormula } from '../domain/formula-text';
import { FREE_TEXT_COLUMNS, formulaProblem } from './formula-cells';
import { IGNORED_SHEETS, knownSheetList, type ImportProblem, type RegisterFile, type Sheet, type SheetName, type SheetRow } from './register-file';
import type { IndicatorInput, KnownIndicator, ListedPerson, PersonInput, RegisterPlan, TargetInput, ValueInput } from './register-plan';

export const INDICATOR_COLUMNS = [
  'code', 'title', 'definition', 'kind', 'unit', 'decimals', 'polarity', 'frequency', 'aggregation', 'lens',
  'directorate', 'owner_email', 'owner_aad_object_id', 'delegate_emails', 'verifier_email', 'verifier_aad_object_id',
  'director_email', 'director_aad_object_id', 'target', 'tolerance',
] as const;
/** Optional extras a council may add; absent columns are simply empty. */
export const OPTIONAL_INDICATOR_COLUMNS = [
  'target_year', 'service', 'priority', 'allow_above_100', 'lag_months', 'public', 'max_change_percent',
  'variation', 'variation_baseline_from', 'variation_baseline_points', 'owner_name', 'verifier_name', 'director_name',
] as const;
export const TARGET_COLUMNS = ['code', 'period', 'target'] as const;
export const VALUE_COLUMNS = ['code', 'period', 'value', 'note'] as const;
export const PEOPLE_COLUMNS = ['email', 'aad_object_id', 'roles'] as const;
/** Absent, a person's name is made from their email (or taken from the Indicators sheet). */
export const OPTIONAL_PEOPLE_COLUMNS = ['name'] as const;

export interface ParseOptions {
  /** Indicators already in the database, by code; Targets and Values may refer to them. */
  readonly known: ReadonlyMap<string, KnownIndicator>;
  /** The financial year an Indicators row's `target` is for when it has no `target_year`. */
  readonly currentFinancialYear: number;
}

export type ParseOutcome = { readonly ok: true; readonly plan: RegisterPlan } | { readonly ok: false; readonly problems: ImportProblem[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An email is stored and written out again, so one that starts like a formula (#11) is not taken as one. */
const isEmail = (text: string): boolean => EMAIL.test(text) && !looksLikeFormula(text);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,31}$/;

export function parseRegister(file: RegisterFile, options: ParseOptions): ParseOutcome {
  const problems: ImportProblem[] = unknownSheetProblems(file);
  const people = new PeopleBook(problems);
  const indicators = file.Indicators ? parseIndicators(file.Indicators, options, people, problems) : [];
  // After the Indicators sheet, so that a clash with a person named there is reported on the People row.
  const listed = file.People ? parsePeople(file.People, people, problems) : [];
  const facts = new IndicatorFacts(options.known, indicators);
  // Codes whose own Indicators row was refused: their Targets and Values cannot be checked yet.
  const accepted = new Set(indicators.map((i) => i.code.toUpperCase()));
  const refused = new Set(
    (file.Indicators?.rows ?? []).map((r) => (r.cells.code ?? '').toUpperCase()).filter((code) => code && !accepted.has(code)),
  );

  const targets: TargetInput[] = indicators.flatMap((indicator) => indicator.annualTarget ?? []);
  if (file.Targets) targets.push(...parseTargets(file.Targets, facts, refused, problems));
  const values = file.Values ? parseValues(file.Values, facts, refused, problems) : [];
  rejectDuplicates(targets, 'a target', problems);
  rejectDuplicates(values, 'a value', problems);

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return {
    ok: true,
    plan: { people: people.all(), listed, indicators: indicators.map(({ annualTarget: _t, ...rest }) => rest), targets, values },
  };
}

/**
 * A sheet the import does not know stops the import: it is most likely a known sheet misnamed
 * ("Indicatorz", "Value"), whose rows would otherwise be skipped without a word.
 */
function unknownSheetProblems(file: RegisterFile): ImportProblem[] {
  return (file.unknownSheets ?? []).map((name) => ({
    sheet: 'File', row: null, column: null,
    message: `the workbook has a sheet named "${name}", which the import does not know: name each sheet ${knownSheetList()} ` +
      `(a ${IGNORED_SHEETS.join(', ')} sheet is ignored), and move anything else to another workbook`,
  }));
}

type ParsedIndicator = IndicatorInput & { annualTarget: TargetInput | null };

function parseIndicators(sheet: Sheet, options: ParseOptions, people: PeopleBook, problems: ImportProblem[]): ParsedIndicator[] {
  if (!hasColumns(sheet, INDICATOR_COLUMNS, problems)) return [];
  const seen = new Map<string, number>();
  const parsed: ParsedIndicator[] = [];
  for (const row of sheet.rows) {
    const cell = new RowReader('Indicators', row, problems);
    const code = cell.required('code', 'a short unique code such as WST01', (text) =>
      CODE.test(text) ? ok(text) : err(`"${text}" is not a usable code: use up to 32 letters, digits, dots, dashes or slashes`),
    );
    let duplicate = false;
    if (code !== null) {
      const first = seen.get(code.toUpperCase());
      duplicate = first !== undefined;
      if (duplicate) cell.problem('code', `code ${code} is already used by row ${first}; each indicator needs its own code`);
      else seen.set(code.toUpperCase(), row.row);
    }
    const title = cell.required('title', 'the indicator\'s title', ok);
    const kind = cell.required('kind', 'KPI, PI or data only', parseKind);
    const unit = cell.required('unit', 'percent, number, currency, days, minutes, rate or ratio', parseUnit);
    const decimals = cell.required('decimals', 'the number of decimal places (0 to 6)', parseDecimals);
    const polarity = cell.required('polarity', 'higher, lower or goalpost', parsePolarity);
    const frequency = cell.required('frequency', 'monthly, quarterly or annual', parseFrequency);
    const aggregation = cell.required('aggregation', 'cumulative, sum, average, snapshot or rolling12', parseAggregation);
    const lens = cell.required('lens', 'People, Finance, Customers, Environment or Services', parseLens);
    const directorate = cell.required('directorate', 'the directorate\'s name', ok);
    const tolerance = cell.optional('tolerance', parseTolerance);
    const allowAboveHundred = cell.optional('allow_above_100', parseYesNo) ?? false;
    const lagMonths = cell.optional('lag_months', parseLagMonths) ?? 0;
    // Blank: KPIs are reported to members and so published; service PIs and data-only figures are
    // internal unless the council says otherwise (#15).
    const isPublic = cell.optional('public', parseYesNo) ?? kind === 'KPI';
    const maxChangePercent = cell.optional('max_change_percent', parseMaxChangePercent) ?? null;
    // The variation analysis (#17): on unless the register says no; rebased where the process changed.
    const variationApplies = cell.optional('variation', parseVariation) ?? true;
    const baselineFrom = cell.optional('variation_baseline_from', parseBaselineFrom);
    if (baselineFrom && frequency && !periodFits(baselineFrom, frequency)) {
      cell.problem('variation_baseline_from', `"${cell.text('variation_baseline_from').trim()}" is a ${periodNoun(frequencyOfPeriod(baselineFrom))}, but this indicator is ${frequency.toLowerCase()}: give the ${periodNoun(frequency)} from which its process changed, such as ${examplePeriod(frequency)}; blank means it has not changed`);
    }
    const variationBaselineFrom = baselineFrom && frequency && periodFits(baselineFrom, frequency) ? periodKey(baselineFrom) : null;
    const variationBaselinePoints = cell.optional('variation_baseline_points', parseBaselinePoints) ?? null;

    const owner = people.required(cell, 'owner');
    const verifier = people.optional(cell, 'verifier');
    const director = people.optional(cell, 'director');
    const delegates = people.delegates(cell);

    let annualTarget: TargetInput | null = null;
    const targetText = cell.text('target');
    if (targetText !== '') {
      const year = cell.optional('target_year', parseFinancialYear) ?? options.currentFinancialYear;
      if (kind === 'DATA_ONLY') {
        cell.problem('target', 'a data-only indicator has no target: leave target empty, or change kind to KPI or PI');
      } else {
        const value = parseUkNumber(targetText);
        if (!value.ok) cell.problem('target', value.error);
        else if (code !== null && !duplicate) {
          annualTarget = { sheet: 'Indicators', row: row.row, code, period: financialYearLabel(year), financialYear: year, value: value.value.value };
        }
      }
    }

    if (
      !duplicate && code !== null && title !== null && kind !== null && unit !== null && decimals !== null && polarity !== null &&
      frequency !== null && aggregation !== null && lens !== null && directorate !== null && owner !== null
    ) {
      parsed.push({
        row: row.row, code, title, definition: cell.text('definition'), kind, unit, decimals, polarity, frequency,
        aggregation, lens, allowAboveHundred, lagMonths, public: isPublic, maxChangePercent,
        variationApplies, variationBaselineFrom, variationBaselinePoints, directorate, service: cell.text('service') || null,
        priority: cell.text('priority') || null, owner, delegates, verifier, director, tolerance: tolerance ?? null, annualTarget,
      });
    }
  }
  return parsed;
}

function parseTargets(
  sheet: Sheet, facts: IndicatorFacts, refused: ReadonlySet<string>, problems: ImportProblem[],
): TargetInput[] {
  if (!hasColumns(sheet, TARGET_COLUMNS, problems)) return [];
  const targets: TargetInput[] = [];
  for (const row of sheet.rows) {
    const cell = new RowReader('Targets', row, problems);
    const indicator = cell.required('code', 'the code of an indicator in the register', (code) => findIndicator(code, facts, refused));
    const period = cell.required('period', 'a period such as 2026/27, 2026/27 Q3 or 2026-10', parsePeriodCell);
    const value = cell.required('target', 'the target as a number', (text) => {
      const n = parseUkNumber(text);
      return n.ok ? ok(n.value.value) : n;
    });
    if (indicator && value !== null && indicator.unit === 'PERCENT' && !indicator.allowAboveHundred && (value < 0 || value > 100)) {
      cell.problem('target', `${indicator.code} is a percentage: a target must be between 0 and 100 (or set allow_above_100 for the indicator)`);
    }
    if (indicator && period) {
      if (indicator.kind === 'DATA_ONLY') cell.problem('code', `${indicator.code} is data only and takes no target`);
      else if (period.kind !== 'YEAR' && !periodFits(period, indicator.frequency)) {
        cell.problem('period', `${indicator.code} is ${indicator.frequency.toLowerCase()}: a profiled target must be for a ${periodNoun(indicator.frequency)}, or use the year (${financialYearLabel(financialYearOf(period))})`);
      }
    }
    if (indicator && period && value !== null) {
      targets.push({ sheet: 'Targets', row: row.row, code: indicator.code, period: periodKey(period), financialYear: financialYearOf(period), value });
    }
  }
  return targets;
}

function parseValues(
  sheet: Sheet, facts: IndicatorFacts, refused: ReadonlySet<string>, problems: ImportProblem[],
): ValueInput[] {
  if (!hasColumns(sheet, VALUE_COLUMNS.filter((c) => c !== 'note'), problems)) return [];
  const values: ValueInput[] = [];
  for (const row of sheet.rows) {
    const cell = new RowReader('Values', row, problems);
    const indicator = cell.required('code', 'the code of an indicator in the register', (code) => findIndicator(code, facts, refused));
    const period = cell.required('period', 'a period such as 2026-10, 2026/27 Q3 or 2026/27', parsePeriodCell);
    const periodFitsIndicator = !indicator || !period || periodFits(period, indicator.frequency);
    if (!periodFitsIndicator) {
      cell.problem('period', `${indicator!.code} is ${indicator!.frequency.toLowerCase()}: give a ${periodNoun(indicator!.frequency)} such as ${examplePeriod(indicator!.frequency)}`);
    }
    if (!indicator) continue;
    const value = cell.required('value', 'the figure for the period', (raw) =>
      // The performance team loads history too, so the period need not be open for entry here.
      validateValue({ indicator, raw, periodOpen: true, periodLabel: period ? periodKey(period) : '' }),
    );
    if (period && periodFitsIndicator && value !== null) {
      values.push({ row: row.row, code: indicator.code, period: periodKey(period), financialYear: financialYearOf(period), value, note: cell.text('note') });
    }
  }
  return values;
}

/**
 * The People sheet: everyone the register should hold, with the roles the performance team gives
 * them. Each person once; their email and Entra object id must agree with the Indicators sheet.
 */
function parsePeople(sheet: Sheet, people: PeopleBook, problems: ImportProblem[]): ListedPerson[] {
  if (!hasColumns(sheet, PEOPLE_COLUMNS, problems)) return [];
  const listed: ListedPerson[] = [];
  const rowOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const cell = new RowReader('People', row, problems);
    const { roles, refusals } = parseRoles(cell.text('roles'));
    for (const refusal of refusals) cell.problem('roles', refusal);
    const email = cell.required('email', "the person's work email", (text) =>
      isEmail(text.toLowerCase()) ? ok(text.toLowerCase()) : err(`"${text}" is not an email address`),
    );
    const aad = cell.optional('aad_object_id', parseGuid);
    if (email === null || (aad === null && cell.text('aad_object_id') !== '')) continue;
    const first = rowOf.get(email);
    if (first !== undefined) {
      cell.problem('email', `${email} is already listed on row ${first}; list each person once, with all their roles`);
      continue;
    }
    rowOf.set(email, row.row);
    const before = problems.length;
    people.listed(cell, { email, aadObjectId: aad, displayName: cell.text('name') || null });
    if (refusals.length === 0 && problems.length === before) listed.push({ row: row.row, email, roles });
  }
  return listed;
}

function parseGuid(text: string): Result<string> {
  return GUID.test(text) ? ok(text) : err(`"${text}" is not an Entra object id (expected a GUID such as 3f2b8c1e-0d4a-4b6e-9a57-2c1d0e9f8a76)`);
}

/** People are named on many rows; each must be described the same way everywhere. */
class PeopleBook {
  private readonly byEmail = new Map<string, PersonInput & { sheet: SheetName; row: number }>();
  private readonly emailByAad = new Map<string, string>();

  constructor(private readonly problems: ImportProblem[]) {}

  required(cell: RowReader, role: 'owner'): PersonInput | null {
    if (cell.text(`${role}_email`) === '') {
      cell.problem(`${role}_email`, `every indicator needs an ${role}: give their work email`);
      return null;
    }
    return this.optional(cell, role);
  }

  optional(cell: RowReader, role: 'owner' | 'verifier' | 'director'): PersonInput | null {
    const emailColumn = `${role}_email`;
    const aadColumn = `${role}_aad_object_id`;
    const email = cell.text(emailColumn).toLowerCase();
    const aad = cell.text(aadColumn);
    if (email === '') {
      if (aad !== '') cell.problem(emailColumn, `give the ${role}'s email as well as their Entra object id`);
      return null;
    }
    if (!isEmail(email)) {
      cell.problem(emailColumn, `"${email}" is not an email address`);
      return null;
    }
    if (aad !== '' && !GUID.test(aad)) {
      cell.problem(aadColumn, `"${aad}" is not an Entra object id (expected a GUID such as 3f2b8c1e-0d4a-4b6e-9a57-2c1d0e9f8a76)`);
      return null;
    }
    return this.remember(cell, { email, aadObjectId: aad || null, displayName: cell.text(`${role}_name`) || null }, aadColumn);
  }

  /** A People sheet row: the one place a person is described on purpose, so its name wins. */
  listed(cell: RowReader, person: PersonInput): void {
    this.remember(cell, person, 'aad_object_id', person.displayName !== null);
  }

  delegates(cell: RowReader): PersonInput[] {
    const list = cell.text('delegate_emails').split(/[;,\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
    const found: PersonInput[] = [];
    for (const email of list) {
      if (!isEmail(email)) cell.problem('delegate_emails', `"${email}" is not an email address (separate several with ;)`);
      else found.push(this.remember(cell, { email, aadObjectId: null, displayName: null }, 'delegate_emails'));
    }
    return found;
  }

  private remember(cell: RowReader, person: PersonInput, aadColumn: string, nameWins = false): PersonInput {
    const earlier = this.byEmail.get(person.email);
    const earlierAt = earlier && (earlier.sheet === cell.sheetName ? `row ${earlier.row}` : `${earlier.sheet} row ${earlier.row}`);
    if (person.aadObjectId) {
      const aad = person.aadObjectId.toLowerCase();
      const otherEmail = this.emailByAad.get(aad);
      if (otherEmail && otherEmail !== person.email) {
        cell.problem(aadColumn, `Entra object id ${person.aadObjectId} is given for ${otherEmail} elsewhere in the file; one id belongs to one person`);
      } else if (earlier?.aadObjectId && earlier.aadObjectId.toLowerCase() !== aad) {
        cell.problem(aadColumn, `${person.email} has Entra object id ${earlier.aadObjectId} on ${earlierAt}; give the same id on every row`);
      } else {
        this.emailByAad.set(aad, person.email);
      }
    }
    const merged = {
      email: person.email,
      aadObjectId: earlier?.aadObjectId ?? person.aadObjectId,
      displayName: nameWins ? person.displayName : earlier?.displayName ?? person.displayName,
      sheet: earlier?.sheet ?? cell.sheetName,
      row: earlier?.row ?? cell.rowNumber,
    };
    this.byEmail.set(person.email, merged);
    return { email: merged.email, aadObjectId: merged.aadObjectId, displayName: merged.displayName };
  }

  /** The final view of each person, after every row has had its say. */
  all(): PersonInput[] {
    return [...this.byEmail.values()].map(({ sheet: _sheet, row: _row, ...person }) => person);
  }
}

/** Reads one row's cells, recording a problem (with row and column) for each cell that fails. */
class RowReader {
  /** Free-text cells refused as formulas: reported once, here, and read as absent by required and optional. */
  private readonly formulaCells = new Set<string>();

  constructor(
    private readonly sheet: SheetName,
    private readonly row: SheetRow,
    private readonly problems: ImportProblem[],
  ) {
    // Checked up front, whatever the rest of the row holds, so that every such cell is listed (a
    // verifier_name is refused even on a row with no verifier_email, which would otherwise not read it).
    for (const column of FREE_TEXT_COLUMNS[sheet]) {
      const why = formulaProblem(row, column);
      if (why === null) continue;
      this.formulaCells.add(column);
      this.problem(column, why);
    }
  }

  get rowNumber(): number {
    return this.row.row;
  }

  get sheetName(): SheetName {
    return this.sheet;
  }

  text(column: string): string {
    return this.row.cells[column] ?? '';
  }

  required<T>(column: string, what: string, parse: (text: string) => Result<T>): T | null {
    if (this.formulaCells.has(column)) return null;
    const text = this.text(column);
    if (text === '') {
      this.problem(column, `empty: enter ${what}`);
      return null;
    }
    return this.optional(column, parse);
  }

  optional<T>(column: string, parse: (text: string) => Result<T>): T | null {
    if (this.formulaCells.has(column)) return null;
    const text = this.text(column);
    if (text === '') return null;
    const result = parse(text);
    if (result.ok) return result.value;
    this.problem(column, result.error);
    return null;
  }

  problem(column: string, message: string): void {
    this.problems.push({ sheet: this.sheet, row: this.row.row, column, message });
  }
}

function hasColumns(sheet: Sheet, columns: readonly string[], problems: ImportProblem[]): boolean {
  const missing = columns.filter((column) => !sheet.headers.includes(column));
  if (missing.length > 0) {
    problems.push({
      sheet: sheet.name, row: 1, column: null,
      message: `the header row lacks ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} (see templates/ for the expected layout)`,
    });
  }
  return missing.length === 0;
}

/**
 * The indicators Targets and Values rows may name: those in the register, overridden by this file's.
 * A code is matched exactly, else ignoring case (the first such indicator), each in constant time:
 * a file of 60,000 values looks up 60,000 codes.
 */
class IndicatorFacts {
  private readonly byCode = new Map<string, KnownIndicator>();
  private readonly byUpperCode = new Map<string, KnownIndicator>();

  constructor(known: ReadonlyMap<string, KnownIndicator>, inFile: readonly KnownIndicator[]) {
    for (const [code, indicator] of known) this.byCode.set(code, indicator);
    for (const indicator of inFile) this.byCode.set(indicator.code, indicator);
    for (const indicator of this.byCode.values()) {
      const upper = indicator.code.toUpperCase();
      if (!this.byUpperCode.has(upper)) this.byUpperCode.set(upper, indicator);
    }
  }

  find(code: string): KnownIndicator | undefined {
    return this.byCode.get(code) ?? this.byUpperCode.get(code.toUpperCase());
  }
}

function findIndicator(code: string, facts: IndicatorFacts, refused: ReadonlySet<string>): Result<KnownIndicator> {
  const indicator = facts.find(code);
  if (indicator) return ok(indicator);
  if (refused.has(code.toUpperCase())) return err(`${code}'s row on the Indicators sheet has problems (listed there); fix that row and this one will be checked`);
  return err(`no indicator with code ${code} in this file's Indicators or in the register`);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Excel turns a typed "2026-10" into 1 October 2026, and a CSV saved from UK-locale Excel then
 * writes it as displayed: "2026-10-01", "01/10/2026", "Oct-26" or "October 2026". All of these are
 * taken back as the month; anything else goes to the period parser and its message.
 */
function parsePeriodCell(text: string): Result<Period> {
  const iso = /^(\d{4})-(\d{2})-01$/.exec(text);
  if (iso) return parsePeriod(`${iso[1]}-${iso[2]}`);
  const uk = /^0?1\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) return parsePeriod(`${uk[2]}-${uk[1]!.padStart(2, '0')}`);
  const named = /^([a-z]{3})[a-z]*[\s\-]+(\d{2}|\d{4})$/i.exec(text.trim());
  const month = named ? MONTHS.indexOf(named[1]!.toLowerCase()) + 1 : 0;
  if (named && month > 0) {
    const year = named[2]!.length === 2 ? 2000 + Number(named[2]) : Number(named[2]);
    return parsePeriod(`${year}-${String(month).padStart(2, '0')}`);
  }
  return parsePeriod(text);
}

function parseFinancialYear(text: string): Result<number> {
  const period = parsePeriod(text);
  if (period.ok && period.value.kind === 'YEAR') return ok(period.value.fyStart);
  return err(`"${text}" is not a financial year: write it as 2026/27`);
}

/** Whole months from 0 to 12: how long after its period ends a figure arrives by design. */
function parseLagMonths(text: string): Result<number> {
  const shown = text.trim();
  const months = /^\d+$/.test(shown) ? Number(shown) : Number.NaN;
  return isValidLag(months)
    ? ok(months)
    : err(`"${shown}" is not a reporting lag: enter the whole number of months after the period that its figure arrives, from 0 to ${MAX_LAG_MONTHS} (3 for a quarter late); blank means 0`);
}

/**
 * The largest believable change between periods, in percent above 0 ("50" or "50%"): a figure that
 * moves further is questioned when it is entered (#16).
 */
function parseMaxChangePercent(text: string): Result<number> {
  const shown = text.trim();
  const digits = shown.replace(/\s*%$/, '');
  const percent = /^\d+(\.\d+)?$/.test(digits) ? Number(digits) : Number.NaN;
  return Number.isFinite(percent) && percent > 0
    ? ok(percent)
    : err(`"${shown}" is not a jump limit: enter the largest believable change from one period to the next as a percentage above 0, such as 50 (a figure that moves further is questioned when it is entered); blank means no limit`);
}

/**
 * The period from which an indicator's process changed (#17): a month, quarter or year as on the
 * Values sheet (Excel's dates for a month included). Whether it is of the indicator's frequency is
 * checked by the caller, which knows the frequency.
 */
function parseBaselineFrom(text: string): Result<Period> {
  const period = parsePeriodCell(text);
  return period.ok
    ? period
    : err(`"${text.trim()}" is not a period: give the period from which the indicator's process changed, as a month (2026-10), a quarter (2026/27 Q3) or a year (2026/27) to match its frequency; blank means it has not changed`);
}

/** How many points after the baseline start the process limits are fixed from (#17): blank for all of them. */
function parseBaselinePoints(text: string): Result<number> {
  const shown = text.trim();
  const points = /^\d+$/.test(shown) ? Number(shown) : Number.NaN;
  const checked = checkBaselinePoints(Number.isNaN(points) ? Number.NaN : points);
  return checked.ok && checked.value !== null
    ? ok(checked.value)
    : err(`"${shown}" is not a baseline: enter the whole number of points, ${MIN_BASELINE_POINTS} or more, that the process limits are fixed from (such as 20); blank means from all of them`);
}

/** Whether the variation analysis applies (#17): yes or no as for `public`, with a message that says so. */
function parseVariation(text: string): Result<boolean> {
  const answer = parseYesNo(text);
  return answer.ok
    ? answer
    : err(`"${text.trim()}" is not yes or no: say whether the variation analysis (process limits and signals) applies to this indicator, yes or no (also y/n, true/false, 1/0); blank means yes`);
}

function parseYesNo(text: string): Result<boolean> {
  const word = text.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(word)) return ok(true);
  if (['no', 'n', 'false', '0'].includes(word)) return ok(false);
  return err(`"${text}" is not yes or no`);
}

function periodFits(period: Period, frequency: Frequency): boolean {
  return frequencyOfPeriod(period) === frequency;
}

const periodNoun = (frequency: Frequency): string =>
  frequency === 'MONTHLY' ? 'month' : frequency === 'QUARTERLY' ? 'quarter' : 'financial year';
const examplePeriod = (frequency: Frequency): string =>
  frequency === 'MONTHLY' ? '2026-10' : frequency === 'QUARTERLY' ? '2026/27 Q3' : '2026/27';

/** Values rows carry no sheet: they all come from the Values sheet. */
const sheetOf = (row: TargetInput | ValueInput): 'Indicators' | 'Targets' | 'Values' => ('sheet' in row ? row.sheet : 'Values');

function rejectDuplicates(rows: readonly (TargetInput | ValueInput)[], what: string, problems: ImportProblem[]): void {
  const seen = new Map<string, TargetInput | ValueInput>();
  for (const row of rows) {
    const key = `${row.code.toUpperCase()}|${row.period}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        sheet: sheetOf(row), row: row.row, column: 'period',
        message: `${what} for ${row.code} ${row.period} is already given on ${sheetOf(first)} row ${first.row}; give it once`,
      });
    } else seen.set(key, row);
  }
}

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const order = { File: 0, Indicators: 1, Targets: 2, Values: 3, People: 4 } as const;
  return [...problems].sort((a, b) => order[a.sheet] - order[b.sheet] || (a.row ?? 0) - (b.row ?? 0));
}

