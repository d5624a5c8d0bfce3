import type { ReportGroupCounts } from '../../app/report/quarter-report-model';
import { CHART_FONT, escapeSvg, type Chart } from './chart';
import { countsInWords, STATUS_STYLES } from './status-colours';
import { legendSvg, stackedBarSvg } from './stacked-bar';

const WIDTH = 640;
/** Roughly the advance of a 14px sans-serif character, to size the label column to the longest label. */
const CHAR_WIDTH = 7.8;
const MAX_LABEL_CHARS = 36;
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
  const labels = groups.map((g) => (g.label.length > MAX_LABEL_CHARS ? `${g.label.slice(0, MAX_LABEL_CHARS - 1)}…` : g.label));
  const LABEL_WIDTH = Math.round(Math.max(...labels.map((l) => l.length)) * CHAR_WIDTH) + 16;
  const barWidth = WIDTH - LABEL_WIDTH - 50;
  const rows = groups.map((g, i) => {
    const y = TOP + i * ROW;
    const label = labels[i]!;
    return `<text x="${LABEL_WIDTH - 8}" y="${y + BAR / 2 + 5}" font-family="${CHART_FONT}" font-size="14" text-anchor="end" fill="#0b0c0c">${escapeSvg(label)}</text>`
      + stackedBarSvg(g.quarter, LABEL_WIDTH, y, barWidth, BAR)
      + `<text x="${LABEL_WIDTH + barWidth + 6}" y="${y + BAR / 2 + 5}" font-family="${CHART_FONT}" font-size="13" fill="#505a5f">${g.quarter.total}</text>`;
  });
  const shown = STATUS_STYLES.map((s) => s.status).filter((s) => groups.some((g) => g.quarter[s] > 0));
  const legendY = TOP + groups.length * ROW + 6;
  // The key lines up with the bars unless that would run off the right edge (long labels).
  const fullKey = legendSvg(shown, 0, legendY);
  const legend = legendSvg(shown, Math.max(10, Math.min(LABEL_WIDTH, WIDTH - 10 - fullKey.width)), legendY);
  const height = legendY + LEGEND - 10;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`
    + `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${rows.join('')}${legend.svg}</svg>`;
  const altText = `${title}. ${groups.map((g) => `${g.label}: ${countsInWords(g.quarter)} (${g.quarter.total} in all)`).join('; ')}.`;
  return { svg, width: WIDTH, height, title, altText };
}
