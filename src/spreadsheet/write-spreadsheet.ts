/**
 * The one way the product writes cells into a spreadsheet or a CSV (the register templates, the
 * benchmark's registers, the report's Excel appendix and open-data CSV), so it lives beside none of
 * them: every text cell goes through safeSpreadsheetText, so that a title or note that begins like
 * a formula is shown as text, never run (issue #11). Cells are plain strings or numbers, never an
 * exceljs `{ formula }`.
 */
import type ExcelJS from 'exceljs';
import { safeSpreadsheetText } from '../domain/formula-text';

export type SheetCell = string | number;
export type SheetRecord = Readonly<Record<string, SheetCell>>;

/** A number is written as a number (so "-5" stays minus five); text is escaped if it would start a formula. */
export function safeCell(value: SheetCell): SheetCell {
  return typeof value === 'string' ? safeSpreadsheetText(value) : value;
}

function csvField(value: SheetCell): string {
  const text = String(safeCell(value));
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark and CRLF line ends, which is what Excel reads and writes. */
export function toCsv(headers: readonly string[], rows: readonly SheetRecord[]): string {
  const lines = [headers, ...rows.map((row) => headers.map((header) => row[header] ?? ''))];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Sets a worksheet's columns, which writes their headers into row 1. */
export function setSafeColumns(sheet: ExcelJS.Worksheet, columns: readonly { header: string; key: string; width: number }[]): void {
  sheet.columns = columns.map((column) => ({ ...column, header: safeSpreadsheetText(column.header) }));
}

/** Adds a row to a worksheet: values in column order, or by column key. */
export function addSafeRow(sheet: ExcelJS.Worksheet, values: readonly SheetCell[] | SheetRecord): ExcelJS.Row {
  if (Array.isArray(values)) return sheet.addRow(values.map(safeCell));
  return sheet.addRow(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, safeCell(value as SheetCell)])));
}
