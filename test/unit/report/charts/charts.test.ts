import { sampleQuarterReport } from '../../../../src/app/report/report-samples';
import type { ReportIndicator, ReportStatusCounts } from '../../../../src/app/report/quarter-report-model';
import { quarterSplitChart } from '../../../../src/report/charts/quarter-split-chart';
import { sparkGeometry, sparklineChart } from '../../../../src/report/charts/sparkline-chart';
import { barSegments } from '../../../../src/report/charts/stacked-bar';
import { statusByGroupChart } from '../../../../src/report/charts/status-by-group-chart';
import { countsInWords } from '../../../../src/report/charts/status-colours';

const counts = (c: Partial<ReportStatusCounts>): ReportStatusCounts => {
  const full = { RED: 0, AMBER: 0, GREEN: 0, DATA_ONLY: 0, MISSING: 0, DUE: 0, AWAITING_VERIFICATION: 0, ...c };
  return { ...full, total: full.RED + full.AMBER + full.GREEN + full.DATA_ONLY + full.MISSING + full.DUE + full.AWAITING_VERIFICATION };
};

describe('barSegments', () => {
  it('splits the bar in proportion to the counts, skipping empty statuses, end to end', () => {
    const segments = barSegments(counts({ RED: 1, GREEN: 3 }), 10, 400);
    expect(segments.map((s) => s.status)).toEqual(['RED', 'GREEN']);
    expect(segments[0]).toMatchObject({ x: 10, width: 100, count: 1 });
    expect(segments[1]).toMatchObject({ x: 110, width: 300, count: 3 });
  });

  it('draws nothing for a group with no indicators', () => {
    expect(barSegments(counts({}), 0, 400)).toEqual([]);
  });
});

describe('countsInWords', () => {
  it('names each status with any indicators, in the red-amber-green order', () => {
    expect(countsInWords(counts({ GREEN: 5, RED: 2, MISSING: 1 }))).toBe('2 red, 5 green, 1 missing');
    expect(countsInWords(counts({}))).toBe('no indicators');
  });
});

describe('statusByGroupChart', () => {
  const report = sampleQuarterReport(40);

  it('draws one labelled row per group with its total, and a key of the statuses in words', () => {
    const chart = statusByGroupChart(report.byLens, 'By lens');
    for (const group of report.byLens) expect(chart.svg).toContain(`>${group.label}</text>`);
    expect(chart.svg.match(/<rect [^>]*stroke="#ffffff"/g)!.length)
      .toBe(report.byLens.reduce((n, g) => n + barSegments(g.quarter, 0, 1).length, 0));
    expect(chart.svg).toContain('>Red</text>');
    expect(chart.svg).toContain('>Missing</text>');
    expect(chart.svg).not.toContain('>Due</text>'); // no indicator is due in the sample
    expect(chart.height).toBeGreaterThan(report.byLens.length * 30);
  });

  it('says every group’s numbers in its alt text', () => {
    const chart = statusByGroupChart(report.byLens, 'Status by lens');
    expect(chart.altText.startsWith('Status by lens. ')).toBe(true);
    for (const group of report.byLens) expect(chart.altText).toContain(`${group.label}: ${countsInWords(group.quarter)} (${group.quarter.total} in all)`);
  });

  it('refuses an empty list of groups with a clear error', () => {
    expect(() => statusByGroupChart([], 'Nothing')).toThrow(/has no groups/);
  });

  it('escapes labels so a priority name cannot break the SVG', () => {
    const chart = statusByGroupChart([{ ...report.byPriority[0]!, label: 'Homes & <jobs>' }], 't');
    expect(chart.svg).toContain('Homes &amp; &lt;jobs&gt;');
  });
});

describe('quarterSplitChart', () => {
  it('captions each status with its number and share, and says the total in the alt text', () => {
    const overall = { ...sampleQuarterReport(12).overall, quarter: counts({ RED: 1, AMBER: 1, GREEN: 2 }) };
    const chart = quarterSplitChart(overall, 'Q2 2026/27');
    expect(chart.svg).toContain('>Red 1 (25%)</text>');
    expect(chart.svg).toContain('>Green 2 (50%)</text>');
    expect(chart.altText).toBe('Status of all indicators, Q2 2026/27: 4 indicators, 1 red, 1 amber, 2 green.');
  });
});

describe('sparkline', () => {
  const base = sampleQuarterReport(12).indicators.find((x) => x.status === 'RED')!;
  const withValues = (values: (number | null)[], target: number | null): ReportIndicator => ({
    ...base,
    target: { value: target, text: target === null ? 'No figure' : `${target}.0%` },
    sparkline: values.map((value, i) => ({ period: `p${i}`, label: `M${i}`, value, target, status: 'GREEN' })),
  });

  it('places twelve points left to right, higher values higher up, with the target line on the same scale', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
    const g = sparkGeometry(withValues(values, 65), 240, 60);
    expect(g.points).toHaveLength(12);
    for (let i = 1; i < 12; i++) {
      expect(g.points[i]!.x).toBeGreaterThan(g.points[i - 1]!.x);
      expect(g.points[i]!.y).toBeLessThan(g.points[i - 1]!.y);
    }
    expect(g.points[0]!.y).toBeCloseTo(54); // lowest value at the bottom padding
    expect(g.points[11]!.y).toBeCloseTo(6); // highest at the top padding
    expect(g.targetY!).toBeCloseTo(6 + 48 * (1 - 55 / 110));
  });

  it('leaves a gap for a period without a figure and draws no target line without a target', () => {
    const g = sparkGeometry(withValues([1, 2, null, 4, 5, 6, 7, 8, 9, 10, 11, 12], null));
    expect(g.points).toHaveLength(11);
    expect(g.targetY).toBeNull();
    expect(sparklineChart(withValues([1, 2, null, 4, 5, 6, 7, 8, 9, 10, 11, 12], null)).svg).not.toContain('<line');
  });

  it('says the first and latest figures, the target and the status in its alt text', () => {
    const chart = sparklineChart(base);
    const withValue = base.sparkline.filter((p) => p.value !== null);
    expect(chart.altText).toContain(`${base.code} ${base.title}: from `);
    expect(chart.altText).toContain(`in ${withValue[0]!.label} to `);
    expect(chart.altText).toContain(`in ${withValue.at(-1)!.label}, against a target of ${base.target.text}; red this quarter.`);
    expect(chart.svg).toContain('stroke-dasharray');
    expect(chart.svg).toContain('fill="#d4351c"'); // the latest point in the status colour
  });
});

describe('statusByGroupChart layout', () => {
  it('keeps long labels (shortened past 36 characters) and the key inside the picture', () => {
    const report = sampleQuarterReport(40);
    const long = report.byPriority.map((g, i) => ({ ...g, label: `${g.label} and a great deal more besides ${i}` }));
    const chart = statusByGroupChart(long, 'Long');
    const xs = [...chart.svg.matchAll(/<text x="([\d.]+)"[^>]*text-anchor="end"[^>]*>([^<]*)</g)];
    for (const [, x, label] of xs) {
      expect(label!.length).toBeLessThanOrEqual(36);
      expect(Number(x) - label!.length * 7.8).toBeGreaterThanOrEqual(0);
    }
    const keyX = [...chart.svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="14"/g)].map((m) => Number(m[1]));
    expect(Math.max(...keyX)).toBeLessThan(chart.width - 60);
  });
});
