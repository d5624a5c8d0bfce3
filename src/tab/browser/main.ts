/**
 * The Scorecard tab in the browser: connect to Teams, sign in, then show the page asked for.
 * Outside Teams it says how to open it in Teams, unless the server runs with authentication
 * disabled (development only), when it works in a plain browser and says so on every page.
 */
import type { TabPageSettings } from '../tab-pages';
import { h, replaceChildren } from './dom';
import { applyTheme, connectToTeams } from './teams-connection';
import { TabApi } from './api-client';
import { TabApp } from './tab-app';
import { routeOfDeepLink } from './route';
import { startConfigPage } from './config-page';
import { errorPage, outsideTeamsPage } from './views/message-pages';

async function start(): Promise<void> {
  const settings = JSON.parse(document.getElementById('tab-settings')?.textContent ?? '{}') as TabPageSettings;
  const main = document.getElementById('main')!;
  applyTheme('default');

  const teams = await connectToTeams(settings.extraHostOrigins ?? []);
  if (settings.authDisabled) {
    replaceChildren(
      document.getElementById('mode-banner')!,
      h('section', { 'aria-label': 'Development mode' }, h('p', { class: 'dev-banner' }, 'Development mode: authentication is disabled, so this page trusts no sign-in. Never use it on a network.')),
    );
  }
  if (!teams && !settings.authDisabled) {
    replaceChildren(main, outsideTeamsPage());
    document.title = 'Open the Scorecard in Microsoft Teams – Council performance';
    return;
  }
  if (settings.page === 'config') {
    if (teams) startConfigPage(main);
    else replaceChildren(main, errorPage('Add the Scorecard in Teams', 'This page is shown by Teams when the Scorecard is added to a channel.'));
    return;
  }
  const devUser = settings.authDisabled ? new URLSearchParams(location.search).get('as') : null;
  new TabApp(new TabApi(settings.authDisabled ? null : teams, devUser)).start(routeOfDeepLink(location.search, teams?.subPageId));
}

void start();
