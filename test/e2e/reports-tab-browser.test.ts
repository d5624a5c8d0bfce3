/**
 * The Scorecard tab's Reports page in headless Chromium, inside the stand-in Teams host with a real
 * Entra ID token: the quarter's packs listed, a file downloaded through the signed-in API and saved
 * with the bytes stored, the page accessible (axe-core), and the "pack ready" card's deep link
 * (subEntityId "reports") opening on it. The packs are made before the server starts, on the demo
 * register at the server's own clock, as `npm run report` would make them.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { RunningServer } from '../support/child-process';
import { EntraStandIn, ENTRA_TENANT_ID, type EntraUser } from '../support/teams/entra-stand-in';
import { TeamsHostStandIn } from '../support/teams/teams-host-stand-in';
import { startTabInTeams, TAB_APP_ID, TAB_HOSTNAME } from '../support/tab/tab-in-teams';
import { screenshotTab, seriousAxeViolations, tabFrame } from '../support/tab/browser';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { CLOCK_START } from '../support/clock-start';
import { openMigratedDatabase } from '../../src/db/open-migrated-database';
import { Store } from '../../src/db/store';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { ReportPackService } from '../../src/app/report/report-pack-service';
import { reportRenderers } from '../../src/app/report/report-renderers';
import { quarterPeriod } from '../../src/domain/periods';
import type { ReportPackSummary } from '../../src/app/report/report-packs';

const councillor: EntraUser = { oid: DEMO_PEOPLE.councillor.aadObjectId, email: DEMO_PEOPLE.councillor.email, name: DEMO_PEOPLE.councillor.name };

describe('the Reports page of the Scorecard tab, in headless Chromium', () => {
  const entra = new EntraStandIn(`api://${TAB_HOSTNAME}/${TAB_APP_ID}`);
  const host = new TeamsHostStandIn();
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let packs: ReportPackSummary[] = [];
  const stored = new Map<string, Uint8Array>();

  async function openInTeams(search: string, subEntityId?: string): Promise<Frame> {
    await page.goto(host.url(`${server.baseUrl}/tab/scorecard${search}`, subEntityId ? { subEntityId } : {}));
    const tab = await tabFrame(page);
    await tab.waitForSelector('main h1');
    return tab;
  }

  beforeAll(async () => {
    await Promise.all([entra.start(), host.start()]);
    const url = `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-reports-tab-')), 'pgdata')}`;
    const database = await openMigratedDatabase(url, 'test set-up');
    try {
      const store = new Store(database.prisma);
      const now = new Date(CLOCK_START);
      await loadDemoData(store, now);
      const service = new ReportPackService(store, { now: () => now }, { defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 }, teamsAppId: null }, reportRenderers);
      await service.generate(quarterPeriod(2026, 2), 'committee', null);
      await service.generate(quarterPeriod(2026, 2), 'public', null);
      packs = await service.list();
      for (const pack of packs) for (const file of pack.files) stored.set(file.name, (await service.file(pack.id, file.name))!.bytes);
    } finally {
      await database.close();
    }
    ({ server, browser, context, page } = await startTabInTeams({ databaseUrl: url, entra, host, acceptDownloads: true }));
    host.user = { ...councillor, tenantId: ENTRA_TENANT_ID };
    host.token = await entra.accessToken(councillor);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([entra.stop(), host.stop()]);
  });

  it('lists the quarter\'s committee and public packs with their files, accessibly', async () => {
    expect(packs).toHaveLength(2);
    const tab = await openInTeams('?view=reports');
    expect(await tab.textContent('main h1')).toBe('Quarterly reports');
    expect(await tab.textContent('main h2')).toBe('Q2 2026/27 (Jul–Sep 2026)');
    const editions = await tab.$$eval('.report-edition', (blocks) => blocks.map((b) => ({
      edition: b.getAttribute('data-edition'),
      files: Array.from(b.querySelectorAll('button[data-file]')).map((button) => button.getAttribute('data-file')),
    })));
    expect(editions).toEqual([
      { edition: 'committee', files: ['performance-report-2026-27-q2-committee.docx', 'performance-report-2026-27-q2-data.xlsx'] },
      { edition: 'public', files: ['performance-report-2026-27-q2-public.html', 'performance-report-2026-27-q2-open-data.csv'] },
    ]);
    expect(await tab.getAttribute('#app-nav a[aria-current="page"]', 'href')).toContain('view=reports');
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await screenshotTab(page, 'reports');
  });

  it('downloads a file through the signed-in API and saves it with the bytes stored', async () => {
    const tab = await openInTeams('?view=reports');
    for (const name of ['performance-report-2026-27-q2-committee.docx', 'performance-report-2026-27-q2-open-data.csv']) {
      const [download] = await Promise.all([page.waitForEvent('download'), tab.click(`button[data-file="${name}"]`)]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = readFileSync((await download.path())!);
      expect(Buffer.from(stored.get(name)!).equals(saved)).toBe(true);
      await tab.waitForFunction((file) => document.querySelector(`button[data-file="${file}"]`)?.parentElement?.textContent?.includes('Downloaded.'), name);
    }
  });

  it('opens on the Reports page from the "pack ready" card\'s deep link', async () => {
    const tab = await openInTeams('', 'reports');
    expect(await tab.textContent('main h1')).toBe('Quarterly reports');
    expect(new URL(tab.url()).searchParams.get('view')).toBe('reports');
  });
});
