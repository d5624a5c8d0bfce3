import { HeadingLevel, Paragraph } from 'docx';
import type { QuarterReport } from '../../app/report/quarter-report-model';

/** The cover: who, what, which quarter and when it was generated (the title is Word's Title style). */
export function coverSection(report: QuarterReport): Paragraph[] {
  return [
    new Paragraph({ style: 'CoverLine', text: report.organisation }),
    new Paragraph({ heading: HeadingLevel.TITLE, text: 'Performance report' }),
    new Paragraph({ style: 'CoverLine', text: report.quarterLabel }),
    new Paragraph({ text: 'Committee edition: includes officers’ names and the Board’s commentary; not for publication.' }),
    new Paragraph({ text: report.generatedText }),
  ];
}
