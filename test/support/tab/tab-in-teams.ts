/**
 * The Scorecard tab's browser tests start the same way: the real server signed in through the
 * Entra stand-in and framed by the Teams host stand-in, and Debian's Chromium with a UK context
 * that can reach nothing but this machine. Each test stops what this starts in its afterAll.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../child-process';
import { ENTRA_TENANT_ID, type EntraStandIn } from '../teams/entra-stand-in';
import type { TeamsHostStandIn } from '../teams/teams-host-stand-in';
import { CLOCK_START_ENV } from '../clock-start';
import { launchChromium } from './browser';

export const TAB_APP_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const TAB_HOSTNAME = 'performance.fenmarsh.test';

export interface TabInTeams {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

export async function startTabInTeams(options: {
  readonly databaseUrl: string;
  readonly entra: EntraStandIn;
  readonly host: TeamsHostStandIn;
  /** More settings for the server (TAB_READERS, ...). */
  readonly env?: NodeJS.ProcessEnv;
  readonly acceptDownloads?: boolean;
}): Promise<TabInTeams> {
  const [server, browser] = await Promise.all([
    startServer({
      ...CLOCK_START_ENV,
      DATABASE_URL: options.databaseUrl,
      MicrosoftAppId: TAB_APP_ID,
      MicrosoftAppPassword: 'test-client-secret',
      MicrosoftAppTenantId: ENTRA_TENANT_ID,
      PUBLIC_HOSTNAME: TAB_HOSTNAME,
      TAB_OPENID_METADATA_URL: options.entra.openIdMetadataUrl,
      TAB_EXTRA_HOST_ORIGINS: options.host.origin,
      ...options.env,
    }),
    launchChromium(),
  ]);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: options.acceptDownloads ?? false,
  });
  // Nothing leaves the machine: teams-js's refresh of Microsoft's host list from its CDN is refused.
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort());
  return { server, browser, context, page: await context.newPage() };
}
