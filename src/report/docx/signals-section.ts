import type { Paragraph, Table } from 'docx';
import type { QuarterReport, ReportIndicator } from '../../app/report/quarter-report-model';
import { heading, paragraph, table, TEXT_WIDTH } from './blocks';

/**
 * Signals and forecasts (#17): which indicators' latest figures are a special cause (a change the
 * process does not usually produce) rather than normal variation, what their limits say about the
 * target, and where the measures that add up over the year are heading. Beside RAG, never
 * instead of it: the status tables above are unchanged.
 */
export function signalsSection(report: QuarterReport): (Paragraph | Table)[] {
  const special = report.indicators.filter((x) => x.signals && x.signals.variation.startsWith('SPECIAL_CAUSE'));
  const forecasts = report.indicators.filter((x) => x.signals?.forecastText);
  const analysed = report.indicators.filter((x) => x.signals && !['NOT_ANALYSED', 'TOO_FEW_POINTS'].includes(x.signals.variation)).length;
  return [
    heading('Signals and forecasts', 1),
    paragraph(
      `Beside each status, the figures' own history says whether the latest one is a signal or normal variation (a statistical process control chart: `
      + `the average and the natural process limits of the indicator's figures). ${analysed} of ${report.indicators.length} indicators had enough history to analyse.`,
    ),
    heading('Special causes', 2),
    ...(special.length === 0
      ? [paragraph('No indicator\'s latest figure is a special cause: every change is within normal variation.')]
      : [signalsTable(special)]),
    heading('Year-end forecasts', 2),
    ...(forecasts.length === 0
      ? [paragraph('No indicator adds up over the year.')]
      : [paragraph('Forecasts of the year-end outturn for the indicators that add up over the year. A forecast is never used to set a status.'), forecastTable(forecasts)]),
  ];
}

function signalsTable(indicators: readonly ReportIndicator[]): Table {
  const code = 900;
  const status = 1000;
  const variation = 3000;
  const assurance = 1900;
  return table(
    [
      { header: 'Code', width: code },
      { header: 'Indicator', width: TEXT_WIDTH - code - status - variation - assurance },
      { header: 'Status', width: status },
      { header: 'Variation', width: variation },
      { header: 'Assurance', width: assurance },
    ],
    indicators.map((x) => [x.code, x.title, x.statusLabel, x.signals!.variationText, x.signals!.assuranceLabel ?? 'None']),
  );
}

function forecastTable(indicators: readonly ReportIndicator[]): Table {
  const code = 900;
  const ytd = 1400;
  const forecast = 4200;
  return table(
    [
      { header: 'Code', width: code },
      { header: 'Indicator', width: TEXT_WIDTH - code - ytd - forecast },
      { header: 'Year to date', width: ytd, alignRight: true },
      { header: 'Forecast', width: forecast },
    ],
    indicators.map((x) => [x.code, x.title, x.yearToDate.text, x.signals!.forecastText!]),
  );
}
