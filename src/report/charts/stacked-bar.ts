import type { ReportStatusCounts } from '../../app/report/quarter-report-model';
import { CHART_FONT, escapeSvg } from './chart';
import { STATUS_STYLES } from './status-colours';

export interface BarSegment {
  readonly status: string;
  readonly x: number;
  readonly width: number;
  readonly count: number;
}

/**
 * Splits a bar of `width` into one segment per status with any indicators, widths in proportion to
 * the counts (a zero total gives no segments). Pure geometry, tested on its own.
 */
export function barSegments(counts: ReportStatusCounts, x: number, width: number): BarSegment[] {
  const total = STATUS_STYLES.reduce((sum, s) => sum + counts[s.status], 0);
  if (total === 0) return [];
  const segments: BarSegment[] = [];
  let at = x;
  for (const s of STATUS_STYLES) {
    const count = counts[s.status];
    if (count === 0) continue;
    const w = (count / total) * width;
    segments.push({ status: s.status, x: at, width: w, count });
    at += w;
  }
  return segments;
}

/** The SVG of one stacked bar: each segment filled and, when wide enough, numbered in it. */
export function stackedBarSvg(counts: ReportStatusCounts, x: number, y: number, width: number, height: number): string {
  return barSegments(counts, x, width).map((seg) => {
    const style = STATUS_STYLES.find((s) => s.status === seg.status)!;
    const rect = `<rect x="${seg.x.toFixed(1)}" y="${y}" width="${seg.width.toFixed(1)}" height="${height}" fill="${style.fill}" stroke="#ffffff" stroke-width="1"/>`;
    // A number only where it fits; the alt text and the table beside the chart carry every number anyway.
    const label = seg.width >= 8 * String(seg.count).length + 6
      ? `<text x="${(seg.x + seg.width / 2).toFixed(1)}" y="${y + height / 2 + 5}" font-family="${CHART_FONT}" font-size="14" font-weight="bold" text-anchor="middle" fill="${style.text}">${seg.count}</text>`
      : '';
    return rect + label;
  }).join('');
}

/** A key of the statuses shown: a swatch and the word, so colour is never the only cue. */
export function legendSvg(statuses: readonly string[], x: number, y: number): { svg: string; width: number } {
  let at = x;
  const parts: string[] = [];
  for (const s of STATUS_STYLES.filter((st) => statuses.includes(st.status))) {
    parts.push(`<rect x="${at}" y="${y}" width="14" height="14" fill="${s.fill}" stroke="#0b0c0c" stroke-width="0.5"/>`);
    parts.push(`<text x="${at + 19}" y="${y + 12}" font-family="${CHART_FONT}" font-size="13" fill="#0b0c0c">${escapeSvg(s.label)}</text>`);
    at += 19 + s.label.length * 7 + 18;
  }
  return { svg: parts.join(''), width: at - x };
}
