import { describeFormulaLead, formulaLead, looksLikeFormula, safeSpreadsheetText } from '../../../src/domain/formula-text';

/** The cases from issue #11, and the other ways a cell can begin a formula. */
const FORMULAS: readonly [string, string][] = [
  ['=HYPERLINK("https://evil.example","Click")', '='],
  ['+SUM(A1:A2)', '+'],
  ['@SUM(A1)', '@'],
  ["-2+3+cmd|' /C calc'!A0", '-'],
  ['\t=1+1', '\t'],
  ['\rCouncil Tax', '\r'],
  ['=', '='],
  ['-5 on last month', '-'],
  ['-5% due to the new scheme', '-'],
  ['＝HYPERLINK("https://evil.example")', '＝'],
  ['＋SUM(A1)', '＋'],
  ['－1', '－'],
  ['＠SUM(A1)', '＠'],
];

const ORDINARY: readonly string[] = [
  '',
  'Council Tax collected (cumulative in year)',
  '−5% due to the new scheme', // U+2212, the minus sign a word processor types
  '–5 on last month', // an en dash
  '— see the note above', // an em dash
  ' =1+1', // a space first: a spreadsheet reads this as text (the import, which trims, checks it again)
  '\n=1+1', // a line feed is not a formula character
  "'=1+1", // already escaped
  '"=1+1"',
  'Rate = collected / debit',
  'Email team@fenmarsh.gov.uk',
  '5-10 days',
  '100% + overtime',
];

describe('looksLikeFormula and formulaLead', () => {
  it.each(FORMULAS)('%j begins a formula with %j', (text, lead) => {
    expect(formulaLead(text)).toBe(lead);
    expect(looksLikeFormula(text)).toBe(true);
  });

  it.each(ORDINARY.map((text) => [text]))('%j is ordinary text', (text) => {
    expect(formulaLead(text)).toBeNull();
    expect(looksLikeFormula(text)).toBe(false);
  });
});

describe('describeFormulaLead', () => {
  it.each([
    ['=', '"="'], ['+', '"+"'], ['-', '"-"'], ['@', '"@"'], ['\t', 'a tab'], ['\r', 'a carriage return'], ['＝', 'a full-width "＝"'],
  ])('names %j as %s', (lead, name) => {
    expect(describeFormulaLead(lead)).toBe(name);
  });

  it('names nothing else', () => {
    expect(describeFormulaLead('a')).toBeNull();
  });
});

describe('safeSpreadsheetText', () => {
  it.each(FORMULAS)('prefixes %j with a single quote', (text) => {
    expect(safeSpreadsheetText(text)).toBe(`'${text}`);
    expect(looksLikeFormula(safeSpreadsheetText(text))).toBe(false);
  });

  it.each(ORDINARY.map((text) => [text]))('leaves %j as it is', (text) => {
    expect(safeSpreadsheetText(text)).toBe(text);
  });
});
