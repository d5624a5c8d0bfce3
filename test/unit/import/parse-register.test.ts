import {
  INDICATOR_COLUMNS,
  parseRegister,
  type ParseOptions,
  type ParseOutcome,
} from '../../../src/import/parse-register';
import type { ImportProblem, RegisterFile, Sheet, SheetName } from '../../../src/import/register-file';
import type { KnownIndicator, RegisterPlan } from '../../../src/import/register-plan';

// ---------------------------------------------------------------------------------------------
// Helpers: sheets built in code, rows numbered from 2 as a spreadsheet shows them.
// ---------------------------------------------------------------------------------------------

type Row = Record<string, string>;

/** A sheet from header→value objects; headers default to every key used (in first-seen order). */
function makeSheet(name: SheetName, records: readonly Row[], headers?: readonly string[]): Sheet {
  const columns = headers ?? [...new Set(records.flatMap((record) => Object.keys(record)))];
  return {
    name,
    headers: [...columns],
    rows: records.map((record, i) => ({
      row: i + 2,
      cells: Object.fromEntries(columns.map((column) => [column, record[column] ?? ''])),
    })),
  };
}

/** An Indicators sheet with every required column, plus any optional ones the rows use. */
function indicatorsSheet(records: readonly Row[]): Sheet {
  const extras = [...new Set(records.flatMap((record) => Object.keys(record)))].filter(
    (column) => !(INDICATOR_COLUMNS as readonly string[]).includes(column),
  );
  return makeSheet('Indicators', records, [...INDICATOR_COLUMNS, ...extras]);
}

