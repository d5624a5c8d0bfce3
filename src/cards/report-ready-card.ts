/**
 * "Quarterly report ready" (#15): posted to the Board channel when a committee pack is generated,
 * and the answer to the admin `report` command. Says which quarter, the RAG counts the pack shows,
 * the files with their sizes, and opens the Scorecard tab's Reports page (where the files are
 * downloaded: a card cannot carry files, and a download link would skip the tab's sign-in).
 */
import { adaptiveCard, factSet, openUrlAction, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';

export interface ReportReadyView {
  /** "Q2 2026/27 (Jul–Sep 2026)". */
  readonly quarterLabel: string;
  /** "Committee" or "Public". */
  readonly editionLabel: string;
  readonly counts: { readonly red: number; readonly amber: number; readonly green: number; readonly dataOnly: number; readonly missing: number };
  readonly files: readonly { readonly name: string; readonly description: string; readonly sizeBytes: number }[];
  /** "Generated 3 Dec 2026 at 10:15 from the figures held then." */
  readonly generatedText: string;
  /** Teams deep link to the Scorecard tab's Reports page; null when the app id is not configured. */
  readonly reportsUrl: string | null;
}

/** "18 KB", "1.2 MB": what a reader needs to judge a download, not the exact bytes. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function countsText(counts: ReportReadyView['counts']): string {
  return `${counts.red} red, ${counts.amber} amber, ${counts.green} green, ${counts.dataOnly} data only, ${counts.missing} missing`;
}

export function buildReportReadyCard(view: ReportReadyView): AdaptiveCard {
  const title = `Quarterly report ready: ${view.quarterLabel}`;
  const body: CardElement[] = [
    textBlock(title, { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(`${view.editionLabel} edition. ${countsText(view.counts)}.`, { wrap: true, spacing: 'Small' }),
    factSet(view.files.map((f) => ({ title: f.description, value: `${f.name} (${fileSizeText(f.sizeBytes)})` })), { spacing: 'Medium' }),
    textBlock(view.generatedText, { isSubtle: true, wrap: true, spacing: 'Medium' }),
  ];
  if (!view.reportsUrl) body.push(textBlock('Download the files from the Reports page of the Scorecard tab.', { wrap: true, spacing: 'Small' }));
  const fileList = view.files.map((f) => `${f.name} (${fileSizeText(f.sizeBytes)})`).join(', ');
  return adaptiveCard({
    body,
    fallbackText: `${title}. ${view.editionLabel} edition: ${countsText(view.counts)}. Files: ${fileList}. Download them from the Scorecard tab's Reports page.`,
    ...(view.reportsUrl ? { actions: [openUrlAction('Open the Reports page', view.reportsUrl)] } : {}),
  });
}
