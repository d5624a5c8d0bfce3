import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readRegisterFile, UnreadableFileError } from '../../../src/import/read-register-file';
import { parseRegister } from '../../../src/import/parse-register';
import { describeProblem, type RegisterFile, type Sheet, type SheetName } from '../../../src/import/register-file';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-file-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The UnreadableFileError a read rejects with (fails the test if it resolves or throws something else). */
async function unreadable(filePath: string): Promise<UnreadableFileError> {
  const error = await readRegisterFile(filePath).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

function sheetOf(file: RegisterFile, name: SheetName): Sheet {
  const sheet = file[name];
  if (!sheet) throw new Error(`no ${name} sheet; got ${Object.keys(file).join(', ')}`);
  return sheet;
}

const INDICATOR_HEADER =
  'Code,Title,Definition,Kind,Unit,Decimals,Polarity,Frequency,Aggregation,Lens,Directorate,' +
  'Owner Email,Owner AAD Object ID,Delegate Emails,Verifier Email,Verifier AAD Object ID,' +
  'Director Email,Director AAD Object ID,Target,Tolerance';

describe('readRegisterFile: CSV', () => {
  it('reads an Indicators CSV with a byte-order mark, quoted commas and Windows line ends', async () => {
    const csv =
      '\uFEFF' +
      INDICATOR_HEADER +
      '\r\n' +
      'FIN01,"Council Tax collected, cumulative in year","Percentage of the debit collected; includes ""arrears""",KPI,%,1,Higher is better,Monthly,Cumulative,Finance,Resources,' +
      ' Sarah.Whitfield@fenmarsh.gov.uk ,b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e04,"a@x.gov.uk; b@x.gov.uk",,,marcus.webb@fenmarsh.gov.uk,,"1,250",1%\r\n' +
      '\r\n' +
      'SRV06,Households in temporary accommodation,,data only,number,0,L,M,snapshot,Services,Customers and Communities,james.patel@fenmarsh.gov.uk\r\n';
    const file = await readRegisterFile(write('indicators.csv', csv));

    expect(Object.keys(file)).toEqual(['Indicators']);
    const sheet = sheetOf(file, 'Indicators');
    expect(sheet.name).toBe('Indicators');
    expect(sheet.headers).toEqual([
      'code', 'title', 'definition', 'kind', 'unit', 'decimals', 'polarity', 'frequency', 'aggregation', 'lens',
      'directorate', 'owner_email', 'owner_aad_object_id', 'delegate_emails', 'verifier_email', 'verifier_aad_object_id',
      'director_email', 'director_aad_object_id', 'target', 'tolerance',
    ]);
    // The blank line 3 is skipped, but the next row keeps the number a spreadsheet shows.
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(sheet.rows[0]!.cells).toEqual({
      code: 'FIN01',
      title: 'Council Tax collected, cumulative in year',
      definition: 'Percentage of the debit collected; includes "arrears"',
      kind: 'KPI',
      unit: '%',
      decimals: '1',
      polarity: 'Higher is better',
      frequency: 'Monthly',
      aggregation: 'Cumulative',
      lens: 'Finance',
      directorate: 'Resources',
      owner_email: 'Sarah.Whitfield@fenmarsh.gov.uk',
      owner_aad_object_id: 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e04',
      delegate_emails: 'a@x.gov.uk; b@x.gov.uk',
      verifier_email: '',
      verifier_aad_object_id: '',
      director_email: 'marcus.webb@fenmarsh.gov.uk',
      director_aad_object_id: '',
      target: '1,250',
      tolerance: '1%',
    });
    // A short row (trailing cells left off) reads as blanks.
    expect(sheet.rows[1]!.cells).toMatchObject({ code: 'SRV06', definition: '', owner_email: 'james.patel@fenmarsh.gov.uk', target: '', tolerance: '' });
  });

  it('recognises a Targets CSV by its columns', async () => {
    const file = await readRegisterFile(write('targets.csv', 'Code,Period,Target\nFIN01,2026-04,10.5\nENV01,2026/27 Q3,"1,050"\n'));
    expect(Object.keys(file)).toEqual(['Targets']);
    expect(sheetOf(file, 'Targets')).toEqual({
      name: 'Targets',
      headers: ['code', 'period', 'target'],
      rows: [
        { row: 2, cells: { code: 'FIN01', period: '2026-04', target: '10.5' } },
        { row: 3, cells: { code: 'ENV01', period: '2026/27 Q3', target: '1,050' } },
      ],
    });
  });

  it('recognises a Values CSV by its columns', async () => {
    const file = await readRegisterFile(
      write('VALUES.CSV', 'code,period,value,note\nFIN01,2026-10,56.3,"Late, as agreed with the director"\n'),
    );
    expect(Object.keys(file)).toEqual(['Values']);
    expect(sheetOf(file, 'Values').rows).toEqual([
      { row: 2, cells: { code: 'FIN01', period: '2026-10', value: '56.3', note: 'Late, as agreed with the director' } },
    ]);
  });

  it('refuses a CSV whose columns match no sheet, quoting its header and what each sheet needs', async () => {
    const error = await unreadable(write('budget.csv', 'Cost centre,Amount\nR100,5000\n'));
    expect(error.message).toMatch(/^Cannot tell which sheet .*budget\.csv is from its header row \(Cost centre, Amount\)\./);
    expect(error.message).toContain('An Indicators file has a "title" column');
    expect(error.message).toContain('a Values file has code, period and value');
  });

  it('refuses an empty CSV', async () => {
    const error = await unreadable(write('empty.csv', ''));
    expect(error.message).toMatch(/empty\.csv is empty: it needs a header row\./);
  });

  it('refuses a CSV that is not valid CSV', async () => {
    const error = await unreadable(write('broken.csv', 'code,period,value\nFIN01,"2026-10,56.3\n'));
    expect(error.message).toMatch(/broken\.csv is not valid CSV: /);
  });
});

describe('readRegisterFile: a People CSV', () => {
  it('is recognised by its email column, roles and all', async () => {
    const csv = '\uFEFFEmail,AAD Object ID,Name,Roles\r\nrobert.hughes@fenmarsh.gov.uk,c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f04,Robert Hughes,"admin, viewer"\r\n';
    const file = await readRegisterFile(write('people.csv', csv));
    expect(Object.keys(file)).toEqual(['People']);
    expect(sheetOf(file, 'People').headers).toEqual(['email', 'aad_object_id', 'name', 'roles']);
    expect(sheetOf(file, 'People').rows).toEqual([
      { row: 2, cells: { email: 'robert.hughes@fenmarsh.gov.uk', aad_object_id: 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f04', name: 'Robert Hughes', roles: 'admin, viewer' } },
    ]);
  });
});

describe('readRegisterFile: XLSX', () => {
  const monthAsDate = new Date(Date.UTC(2026, 9, 1)); // what Excel makes of a typed "2026-10"
  let file: RegisterFile;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const indicators = workbook.addWorksheet('indicators');
    indicators.addRow([
      'Code', 'Title', 'Definition', 'Kind', 'Unit', 'Decimals', 'Polarity', 'Frequency', 'Aggregation', 'Lens',
      'Directorate', 'Owner Email', 'Owner AAD Object ID', 'Delegate Emails', 'Verifier Email', 'Verifier AAD Object ID',
      'Director Email', 'Director AAD Object ID', 'Target', 'Tolerance',
    ]);
    indicators.addRow([
      'FIN01', 'Council Tax collected (cumulative in year)', 'Percentage of the debit collected so far.', 'KPI', 'percent',
      1, 'higher', 'monthly', 'cumulative', 'Finance', 'Resources',
      { text: 'sarah.whitfield@fenmarsh.gov.uk', hyperlink: 'mailto:sarah.whitfield@fenmarsh.gov.uk' },
      'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e04', '', '', '', 'marcus.webb@fenmarsh.gov.uk', '',
      { formula: '98+0.6', result: 98.6 }, '1%',
    ]);
    indicators.addRow([]); // row 3 left blank
    indicators.getRow(5).values = [
      'SRV06', 'Households in temporary accommodation', '', 'data only', 'number', 0, 'lower', 'monthly', 'snapshot',
      'Services', 'Customers and Communities', 'james.patel@fenmarsh.gov.uk',
    ];

    const targets = workbook.addWorksheet('Targets');
    targets.addRow(['Code', 'Period', 'Target']);
    targets.addRow(['FIN01', '2026-04', 10.5]);

    const values = workbook.addWorksheet('Values');
    values.addRow(['Code', 'Period', 'Value', 'Note']);
    values.addRow(['FIN01', monthAsDate, 56.3, 'On profile']);
    values.getCell('B2').numFmt = 'mmm-yy';
    values.addRow(['', '', '', '']); // blank row 3
    values.addRow(['SRV06', '2026-10', { formula: 'SUM(40,8)', result: 48 }, '']);

    // The template's own Guide sheet is read past.
    const guide = workbook.addWorksheet('guide');
    guide.addRow(['Sheet', 'Column']);
    guide.addRow(['Indicators', 'code']);

    await workbook.xlsx.writeFile(path.join(dir, 'register.xlsx'));
    file = await readRegisterFile(path.join(dir, 'register.xlsx'));
  });

  it('reads the Indicators, Targets and Values sheets (any case) and ignores the Guide', () => {
    expect(Object.keys(file).sort()).toEqual(['Indicators', 'Targets', 'Values']);
    expect(file.unknownSheets).toBeUndefined();
    expect(sheetOf(file, 'Indicators').name).toBe('Indicators');
  });

  it('normalises the headers', () => {
    expect(sheetOf(file, 'Indicators').headers).toContain('owner_aad_object_id');
    expect(sheetOf(file, 'Indicators').headers).toHaveLength(20);
    expect(sheetOf(file, 'Values').headers).toEqual(['code', 'period', 'value', 'note']);
  });

  it('skips blank rows and numbers rows as Excel shows them', () => {
    expect(sheetOf(file, 'Indicators').rows.map((r) => r.row)).toEqual([2, 5]);
    expect(sheetOf(file, 'Targets').rows.map((r) => r.row)).toEqual([2]);
    expect(sheetOf(file, 'Values').rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('reads a hyperlink as its text, a formula as its result and a number as its digits', () => {
    const fin01 = sheetOf(file, 'Indicators').rows[0]!.cells;
    expect(fin01.owner_email).toBe('sarah.whitfield@fenmarsh.gov.uk');
    expect(fin01.target).toBe('98.6');
    expect(fin01.decimals).toBe('1');
    expect(fin01.tolerance).toBe('1%');
    expect(sheetOf(file, 'Indicators').rows[1]!.cells).toMatchObject({ code: 'SRV06', decimals: '0', target: '', director_email: '' });
    expect(sheetOf(file, 'Targets').rows[0]!.cells).toEqual({ code: 'FIN01', period: '2026-04', target: '10.5' });
  });

  it('reads a date cell as YYYY-MM-DD', () => {
    expect(sheetOf(file, 'Values').rows).toEqual([
      { row: 2, cells: { code: 'FIN01', period: '2026-10-01', value: '56.3', note: 'On profile' } },
      // A formula cell is read as its result, and its formula kept beside it for the text columns' check.
      { row: 4, cells: { code: 'SRV06', period: '2026-10', value: '48', note: '' }, formulas: { value: '=SUM(40,8)' } },
    ]);
  });

  it('gives a file that parses into a plan, the date taken back as the month', () => {
    const outcome = parseRegister(file, { known: new Map(), currentFinancialYear: 2026 });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.plan.indicators.map((i) => i.code)).toEqual(['FIN01', 'SRV06']);
    expect(outcome.plan.targets).toEqual([
      { sheet: 'Indicators', row: 2, code: 'FIN01', period: '2026/27', financialYear: 2026, value: 98.6 },
      { sheet: 'Targets', row: 2, code: 'FIN01', period: '2026-04', financialYear: 2026, value: 10.5 },
    ]);
    expect(outcome.plan.values).toEqual([
      { row: 2, code: 'FIN01', period: '2026-10', financialYear: 2026, value: 56.3, note: 'On profile' },
      { row: 4, code: 'SRV06', period: '2026-10', financialYear: 2026, value: 48, note: '' },
    ]);
  });

  it('reads a sheet name with stray spaces and a rich-text cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(' VALUES ');
    sheet.addRow(['code', 'period', 'value', 'note']);
    sheet.addRow(['FIN01', '2026-10', 56.3, { richText: [{ text: 'Checked by ', font: { bold: true } }, { text: 'Nadia' }] }]);
    // An email hyperlink whose text is partly formatted: Excel stores the text as rich text.
    sheet.addRow(['FIN01', '2026-11', 57.1, { text: { richText: [{ text: 'nadia.rahman', font: { bold: true } }, { text: '@fenmarsh.gov.uk' }] }, hyperlink: 'mailto:nadia.rahman@fenmarsh.gov.uk' } as never]);
    const filePath = path.join(dir, 'rich.xlsx');
    await workbook.xlsx.writeFile(filePath);
    const read = await readRegisterFile(filePath);
    expect(Object.keys(read)).toEqual(['Values']);
    expect(sheetOf(read, 'Values').rows[0]!.cells.note).toBe('Checked by Nadia');
    expect(sheetOf(read, 'Values').rows[1]!.cells.note).toBe('nadia.rahman@fenmarsh.gov.uk');
  });

  it('refuses a workbook with none of the four sheets, naming the sheets it has', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Summary').addRow(['code', 'title']);
    workbook.addWorksheet('Lookups').addRow(['word']);
    const filePath = path.join(dir, 'other.xlsx');
    await workbook.xlsx.writeFile(filePath);
    const error = await unreadable(filePath);
    expect(error.message).toBe('other.xlsx has no sheet named Indicators, Targets, Values or People (it has: Summary, Lookups).');
  });

  it('lists a sheet it does not know, which the checks then report and refuse, naming the sheets they know', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Indicatorz').addRow(['code', 'title']);
    const values = workbook.addWorksheet('Values');
    values.addRow(['code', 'period', 'value', 'note']);
    values.addRow(['FIN01', '2026-10', 56.3, '']);
    workbook.addWorksheet('Notes').addRow(['anything']);
    workbook.addWorksheet('Guide').addRow(['Sheet']);
    const filePath = path.join(dir, 'misnamed.xlsx');
    await workbook.xlsx.writeFile(filePath);

    const read = await readRegisterFile(filePath);
    expect(read.Values?.rows).toHaveLength(1);
    expect(read.unknownSheets).toEqual(['Indicatorz', 'Notes']);
    const known = new Map([['FIN01', { code: 'FIN01', title: 'Council Tax', kind: 'KPI', unit: 'PERCENT', decimals: 1, frequency: 'MONTHLY', allowAboveHundred: false } as const]]);
    const outcome = parseRegister(read, { known, currentFinancialYear: 2026 });
    if (outcome.ok) throw new Error('a workbook with an unknown sheet was accepted');
    expect(outcome.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^File: the workbook has a sheet named "Indicatorz", which the import does not know: name each sheet Indicators, Targets, Values or People \(a Guide sheet is ignored\)/),
      expect.stringMatching(/^File: the workbook has a sheet named "Notes", which the import does not know/),
    ]);
  });

  it('refuses a sheet whose header is not in row 1', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Targets');
    sheet.getRow(3).values = ['code', 'period', 'target'];
    const filePath = path.join(dir, 'low-header.xlsx');
    await workbook.xlsx.writeFile(filePath);
    const error = await unreadable(filePath);
    expect(error.message).toBe('The Targets sheet has no header row in row 1.');
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    const error = await unreadable(write('fake.xlsx', 'code,period,value\n'));
    expect(error.message).toMatch(/^fake\.xlsx is not a readable Excel workbook: /);
  });
});

