/**
 * Reads a register file from disk: a CSV (one sheet, recognised by its columns) or an XLSX
 * workbook with sheets named as in SHEET_NAMES (case-insensitive). Any other sheet but the Guide is
 * listed in `unknownSheets`, for the checks to report.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IGNORED_SHEETS, SHEET_NAMES, knownSheetList, normaliseHeader, type RegisterFile, type Sheet, type SheetName, type SheetRow } from './register-file';

export class UnreadableFileError extends Error {}

export async function readRegisterFile(filePath: string): Promise<RegisterFile> {
  const extension = path.extname(filePath).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    throw new UnreadableFileError(`Cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (extension === '.csv') return readCsv(bytes.toString('utf8'), filePath);
  if (extension === '.xlsx') return readWorkbook(bytes, filePath);
  throw new UnreadableFileError(`${path.basename(filePath)} is not a .csv or .xlsx file; save the register in one of those formats.`);
}

export function readCsv(text: string, label = 'the CSV file'): RegisterFile {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    throw new UnreadableFileError(`${label} is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) throw new UnreadableFileError(`${label} is empty: it needs a header row.`);
  const headers = header.map(normaliseHeader);
  const name = sheetForColumns(headers);
  if (!name) {
    throw new UnreadableFileError(
      `Cannot tell which sheet ${label} is from its header row (${header.join(', ')}). ` +
        'An Indicators file has a "title" column; a Targets file has code, period and target; a Values file has code, period and value; ' +
        'a People file has an "email" column.',
    );
  }
  return { [name]: toSheet(name, headers, body.map((cells, i) => ({ row: i + 2, values: cells }))) };
}

/** A CSV holds one sheet; which one follows from its columns. */
function sheetForColumns(headers: readonly string[]): SheetName | null {
  const has = (column: string) => headers.includes(column);
  if (has('title')) return 'Indicators';
  if (has('code') && has('period') && has('target')) return 'Targets';
  if (has('code') && has('period') && has('value')) return 'Values';
  // Only the People sheet has a plain "email" column (the Indicators sheet's are owner_email and so on).
  if (has('email')) return 'People';
  return null;
}

async function readWorkbook(bytes: Buffer, label: string): Promise<RegisterFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFileError(`${path.basename(label)} is not a readable Excel workbook: ${(error as Error).message}`);
  }
  const file: { -readonly [K in keyof RegisterFile]: RegisterFile[K] } = {};
  const unknownSheets: string[] = [];
  for (const worksheet of workbook.worksheets) {
    const sameName = (sheet: string) => sheet.toLowerCase() === worksheet.name.trim().toLowerCase();
    const name = SHEET_NAMES.find(sameName);
    if (!name) {
      if (!IGNORED_SHEETS.some(sameName)) unknownSheets.push(worksheet.name);
      continue;
    }
    const rows: RawRow[] = [];
    // exceljs recomputes columnCount by scanning every row: read it once, not once per cell.
    const columnCount = worksheet.columnCount;
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: string[] = [];
      const formulas: (string | undefined)[] = [];
      for (let column = 1; column <= columnCount; column++) {
        const cell = row.getCell(column);
        values.push(cellText(cell.value));
        // Kept beside the result, so that a text column can refuse a formula rather than take its result
        // (or nothing, when the file holds no result). `formula` also translates a shared formula for this cell.
        formulas.push(cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : undefined);
      }
      rows.push({ row: rowNumber, values, formulas });
    });
    const headerRow = rows.find((row) => row.row === 1);
    if (!headerRow) throw new UnreadableFileError(`The ${worksheet.name} sheet has no header row in row 1.`);
    file[name] = toSheet(name, headerRow.values.map(normaliseHeader), rows.filter((row) => row.row !== 1));
  }
  if (Object.keys(file).length === 0) {
    throw new UnreadableFileError(
      `${path.basename(label)} has no sheet named ${knownSheetList()} (it has: ${workbook.worksheets.map((w) => w.name).join(', ') || 'none'}).`,
    );
  }
  if (unknownSheets.length > 0) file.unknownSheets = unknownSheets;
  return file;
}

/** Everything becomes text here, so that one parser (with its clear messages) judges every cell. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    // A hyperlink, as Excel makes of a typed email; its text may itself be rich text.
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

interface RawRow {
  readonly row: number;
  readonly values: readonly string[];
  readonly formulas?: readonly (string | undefined)[];
}

function toSheet(name: SheetName, headers: string[], rows: readonly RawRow[]): Sheet {
  const sheetRows: SheetRow[] = [];
  for (const { row, values, formulas = [] } of rows) {
    // A row of formulas that all show nothing (copied down a template, say) is as blank as it looks.
    if (values.every((value) => value.trim() === '')) continue;
    const cells: Record<string, string> = {};
    const untrimmed: Record<string, string> = {};
    const formulasByColumn: Record<string, string> = {};
    headers.forEach((header, i) => {
      if (!header) return;
      const text = values[i] ?? '';
      cells[header] = text.trim();
      if (text !== cells[header]) untrimmed[header] = text;
      const formula = formulas[i];
      if (formula !== undefined) formulasByColumn[header] = formula;
    });
    sheetRows.push({
      row, cells,
      // Only when there is something to say, so that a plain row is just its row number and cells.
      ...(Object.keys(untrimmed).length > 0 && { untrimmed }),
      ...(Object.keys(formulasByColumn).length > 0 && { formulas: formulasByColumn }),
    });
  }
  return { name, headers: headers.filter(Boolean), rows: sheetRows };
}
