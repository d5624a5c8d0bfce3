/**
 * Issue #11: free-text cells a spreadsheet would run as a formula are refused, each named by sheet,
 * row and column; numeric columns keep their own rules.
 */
import { INDICATOR_COLUMNS, PEOPLE_COLUMNS, VALUE_COLUMNS, parseRegister, type ParseOutcome } from '../../../src/import/parse-register';
import { describeProblem, type RegisterFile, type Sheet, type SheetName, type SheetRow } from '../../../src/import/register-file';
import type { KnownIndicator, RegisterPlan } from '../../../src/import/register-plan';

type Row = Record<string, string>;

/** A row as the file reader makes it: cells trimmed, the untrimmed text kept where trimming changed it. */
function sheetRow(row: number, record: Row, headers: readonly string[], formulas?: Row): SheetRow {
  const cells = Object.fromEntries(headers.map((h) => [h, (record[h] ?? '').trim()]));
  const untrimmed = Object.fromEntries(headers.filter((h) => (record[h] ?? '') !== cells[h]).map((h) => [h, record[h]!]));
  return { row, cells, ...(Object.keys(untrimmed).length > 0 && { untrimmed }), ...(formulas && { formulas }) };
}

function makeSheet(name: SheetName, records: readonly Row[], headers: readonly string[]): Sheet {
  return { name, headers: [...headers], rows: records.map((record, i) => sheetRow(i + 2, record, headers)) };
}

