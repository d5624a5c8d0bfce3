/**
 * Where everything goes on the XmR chart (#17): the points joined by a line, the average and the
 * process limits as horizontal lines that step where the register rebased the process, a rule at
 * each rebase, the target, and a marker for each point whose shape says which signal it shows.
 * Pure arithmetic, no DOM, so it is tested directly; xmr-chart.ts draws it as SVG.
 */
import type { XmrPointView } from '../../app/variation/variation-views';
import { formatTick, niceScale } from './trend-chart-geometry';

export type XmrSignal = NonNullable<XmrPointView['signal']>;

/** Shape as well as colour, so a signal can be told apart without seeing colour. */
export const SIGNAL_SHAPES: Readonly<Record<XmrSignal, 'circle' | 'square' | 'diamond'>> = {
  IMPROVEMENT: 'circle',
  CONCERN: 'square',
  NEITHER: 'diamond',
};

export interface XmrMarker {
  readonly x: number;
  readonly y: number;
  readonly signal: XmrSignal | null;
  readonly shape: 'circle' | 'square' | 'diamond' | 'dot';
  /** "Oct 2026: 90.7% (7 points in a row below the average)": the marker's tooltip. */
  readonly text: string;
}

/** A run of consecutive points sharing one average and one pair of limits. */
export interface XmrSegment {
  readonly from: number;
  readonly to: number;
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

export interface XmrGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xLabels: readonly { readonly x: number; readonly label: string }[];
  /** SVG path data; empty when there is nothing to draw. */
  readonly valuePath: string;
  /** One "M … H …" piece per segment: the lines break (step) where the process was rebased. */
  readonly meanPath: string;
  readonly lowerPath: string;
  readonly upperPath: string;
  readonly targetPath: string;
  readonly segments: readonly XmrSegment[];
  readonly rebaseRules: readonly { readonly x: number; readonly label: string }[];
  readonly markers: readonly XmrMarker[];
}

export interface XmrInput {
  readonly points: readonly XmrPointView[];
  readonly target: number | null;
  readonly rebasedAt: readonly { readonly period: string; readonly label: string }[];
}

export const XMR_SIZE = { width: 720, height: 320 } as const;
/** Room at the top for the rebase labels. */
const MARGIN = { left: 64, right: 24, top: 28, bottom: 48 } as const;
const X_LABELS = 6;

export function xmrGeometry(input: XmrInput, size: { width: number; height: number } = XMR_SIZE): XmrGeometry {
  const { points } = input;
  const plot = { left: MARGIN.left, top: MARGIN.top, right: size.width - MARGIN.right, bottom: size.height - MARGIN.bottom };
  const numbers = [...points.flatMap((p) => [p.value, p.mean, p.lower, p.upper]), ...(input.target === null ? [] : [input.target])];
  const scale = niceScale(numbers);
  const x = (index: number) => (points.length <= 1 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * index) / (points.length - 1));
  const y = (value: number) => plot.bottom - ((value - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);
  // A segment's lines reach halfway to its neighbours, so a step falls between the two points it separates.
  const startOf = (index: number) => (index === 0 ? (points.length <= 1 ? plot.left : x(0)) : (x(index - 1) + x(index)) / 2);
  const endOf = (index: number) => (index === points.length - 1 ? (points.length <= 1 ? plot.right : x(index)) : (x(index) + x(index + 1)) / 2);

  const segments = segmentsOf(points);
  const horizontal = (line: (s: XmrSegment) => number) =>
    segments.map((s) => `M${round(startOf(s.from))} ${round(y(line(s)))} H${round(endOf(s.to))}`).join(' ');

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
    valuePath: points.map((p, index) => `${index === 0 ? 'M' : 'L'}${round(x(index))} ${round(y(p.value))}`).join(' '),
    meanPath: horizontal((s) => s.mean),
    lowerPath: horizontal((s) => s.lower),
    upperPath: horizontal((s) => s.upper),
    targetPath: input.target === null || points.length === 0 ? '' : `M${plot.left} ${round(y(input.target))} H${plot.right}`,
    segments,
    rebaseRules: input.rebasedAt.flatMap((r) => {
      const index = points.findIndex((p) => p.period === r.period);
      return index < 0 ? [] : [{ x: round(startOf(index)), label: r.label }];
    }),
    markers: points.map((p, index) => ({
      x: round(x(index)),
      y: round(y(p.value)),
      signal: p.signal,
      shape: p.signal ? SIGNAL_SHAPES[p.signal] : 'dot',
      text: `${p.label}: ${p.valueText}${p.signalText ? ` (${p.signalText})` : ''}`,
    })),
  };
}

/** Consecutive points with the same lines belong together; a change starts a new segment. */
export function segmentsOf(points: readonly XmrPointView[]): XmrSegment[] {
  const segments: XmrSegment[] = [];
  points.forEach((p, index) => {
    const last = segments[segments.length - 1];
    if (last && last.mean === p.mean && last.lower === p.lower && last.upper === p.upper) segments[segments.length - 1] = { ...last, to: index };
    else segments.push({ from: index, to: index, mean: p.mean, lower: p.lower, upper: p.upper });
  });
  return segments;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
