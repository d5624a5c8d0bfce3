import {
  BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

type Level = 1 | 2 | 3;
const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A real Word heading; a level-1 heading may start a new page (a page break property, not a blank page). */
export function heading(text: string, level: Level, options: { newPage?: boolean } = {}): Paragraph {
  return new Paragraph({ heading: LEVELS[level], text, pageBreakBefore: options.newPage ?? false });
}

export function paragraph(text: string): Paragraph {
  return new Paragraph({ text });
}

/** "Label: text" with the label in bold, for the exception's fields. */
export function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] });
}

export interface Column {
  readonly header: string;
  /** Width in twentieths of a point; the columns of a table add up to the text width. */
  readonly width: number;
  readonly alignRight?: boolean;
}

/** The A4 page's text width with the report's 2 cm margins, in twips. */
export const TEXT_WIDTH = 11906 - 2 * 1134;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8F93' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(text: string, width: number, options: { header?: boolean; alignRight?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.header ? { type: ShadingType.CLEAR, fill: 'E8EAEC', color: 'auto' } : undefined,
    children: [new Paragraph({
      style: 'TableText',
      alignment: options.alignRight ? 'right' : undefined,
      children: [new TextRun({ text, bold: options.header ?? false })],
    })],
  });
}

/**
 * A table whose first row is a header row repeated on every page (w:tblHeader), rows that do not
 * split across pages, and fixed column widths so long titles wrap instead of pushing off the page.
 */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): Table {
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length) throw new Error(`table: row ${i + 1} has ${row.length} cells but the table has ${columns.length} columns (${columns.map((c) => c.header).join(', ')}).`);
  }
  return new Table({
    width: { size: columns.reduce((sum, c) => sum + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: 'fixed',
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c.width, { header: true, alignRight: c.alignRight })) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, columns[i]!.width, { alignRight: columns[i]!.alignRight })) })),
    ],
  });
}