const SARAH = { email: 'sarah.whitfield@fenmarsh.gov.uk', aad: 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e04' };
const MARCUS = { email: 'marcus.webb@fenmarsh.gov.uk', aad: 'a1f0c3d2-1b4e-4c6a-9d2f-0e1a2b3c4d02' };
const NADIA = { email: 'nadia.rahman@fenmarsh.gov.uk', aad: 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f03' };
const EMMA = { email: 'emma.clarke@fenmarsh.gov.uk', aad: 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e06' };

/** A good Indicators row (FIN01-like); overrides change single cells. */
function indicator(overrides: Row = {}): Row {
  return {
    code: 'FIN01',
    title: 'Council Tax collected (cumulative in year)',
    definition: "Percentage of the year's Council Tax debit collected so far this financial year.",
    kind: 'KPI',
    unit: 'percent',
    decimals: '1',
    polarity: 'higher',
    frequency: 'monthly',
    aggregation: 'cumulative',
    lens: 'Finance',
    directorate: 'Resources',
    owner_email: SARAH.email,
    owner_aad_object_id: SARAH.aad,
    delegate_emails: '',
    verifier_email: '',
    verifier_aad_object_id: '',
    director_email: MARCUS.email,
    director_aad_object_id: MARCUS.aad,
    target: '98.6',
    tolerance: '1%',
    ...overrides,
  };
}

function known(overrides: Partial<KnownIndicator> & { code: string }): KnownIndicator {
  return {
    title: `Indicator ${overrides.code}`,
    kind: 'KPI',
    unit: 'PERCENT',
    decimals: 1,
    frequency: 'MONTHLY',
    allowAboveHundred: false,
    ...overrides,
  };
}

function options(knownIndicators: readonly KnownIndicator[] = [], currentFinancialYear = 2026): ParseOptions {
  return { known: new Map(knownIndicators.map((k) => [k.code, k])), currentFinancialYear };
}

function planOf(outcome: ParseOutcome): RegisterPlan {
  if (!outcome.ok) {
    throw new Error(`expected a plan, got problems:\n${outcome.problems.map((p) => JSON.stringify(p)).join('\n')}`);
  }
  return outcome.plan;
}

function problemsOf(outcome: ParseOutcome): ImportProblem[] {
  if (outcome.ok) throw new Error('expected problems, got a plan');
  return outcome.problems;
}

const SHEET_ORDER: Record<ImportProblem['sheet'], number> = { File: 0, Indicators: 1, Targets: 2, Values: 3, People: 4 };

/** Where each problem is, in sheet/row/column order (the order within a row is not part of the contract). */
function placesOf(outcome: ParseOutcome): { sheet: string; row: number | null; column: string | null }[] {
  return problemsOf(outcome)
    .map(({ sheet, row, column }) => ({ sheet, row, column }))
    .sort(
      (a, b) =>
        SHEET_ORDER[a.sheet] - SHEET_ORDER[b.sheet] ||
        (a.row ?? 0) - (b.row ?? 0) ||
        String(a.column).localeCompare(String(b.column)),
    );
}

function messageAt(outcome: ParseOutcome, sheet: SheetName, row: number, column: string): string {
  const found = problemsOf(outcome).filter((p) => p.sheet === sheet && p.row === row && p.column === column);
  if (found.length !== 1) throw new Error(`expected one problem at ${sheet} row ${row} ${column}, found ${found.length}`);
  return found[0]!.message;
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

describe('parseRegister: a good Indicators sheet', () => {
  const file: RegisterFile = {
    Indicators: indicatorsSheet([
      indicator({
        code: 'PPL03',
        title: 'Staff turnover (rolling 12 months)',
        definition: 'Leavers in the last 12 months as a percentage of average headcount.',
        kind: 'KPI',
        unit: '%',
        decimals: '1',
        polarity: 'Higher is better',
        frequency: 'Monthly',
        aggregation: 'rolling 12',
        lens: 'Our People',
        directorate: 'Resources',
        owner_email: 'Emma.Clarke@Fenmarsh.gov.uk',
        owner_aad_object_id: EMMA.aad,
        owner_name: 'Emma Clarke',
        delegate_emails: 'a@x.gov.uk; b@x.gov.uk',
        verifier_email: NADIA.email,
        verifier_aad_object_id: NADIA.aad,
        verifier_name: 'Nadia Rahman',
        director_email: MARCUS.email,
        director_aad_object_id: MARCUS.aad,
        director_name: 'Marcus Webb',
        target: '12.5',
        tolerance: '5%',
        target_year: '',
        service: 'Human Resources',
        priority: 'Efficient, modern services',
        allow_above_100: '',
      }),
      indicator({
        code: 'SRV06',
        title: 'Households in temporary accommodation',
        definition: 'Households in temporary accommodation on the last day of the quarter.',
        kind: 'data only',
        unit: 'count',
        decimals: '0',
        polarity: 'L',
        frequency: 'Q',
        aggregation: 'latest',
        lens: 'services',
        directorate: 'Customers and Communities',
        owner_email: 'james.patel@fenmarsh.gov.uk',
        owner_aad_object_id: '',
        delegate_emails: 'B@X.gov.uk',
        verifier_email: '',
        verifier_aad_object_id: '',
        director_email: '',
        director_aad_object_id: '',
        target: '',
        tolerance: '2.5',
      }),
      indicator({
        code: 'FIN09',
        title: 'Capital programme variance',
        definition: 'Forecast outturn less budget.',
        kind: 'PI',
        unit: '£',
        decimals: '0',
        polarity: 'goal post',
        frequency: 'annually',
        aggregation: 'YTD',
        lens: 'Our Finances',
        target: '1,250,000',
        target_year: '2027/28',
        tolerance: '',
        allow_above_100: 'no',
        service: 'Finance',
        priority: '',
      }),
      indicator({
        code: 'CUS09',
        title: 'Residents satisfied with the council',
        kind: 'key performance indicator',
        unit: 'percentage',
        decimals: '0',
        polarity: 'up',
        frequency: 'yearly',
        aggregation: 'mean',
        lens: 'customer',
        directorate: 'Customers and Communities',
        target: '75',
        tolerance: '±2',
        allow_above_100: 'yes',
      }),
    ]),
  };
  const plan = planOf(parseRegister(file, options([], 2026)));

  it('reads every synonym into the exact enum values', () => {
    expect(
      plan.indicators.map(({ code, kind, unit, decimals, polarity, frequency, aggregation, lens, allowAboveHundred }) => ({
        code, kind, unit, decimals, polarity, frequency, aggregation, lens, allowAboveHundred,
      })),
    ).toEqual([
      { code: 'PPL03', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'MONTHLY', aggregation: 'ROLLING12', lens: 'PEOPLE', allowAboveHundred: false },
      { code: 'SRV06', kind: 'DATA_ONLY', unit: 'NUMBER', decimals: 0, polarity: 'LOWER', frequency: 'QUARTERLY', aggregation: 'SNAPSHOT', lens: 'SERVICES', allowAboveHundred: false },
      { code: 'FIN09', kind: 'PI', unit: 'CURRENCY', decimals: 0, polarity: 'GOALPOST', frequency: 'ANNUAL', aggregation: 'CUMULATIVE', lens: 'FINANCE', allowAboveHundred: false },
      { code: 'CUS09', kind: 'KPI', unit: 'PERCENT', decimals: 0, polarity: 'HIGHER', frequency: 'ANNUAL', aggregation: 'AVERAGE', lens: 'CUSTOMERS', allowAboveHundred: true },
    ]);
  });

  it('reads tolerances as a percentage of target, an absolute amount, or none', () => {
    expect(plan.indicators.map((i) => i.tolerance)).toEqual([
      { kind: 'PERCENT_OF_TARGET', percent: 5 },
      { kind: 'ABSOLUTE', amount: 2.5 },
      null,
      { kind: 'ABSOLUTE', amount: 2 },
    ]);
  });

  it('keeps the row, the text fields and the people of the first indicator', () => {
    expect(plan.indicators[0]).toEqual({
      row: 2,
      code: 'PPL03',
      title: 'Staff turnover (rolling 12 months)',
      definition: 'Leavers in the last 12 months as a percentage of average headcount.',
      kind: 'KPI',
      unit: 'PERCENT',
      decimals: 1,
      polarity: 'HIGHER',
      frequency: 'MONTHLY',
      aggregation: 'ROLLING12',
      lens: 'PEOPLE',
      allowAboveHundred: false,
      lagMonths: 0,
      maxChangePercent: null,
      variationApplies: true,
      variationBaselineFrom: null,
      variationBaselinePoints: null,
      public: true,
      directorate: 'Resources',
      service: 'Human Resources',
      priority: 'Efficient, modern services',
      owner: { email: EMMA.email, aadObjectId: EMMA.aad, displayName: 'Emma Clarke' },
      delegates: [
        { email: 'a@x.gov.uk', aadObjectId: null, displayName: null },
        { email: 'b@x.gov.uk', aadObjectId: null, displayName: null },
      ],
      verifier: { email: NADIA.email, aadObjectId: NADIA.aad, displayName: 'Nadia Rahman' },
      director: { email: MARCUS.email, aadObjectId: MARCUS.aad, displayName: 'Marcus Webb' },
      tolerance: { kind: 'PERCENT_OF_TARGET', percent: 5 },
    });
  });

  it('leaves optional people and text empty as null, and the definition as ""', () => {
    const srv06 = plan.indicators.find((i) => i.code === 'SRV06');
    expect(srv06).toMatchObject({
      row: 3,
      service: null,
      priority: null,
      verifier: null,
      director: null,
      owner: { email: 'james.patel@fenmarsh.gov.uk', aadObjectId: null, displayName: null },
      delegates: [{ email: 'b@x.gov.uk', aadObjectId: null, displayName: null }],
    });
    const fin09 = plan.indicators.find((i) => i.code === 'FIN09');
    expect(fin09?.definition).toBe('Forecast outturn less budget.');
    expect(fin09?.service).toBe('Finance');
    expect(fin09?.priority).toBeNull();
  });

  it('turns the target column into annual targets: the current year unless target_year says otherwise; none for data only', () => {
    expect(plan.targets).toEqual([
      { sheet: 'Indicators', row: 2, code: 'PPL03', period: '2026/27', financialYear: 2026, value: 12.5 },
      { sheet: 'Indicators', row: 4, code: 'FIN09', period: '2027/28', financialYear: 2027, value: 1250000 },
      { sheet: 'Indicators', row: 5, code: 'CUS09', period: '2026/27', financialYear: 2026, value: 75 },
    ]);
    expect(plan.values).toEqual([]);
  });

  it('lists each person once, email lower-cased, with the id and name from any row', () => {
    const byEmail = new Map(plan.people.map((p) => [p.email, p]));
    expect([...byEmail.keys()].sort()).toEqual(
      ['a@x.gov.uk', 'b@x.gov.uk', EMMA.email, 'james.patel@fenmarsh.gov.uk', MARCUS.email, NADIA.email, SARAH.email].sort(),
    );
    expect(plan.people).toHaveLength(7);
    expect(byEmail.get(EMMA.email)).toEqual({ email: EMMA.email, aadObjectId: EMMA.aad, displayName: 'Emma Clarke' });
    expect(byEmail.get(MARCUS.email)).toEqual({ email: MARCUS.email, aadObjectId: MARCUS.aad, displayName: 'Marcus Webb' });
    expect(byEmail.get(SARAH.email)).toEqual({ email: SARAH.email, aadObjectId: SARAH.aad, displayName: null });
  });

  it('uses currentFinancialYear for the annual target when target_year is absent', () => {
    const outcome = parseRegister({ Indicators: indicatorsSheet([indicator()]) }, options([], 2025));
    expect(planOf(outcome).targets).toEqual([
      { sheet: 'Indicators', row: 2, code: 'FIN01', period: '2025/26', financialYear: 2025, value: 98.6 },
    ]);
  });
});

describe('parseRegister: Indicators sheet layout', () => {
  it('reports missing required columns once, at row 1, naming each one', () => {
    const headers = INDICATOR_COLUMNS.filter((c) => c !== 'owner_aad_object_id' && c !== 'tolerance');
    const file: RegisterFile = {
      Indicators: makeSheet('Indicators', [indicator(), indicator({ code: 'FIN02', kind: 'nonsense' })], headers),
    };
    const problems = problemsOf(parseRegister(file, options()));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: 'Indicators', row: 1, column: null });
    expect(problems[0]!.message).toContain('columns owner_aad_object_id, tolerance');
    expect(problems[0]!.message).toContain('templates/');
  });

  it('names a single missing column in the singular', () => {
    const headers = INDICATOR_COLUMNS.filter((c) => c !== 'lens');
    const problems = problemsOf(parseRegister({ Indicators: makeSheet('Indicators', [indicator()], headers) }, options()));
    expect(problems).toEqual([
      {
        sheet: 'Indicators', row: 1, column: null,
        message: 'the header row lacks column lens (see templates/ for the expected layout)',
      },
    ]);
  });

  it('reports missing columns on the Targets and Values sheets too, but a Values sheet needs no note column', () => {
    const targetsMissing = parseRegister(
      { Targets: makeSheet('Targets', [{ code: 'ENV01', period: '2026/27' }]) },
      options([known({ code: 'ENV01' })]),
    );
    expect(problemsOf(targetsMissing)).toEqual([
      expect.objectContaining({ sheet: 'Targets', row: 1, column: null, message: expect.stringContaining('column target') }),
    ]);
    const valuesWithoutNote = parseRegister(
      { Values: makeSheet('Values', [{ code: 'ENV01', period: '2026-10', value: '50.5' }]) },
      options([known({ code: 'ENV01' })]),
    );
    expect(planOf(valuesWithoutNote).values).toEqual([
      { row: 2, code: 'ENV01', period: '2026-10', financialYear: 2026, value: 50.5, note: '' },
    ]);
  });
});

describe('parseRegister: every problem in a bad file is reported', () => {
  const file: RegisterFile = {
    Indicators: indicatorsSheet([
      indicator({ code: 'FIN01', target_year: '', allow_above_100: '' }),
      indicator({ code: 'FIN02', kind: 'KPIs', unit: 'furlongs', decimals: '7', owner_email: 'not-an-email' }),
      indicator({ code: '', polarity: 'sideways', frequency: 'fortnightly', tolerance: '-5%', target: '12,5' }),
      indicator({
        code: 'FIN04', title: '', aggregation: 'median', lens: 'Parks', directorate: '',
        allow_above_100: 'maybe', target_year: '2026/28', delegate_emails: 'a@x.gov.uk; nobody',
      }),
    ]),
    Targets: makeSheet('Targets', [
      { code: 'FIN01', period: 'next year', target: 'lots' },
      { code: 'FIN01', period: '2026-05', target: '20' },
    ]),
    Values: makeSheet('Values', [
      { code: 'NOPE', period: '2026-13', value: '5', note: '' },
      { code: 'FIN01', period: '2026-04', value: '', note: 'forgot the figure' },
      { code: 'FIN01', period: '2026-05', value: '101', note: '' },
    ]),
  };
  const outcome = parseRegister(file, options());

  it('reports each bad cell at its sheet, row and column, and nothing else', () => {
    expect(placesOf(outcome)).toEqual([
      { sheet: 'Indicators', row: 3, column: 'decimals' },
      { sheet: 'Indicators', row: 3, column: 'kind' },
      { sheet: 'Indicators', row: 3, column: 'owner_email' },
      { sheet: 'Indicators', row: 3, column: 'unit' },
      { sheet: 'Indicators', row: 4, column: 'code' },
      { sheet: 'Indicators', row: 4, column: 'frequency' },
      { sheet: 'Indicators', row: 4, column: 'polarity' },
      { sheet: 'Indicators', row: 4, column: 'target' },
      { sheet: 'Indicators', row: 4, column: 'tolerance' },
      { sheet: 'Indicators', row: 5, column: 'aggregation' },
      { sheet: 'Indicators', row: 5, column: 'allow_above_100' },
      { sheet: 'Indicators', row: 5, column: 'delegate_emails' },
      { sheet: 'Indicators', row: 5, column: 'directorate' },
      { sheet: 'Indicators', row: 5, column: 'lens' },
      { sheet: 'Indicators', row: 5, column: 'target_year' },
      { sheet: 'Indicators', row: 5, column: 'title' },
      { sheet: 'Targets', row: 2, column: 'period' },
      { sheet: 'Targets', row: 2, column: 'target' },
      { sheet: 'Values', row: 2, column: 'code' },
      { sheet: 'Values', row: 2, column: 'period' },
      { sheet: 'Values', row: 3, column: 'value' },
      { sheet: 'Values', row: 4, column: 'value' },
    ]);
  });

  it('returns the problems ordered by sheet and then row', () => {
    const order = problemsOf(outcome).map((p) => `${p.sheet}:${p.row}`);
    expect(order).toEqual([...order].sort((a, b) => {
      const [sa, ra] = a.split(':');
      const [sb, rb] = b.split(':');
      return SHEET_ORDER[sa as SheetName] - SHEET_ORDER[sb as SheetName] || Number(ra) - Number(rb);
    }));
  });

  it('says in each message what to fix', () => {
    const at = (sheet: SheetName, row: number, column: string) => messageAt(outcome, sheet, row, column);
    expect(at('Indicators', 3, 'kind')).toMatch(/KPI.*PI.*data only.*got "KPIs"/);
    expect(at('Indicators', 3, 'unit')).toMatch(/percent.*number.*currency.*got "furlongs"/);
    expect(at('Indicators', 3, 'decimals')).toMatch(/whole number from 0 to 6.*got "7"/);
    expect(at('Indicators', 3, 'owner_email')).toBe('"not-an-email" is not an email address');
    expect(at('Indicators', 4, 'code')).toBe('empty: enter a short unique code such as WST01');
    expect(at('Indicators', 4, 'polarity')).toMatch(/higher is better.*lower is better.*got "sideways"/);
    expect(at('Indicators', 4, 'frequency')).toMatch(/monthly.*quarterly.*annual.*got "fortnightly"/);
    expect(at('Indicators', 4, 'tolerance')).toMatch(/cannot be negative.*"5%"/);
    expect(at('Indicators', 4, 'target')).toMatch(/decimal comma.*12\.5/);
    expect(at('Indicators', 5, 'title')).toBe("empty: enter the indicator's title");
    expect(at('Indicators', 5, 'aggregation')).toMatch(/cumulative.*rolling.*got "median"/);
    expect(at('Indicators', 5, 'lens')).toMatch(/people.*finance.*customers.*environment.*services.*got "Parks"/);
    expect(at('Indicators', 5, 'directorate')).toBe("empty: enter the directorate's name");
    expect(at('Indicators', 5, 'allow_above_100')).toBe('"maybe" is not yes or no');
    expect(at('Indicators', 5, 'target_year')).toBe('"2026/28" is not a financial year: write it as 2026/27');
    expect(at('Indicators', 5, 'delegate_emails')).toBe('"nobody" is not an email address (separate several with ;)');
    expect(at('Targets', 2, 'period')).toMatch(/"2026-10".*"2026\/27 Q3".*"2026\/27".*got "next year"/);
    expect(at('Targets', 2, 'target')).toMatch(/enter a number such as 1,234\.5.*got "lots"/i);
    expect(at('Values', 2, 'code')).toBe("no indicator with code NOPE in this file's Indicators or in the register");
    expect(at('Values', 2, 'period')).toMatch(/no month 13.*months run 01 to 12/);
    expect(at('Values', 3, 'value')).toBe('empty: enter the figure for the period');
    expect(at('Values', 4, 'value')).toMatch(/^FIN01 Council Tax collected \(cumulative in year\): .*percentage between 0 and 100.*"101"/);
  });
});

describe('parseRegister: codes and people', () => {
  it('refuses a code used twice (whatever its case), naming the first row', () => {
    const file: RegisterFile = {
      Indicators: indicatorsSheet([
        indicator({ code: 'SRV06', kind: 'data only', target: '', tolerance: '' }),
        indicator({ code: 'FIN01', target: '' }),
        indicator({ code: 'srv06', kind: 'data only', target: '', tolerance: '' }),
      ]),
    };
    const outcome = parseRegister(file, options());
    expect(problemsOf(outcome)).toEqual([
      {
        sheet: 'Indicators', row: 4, column: 'code',
        message: 'code srv06 is already used by row 2; each indicator needs its own code',
      },
    ]);
  });

  it('refuses a code with spaces or too many characters', () => {
    const outcome = parseRegister(
      { Indicators: indicatorsSheet([indicator({ code: 'FIN 01' }), indicator({ code: 'X'.repeat(33) })]) },
      options(),
    );
    expect(placesOf(outcome)).toEqual([
      { sheet: 'Indicators', row: 2, column: 'code' },
      { sheet: 'Indicators', row: 3, column: 'code' },
    ]);
    expect(messageAt(outcome, 'Indicators', 2, 'code')).toMatch(/"FIN 01" is not a usable code/);
  });

  it('refuses a bad email, a bad Entra id, and an id without an email', () => {
    const file: RegisterFile = {
      Indicators: indicatorsSheet([
        indicator({ code: 'FIN01', owner_email: 'sarah.whitfield@fenmarsh' }),
        indicator({ code: 'FIN02', verifier_email: NADIA.email, verifier_aad_object_id: 'not-a-guid' }),
        indicator({ code: 'FIN03', director_email: '', director_aad_object_id: MARCUS.aad }),
        indicator({ code: 'FIN04', owner_email: '', owner_aad_object_id: '' }),
      ]),
    };
    const outcome = parseRegister(file, options());
    expect(placesOf(outcome)).toEqual([
      { sheet: 'Indicators', row: 2, column: 'owner_email' },
      { sheet: 'Indicators', row: 3, column: 'verifier_aad_object_id' },
      { sheet: 'Indicators', row: 4, column: 'director_email' },
      { sheet: 'Indicators', row: 5, column: 'owner_email' },
    ]);
    expect(messageAt(outcome, 'Indicators', 2, 'owner_email')).toBe('"sarah.whitfield@fenmarsh" is not an email address');
    expect(messageAt(outcome, 'Indicators', 3, 'verifier_aad_object_id')).toMatch(/"not-a-guid" is not an Entra object id \(expected a GUID/);
    expect(messageAt(outcome, 'Indicators', 4, 'director_email')).toBe("give the director's email as well as their Entra object id");
    expect(messageAt(outcome, 'Indicators', 5, 'owner_email')).toBe('every indicator needs an owner: give their work email');
  });

  it('refuses one email with two different Entra ids, and one Entra id for two emails', () => {
    const otherGuid = '11111111-2222-4333-8444-555555555555';
    const file: RegisterFile = {
      Indicators: indicatorsSheet([
        indicator({ code: 'FIN01' }),
        // Sarah again with her own id in upper case: fine.
        indicator({ code: 'FIN02', owner_aad_object_id: SARAH.aad.toUpperCase() }),
        // Sarah again, as verifier, with a different id (and her email in capitals): refused.
        indicator({ code: 'FIN03', verifier_email: SARAH.email.toUpperCase(), verifier_aad_object_id: otherGuid }),
        // Marcus's id given for someone else: refused.
        indicator({ code: 'FIN04', director_email: 'someone.else@fenmarsh.gov.uk', director_aad_object_id: MARCUS.aad }),
      ]),
    };
    const outcome = parseRegister(file, options());
    expect(placesOf(outcome)).toEqual([
      { sheet: 'Indicators', row: 4, column: 'verifier_aad_object_id' },
      { sheet: 'Indicators', row: 5, column: 'director_aad_object_id' },
    ]);
    expect(messageAt(outcome, 'Indicators', 4, 'verifier_aad_object_id')).toBe(
      `${SARAH.email} has Entra object id ${SARAH.aad} on row 2; give the same id on every row`,
    );
    expect(messageAt(outcome, 'Indicators', 5, 'director_aad_object_id')).toBe(
      `Entra object id ${MARCUS.aad} is given for ${MARCUS.email} elsewhere in the file; one id belongs to one person`,
    );
  });

  it('takes a person\'s id from a later row when the first row gave none', () => {
    const plan = planOf(
      parseRegister(
        {
          Indicators: indicatorsSheet([
            indicator({ code: 'FIN01', delegate_emails: NADIA.email }),
            indicator({ code: 'FIN02', verifier_email: NADIA.email, verifier_aad_object_id: NADIA.aad }),
          ]),
        },
        options(),
      ),
    );
    expect(plan.people.find((p) => p.email === NADIA.email)).toEqual({ email: NADIA.email, aadObjectId: NADIA.aad, displayName: null });
    expect(plan.people).toHaveLength(3);
  });

  it('refuses a target on a data-only indicator', () => {
    const outcome = parseRegister(
      { Indicators: indicatorsSheet([indicator({ code: 'SRV06', kind: 'Data-only', target: '50' })]) },
      options(),
    );
    expect(problemsOf(outcome)).toEqual([
      {
        sheet: 'Indicators', row: 2, column: 'target',
        message: 'a data-only indicator has no target: leave target empty, or change kind to KPI or PI',
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

describe('parseRegister: Targets', () => {
  const env01 = known({ code: 'ENV01', frequency: 'QUARTERLY' });
  const srv06 = known({ code: 'SRV06', kind: 'DATA_ONLY', unit: 'NUMBER', decimals: 0 });

  it('refuses a code that is neither in the file nor in the register', () => {
    const outcome = parseRegister(
      { Targets: makeSheet('Targets', [{ code: 'ENV99', period: '2026/27', target: '50' }]) },
      options([env01]),
    );
    expect(problemsOf(outcome)).toEqual([
      {
        sheet: 'Targets', row: 2, column: 'code',
        message: "no indicator with code ENV99 in this file's Indicators or in the register",
      },
    ]);
  });

  it('accepts targets for an indicator already in the register, in any case, with its canonical code', () => {
    const outcome = parseRegister(
      {
        Targets: makeSheet('Targets', [
          { code: 'ENV01', period: '2026/27 Q1', target: '50' },
          { code: 'env01', period: 'Q2 2026/27', target: '51.5' },
          { code: 'ENV01', period: '2027/2028', target: '53' },
        ]),
      },
      options([env01]),
    );
    expect(planOf(outcome)).toEqual({
      people: [],
      listed: [],
      indicators: [],
      targets: [
        { sheet: 'Targets', row: 2, code: 'ENV01', period: '2026/27 Q1', financialYear: 2026, value: 50 },
        { sheet: 'Targets', row: 3, code: 'ENV01', period: '2026/27 Q2', financialYear: 2026, value: 51.5 },
        { sheet: 'Targets', row: 4, code: 'ENV01', period: '2027/28', financialYear: 2027, value: 53 },
      ],
      values: [],
    });
  });

  it('accepts targets for an indicator defined in the same file, alongside its annual target', () => {
    const outcome = parseRegister(
      {
        Indicators: indicatorsSheet([indicator()]),
        Targets: makeSheet('Targets', [
          { code: 'FIN01', period: '2026-04', target: '10.5' },
          { code: 'FIN01', period: '2027-01-01', target: '85' },
        ]),
      },
      options(),
    );
    expect(planOf(outcome).targets).toEqual([
      { sheet: 'Indicators', row: 2, code: 'FIN01', period: '2026/27', financialYear: 2026, value: 98.6 },
      { sheet: 'Targets', row: 2, code: 'FIN01', period: '2026-04', financialYear: 2026, value: 10.5 },
      { sheet: 'Targets', row: 3, code: 'FIN01', period: '2027-01', financialYear: 2026, value: 85 },
    ]);
  });

  it('refuses a profiled target of the wrong frequency, suggesting the quarter or the year', () => {
    const outcome = parseRegister(
      {
        Targets: makeSheet('Targets', [
          { code: 'ENV01', period: '2026-10', target: '50' },
          { code: 'ENV01', period: '2026/27', target: '52' },
        ]),
      },
      options([env01]),
    );
    expect(problemsOf(outcome)).toEqual([
      {
        sheet: 'Targets', row: 2, column: 'period',
        message: 'ENV01 is quarterly: a profiled target must be for a quarter, or use the year (2026/27)',
      },
    ]);
  });

  it('refuses a target for a data-only indicator', () => {
    const outcome = parseRegister(
      { Targets: makeSheet('Targets', [{ code: 'SRV06', period: '2026/27', target: '60' }]) },
      options([srv06]),
    );
    expect(problemsOf(outcome)).toEqual([
      { sheet: 'Targets', row: 2, column: 'code', message: 'SRV06 is data only and takes no target' },
    ]);
  });

  it('refuses a target given twice: on Targets after the Indicators row, and twice on Targets', () => {
    const outcome = parseRegister(
      {
        Indicators: indicatorsSheet([indicator()]),
        Targets: makeSheet('Targets', [
          { code: 'fin01', period: '2026/27', target: '98.7' },
          { code: 'ENV01', period: '2026/27 Q3', target: '50' },
          { code: 'ENV01', period: '2026/2027 Q3', target: '51' },
        ]),
      },
      options([env01]),
    );
    expect(problemsOf(outcome)).toEqual([
      {
        sheet: 'Targets', row: 2, column: 'period',
        message: 'a target for FIN01 2026/27 is already given on Indicators row 2; give it once',
      },
      {
        sheet: 'Targets', row: 4, column: 'period',
        message: 'a target for ENV01 2026/27 Q3 is already given on Targets row 3; give it once',
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

describe('parseRegister: Values', () => {
  const fin01 = known({ code: 'FIN01', title: 'Council Tax collected', frequency: 'MONTHLY', decimals: 1 });
  const env01 = known({ code: 'ENV01', title: 'Household waste recycled', frequency: 'QUARTERLY' });
  const env06 = known({ code: 'ENV06', title: 'Acceptable litter', frequency: 'ANNUAL', decimals: 0 });
  const srv06 = known({ code: 'SRV06', title: 'Households in temporary accommodation', kind: 'DATA_ONLY', unit: 'NUMBER', decimals: 0 });
  const opts = options([fin01, env01, env06, srv06]);
  const values = (rows: readonly Row[]): RegisterFile => ({ Values: makeSheet('Values', rows, ['code', 'period', 'value', 'note']) });

  it('builds the plan: canonical code and period, financial year, value and note', () => {
    const plan = planOf(
      parseRegister(
        values([
          { code: 'FIN01', period: '2026-10', value: '56.3', note: '' },
          { code: 'fin01', period: '2027-03', value: '98.1', note: 'Year end' },
          { code: 'ENV01', period: 'Q4 2026/27', value: '51.9', note: '' },
          { code: 'ENV06', period: '2025/2026', value: '97', note: 'Three surveys' },
          { code: 'SRV06', period: '2026-4', value: '1,048', note: '' },
        ]),
        opts,
      ),
    );
    expect(plan.values).toEqual([
      { row: 2, code: 'FIN01', period: '2026-10', financialYear: 2026, value: 56.3, note: '' },
      { row: 3, code: 'FIN01', period: '2027-03', financialYear: 2026, value: 98.1, note: 'Year end' },
      { row: 4, code: 'ENV01', period: '2026/27 Q4', financialYear: 2026, value: 51.9, note: '' },
      { row: 5, code: 'ENV06', period: '2025/26', financialYear: 2025, value: 97, note: 'Three surveys' },
      { row: 6, code: 'SRV06', period: '2026-04', financialYear: 2026, value: 1048, note: '' },
    ]);
    expect(plan.targets).toEqual([]);
    expect(plan.indicators).toEqual([]);
  });

  it('takes a month that Excel turned into a date ("2026-10-01") as that month', () => {
    const plan = planOf(
      parseRegister(
        values([
          { code: 'FIN01', period: '2026-10-01', value: '56.3', note: '' },
          { code: 'FIN01', period: '2027-02-01', value: '93', note: '' },
        ]),
        opts,
      ),
    );
    expect(plan.values.map(({ period, financialYear }) => ({ period, financialYear }))).toEqual([
      { period: '2026-10', financialYear: 2026 },
      { period: '2027-02', financialYear: 2026 },
    ]);
  });

  it('refuses a date that is not the first of a month', () => {
    const outcome = parseRegister(values([{ code: 'FIN01', period: '2026-10-15', value: '56.3', note: '' }]), opts);
    expect(placesOf(outcome)).toEqual([{ sheet: 'Values', row: 2, column: 'period' }]);
  });

  it('refuses a period of the wrong kind for the frequency, giving an example of the right one', () => {
    const outcome = parseRegister(
      values([
        { code: 'FIN01', period: '2026/27 Q3', value: '80', note: '' },
        { code: 'ENV01', period: '2026-10', value: '50', note: '' },
        { code: 'ENV06', period: '2026/27 Q1', value: '97', note: '' },
      ]),
      opts,
    );
    expect(problemsOf(outcome)).toEqual([
      { sheet: 'Values', row: 2, column: 'period', message: 'FIN01 is monthly: give a month such as 2026-10' },
      { sheet: 'Values', row: 3, column: 'period', message: 'ENV01 is quarterly: give a quarter such as 2026/27 Q3' },
      { sheet: 'Values', row: 4, column: 'period', message: 'ENV06 is annual: give a financial year such as 2026/27' },
    ]);
  });

  it('refuses a percentage out of range, and accepts one above 100 when the indicator allows it', () => {
    const refused = parseRegister(values([{ code: 'FIN01', period: '2026-10', value: '120', note: '' }]), opts);
    expect(problemsOf(refused)).toEqual([
      {
        sheet: 'Values', row: 2, column: 'value',
        message: expect.stringMatching(/^FIN01 Council Tax collected: .*percentage between 0 and 100.*"120"/),
      },
    ]);
    const allowed = parseRegister(
      values([{ code: 'FIN01', period: '2026-10', value: '120', note: '' }]),
      options([{ ...fin01, allowAboveHundred: true }]),
    );
    expect(planOf(allowed).values[0]?.value).toBe(120);
  });

  it('refuses more decimals than the indicator keeps, but accepts trailing zeros', () => {
    const outcome = parseRegister(
      values([
        { code: 'FIN01', period: '2026-10', value: '98.65', note: '' },
        { code: 'SRV06', period: '2026-10', value: '48.5', note: '' },
        { code: 'FIN01', period: '2026-11', value: '98.60', note: '' },
      ]),
      opts,
    );
    expect(problemsOf(outcome)).toEqual([
      { sheet: 'Values', row: 2, column: 'value', message: expect.stringMatching(/^FIN01 Council Tax collected: round to 1 decimal place \(98\.7\).*"98\.65"/) },
      { sheet: 'Values', row: 3, column: 'value', message: expect.stringMatching(/^SRV06 Households in temporary accommodation: enter a whole number.*"48\.5"/) },
    ]);
  });

  it('refuses a % sign on a figure that is not a percentage', () => {
    const outcome = parseRegister(values([{ code: 'SRV06', period: '2026-10', value: '50%', note: '' }]), opts);
    expect(messageAt(outcome, 'Values', 2, 'value')).toMatch(/^SRV06 Households in temporary accommodation .*not as a percentage: remove the % sign — got "50%"$/);
  });

  it('refuses a value given twice for one code and period, even when written differently', () => {
    const outcome = parseRegister(
      values([
        { code: 'FIN01', period: '2026-10', value: '56.3', note: '' },
        { code: 'ENV01', period: '2026/27 Q3', value: '50', note: '' },
        { code: 'fin01', period: '2026-10-01', value: '56.4', note: 'corrected' },
      ]),
      opts,
    );
    expect(problemsOf(outcome)).toEqual([
      {
        sheet: 'Values', row: 4, column: 'period',
        message: 'a value for FIN01 2026-10 is already given on Values row 2; give it once',
      },
    ]);
  });

  it('reports a bad period and a bad value on the same row', () => {
    const outcome = parseRegister(values([{ code: 'FIN01', period: 'last month', value: 'n/a', note: '' }]), opts);
    expect(placesOf(outcome)).toEqual([
      { sheet: 'Values', row: 2, column: 'period' },
      { sheet: 'Values', row: 2, column: 'value' },
    ]);
  });

  it('checks values against an indicator defined in the same file', () => {
    const outcome = parseRegister(
      {
        Indicators: indicatorsSheet([indicator({ code: 'CUS03', frequency: 'quarterly', decimals: '0' })]),
        Values: makeSheet('Values', [
          { code: 'CUS03', period: '2026/27 Q1', value: '96', note: '' },
          { code: 'CUS03', period: '2026/27 Q2', value: '96.5', note: '' },
        ]),
      },
      options(),
    );
    expect(problemsOf(outcome)).toEqual([
      {
        sheet: 'Values', row: 3, column: 'value',
        message: expect.stringMatching(/^CUS03 Council Tax collected \(cumulative in year\): enter a whole number.*"96\.5"/),
      },
    ]);
  });
});

describe('parseRegister: regressions found in review', () => {
  function values(records: Row[]): Sheet {
    return makeSheet('Values', records, ['code', 'period', 'value', 'note']);
  }

  it('blames only the row that reuses an Entra id, not later rows of its rightful owner', () => {
    const outcome = parseRegister({
      Indicators: indicatorsSheet([
        indicator({ code: 'A1' }),
        indicator({ code: 'A2', director_email: 'other.person@fenmarsh.gov.uk', director_aad_object_id: SARAH.aad }),
        indicator({ code: 'A3' }),
      ]),
    }, options());
    expect(placesOf(outcome)).toEqual([{ sheet: 'Indicators', row: 3, column: 'director_aad_object_id' }]);
  });

  it('reports a duplicated code once, not again as a duplicated annual target', () => {
    const outcome = parseRegister({ Indicators: indicatorsSheet([indicator({ code: 'FIN01' }), indicator({ code: 'fin01' })]) }, options());
    expect(placesOf(outcome)).toEqual([{ sheet: 'Indicators', row: 3, column: 'code' }]);
  });

  it('reports both a wrong period kind and a bad value on the same row', () => {
    const outcome = parseRegister({ Values: values([{ code: 'FIN01', period: '2026/27 Q3', value: '250.55', note: '' }]) }, options([known({ code: 'FIN01' })]));
    expect(placesOf(outcome)).toEqual([
      { sheet: 'Values', row: 2, column: 'period' },
      { sheet: 'Values', row: 2, column: 'value' },
    ]);
  });

  it("says a Values row waits on its indicator's refused row, rather than that the code does not exist", () => {
    const outcome = parseRegister({
      Indicators: indicatorsSheet([indicator({ code: 'ENV09', polarity: 'sideways' })]),
      Values: values([{ code: 'ENV09', period: '2026-10', value: '1', note: '' }]),
    }, options());
    expect(messageAt(outcome, 'Values', 2, 'code')).toMatch(/ENV09's row on the Indicators sheet has problems/);
  });

  it('refuses a percentage target outside 0 to 100 unless the indicator allows more', () => {
    const targets = makeSheet('Targets', [{ code: 'FIN01', period: '2026/27', target: '150' }]);
    expect(messageAt(parseRegister({ Targets: targets }, options([known({ code: 'FIN01' })])), 'Targets', 2, 'target')).toMatch(/between 0 and 100/);
    expect(parseRegister({ Targets: targets }, options([known({ code: 'FIN01', allowAboveHundred: true })])).ok).toBe(true);
  });

  it.each([
    ['01/10/2026', '2026-10'],
    ['1/4/2027', '2027-04'],
    ['Oct-26', '2026-10'],
    ['October 2026', '2026-10'],
    ['mar 2027', '2027-03'],
  ])('takes %s, as UK-locale Excel writes a month, as %s', (written, month) => {
    const plan = planOf(parseRegister({ Values: values([{ code: 'FIN01', period: written, value: '56.3', note: '' }]) }, options([known({ code: 'FIN01' })])));
    expect(plan.values.map((v) => v.period)).toEqual([month]);
  });
});

describe('parseRegister: reporting lag (lag_months)', () => {
  it('reads the months a figure arrives late, and takes a blank or absent column as on time', () => {
    const outcome = parseRegister(
      { Indicators: indicatorsSheet([
        indicator({ code: 'ENV01', frequency: 'quarterly', lag_months: '3' }),
        indicator({ code: 'FIN01', lag_months: '' }),
      ]) },
      options(),
    );
    expect(planOf(outcome).indicators.map((i) => [i.code, i.lagMonths])).toEqual([['ENV01', 3], ['FIN01', 0]]);
    expect(planOf(parseRegister({ Indicators: indicatorsSheet([indicator()]) }, options())).indicators[0]!.lagMonths).toBe(0);
  });

  it.each(['-1', '13', '1.5', 'a quarter'])('refuses "%s" with a message naming the row and what to enter', (lag) => {
    const problems = problemsOf(parseRegister({ Indicators: indicatorsSheet([indicator({ lag_months: lag })]) }, options()));
    expect(problems).toEqual([
      expect.objectContaining({ sheet: 'Indicators', row: 2, column: 'lag_months', message: expect.stringContaining('from 0 to 12 (3 for a quarter late)') }),
    ]);
  });
});

describe('parseRegister: the jump limit (max_change_percent, #16)', () => {
  it('reads a percentage with or without its sign, and takes a blank or absent column as no limit', () => {
    const outcome = parseRegister(
      { Indicators: indicatorsSheet([
        indicator({ code: 'SRV06', max_change_percent: '25' }),
        indicator({ code: 'SRV07', max_change_percent: '12.5 %' }),
        indicator({ code: 'FIN01', max_change_percent: '' }),
      ]) },
      options(),
    );
    expect(planOf(outcome).indicators.map((i) => [i.code, i.maxChangePercent])).toEqual([['SRV06', 25], ['SRV07', 12.5], ['FIN01', null]]);
    expect(planOf(parseRegister({ Indicators: indicatorsSheet([indicator()]) }, options())).indicators[0]!.maxChangePercent).toBeNull();
  });

  it.each(['0', '-10', 'half', '50 percent'])('refuses "%s" with a message naming the row and what to enter', (limit) => {
    const problems = problemsOf(parseRegister({ Indicators: indicatorsSheet([indicator({ max_change_percent: limit })]) }, options()));
    expect(problems).toEqual([
      expect.objectContaining({ sheet: 'Indicators', row: 2, column: 'max_change_percent', message: expect.stringContaining('as a percentage above 0, such as 50') }),
    ]);
  });
});

describe('parseRegister: the variation settings (variation, variation_baseline_from, variation_baseline_points, #17)', () => {
  const QUARTERLY = { code: 'SRV03', frequency: 'quarterly', aggregation: 'average' };
  const settings = (outcome: ParseOutcome) =>
    planOf(outcome).indicators.map((i) => [i.code, i.variationApplies, i.variationBaselineFrom, i.variationBaselinePoints]);

  it('reads good values, each in its canonical form', () => {
    const outcome = parseRegister({ Indicators: indicatorsSheet([
      indicator({ code: 'FIN01', variation: 'yes', variation_baseline_from: '2025-04', variation_baseline_points: '20' }),
      indicator({ code: 'FIN02', variation: 'N', variation_baseline_from: ' 2025 - 4 ', variation_baseline_points: '12' }),
      // Excel turns a typed 2025-04 into a date; the CSV it saves shows it as it displays it.
      indicator({ code: 'FIN03', variation: 'TRUE', variation_baseline_from: '01/04/2025', variation_baseline_points: '' }),
      indicator({ ...QUARTERLY, variation: '0', variation_baseline_from: 'Q1 2025/26' }),
    ]) }, options());
    expect(settings(outcome)).toEqual([
      ['FIN01', true, '2025-04', 20], ['FIN02', false, '2025-04', 12], ['FIN03', true, '2025-04', null], ['SRV03', false, '2025/26 Q1', null],
    ]);
  });

  it('takes blank cells, or the columns absent altogether, as yes, never rebased and limits from all points', () => {
    const blank = parseRegister({ Indicators: indicatorsSheet([indicator({ variation: '', variation_baseline_from: '', variation_baseline_points: '' })]) }, options());
    expect(settings(blank)).toEqual([['FIN01', true, null, null]]);
    expect(settings(parseRegister({ Indicators: indicatorsSheet([indicator()]) }, options()))).toEqual([['FIN01', true, null, null]]);
  });

  it.each(['sometimes', 'maybe', '2'])('refuses a variation of "%s", naming the row and saying what to type', (word) => {
    const outcome = parseRegister({ Indicators: indicatorsSheet([indicator({ variation: word })]) }, options());
    expect(placesOf(outcome)).toEqual([{ sheet: 'Indicators', row: 2, column: 'variation' }]);
    expect(messageAt(outcome, 'Indicators', 2, 'variation')).toBe(
      `"${word}" is not yes or no: say whether the variation analysis (process limits and signals) applies to this indicator, yes or no (also y/n, true/false, 1/0); blank means yes`,
    );
  });

  it.each(['April', '2025-13', 'last year'])('refuses a baseline start of "%s" that is no period', (text) => {
    const outcome = parseRegister({ Indicators: indicatorsSheet([indicator(), indicator({ code: 'FIN02', variation_baseline_from: text })]) }, options());
    expect(placesOf(outcome)).toEqual([{ sheet: 'Indicators', row: 3, column: 'variation_baseline_from' }]);
    expect(messageAt(outcome, 'Indicators', 3, 'variation_baseline_from')).toBe(
      `"${text}" is not a period: give the period from which the indicator's process changed, as a month (2026-10), a quarter (2026/27 Q3) or a year (2026/27) to match its frequency; blank means it has not changed`,
    );
  });

  it('refuses a baseline start of another frequency, saying which period to give', () => {
    const outcome = parseRegister({ Indicators: indicatorsSheet([
      indicator({ variation_baseline_from: '2025/26 Q1' }),
      indicator({ ...QUARTERLY, variation_baseline_from: '2025-04' }),
      indicator({ code: 'FIN02', variation_baseline_from: '2025/26' }),
    ]) }, options());
    expect(placesOf(outcome)).toEqual([2, 3, 4].map((row) => ({ sheet: 'Indicators', row, column: 'variation_baseline_from' })));
    expect(messageAt(outcome, 'Indicators', 2, 'variation_baseline_from')).toBe(
      '"2025/26 Q1" is a quarter, but this indicator is monthly: give the month from which its process changed, such as 2026-10; blank means it has not changed',
    );
    expect(messageAt(outcome, 'Indicators', 3, 'variation_baseline_from')).toBe(
      '"2025-04" is a month, but this indicator is quarterly: give the quarter from which its process changed, such as 2026/27 Q3; blank means it has not changed',
    );
    expect(messageAt(outcome, 'Indicators', 4, 'variation_baseline_from')).toContain('"2025/26" is a financial year, but this indicator is monthly');
  });

  it.each(['11', '0', '-12', '12.5', 'twenty', '20 points'])('refuses a baseline of "%s" points, naming the row and the least it may be', (points) => {
    const outcome = parseRegister({ Indicators: indicatorsSheet([indicator({ variation_baseline_points: points })]) }, options());
    expect(placesOf(outcome)).toEqual([{ sheet: 'Indicators', row: 2, column: 'variation_baseline_points' }]);
    expect(messageAt(outcome, 'Indicators', 2, 'variation_baseline_points')).toBe(
      `"${points}" is not a baseline: enter the whole number of points, 12 or more, that the process limits are fixed from (such as 20); blank means from all of them`,
    );
  });
});

describe('parseRegister: the public column (#15)', () => {
  const row = (code: string, kind: string, cell: string | undefined): Row =>
    indicator({ code, kind, ...(kind === 'data only' ? { target: '', tolerance: '' } : {}), ...(cell === undefined ? {} : { public: cell }) });

  it('defaults a blank cell to yes for a KPI and no for a PI or a data-only indicator', () => {
    const plan = planOf(parseRegister({ Indicators: indicatorsSheet([row('K1', 'KPI', ''), row('P1', 'PI', ''), row('D1', 'data only', '')]) }, options()));
    expect(plan.indicators.map((i) => [i.code, i.public])).toEqual([['K1', true], ['P1', false], ['D1', false]]);
  });

  it('defaults by kind when the column is absent altogether', () => {
    const plan = planOf(parseRegister({ Indicators: indicatorsSheet([row('K1', 'KPI', undefined), row('P1', 'PI', undefined)]) }, options()));
    expect(plan.indicators.map((i) => [i.code, i.public])).toEqual([['K1', true], ['P1', false]]);
  });

  it('takes yes and no words over the default, either way round', () => {
    const plan = planOf(parseRegister({
      Indicators: indicatorsSheet([row('K1', 'KPI', 'no'), row('P1', 'PI', 'Yes'), row('P2', 'PI', 'y'), row('D1', 'data only', 'TRUE'), row('K2', 'KPI', '0')]),
    }, options()));
    expect(plan.indicators.map((i) => [i.code, i.public])).toEqual([['K1', false], ['P1', true], ['P2', true], ['D1', true], ['K2', false]]);
  });

  it('refuses another word, naming the row and the column', () => {
    const outcome = parseRegister({ Indicators: indicatorsSheet([row('K1', 'KPI', 'yes'), row('P1', 'PI', 'sometimes')]) }, options());
    expect(placesOf(outcome)).toEqual([{ sheet: 'Indicators', row: 3, column: 'public' }]);
    expect(messageAt(outcome, 'Indicators', 3, 'public')).toContain('"sometimes" is not yes or no');
  });
});
