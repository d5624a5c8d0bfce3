import type { XmrPointView } from '../../../src/app/variation/variation-views';
import { segmentsOf, xmrGeometry } from '../../../src/tab/browser/xmr-chart-geometry';

const point = (period: string, value: number, lines: [number, number, number], signal: XmrPointView['signal'] = null): XmrPointView => ({
  period, label: period, value, valueText: `${value}%`, mean: lines[0], lower: lines[1], upper: lines[2], signal,
  signalText: signal ? 'Above the upper process limit' : null,
});

const BEFORE: [number, number, number] = [86, 83, 89];
const AFTER: [number, number, number] = [92, 89, 95];
/** Six points, rebased at the fourth (P4) with higher lines; P5 above the new upper limit. */
const rebased = [
  point('P1', 85, BEFORE), point('P2', 87, BEFORE), point('P3', 86, BEFORE),
  point('P4', 92, AFTER), point('P5', 97, AFTER, 'IMPROVEMENT'), point('P6', 90, AFTER, 'CONCERN'),
];

const pieces = (path: string) => path.split('M').filter(Boolean).map((piece) => piece.trim().split(/[ HL]+/).map(Number));

describe('the XmR chart\'s geometry', () => {
  const g = xmrGeometry({ points: rebased, target: 90, rebasedAt: [{ period: 'P4', label: 'P4' }] });

  it('groups points into segments where the lines change', () => {
    expect(segmentsOf(rebased).map((s) => [s.from, s.to, s.mean])).toEqual([[0, 2, 86], [3, 5, 92]]);
  });

  it('steps the average and the limits at the rebase, halfway between the points either side', () => {
    for (const path of [g.meanPath, g.lowerPath, g.upperPath]) expect(pieces(path)).toHaveLength(2);
    const [before, after] = pieces(g.meanPath) as [number[], number[]];
    const p3 = g.markers[2]!.x;
    const p4 = g.markers[3]!.x;
    // Each piece: [x start, y, x end]. The first ends where the second starts, between P3 and P4.
    expect(before[0]).toBe(g.plot.left);
    expect(before[2]).toBeCloseTo((p3 + p4) / 2, 0);
    expect(after[0]).toBeCloseTo((p3 + p4) / 2, 0);
    expect(after[2]).toBe(g.plot.right);
    // The new average is higher, so drawn higher up (smaller y).
    expect(after[1]!).toBeLessThan(before[1]!);
    const [upperBefore] = pieces(g.upperPath) as [number[]];
    const [lowerBefore] = pieces(g.lowerPath) as [number[]];
    expect(upperBefore[1]!).toBeLessThan(before[1]!);
    expect(lowerBefore[1]!).toBeGreaterThan(before[1]!);
  });

  it('puts the rebase rule at the step, labelled with its period', () => {
    expect(g.rebaseRules).toHaveLength(1);
    expect(g.rebaseRules[0]!.label).toBe('P4');
    expect(g.rebaseRules[0]!.x).toBeCloseTo((g.markers[2]!.x + g.markers[3]!.x) / 2, 0);
    // A rebase outside the points shown draws nothing.
    expect(xmrGeometry({ points: rebased, target: null, rebasedAt: [{ period: 'P9', label: 'P9' }] }).rebaseRules).toEqual([]);
  });

  it('marks signal points by shape as well as colour, and names each in its tooltip', () => {
    expect(g.markers.map((m) => m.shape)).toEqual(['dot', 'dot', 'dot', 'dot', 'circle', 'square']);
    expect(g.markers[4]!.text).toBe('P5: 97% (Above the upper process limit)');
    expect(g.markers[0]!.text).toBe('P1: 85%');
    const neither = xmrGeometry({ points: [point('P1', 5, [5, 4, 6], 'NEITHER')], target: null, rebasedAt: [] });
    expect(neither.markers[0]!.shape).toBe('diamond');
  });

  it('draws the target across the plot at its height, and no target line without one', () => {
    const [target] = pieces(g.targetPath) as [number[]];
    expect(target[0]).toBe(g.plot.left);
    expect(target[2]).toBe(g.plot.right);
    // The target, 90, is level with P6's figure of 90.
    expect(target[1]).toBe(g.markers[5]!.y);
    expect(xmrGeometry({ points: rebased, target: null, rebasedAt: [] }).targetPath).toBe('');
  });

  it('scales to cover negative values, limits and the target, everything inside the plot', () => {
    const negative = [point('A', -12, [-5, -15, 5]), point('B', 3, [-5, -15, 5]), point('C', -1, [-5, -15, 5])];
    const n = xmrGeometry({ points: negative, target: 8, rebasedAt: [] });
    const labels = n.yTicks.map((t) => Number(t.label.replace(/,/g, '')));
    expect(Math.min(...labels)).toBeLessThanOrEqual(-15);
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(8);
    for (const m of n.markers) {
      expect(m.y).toBeGreaterThanOrEqual(n.plot.top);
      expect(m.y).toBeLessThanOrEqual(n.plot.bottom);
    }
    const [a, b] = n.markers;
    expect(b!.y).toBeLessThan(a!.y);
    const [[, lowerY]] = pieces(n.lowerPath) as [number[]];
    expect(lowerY!).toBeLessThanOrEqual(n.plot.bottom);
  });

  it('draws a single point in the middle, with its lines across the plot', () => {
    const one = xmrGeometry({ points: [point('Only', 50, [50, 40, 60])], target: null, rebasedAt: [] });
    expect(one.markers).toHaveLength(1);
    expect(one.markers[0]!.x).toBe((one.plot.left + one.plot.right) / 2);
    expect(one.valuePath).toMatch(/^M[\d.]+ [\d.]+$/);
    const [mean] = pieces(one.meanPath) as [number[]];
    expect([mean[0], mean[2]]).toEqual([one.plot.left, one.plot.right]);
    expect(one.xLabels.map((l) => l.label)).toEqual(['Only']);
  });

  it('draws nothing for no points', () => {
    const none = xmrGeometry({ points: [], target: 5, rebasedAt: [] });
    expect([none.valuePath, none.meanPath, none.targetPath, none.markers.length]).toEqual(['', '', '', 0]);
  });
});

