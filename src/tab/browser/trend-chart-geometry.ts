/**
 * Where everything goes on the trend chart: scales, a few round gridline values, the value line
 * (broken where a period has no figure), the dashed target line and one marker per figure. Pure
 * arithmetic, no DOM, so it is tested directly; trend-chart.ts draws it as SVG.
 */
import type { Status } from '../../domain/types';

export interface ChartPoint {
  readonly label: string;
  readonly value: number | null;
  readonly valueText: string | null;
  readonly target: number | null;
  readonly status: Status;
  readonly statusLabel: string;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xLabels: readonly { readonly x: number; readonly label: string }[];
  /** SVG path data; empty when there is nothing to draw. */
  readonly valuePath: string;
  readonly targetPath: string;
  readonly markers: readonly { readonly x: number; readonly y: number; readonly status: Status; readonly text: string }[];
}

export const CHART_SIZE = { width: 720, height: 300 } as const;
const MARGIN = { left: 64, right: 40, top: 16, bottom: 48 } as const;
/** Period labels under the axis: about this many, evenly spaced, always including the last. */
const X_LABELS = 6;

export function chartGeometry(points: readonly ChartPoint[], size: { width: number; height: number } = CHART_SIZE): ChartGeometry {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: size.width - MARGIN.right, bottom: size.height - MARGIN.bottom };
  const numbers = points.flatMap((p) => [p.value, p.target]).filter((n): n is number => n !== null);
  const scale = niceScale(numbers);
  const x = (index: number) => (points.length <= 1 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * index) / (points.length - 1));
  const y = (value: number) => plot.bottom - ((value - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);

  const every = Math.max(1, Math.ceil(points.length / X_LABELS));
  const xLabels = points
    .map((p, index) => ({ x: round(x(index)), label: p.label, index }))
    .filter(({ index }) => (points.length - 1 - index) % every === 0)
    .map(({ x: at, label }) => ({ x: at, label }));

  return {
    width: size.width,
    height: size.height,
    plot,
    yTicks: scale.ticks.map((value) => ({ y: round(y(value)), label: formatTick(value, scale.step) })),
    xLabels,
    valuePath: linePath(points.map((p, index) => (p.value === null ? null : [x(index), y(p.value)]))),
    targetPath: linePath(points.map((p, index) => (p.target === null ? null : [x(index), y(p.target)]))),
    markers: points.flatMap((p, index) =>
      p.value === null ? [] : [{ x: round(x(index)), y: round(y(p.value)), status: p.status, text: `${p.label}: ${p.valueText ?? p.value} (${p.statusLabel})` }],
    ),
  };
}

/** "M x y L x y …", starting a new segment after each gap. */
function linePath(coordinates: readonly ([number, number] | null)[]): string {
  const parts: string[] = [];
  let drawing = false;
  for (const point of coordinates) {
    if (!point) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${round(point[0])} ${round(point[1])}`);
    drawing = true;
  }
  return parts.join(' ');
}

/** Round minimum, maximum and step (1, 2, 2.5 or 5 times a power of ten) covering the numbers. */
export function niceScale(numbers: readonly number[]): { min: number; max: number; step: number; ticks: number[] } {
  let low = numbers.length > 0 ? Math.min(...numbers) : 0;
  let high = numbers.length > 0 ? Math.max(...numbers) : 1;
  if (low === high) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  const rough = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let value = min; value <= max + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  return { min, max, step, ticks };
}

export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (Number.isInteger(step / 10 ** Math.floor(Math.log10(step))) ? 0 : 1));
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
