/** A register file as read from disk: its known sheets, each rows keyed by normalised header. */

export const SHEET_NAMES = ['Indicators', 'Targets', 'Values', 'People'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];
/** Sheets a workbook may carry that the import reads past: the template's own Guide. */
export const IGNORED_SHEETS = ['Guide'] as const;

export interface SheetRow {
  /** The row number a person sees in their spreadsheet (the header is row 1). */
  readonly row: number;
  /** Cell text by normalised header ("Owner Email" -> "owner_email"); blank cells are "". */
  readonly cells: Readonly<Record<string, string>>;
  /**
   * The cells whose text had leading or trailing space trimmed off, as written: a leading tab or
   * carriage return is one way to start a formula. Absent when no cell was trimmed.
   */
  readonly untrimmed?: Readonly<Record<string, string>>;
  /**
   * A workbook's formula cells, as Excel shows the formula ("=HYPERLINK(…)"); their `cells` entry
   * is the result Excel last computed. Absent when the row has none (and always for a CSV).
   */
  readonly formulas?: Readonly<Record<string, string>>;
}

export interface Sheet {
  readonly name: SheetName;
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
}

export type RegisterFile = Partial<Record<SheetName, Sheet>> & {
  /**
   * Workbook sheets with a name the import does not know, as named in the workbook. They are
   * reported, not skipped: a mistyped "Indicatorz" would otherwise load nothing without a word.
   */
  readonly unknownSheets?: readonly string[];
};

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

/** "Indicators, Targets, Values or People", for messages that name every sheet the import reads. */
export function knownSheetList(): string {
  return `${SHEET_NAMES.slice(0, -1).join(', ')} or ${SHEET_NAMES[SHEET_NAMES.length - 1]}`;
}
