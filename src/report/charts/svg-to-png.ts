import { Resvg } from '@resvg/resvg-js';

export interface Png {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * Rasterises an SVG to PNG at `width` pixels (give twice the display width for crisp print).
 * Text uses the system's fonts; on a machine with none, resvg draws no glyphs rather than failing,
 * which is why every chart's numbers are also in its alt text and the tables beside it.
 * `withText: false` skips loading the system fonts (slow) for charts without text, like sparklines.
 */
export function svgToPng(svg: string, width: number, options: { withText?: boolean } = {}): Png {
  if (!Number.isFinite(width) || width <= 0) throw new Error(`svgToPng: width must be a positive number of pixels, not ${width}.`);
  const withText = options.withText ?? true;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width) },
    font: { loadSystemFonts: withText, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { bytes: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
