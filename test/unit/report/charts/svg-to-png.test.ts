import { sampleQuarterReport } from '../../../../src/app/report/report-samples';
import { statusByGroupChart } from '../../../../src/report/charts/status-by-group-chart';
import { svgToPng } from '../../../../src/report/charts/svg-to-png';

/** Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('svgToPng', () => {
  it('renders a chart to a PNG of the width asked for, keeping the aspect ratio', () => {
    const chart = statusByGroupChart(sampleQuarterReport(40).byLens, 'By lens');
    const png = svgToPng(chart.svg, chart.width * 2);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png.bytes)).toEqual({ width: chart.width * 2, height: chart.height * 2 });
    expect(png).toMatchObject({ width: chart.width * 2, height: chart.height * 2 });
  });

  it('renders without loading fonts when asked (for charts with no text)', () => {
    const png = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect width="10" height="5" fill="#000"/></svg>', 40, { withText: false });
    expect(pngSize(png.bytes)).toEqual({ width: 40, height: 20 });
  });

  it('refuses a width that is not a positive number', () => {
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', 0)).toThrow(/positive number of pixels/);
  });
});
