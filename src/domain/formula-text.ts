/**
 * Text that a spreadsheet would run as a formula ("CSV injection", or formula injection): a cell
 * that begins with `=`, `+`, `-` or `@` is a formula to Excel, LibreOffice and Google Sheets, and a
 * leading tab or carriage return can hide such a character from the eye while some programs still
 * act on it. The import refuses such text in free-text columns; everything the product writes into
 * a spreadsheet goes through `safeSpreadsheetText` as well, since text stored before this rule, or
 * typed into Teams, can still begin that way.
 *
 * The full-width forms (`＝`, `＋`, `－`, `＠`) are refused too: Excel with an East Asian input
 * method turns a typed full-width `＝` into a formula, and no council's title or note begins with
 * one on purpose.
 */

/** What each character that starts a formula is called in a message. */
const FORMULA_LEADS: ReadonlyMap<string, string> = new Map([
  ['=', '"="'],
  ['+', '"+"'],
  ['-', '"-"'],
  ['@', '"@"'],
  ['\t', 'a tab'],
  ['\r', 'a carriage return'],
  ['\uFF1D', 'a full-width "＝"'],
  ['\uFF0B', 'a full-width "＋"'],
  ['\uFF0D', 'a full-width "－"'],
  ['\uFF20', 'a full-width "＠"'],
]);

/**
 * The character that makes `text` look like a formula, or null. Only the very first character
 * counts, untrimmed: a cell is a formula by how it begins. (The Unicode minus sign "−" and the
 * dashes are not formula characters, so "−5% on last month" is ordinary text.)
 */
export function formulaLead(text: string): string | null {
  const first = text.charAt(0);
  return FORMULA_LEADS.has(first) ? first : null;
}

export function looksLikeFormula(text: string): boolean {
  return formulaLead(text) !== null;
}

/** How a message names a formula character: `"="`, `a tab`, …; null if it is not one. */
export function describeFormulaLead(lead: string): string | null {
  return FORMULA_LEADS.get(lead) ?? null;
}

/**
 * The text to write into a spreadsheet cell (CSV or XLSX): prefixed with a single quote when it
 * would otherwise begin a formula, as OWASP advises, so that Excel shows it as text. Everything
 * else is returned unchanged. Write the result as a string cell, never as a formula.
 */
export function safeSpreadsheetText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
