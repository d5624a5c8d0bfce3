/**
 * The Reports page: each quarter's report packs (#15), the latest committee and public edition of
 * each, with a button per file. A button, not a link: the file comes through the tab's API with the
 * person's token, then is handed to the browser to save.
 */
import type { ReportEditionView, ReportFileView, ReportsPageView } from '../../../app/scorecard/tab-views';
import { h } from '../dom';
import type { Navigator } from './navigator';

export interface ReportDownloads {
  /** Fetches the file and saves it; resolves when it has been handed to the browser. */
  save(file: ReportFileView): Promise<void>;
}

export function reportsPage(page: ReportsPageView, downloads: ReportDownloads, nav: Navigator): HTMLElement[] {
  const quarters: HTMLElement[] =
    page.quarters.length === 0
      ? [h('p', { class: 'empty' }, 'No report has been made yet.')]
      : page.quarters.map((quarter) => {
          const id = `quarter-${quarter.quarter.replace(/[^A-Za-z0-9]+/g, '-')}`;
          return h(
            'section',
            { 'aria-labelledby': id, 'data-quarter': quarter.quarter, class: 'report-quarter' },
            h('h2', { id }, quarter.quarterLabel),
            quarter.editions.map((edition) => editionBlock(edition, downloads, nav)),
          );
        });
  return [
    h('h1', { tabindex: -1 }, 'Quarterly reports'),
    h('p', { class: 'lede' }, 'The performance report pack for each quarter, made from the figures held when it was generated.'),
    ...quarters,
    h('p', { class: 'hint' }, page.howToGenerate),
  ];
}

function editionBlock(edition: ReportEditionView, downloads: ReportDownloads, nav: Navigator): HTMLElement {
  return h(
    'div',
    { class: 'report-edition', 'data-edition': edition.edition },
    h('h3', {}, edition.label),
    h('p', {}, edition.audienceText, ' ', h('span', { class: 'when' }, edition.generatedText),
      edition.earlierCount > 0 ? ` (replaces ${edition.earlierCount} earlier ${edition.earlierCount === 1 ? 'pack' : 'packs'})` : ''),
    h(
      'ul',
      { class: 'report-files' },
      edition.files.map((file) => {
        const status = h('span', { class: 'download-status', role: 'status' });
        const button = h(
          'button',
          {
            type: 'button',
            'data-file': file.name,
            onclick: async () => {
              button.setAttribute('disabled', '');
              status.textContent = 'Downloading…';
              try {
                await downloads.save(file);
                status.textContent = 'Downloaded.';
                nav.announce(`${file.description} downloaded.`);
              } catch (error) {
                status.textContent = error instanceof Error ? `Not downloaded: ${error.message}` : 'Not downloaded; please try again.';
              } finally {
                button.removeAttribute('disabled');
              }
            },
          },
          `Download ${file.description}`,
        );
        return h('li', {}, button, ' ', h('span', { class: 'size' }, `${file.name}, ${file.sizeText}`), ' ', status);
      }),
    ),
  );
}
