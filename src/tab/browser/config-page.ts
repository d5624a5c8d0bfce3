/**
 * The channel tab's configuration page, shown by Teams when someone adds the Scorecard to a
 * channel: choose all five lenses or one, then Teams saves the tab with the URL we give it.
 */
import { pages } from '@microsoft/teams-js';
import { LENSES } from '../../domain/types';
import { lensLabel } from '../../domain/vocabulary';
import { h, replaceChildren } from './dom';
import { TAB_PATHS } from '../tab-pages';

export function startConfigPage(main: HTMLElement): void {
  const select = h(
    'select',
    { id: 'config-lens' },
    h('option', { value: '' }, 'All five lenses'),
    LENSES.map((lens) => h('option', { value: lens }, `${lensLabel(lens)} only`)),
  );
  replaceChildren(
    main,
    h('h1', { tabindex: -1 }, 'Add the Scorecard to this channel'),
    h('p', { class: 'lede' }, 'Everyone in the channel who is in the performance register will see the balanced scorecard. Each person sees what their role allows.'),
    h('div', { class: 'filter' }, h('label', { for: 'config-lens' }, 'Show'), select),
  );

  pages.config.registerOnSaveHandler((saveEvent) => {
    const search = select.value ? `?lens=${encodeURIComponent(select.value)}` : '';
    const contentUrl = `${location.origin}${TAB_PATHS.scorecard}${search}`;
    pages.config
      .setConfig({
        entityId: `scorecard${select.value ? `-${select.value.toLowerCase()}` : ''}`,
        contentUrl,
        websiteUrl: contentUrl,
        suggestedDisplayName: select.value ? `Scorecard: ${lensLabel(select.value as (typeof LENSES)[number])}` : 'Scorecard',
      })
      .then(
        () => saveEvent.notifySuccess(),
        (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
      );
  });
  // Every choice is valid, so Teams may enable Save straight away.
  pages.config.setValidityState(true);
}