const INDICATOR_HEADERS = [...INDICATOR_COLUMNS, 'service', 'priority', 'owner_name', 'verifier_name', 'director_name'];
const SARAH = { email: 'sarah.whitfield@fenmarsh.gov.uk', aad: 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e04' };

function indicator(overrides: Row = {}): Row {
  return {
    code: 'FIN01', title: 'Council Tax collected (cumulative in year)', definition: 'Percentage of the debit collected so far.',
    kind: 'KPI', unit: 'percent', decimals: '1', polarity: 'higher', frequency: 'monthly', aggregation: 'cumulative',
    lens: 'Finance', directorate: 'Resources', owner_email: SARAH.email, owner_aad_object_id: SARAH.aad,
    delegate_emails: '', verifier_email: '', verifier_aad_object_id: '', director_email: '', director_aad_object_id: '',
    target: '98.6', tolerance: '1%', service: 'Revenues', priority: 'Efficient services', owner_name: 'Sarah Whitfield',
    verifier_name: '', director_name: '',
    ...overrides,
  };
}

const FIN01: KnownIndicator = { code: 'FIN01', title: 'Council Tax collected', kind: 'KPI', unit: 'PERCENT', decimals: 1, frequency: 'MONTHLY', allowAboveHundred: false };
const FIN09: KnownIndicator = { code: 'FIN09', title: 'Capital programme variance', kind: 'PI', unit: 'CURRENCY', decimals: 0, frequency: 'MONTHLY', allowAboveHundred: false };
const OPTIONS = { known: new Map([['FIN01', FIN01], ['FIN09', FIN09]]), currentFinancialYear: 2026 };

const indicators = (records: readonly Row[]): RegisterFile => ({ Indicators: makeSheet('Indicators', records, INDICATOR_HEADERS) });
const values = (records: readonly Row[]): RegisterFile => ({ Values: makeSheet('Values', records, VALUE_COLUMNS) });
const people = (records: readonly Row[]): RegisterFile => ({ People: makeSheet('People', records, [...PEOPLE_COLUMNS, 'name']) });

function messagesOf(outcome: ParseOutcome): string[] {
  if (outcome.ok) throw new Error('expected problems, got a plan');
  return outcome.problems.map(describeProblem);
}

function planOf(outcome: ParseOutcome): RegisterPlan {
  if (!outcome.ok) throw new Error(outcome.problems.map(describeProblem).join('\n'));
  return outcome.plan;
}

/** The cases from issue #11, each with the message it gets (the cell's text as it is echoed, and why). */
const CASES: readonly [string, string][] = [
  [
    '=HYPERLINK("https://evil.example","Click")',
    '"=HYPERLINK("https://evil.example","Click…" starts with "=", which a spreadsheet would run as a formula: remove the leading "=" (or put the text in quotes)',
  ],
  ['+SUM(A1:A2)', '"+SUM(A1:A2)" starts with "+", which a spreadsheet would run as a formula: remove the leading "+" (or put the text in quotes)'],
  ['@SUM(A1)', '"@SUM(A1)" starts with "@", which a spreadsheet would run as a formula: remove the leading "@" (or put the text in quotes)'],
  [
    "-2+3+cmd|' /C calc'!A0",
    `"-2+3+cmd|' /C calc'!A0" starts with "-", which a spreadsheet would run as a formula: remove the leading "-" (or put the text in quotes)`,
  ],
  ['\t=1+1', '"\\t=1+1" starts with a tab, which a spreadsheet may take as the start of a formula: remove the leading tab'],
  ['\rRecycling rate', '"\\rRecycling rate" starts with a carriage return, which a spreadsheet may take as the start of a formula: remove the leading carriage return'],
];

/** Each free-text column, with a file that holds `text` in that column at row 2 and is otherwise good. */
const COLUMNS: readonly [SheetName, string, (text: string) => RegisterFile][] = [
  ...(['title', 'definition', 'service', 'priority', 'directorate', 'owner_name', 'verifier_name', 'director_name'] as const).map(
    (column): [SheetName, string, (text: string) => RegisterFile] => ['Indicators', column, (text) => indicators([indicator({ [column]: text })])],
  ),
  ['Values', 'note', (text) => values([{ code: 'FIN01', period: '2026-10', value: '56.3', note: text }])],
  ['People', 'name', (text) => people([{ email: 'robert.hughes@fenmarsh.gov.uk', aad_object_id: '', roles: 'admin', name: text }])],
];

describe('free-text cells that a spreadsheet would run as a formula', () => {
  it.each(COLUMNS)('%s %s: takes ordinary text', (_sheet, _column, file) => {
    planOf(parseRegister(file('Rate = collected / debit (−5% on last year)'), OPTIONS));
  });

  describe.each(COLUMNS)('%s %s', (sheet, column, file) => {
    it.each(CASES)('refuses %j, naming the sheet, row and column, and nothing else on the row', (text, message) => {
      expect(messagesOf(parseRegister(file(text), OPTIONS))).toEqual([`${sheet}, row 2, column ${column}: ${message}`]);
    });
  });

  it('refuses the text as it would be stored, after trimming, too', () => {
    expect(messagesOf(parseRegister(indicators([indicator({ title: '  =SUM(A1)' })]), OPTIONS))).toEqual([
      'Indicators, row 2, column title: "=SUM(A1)" starts with "=", which a spreadsheet would run as a formula: remove the leading "=" (or put the text in quotes)',
    ]);
  });

  it('refuses a full-width "＝" and "＋", which Excel with an East Asian input method turns into a formula', () => {
    expect(messagesOf(parseRegister(values([
      { code: 'FIN01', period: '2026-10', value: '56.3', note: '＝HYPERLINK("https://evil.example")' },
      { code: 'FIN01', period: '2026-11', value: '57', note: '＋SUM(A1)' },
    ]), OPTIONS))).toEqual([
      'Values, row 2, column note: "＝HYPERLINK("https://evil.example")" starts with a full-width "＝", which a spreadsheet would run as a formula: remove the leading "＝" (or put the text in quotes)',
      'Values, row 3, column note: "＋SUM(A1)" starts with a full-width "＋", which a spreadsheet would run as a formula: remove the leading "＋" (or put the text in quotes)',
    ]);
  });

  it('refuses a note that starts with a hyphen-minus, such as "-5 on last month", but not one with the minus sign "−"', () => {
    const outcome = parseRegister(values([
      { code: 'FIN01', period: '2026-10', value: '56.3', note: '-5% due to the new scheme' },
      { code: 'FIN01', period: '2026-11', value: '57', note: '−5% due to the new scheme' },
      { code: 'FIN01', period: '2026-12', value: '58', note: 'Down 5 on last month' },
      { code: 'FIN01', period: '2027-01', value: '59', note: '"-5 on last month"' }, // the workaround: quotes in the cell
    ]), OPTIONS);
    expect(messagesOf(outcome)).toEqual([
      'Values, row 2, column note: "-5% due to the new scheme" starts with "-", which a spreadsheet would run as a formula: remove the leading "-" (or put the text in quotes)',
    ]);
  });

  it('cuts a long cell short in the message', () => {
    const title = `=${'A'.repeat(200)}`;
    const [message] = messagesOf(parseRegister(indicators([indicator({ title })]), OPTIONS));
    expect(message).toBe(`Indicators, row 2, column title: "=${'A'.repeat(39)}…" starts with "=", which a spreadsheet would run as a formula: remove the leading "=" (or put the text in quotes)`);
  });

  it('refuses a verifier_name even on a row with no verifier, and lists every bad cell of every row', () => {
    const outcome = parseRegister({
      ...indicators([
        indicator({ title: '=1+1', verifier_name: '@SUM(A1)' }),
        indicator({ code: 'FIN02', definition: '+SUM(A1:A2)', director_name: '-2+3' }),
      ]),
      ...values([{ code: 'FIN01', period: '2026-10', value: '56.3', note: '=HYPERLINK("x")' }]),
      ...people([{ email: 'robert.hughes@fenmarsh.gov.uk', aad_object_id: '', roles: 'admin', name: '\tRobert' }]),
    }, OPTIONS);
    expect(messagesOf(outcome).map((m) => m.slice(0, m.indexOf(':')))).toEqual([
      'Indicators, row 2, column title',
      'Indicators, row 2, column verifier_name',
      'Indicators, row 3, column definition',
      'Indicators, row 3, column director_name',
      'Values, row 2, column note',
      'People, row 2, column name',
    ]);
  });
});

describe('formula cells from a workbook', () => {
  const withFormulas = (record: Row, formulas: Row): RegisterFile => ({
    Indicators: { name: 'Indicators', headers: INDICATOR_HEADERS, rows: [sheetRow(2, record, INDICATOR_HEADERS, formulas)] },
  });

  it('refuses a formula in a text column, not taking the result Excel last showed', () => {
    const outcome = parseRegister(withFormulas(indicator({ title: 'Click' }), { title: '=HYPERLINK("https://evil.example","Click")' }), OPTIONS);
    expect(messagesOf(outcome)).toEqual([
      'Indicators, row 2, column title: the cell holds the formula "=HYPERLINK("https://evil.example","Click…", which a spreadsheet would run: ' +
        'type the text itself (or copy the cell and paste it back as values only)',
    ]);
  });

  it('refuses a formula with no result only as a formula, not also as an empty required cell', () => {
    expect(messagesOf(parseRegister(withFormulas(indicator({ directorate: '' }), { directorate: '="Res"&"ources"' }), OPTIONS))).toEqual([
      'Indicators, row 2, column directorate: the cell holds the formula "="Res"&"ources"", which a spreadsheet would run: ' +
        'type the text itself (or copy the cell and paste it back as values only)',
    ]);
  });

  it('takes a formula in a number column as its result, as before', () => {
    const plan = planOf(parseRegister(withFormulas(indicator({ target: '98.6' }), { target: '=98+0.6' }), OPTIONS));
    expect(plan.indicators.map((i) => i.code)).toEqual(['FIN01']);
  });
});

describe('numeric columns', () => {
  it('refuses a formula typed as text by the number rules', () => {
    const outcome = parseRegister({
      ...indicators([indicator({ target: '=1+1', tolerance: '=5%' })]),
      Targets: makeSheet('Targets', [{ code: 'FIN01', period: '2026-10', target: '+SUM(A1)' }], ['code', 'period', 'target']),
      ...values([{ code: 'FIN01', period: '2026-10', value: '=1+1', note: '' }, { code: 'FIN09', period: '2026-10', value: '@SUM(A1)', note: '' }]),
    }, OPTIONS);
    expect(messagesOf(outcome).map((m) => m.slice(0, m.indexOf(':')))).toEqual([
      'Indicators, row 2, column tolerance',
      'Indicators, row 2, column target',
      'Targets, row 2, column target',
      'Values, row 2, column value',
      'Values, row 3, column value',
    ]);
    expect(messagesOf(outcome)[1]).toMatch(/^Indicators, row 2, column target: .*got "=1\+1"/);
  });

  it('takes a negative number as a number', () => {
    const plan = planOf(parseRegister(values([{ code: 'FIN09', period: '2026-10', value: '-5', note: '' }, { code: 'FIN09', period: '2026-11', value: '-£1,250', note: '' }]), OPTIONS));
    expect(plan.values.map((v) => v.value)).toEqual([-5, -1250]);
  });

  it('refuses a code or an email that starts like a formula by their own rules', () => {
    const outcome = parseRegister(indicators([indicator({ code: '=FIN01', owner_email: '+SUM(A1)' })]), OPTIONS);
    expect(messagesOf(outcome)).toEqual([
      'Indicators, row 2, column code: "=FIN01" is not a usable code: use up to 32 letters, digits, dots, dashes or slashes',
      'Indicators, row 2, column owner_email: "+sum(a1)" is not an email address',
    ]);
  });

  it('refuses an email that starts like a formula, though the address pattern alone would pass it', () => {
    const outcome = parseRegister({
      ...indicators([indicator({ owner_email: '=HYPERLINK("evil")@fenmarsh.gov.uk', delegate_emails: '+sum@fenmarsh.gov.uk; ok@fenmarsh.gov.uk', verifier_email: '-2+3@fenmarsh.gov.uk' })]),
      ...people([{ email: '=1+1@fenmarsh.gov.uk', aad_object_id: '', roles: 'admin', name: '' }]),
    }, OPTIONS);
    expect(messagesOf(outcome)).toEqual([
      'Indicators, row 2, column owner_email: "=hyperlink("evil")@fenmarsh.gov.uk" is not an email address',
      'Indicators, row 2, column verifier_email: "-2+3@fenmarsh.gov.uk" is not an email address',
      'Indicators, row 2, column delegate_emails: "+sum@fenmarsh.gov.uk" is not an email address (separate several with ;)',
      'People, row 2, column email: "=1+1@fenmarsh.gov.uk" is not an email address',
    ]);
  });
});
