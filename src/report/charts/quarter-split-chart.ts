import type { ReportGroupCounts } from '../../app/report/quarter-report-model';
import { CHART_FONT, escapeSvg, type Chart } from './chart';
import { countsInWords, STATUS_STYLES } from './status-colours';
import { barSegments, stackedBarSvg } from './stacked-bar';

const WIDTH = 640;
const BAR_HEIGHT = 40;

/**
 * The whole register's split this quarter: one wide stacked bar, and under it each status with its
 * number and share in words ("Red 6 (15%)"), so the figures are readable without the colours.
 */
export function quarterSplitChart(overall: ReportGroupCounts, quarterLabel: string): Chart {
  const counts = overall.quarter;
  const title = `Status of all indicators, ${quarterLabel}`;
  const barWidth = WIDTH - 20;
  const present = barSegments(counts, 10, barWidth);
  const captions = STATUS_STYLES.filter((s) => counts[s.status] > 0).map((s, i) => {
    const share = Math.round((100 * counts[s.status]) / Math.max(counts.total, 1));
    const x = 10 + (i % 3) * 210;
    const y = 20 + BAR_HEIGHT + 22 + Math.floor(i / 3) * 22;
    return `<rect x="${x}" y="${y - 12}" width="14" height="14" fill="${s.fill}" stroke="#0b0c0c" stroke-width="0.5"/>`
      + `<text x="${x + 20}" y="${y}" font-family="${CHART_FONT}" font-size="14" fill="#0b0c0c">${escapeSvg(`${s.label} ${counts[s.status]} (${share}%)`)}</text>`;
  });
  const height = 20 + BAR_HEIGHT + 22 + Math.ceil(present.length / 3) * 22 + 4;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`
    + `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${stackedBarSvg(counts, 10, 10, barWidth, BAR_HEIGHT)}${captions.join('')}</svg>`;
  const altText = `${title}: ${counts.total} indicators, ${countsInWords(counts)}.`;
  return { svg, width: WIDTH, height, title, altText };
}