describe('readRegisterFile: text a spreadsheet would run as a formula (#11)', () => {
  const KNOWN = new Map([['FIN01', { code: 'FIN01', title: 'Council Tax', kind: 'KPI', unit: 'PERCENT', decimals: 1, frequency: 'MONTHLY', allowAboveHundred: false } as const]]);
  const problemsOf = (file: RegisterFile): string[] => {
    const outcome = parseRegister(file, { known: KNOWN, currentFinancialYear: 2026 });
    if (outcome.ok) throw new Error('a file with formulas was accepted');
    return outcome.problems.map(describeProblem);
  };

  it('keeps the untrimmed text of a CSV cell, so that a leading tab or carriage return is refused', async () => {
    const csv = 'code,period,value,note\r\nFIN01,2026-10,56.3,"\t=1+1"\r\nFIN01,2026-11,57, On profile \r\nFIN01,2027-01,58,"\rcmd"\r\n';
    const file = await readRegisterFile(write('tabbed-values.csv', csv));
    expect(sheetOf(file, 'Values').rows).toEqual([
      { row: 2, cells: { code: 'FIN01', period: '2026-10', value: '56.3', note: '=1+1' }, untrimmed: { note: '\t=1+1' } },
      { row: 3, cells: { code: 'FIN01', period: '2026-11', value: '57', note: 'On profile' }, untrimmed: { note: ' On profile ' } },
      { row: 4, cells: { code: 'FIN01', period: '2027-01', value: '58', note: 'cmd' }, untrimmed: { note: '\rcmd' } },
    ]);
    expect(problemsOf(file)).toEqual([
      'Values, row 2, column note: "\\t=1+1" starts with a tab, which a spreadsheet may take as the start of a formula: remove the leading tab',
      'Values, row 4, column note: "\\rcmd" starts with a carriage return, which a spreadsheet may take as the start of a formula: remove the leading carriage return',
    ]);
  });

  it('refuses formula cells in text columns (with or without a result, shared or not) and text that starts with "="', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Values');
    sheet.addRow(['code', 'period', 'value', 'note']);
    sheet.addRow(['FIN01', '2026-10', 56.3, { formula: 'HYPERLINK("https://evil.example","Click")', result: 'Click' }]);
    sheet.addRow(['FIN01', '2026-11', 57, { formula: '"Checked by "&A1', result: 'Checked by code', shareType: 'shared', ref: 'D3:D4' }]);
    sheet.addRow(['FIN01', '2026-12', 58, { sharedFormula: 'D3', result: 'Checked by FIN01' }]);
    sheet.addRow(['FIN01', '2027-01', 59, { formula: 'CONCAT("On ","profile")' }]); // no result: as exceljs itself writes them
    sheet.addRow(['FIN01', '2027-02', 60, '=HYPERLINK("https://evil.example")']); // text, as Excel keeps a typed '=…
    sheet.addRow(['FIN01', '2027-03', { formula: '50+11', result: 61 }, 'On profile']); // a number column takes the result
    const filePath = path.join(dir, 'formulas.xlsx');
    await workbook.xlsx.writeFile(filePath);

    const file = await readRegisterFile(filePath);
    const rows = sheetOf(file, 'Values').rows;
    expect(rows.map((r) => r.formulas)).toEqual([
      { note: '=HYPERLINK("https://evil.example","Click")' },
      { note: '="Checked by "&A1' },
      { note: '="Checked by "&A2' }, // the shared formula, as Excel shows it in D4
      { note: '=CONCAT("On ","profile")' },
      undefined,
      { value: '=50+11' },
    ]);
    expect(rows.map((r) => r.cells.note)).toEqual(['Click', 'Checked by code', 'Checked by FIN01', '', '=HYPERLINK("https://evil.example")', 'On profile']);
    const why = 'which a spreadsheet would run: type the text itself (or copy the cell and paste it back as values only)';
    expect(problemsOf(file)).toEqual([
      `Values, row 2, column note: the cell holds the formula "=HYPERLINK("https://evil.example","Click…", ${why}`,
      `Values, row 3, column note: the cell holds the formula "="Checked by "&A1", ${why}`,
      `Values, row 4, column note: the cell holds the formula "="Checked by "&A2", ${why}`,
      `Values, row 5, column note: the cell holds the formula "=CONCAT("On ","profile")", ${why}`,
      'Values, row 6, column note: "=HYPERLINK("https://evil.example")" starts with "=", which a spreadsheet would run as a formula: remove the leading "=" (or put the text in quotes)',
    ]);
  });
});

describe('readRegisterFile: other files', () => {
  it('refuses a .txt file, saying which formats to use', async () => {
    const error = await unreadable(write('register.txt', 'code,period,value\nFIN01,2026-10,5\n'));
    expect(error.message).toBe('register.txt is not a .csv or .xlsx file; save the register in one of those formats.');
  });

  it('refuses a file that does not exist', async () => {
    const missing = path.join(dir, 'no-such-register.csv');
    const error = await unreadable(missing);
    expect(error.message).toBe(`Cannot read ${missing}: ENOENT`);
  });
});
