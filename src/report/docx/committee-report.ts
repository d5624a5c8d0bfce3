import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { QuarterReport } from '../../app/report/quarter-report-model';
import { quarterSlug, type ReportFile } from '../report-file';
import { appendicesSection } from './appendices-section';
import { coverSection } from './cover-section';
import { documentStyles } from './document-styles';
import { exceptionsSection } from './exceptions-section';
import { prioritySections } from './priority-sections';
import { summarySection } from './summary-section';
import { signalsSection } from './signals-section';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A4 with 2 cm margins (1134 twips), the text width blocks.ts sizes tables to. */
const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } };

function footer(report: QuarterReport): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ size: 18, children: [`${report.organisation}: performance report ${report.quarterLabel}. Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
    })],
  });
}

/**
 * The committee edition's Word report (#15): cover, summary with charts, a section per corporate
 * priority, the exceptions and the appendices, built from the model alone. Accessible by
 * construction: en-GB language, real headings, alt text on every image, repeated table headers and
 * statuses in words.
 */
export async function renderCommitteeReport(report: QuarterReport): Promise<ReportFile> {
  if (report.edition !== 'committee') {
    throw new Error(`renderCommitteeReport: the Word report is the committee edition, but this model is the ${report.edition} edition; pass the model from loadQuarterReport, not publicEdition(...).`);
  }
  const doc = new Document({
    creator: report.organisation,
    lastModifiedBy: report.organisation,
    title: `Performance report ${report.quarterLabel}`,
    subject: `${report.organisation}: quarterly performance report, committee edition`,
    description: report.generatedText,
    styles: documentStyles(),
    features: { updateFields: false },
    sections: [
      { properties: { page: PAGE }, children: coverSection(report) },
      {
        properties: { page: PAGE },
        footers: { default: footer(report) },
        children: [...summarySection(report), ...prioritySections(report), ...exceptionsSection(report), ...signalsSection(report), ...appendicesSection(report)],
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  return {
    name: `performance-report-${quarterSlug(report.quarter)}-committee.docx`,
    mediaType: DOCX_MEDIA_TYPE,
    description: 'Committee report (Word)',
    bytes: new Uint8Array(bytes),
  };
}
