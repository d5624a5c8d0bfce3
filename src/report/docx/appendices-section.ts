import type { Paragraph, Table } from 'docx';
import type { QuarterReport } from '../../app/report/quarter-report-model';
import { heading, paragraph, table, TEXT_WIDTH } from './blocks';

const CODE = 900;

/** Appendices: the data-only indicators, the missing ones and every indicator's definition. */
export function appendicesSection(report: QuarterReport): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [heading('Appendices', 1, { newPage: true })];

  blocks.push(heading('Appendix A: data-only indicators', 2));
  blocks.push(report.dataOnly.length === 0
    ? paragraph('No data-only indicators this quarter.')
    : table(
        [{ header: 'Code', width: CODE }, { header: 'Indicator', width: TEXT_WIDTH - CODE - 3000 }, { header: 'Figure', width: 1400 }, { header: 'Period', width: 1600 }],
        report.dataOnly.map((x) => [x.code, x.title, x.figure.text, x.periodLabel]),
      ));

  blocks.push(heading('Appendix B: missing figures', 2));
  blocks.push(report.missing.length === 0
    ? paragraph('Every figure due by the quarter’s end is in.')
    : table(
        [{ header: 'Code', width: CODE }, { header: 'Indicator', width: TEXT_WIDTH - CODE - 3800 }, { header: 'Status', width: 1000 }, { header: 'Period', width: 1400 }, { header: 'Owner', width: 1400 }],
        report.missing.map((x) => [x.code, x.title, x.statusLabel, x.periodLabel, x.ownerName ?? 'No owner']),
      ));

  blocks.push(heading('Appendix C: definitions', 2));
  blocks.push(table(
    [{ header: 'Code', width: CODE }, { header: 'Indicator', width: 2600 }, { header: 'Definition', width: TEXT_WIDTH - CODE - 2600 - 1500 }, { header: 'Polarity', width: 1500 }],
    report.indicators.map((x) => [x.code, x.title, x.definition, x.polarityText]),
  ));
  return blocks;
}
