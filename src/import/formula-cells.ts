/**
 * The import's side of issue #11: a free-text cell that a spreadsheet would run as a formula is
 * refused, since the import stores it and the product's exports and reports write it out again.
 * Numbers, codes, periods, emails, ids and the vocabulary's words have their own rules, none of
 * which lets such text through, so only the free-text columns are checked here.
 */
import { describeFormulaLead, formulaLead } from '../domain/formula-text';
import type { SheetName, SheetRow } from './register-file';

/** Every column whose text is stored as written: titles, definitions, names and notes. */
export const FREE_TEXT_COLUMNS: Readonly<Record<SheetName, readonly string[]>> = {
  Indicators: ['title', 'definition', 'directorate', 'service', 'priority', 'owner_name', 'verifier_name', 'director_name'],
  Targets: [],
  Values: ['note'],
  People: ['name'],
};

/** Long enough to recognise the cell, short enough that a list of problems stays readable. */
const ECHO_LENGTH = 40;

/** Why a free-text cell is refused, or null when its text is ordinary. */
export function formulaProblem(row: SheetRow, column: string): string | null {
  const formula = row.formulas?.[column];
  if (formula !== undefined) {
    return `the cell holds the formula ${echo(formula)}, which a spreadsheet would run: ` +
      'type the text itself (or copy the cell and paste it back as values only)';
  }
  const stored = row.cells[column] ?? '';
  const written = row.untrimmed?.[column] ?? stored;
  // As written first (a leading tab), then as it would be stored, trimmed (" =1+1" is stored as "=1+1").
  const writtenLead = formulaLead(written);
  const lead = writtenLead ?? formulaLead(stored);
  if (lead === null) return null;
  const shown = echo(writtenLead === null ? stored : written);
  const named = describeFormulaLead(lead)!;
  if (lead === '\t' || lead === '\r') {
    return `${shown} starts with ${named}, which a spreadsheet may take as the start of a formula: remove the leading ${named.slice(2)}`;
  }
  return `${shown} starts with ${named}, which a spreadsheet would run as a formula: remove the leading "${lead}" (or put the text in quotes)`;
}

/** The cell's text in quotes, cut short, with tabs and line breaks shown rather than acted on. */
function echo(text: string): string {
  const characters = [...text];
  const shown = characters.length > ECHO_LENGTH ? `${characters.slice(0, ECHO_LENGTH).join('')}…` : text;
  return `"${shown.replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
}
