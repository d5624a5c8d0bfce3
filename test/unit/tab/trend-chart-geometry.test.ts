import { chartGeometry, niceScale, type ChartPoint } from '../../../src/tab/browser/trend-chart-geometry';

const point = (label: string, value: number | null, target: number | null): ChartPoint => ({
  label, value, valueText: value === null ? null : `${value}%`, target, status: value === null ? 'MISSING' : 'GREEN', statusLabel: value === null ? 'Missing' : 'Green',
});

describe('the trend chart\'s geometry', () => {
  it('chooses round scales that cover every figure and target', () => {
    expect(niceScale([88.3, 93.8, 90])).toMatchObject({ min: 88, max: 94, step: 2 });
    expect(niceScale([0.028, 0.034])).toMatchObject({ step: 0.002 });
    expect(niceScale([5, 5]).ticks.length).toBeGreaterThanOrEqual(2);
    expect(niceScale([])).toMatchObject({ min: 0, max: 1 });
    const { min, max } = niceScale([-40, 25]);
    expect(min).toBeLessThanOrEqual(-40);
    expect(max).toBeGreaterThanOrEqual(25);
  });

  it('puts one marker per figure, breaks the line at a missing figure and draws the target', () => {
    const points = [point('Jul', 90, 90), point('Aug', 92, 90), point('Sep', null, 90), point('Oct', 94, 90)];
    const g = chartGeometry(points);
    expect(g.markers).toHaveLength(3);
    expect(g.valuePath.match(/M/g)).toHaveLength(2); // two segments either side of the gap
    expect(g.targetPath.match(/M/g)).toHaveLength(1);
    // Higher figures are drawn higher (smaller y); every marker is inside the plot.
    const [jul, aug, oct] = g.markers;
    expect(aug!.y).toBeLessThan(jul!.y);
    expect(oct!.y).toBeLessThan(aug!.y);
    for (const m of g.markers) {
      expect(m.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(m.x).toBeLessThanOrEqual(g.plot.right);
      expect(m.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(m.y).toBeLessThanOrEqual(g.plot.bottom);
    }
    expect(g.markers[2]!.text).toBe('Oct: 94% (Green)');
  });

  it('labels about six periods along the axis, always the latest', () => {
    const points = Array.from({ length: 24 }, (_, i) => point(`P${i + 1}`, 90 + (i % 3), 90));
    const g = chartGeometry(points);
    expect(g.xLabels.length).toBeLessThanOrEqual(7);
    expect(g.xLabels.at(-1)!.label).toBe('P24');
    expect(g.yTicks.map((t) => t.label)).toEqual(['90.0', '90.5', '91.0', '91.5', '92.0']);
  });
});
