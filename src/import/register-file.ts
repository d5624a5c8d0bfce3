/** A register file as read from disk: up to three sheets of rows keyed by normalised header. */

export const SHEET_NAMES = ['Indicators', 'Targets', 'Values'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

export interface SheetRow {
  /** The row number a person sees in their spreadsheet (the header is row 1). */
  readonly row: number;
  /** Cell text by normalised header ("Owner Email" -> "owner_email"); blank cells are "". */
  readonly cells: Readonly<Record<string, string>>;
}

export interface Sheet {
  readonly name: SheetName;
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
}

export type RegisterFile = Partial<Record<SheetName, Sheet>>;

export interface ImportProblem {
  readonly sheet: SheetName | 'File';
  /** Spreadsheet row number; 1 is the header. Null for problems with the file as a whole. */
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export const normaliseHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-]+/g, '_');

export function describeProblem(problem: ImportProblem): string {
  const where = [problem.sheet, problem.row === null ? null : `row ${problem.row}`, problem.column && `column ${problem.column}`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${problem.message}`;
}
