/**
 * Issue #11: every spreadsheet the product writes shows formula-like text as text. Written here,
 * read back with exceljs and with the import's own reader.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readCsv, readRegisterFile } from '../../../src/import/read-register-file';
import { addSafeRow, safeCell, setSafeColumns, toCsv } from '../../../src/spreadsheet/write-spreadsheet';

const ATTACKS = ['=HYPERLINK("https://evil.example","Click")', '+SUM(A1:A2)', '@SUM(A1)', "-2+3+cmd|' /C calc'!A0", '\t=1+1', '\r=1+1', '＝1+1'];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-spreadsheet-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('safeCell', () => {
  it.each(ATTACKS.map((text) => [text]))('prefixes the text %j with a single quote', (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text and every number as they are', () => {
    expect([safeCell('Council Tax collected'), safeCell('−5% on last year'), safeCell(-5), safeCell(98.6)]).toEqual(['Council Tax collected', '−5% on last year', -5, 98.6]);
  });
});

describe('toCsv', () => {
  it('escapes formula-like text, keeps a negative number a number, and quotes what CSV needs quoted', () => {
    const csv = toCsv(['code', 'period', 'value', 'note'], [
      { code: 'FIN01', period: '2026-10', value: -5, note: '=HYPERLINK("https://evil.example","Click")' },
      { code: 'FIN01', period: '2026-11', value: 56.3, note: '\t=1+1' },
      { code: 'FIN01', period: '2026-12', value: 57, note: 'On profile, as planned' },
    ]);
    expect(csv).toBe(
      '\uFEFFcode,period,value,note\r\n' +
        'FIN01,2026-10,-5,"\'=HYPERLINK(""https://evil.example"",""Click"")"\r\n' +
        "FIN01,2026-11,56.3,'\t=1+1\r\n" +
        'FIN01,2026-12,57,"On profile, as planned"\r\n',
    );
    // Read back by the import, the note starts with the quote, not a formula character.
    expect(readCsv(csv).Values?.rows.map((row) => row.cells.note)).toEqual([
      '\'=HYPERLINK("https://evil.example","Click")', "'\t=1+1", 'On profile, as planned',
    ]);
  });
});

describe('addSafeRow and setSafeColumns', () => {
  it('write formula-like text as string cells starting with a quote, never as formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Values');
    setSafeColumns(sheet, [
      { header: 'code', key: 'code', width: 8 }, { header: 'period', key: 'period', width: 8 },
      { header: 'value', key: 'value', width: 8 }, { header: 'note', key: 'note', width: 40 },
    ]);
    ATTACKS.forEach((note, i) => addSafeRow(sheet, ['FIN01', `2026-${String(i + 4).padStart(2, '0')}`, i + 50, note]));
    addSafeRow(sheet, { code: 'FIN01', period: '2026-12', value: -5, note: '+SUM(A1)' });
    const filePath = path.join(dir, 'values.xlsx');
    await workbook.xlsx.writeFile(filePath);

    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(filePath);
    const notes = read.getWorksheet('Values')!.getColumn(4).values.slice(2) as unknown[];
    // XML turns the carriage return into a line feed on the way through; the quote still comes first.
    expect(notes).toEqual([...ATTACKS.map((text) => `'${text.replace('\r', '\n')}`), "'+SUM(A1)"]);
    read.getWorksheet('Values')!.eachRow((row, number) => {
      if (number === 1) return;
      expect([number, row.getCell(4).type]).toEqual([number, ExcelJS.ValueType.String]);
      expect([number, row.getCell(3).type]).toEqual([number, ExcelJS.ValueType.Number]);
    });

    const file = await readRegisterFile(filePath);
    expect(file.Values?.rows.every((row) => row.formulas === undefined && row.cells.note!.startsWith("'"))).toBe(true);
  });
});
