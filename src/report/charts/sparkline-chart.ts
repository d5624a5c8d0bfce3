import type { ReportIndicator } from '../../app/report/quarter-report-model';
import { formatValue } from '../../domain/numbers';
import type { Chart } from './chart';
import { STATUS_STYLES } from './status-colours';

const WIDTH = 240;
const HEIGHT = 60;
const PAD = 6;

export interface SparkGeometry {
  /** One point per period with a value; x left to right oldest first, y 0 at the top. */
  readonly points: readonly { x: number; y: number }[];
  /** The latest target's y, or null when no period has a target. */
  readonly targetY: number | null;
}

/** Where each value and the target fall, on one scale covering both (gaps stay gaps). */
export function sparkGeometry(indicator: ReportIndicator, width = WIDTH, height = HEIGHT): SparkGeometry {
  const spark = indicator.sparkline;
  const values = spark.flatMap((p) => [p.value, p.target]).filter((v): v is number => v !== null);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = spark.length > 1 ? (width - 2 * PAD) / (spark.length - 1) : 0;
  const yOf = (v: number) => PAD + (height - 2 * PAD) * (1 - (v - min) / span);
  const points = spark.flatMap((p, i) => (p.value === null ? [] : [{ x: PAD + i * step, y: yOf(p.value) }]));
  const lastTarget = [...spark].reverse().find((p) => p.target !== null)?.target ?? null;
  return { points, targetY: lastTarget === null ? null : yOf(lastTarget) };
}

/**
 * An indicator's last twelve periods as a sparkline with its target as a dashed line and the latest
 * point marked in its status colour; the alt text says the first and latest figures and the target.
 */
export function sparklineChart(indicator: ReportIndicator): Chart {
  const { points, targetY } = sparkGeometry(indicator);
  const title = `${indicator.code} over the last ${indicator.sparkline.length} periods`;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
  const last = points.at(-1);
  const colour = STATUS_STYLES.find((s) => s.status === indicator.status)?.fill ?? '#0b0c0c';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`
    + `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`
    + (targetY === null ? '' : `<line x1="${PAD}" x2="${WIDTH - PAD}" y1="${targetY.toFixed(1)}" y2="${targetY.toFixed(1)}" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="5 4"/>`)
    + (path ? `<path d="${path}" fill="none" stroke="#1d70b8" stroke-width="2.5" stroke-linejoin="round"/>` : '')
    + (last ? `<circle cx="${last.x.toFixed(1)}" cy="${last.y.toFixed(1)}" r="5" fill="${colour}" stroke="#0b0c0c" stroke-width="1"/>` : '')
    + '</svg>';
  const withValue = indicator.sparkline.filter((p) => p.value !== null);
  const first = withValue[0];
  const latest = withValue.at(-1);
  const fmt = (p: { label: string; value: number | null }) => `${formatValue(p.value!, indicator.unit, indicator.decimals)} in ${p.label}`;
  const target = indicator.target.value === null ? 'no target' : `a target of ${indicator.target.text}`;
  const altText = first && latest
    ? `${indicator.code} ${indicator.title}: from ${fmt(first)} to ${fmt(latest)}, against ${target}; ${indicator.statusLabel.toLowerCase()} this quarter.`
    : `${indicator.code} ${indicator.title}: no figures in the last ${indicator.sparkline.length} periods.`;
  return { svg, width: WIDTH, height: HEIGHT, title, altText };
}
