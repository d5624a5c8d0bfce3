import { ImageRun, Paragraph } from 'docx';
import type { Chart } from '../charts/chart';
import { svgToPng } from '../charts/svg-to-png';

/** Pixels per twip at Word's 96 dpi: the text width in twips / 15 is the width in pixels. */
const TWIPS_PER_PIXEL = 15;

/**
 * A chart as a PNG in its own paragraph, rendered at twice its display size for crisp print (or at
 * `scale` times it), with the chart's title and alt text on the image (wp:docPr name/title/descr)
 * for screen readers.
 */
export function chartParagraph(chart: Chart, options: { maxWidthTwips: number; withText?: boolean; scale?: number }): Paragraph {
  const displayWidth = Math.min(chart.width, Math.floor(options.maxWidthTwips / TWIPS_PER_PIXEL));
  const displayHeight = Math.round((chart.height * displayWidth) / chart.width);
  const png = svgToPng(chart.svg, displayWidth * (options.scale ?? 2), { withText: options.withText });
  return new Paragraph({
    keepLines: true,
    children: [new ImageRun({
      type: 'png',
      data: png.bytes,
      transformation: { width: displayWidth, height: displayHeight },
      altText: { name: chart.title, title: chart.title, description: chart.altText },
    })],
  });
}
