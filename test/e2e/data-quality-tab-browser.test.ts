/**
 * The Scorecard tab's Data quality page (#16) in headless Chromium, inside the stand-in Teams host
 * with a real Entra ID token: the performance team sees the measures of the latest closed month,
 * changes period, and downloads the period's audit trail through the signed-in API, saved with the
 * bytes the audit export gives; the page is accessible (axe-core) in the default, dark and
 * high-contrast themes; the data-quality card's deep link (subEntityId "data-quality") opens on it;
 * a reader outside the performance team is refused politely, and the API refuses them too. The demo
 * register is loaded before the server starts, at the server's own clock, so the expected figures
 * and CSV are computed from the same data the server reads.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { RunningServer } from '../support/child-process';
import { EntraStandIn, ENTRA_TENANT_ID, type EntraUser } from '../support/teams/entra-stand-in';
import { TeamsHostStandIn } from '../support/teams/teams-host-stand-in';
import { startTabInTeams, TAB_APP_ID, TAB_HOSTNAME } from '../support/tab/tab-in-teams';
import { screenshotTab, seriousAxeViolations, tabFrame } from '../support/tab/browser';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { CLOCK_START, monthsBeforeOpen } from '../support/clock-start';
import { openMigratedDatabase } from '../../src/db/open-migrated-database';
import { Store } from '../../src/db/store';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { loadDataQuality } from '../../src/app/data-quality/data-quality-report';
import { buildDataQualityView } from '../../src/app/data-quality/data-quality-view';
import { AUDIT_CSV_HEADERS, auditTrailCsv } from '../../src/app/data-quality/audit-trail-csv';
import type { DataQualityCardView } from '../../src/cards/data-quality/data-quality-view-models';
import { parsePeriod, type Period } from '../../src/domain/periods';

const lead: EntraUser = { oid: DEMO_PEOPLE.performanceLead.aadObjectId, email: DEMO_PEOPLE.performanceLead.email, name: DEMO_PEOPLE.performanceLead.name };
const councillor: EntraUser = { oid: DEMO_PEOPLE.councillor.aadObjectId, email: DEMO_PEOPLE.councillor.email, name: DEMO_PEOPLE.councillor.name };

/**
 * The latest closed month (September 2026), which the page opens on, all in on time in the demo;
 * and June 2026, when one figure (Rachel Moore's) was never entered: an owner to follow up.
 */
const LATEST_CLOSED = monthsBeforeOpen(1);
const EARLIER = monthsBeforeOpen(4);
const period = (text: string): Period => (parsePeriod(text) as { ok: true; value: Period }).value;

