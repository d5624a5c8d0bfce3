import { LineRuleType, type IStylesOptions } from 'docx';

/** The report's one font; Word has it everywhere, LibreOffice substitutes the metric-compatible Liberation Sans. */
export const REPORT_FONT = 'Arial';

/** Text colours: near-black for body text and a dark blue for headings (both well above 4.5:1 on white). */
const TEXT = '0B0C0C';
const HEADING = '1D3557';

/**
 * The document's styles. The language is set on the run defaults (w:docDefaults) so every run is
 * en-GB: Word's spelling, screen readers and the accessibility checker all read it from there.
 * Headings are Word's own Heading 1–3 (so the navigation pane and PDF bookmarks work), restyled;
 * space comes from spacing before/after, never from empty paragraphs.
 */
export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: REPORT_FONT, size: 22, color: TEXT, language: { value: 'en-GB' } },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: REPORT_FONT, size: 56, bold: true, color: HEADING }, paragraph: { spacing: { before: 2400, after: 240 } } },
      heading1: { run: { font: REPORT_FONT, size: 36, bold: true, color: HEADING }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
      heading2: { run: { font: REPORT_FONT, size: 28, bold: true, color: HEADING }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true } },
      heading3: { run: { font: REPORT_FONT, size: 24, bold: true, color: HEADING }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
    },
    paragraphStyles: [
      {
        id: 'TableText', name: 'Table Text', basedOn: 'Normal', quickFormat: true,
        run: { size: 18 }, paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'CoverLine', name: 'Cover Line', basedOn: 'Normal', quickFormat: true,
        run: { size: 32, color: HEADING }, paragraph: { spacing: { after: 200 } },
      },
    ],
  };
}
