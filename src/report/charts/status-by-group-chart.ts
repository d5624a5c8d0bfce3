import type { ReportGroupCounts } from '../../app/report/quarter-report-model';
import { CHART_FONT, escapeSvg, type Chart } from './chart';
import { countsInWords } from './status-colours';
import { legendSvg, stackedBarSvg } from './stacked-bar';

const WIDTH = 640;
const LABEL_WIDTH = 190;
const ROW = 34;
const BAR = 22;
const TOP = 8;
const LEGEND = 34;

/**
 * Status counts per group (the lenses, or the priorities) as stacked horizontal bars, one row per
 * group with its label and total; each segment numbered and a key in words below.
 */
export function statusByGroupChart(groups: readonly ReportGroupCounts[], title: string): Chart {
  if (groups.length === 0) throw new Error(`statusByGroupChart: "${title}" has no groups to draw; pass at least one.`);
  const barWidth = WIDTH - LABEL_WIDTH - 50;
  const rows = groups.map((g, i) => {
    const y = TOP + i * ROW;
    const label = g.label.length > 28 ? `${g.label.slice(0, 27)}…` : g.label;
    return `<text x="${LABEL_WIDTH - 8}" y="${y + BAR / 2 + 5}" font-family="${CHART_FONT}" font-size="14" text-anchor="end" fill="#0b0c0c">${escapeSvg(label)}</text>`
      + stackedBarSvg(g.quarter, LABEL_WIDTH, y, barWidth, BAR)
      + `<text x="${LABEL_WIDTH + barWidth + 6}" y="${y + BAR / 2 + 5}" font-family="${CHART_FONT}" font-size="13" fill="#505a5f">${g.quarter.total}</text>`;
  });
  const shown = (['RED', 'AMBER', 'GREEN', 'DATA_ONLY', 'MISSING', 'DUE'] as const).filter((s) => groups.some((g) => g.quarter[s] > 0));
  const legendY = TOP + groups.length * ROW + 6;
  const legend = legendSvg(shown, LABEL_WIDTH, legendY);
  const height = legendY + LEGEND - 10;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`
    + `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${rows.join('')}${legend.svg}</svg>`;
  const altText = `${title}. ${groups.map((g) => `${g.label}: ${countsInWords(g.quarter)} (${g.quarter.total} in all)`).join('; ')}.`;
  return { svg, width: WIDTH, height, title, altText };
}