describe('the Data quality page of the Scorecard tab, in headless Chromium', () => {
  const entra = new EntraStandIn(`api://${TAB_HOSTNAME}/${TAB_APP_ID}`);
  const host = new TeamsHostStandIn();
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const expectedView = new Map<string, DataQualityCardView>();
  let expectedCsv = '';

  async function signIn(user: EntraUser): Promise<void> {
    host.user = { ...user, tenantId: ENTRA_TENANT_ID };
    host.token = await entra.accessToken(user);
  }

  async function openInTeams(search: string, options: { subEntityId?: string; theme?: 'default' | 'dark' | 'contrast' } = {}): Promise<Frame> {
    await page.goto(host.url(`${server.baseUrl}/tab/scorecard${search}`, options));
    const tab = await tabFrame(page);
    await tab.waitForSelector('main h1');
    await tab.waitForSelector('main:not([aria-busy])');
    return tab;
  }

  async function api(pathAndQuery: string, user: EntraUser | null) {
    const response = await fetch(`${server.baseUrl}${pathAndQuery}`, { headers: user ? { authorization: `Bearer ${await entra.accessToken(user)}` } : {} });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  beforeAll(async () => {
    await Promise.all([entra.start(), host.start()]);
    const url = `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-data-quality-tab-')), 'pgdata')}`;
    const database = await openMigratedDatabase(url, 'test set-up');
    try {
      const store = new Store(database.prisma);
      await loadDemoData(store, new Date(CLOCK_START));
      for (const month of [LATEST_CLOSED, EARLIER]) expectedView.set(month, buildDataQualityView(await loadDataQuality(store, period(month)), null));
      expectedCsv = (await auditTrailCsv(store, period(EARLIER))).csv;
    } finally {
      await database.close();
    }
    ({ server, browser, context, page } = await startTabInTeams({ databaseUrl: url, entra, host, acceptDownloads: true }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([entra.stop(), host.stop()]);
  });

  it('shows the performance team the latest closed month\'s measures, by directorate and owner, accessibly', async () => {
    await signIn(lead);
    const tab = await openInTeams('?view=data-quality');
    const view = expectedView.get(LATEST_CLOSED)!;
    expect(view.overall.completenessPercent).not.toBeNull();
    expect(await tab.textContent('main h1')).toBe('Data quality');
    expect(await tab.inputValue('#dq-period')).toBe(LATEST_CLOSED);
    expect(await tab.textContent('#dq-overall-heading')).toBe(`All indicators, ${view.periodLabel}`);
    expect(await tab.textContent('[data-window]')).toBe(view.windowText);
    expect(await tab.textContent('[data-measure="completeness"] dd')).toBe(view.overall.completenessText);
    expect(await tab.textContent('[data-measure="timeliness"] dd')).toBe(view.overall.timelinessText);
    expect(await tab.textContent('[data-measure="missing"] dd')).toBe(view.overall.missingText);

    // A real table: caption, column and row headers, a row per directorate with the card's words.
    expect(await tab.textContent('#dq-directorates caption')).toBe(`Data quality by directorate, ${view.periodLabel}`);
    expect(await tab.$$eval('#dq-directorates thead th', (cells) => cells.map((c) => c.getAttribute('scope')))).toEqual(Array(7).fill('col'));
    const rows = await tab.$$eval('#dq-directorates tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => `${c.tagName}:${c.textContent}`)));
    expect(rows).toEqual(view.byDirectorate.map((r) => [
      `TH:${r.name}`, `TD:${r.completenessText}`, `TD:${r.timelinessText}`, `TD:${r.missingText}`,
      `TD:${r.correctionsAfterClose}`, `TD:${r.queriesRaised}`, `TD:${r.estimatesOutstanding}`,
    ]));
    expect(await tab.$$eval('#dq-directorates tbody th', (cells) => cells.every((c) => c.getAttribute('scope') === 'row'))).toBe(true);
    expect(view.ownersToFollowUp).toEqual([]);
    expect(await tab.$('#dq-owners')).toBeNull();
    expect(await tab.textContent('section[aria-labelledby="dq-owners-heading"]')).toContain(`${view.ownersAllClean} other owners had everything in on time and clean.`);

    expect(await tab.getAttribute('#app-nav a[aria-current="page"]', 'href')).toContain('view=data-quality');
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await screenshotTab(page, 'data-quality');
  });

  it('changes period with the picker and downloads that period\'s audit trail as the audit export writes it', async () => {
    await signIn(lead);
    const tab = await openInTeams('?view=data-quality');
    const view = expectedView.get(EARLIER)!;
    await tab.selectOption('#dq-period', EARLIER);
    await tab.waitForFunction((label) => document.querySelector('#dq-overall-heading')?.textContent === `All indicators, ${label}`, view.periodLabel);
    expect(new URL(tab.url()).searchParams.get('period')).toBe(EARLIER);
    expect(await tab.textContent('[data-measure="completeness"] dd')).toBe(view.overall.completenessText);
    expect(await tab.$$eval('#dq-directorates tbody th', (cells) => cells.map((c) => c.textContent))).toEqual(view.byDirectorate.map((r) => r.name));
    // The owner to follow up, in a table of its own; completeness in words, the colour only repeating them.
    expect(view.ownersToFollowUp.map((r) => [r.name, r.completenessText, r.missingText])).toEqual([['Rachel Moore', '0 of 1 (0.0%)', '1 missing']]);
    expect(await tab.$$eval('#dq-owners tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-name')))).toEqual(['Rachel Moore']);
    expect(await tab.getAttribute('#dq-owners tbody tr td .dq-completeness', 'class')).toContain('dq-attention');
    expect(await tab.textContent('#dq-owners tbody tr td .dq-completeness')).toBe('0 of 1 (0.0%)');
    expect(await tab.textContent('#dq-owners caption')).toMatch(/^Owners with figures late, missing/);
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await screenshotTab(page, 'data-quality-earlier');

    const [download] = await Promise.all([page.waitForEvent('download'), tab.click('#dq-audit-download')]);
    expect(download.suggestedFilename()).toBe(`audit-${EARLIER}.csv`);
    const saved = readFileSync((await download.path())!);
    expect(saved.equals(Buffer.from(expectedCsv, 'utf8'))).toBe(true);
    const records = parse(saved, { bom: true }) as string[][];
    expect(records[0]).toEqual([...AUDIT_CSV_HEADERS]);
    expect(records[0]!.slice(0, 3)).toEqual(['When (UTC)', 'Who', 'Action']);
    expect(records.length).toBeGreaterThan(1);
    await tab.waitForFunction(() => document.querySelector('#dq-audit-download')?.parentElement?.textContent?.includes('Downloaded.'));
  });

  it('is accessible in the dark and high-contrast themes too', async () => {
    await signIn(lead);
    // The earlier month: its owners table and a completeness below 90% are in the page too.
    const tab = await openInTeams(`?view=data-quality&period=${EARLIER}`, { theme: 'dark' });
    await tab.waitForSelector('#dq-owners');
    expect(await tab.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await screenshotTab(page, 'data-quality-dark');

    await page.evaluate(() => (window as unknown as { setTheme(t: string): void }).setTheme('contrast'));
    await tab.waitForSelector('html[data-theme="contrast"]');
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await screenshotTab(page, 'data-quality-contrast');
  });

  it('opens on the Data quality page from the data-quality card\'s deep link', async () => {
    await signIn(lead);
    const tab = await openInTeams('', { subEntityId: 'data-quality' });
    expect(await tab.textContent('main h1')).toBe('Data quality');
    expect(new URL(tab.url()).searchParams.get('view')).toBe('data-quality');
    expect(await tab.inputValue('#dq-period')).toBe(LATEST_CLOSED);
  });

  it('refuses a reader outside the performance team politely, and hides the link once it knows', async () => {
    await signIn(councillor);
    let tab = await openInTeams('?view=data-quality');
    expect(await tab.textContent('main h1')).toBe('Data quality is for the performance team');
    expect(await tab.textContent('main .dq-refused')).toMatch(/^Only the performance team can see the data-quality measures/);
    expect(await tab.$$eval('main a[data-nav]', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('view')))).toEqual([null, 'my', 'reports']);
    expect(await tab.$('#dq-audit-download')).toBeNull();
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await screenshotTab(page, 'data-quality-refused');

    tab = await openInTeams('?view=my');
    expect(await tab.$$eval('#app-nav a', (links) => links.map((a) => a.textContent))).toEqual(['Scorecard', 'My indicators', 'Reports']);
  });

  it('answers the API only to the performance team, with a bad period refused and the CSV as an attachment', async () => {
    for (const endpoint of [`/api/tab/data-quality?period=${EARLIER}`, `/api/tab/data-quality/audit?period=${EARLIER}`]) {
      const anonymous = await api(endpoint, null);
      expect([endpoint, anonymous.status]).toEqual([endpoint, 401]);
      const refused = await api(endpoint, councillor);
      expect([endpoint, refused.status]).toEqual([endpoint, 403]);
      expect(JSON.parse(refused.bytes.toString())).toEqual({ error: expect.stringMatching(/^Only the performance team/), reason: 'not-performance-team' });
      const bad = await api(endpoint.replace(EARLIER, 'last%20month'), lead);
      expect([endpoint, bad.status]).toEqual([endpoint, 400]);
      expect(JSON.parse(bad.bytes.toString()).error).toMatch(/"last month" is not a period: write a month as 2026-07/);
    }
    expect((await api('/api/tab/data-quality/audit', lead)).status).toBe(400);

    const json = await api(`/api/tab/data-quality?period=${EARLIER}`, lead);
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(json.bytes.toString())).toMatchObject({ period: EARLIER, quality: expectedView.get(EARLIER), viewer: { isAdmin: true } });

    const csv = await api(`/api/tab/data-quality/audit?period=${EARLIER}`, lead);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="audit-${EARLIER}.csv"`);
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(csv.bytes.equals(Buffer.from(expectedCsv, 'utf8'))).toBe(true);
  });
});
