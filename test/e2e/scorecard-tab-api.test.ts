/**
 * The Scorecard tab's API on the real server (as `npm start` runs it, with the demo register), with
 * TAB_READERS=register: only a valid Entra ID token for someone in the register gets data; every
 * other request gets 401 (or 403 for a valid token of someone not in the register). The default,
 * TAB_READERS=tenant, is tested in day-one.test.ts. Tokens are minted by a local Entra ID
 * stand-in whose OpenID metadata the server is pointed at. Also the pages and assets, and the
 * development mode in which authentication is explicitly disabled.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/child-process';
import { EntraStandIn, ENTRA_TENANT_ID, type EntraUser } from '../support/teams/entra-stand-in';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { CLOCK_START_ENV } from '../support/clock-start';

const APP_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const HOSTNAME = 'performance.fenmarsh.test';
const AUDIENCE = `api://${HOSTNAME}/${APP_ID}`;

const gareth: EntraUser = { oid: DEMO_PEOPLE.benefitsManager.aadObjectId, email: DEMO_PEOPLE.benefitsManager.email, name: 'Gareth Lewis' };
/** In the register with the viewer role only (the demo's People sheet): reads, owns nothing. */
const councillor: EntraUser = { oid: DEMO_PEOPLE.councillor.aadObjectId, email: DEMO_PEOPLE.councillor.email, name: DEMO_PEOPLE.councillor.name };
const stranger: EntraUser = { oid: '0f0e0d0c-0b0a-4909-8807-060504030201', email: 'sam.visitor@elsewhere.gov.uk', name: 'Sam Visitor' };

const pglite = (name: string) => `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), `perfbot-${name}-`)), 'pgdata')}`;

describe('the Scorecard tab\'s API', () => {
  const entra = new EntraStandIn(AUDIENCE);
  let server: RunningServer;
  let devServer: RunningServer;

  async function get(url: string, authorization?: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { headers: { ...(authorization ? { authorization } : {}), ...headers } });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
  }
  const bearer = async (user = gareth, claims: Parameters<EntraStandIn['accessToken']>[1] = {}) => `Bearer ${await entra.accessToken(user, claims)}`;

  beforeAll(async () => {
    await entra.start();
    [server, devServer] = await Promise.all([
      startServer({
        ...CLOCK_START_ENV,
        DATABASE_URL: pglite('tab-api'),
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-client-secret',
        MicrosoftAppTenantId: ENTRA_TENANT_ID,
        TAB_READERS: 'register',
        PUBLIC_HOSTNAME: HOSTNAME,
        TAB_OPENID_METADATA_URL: entra.openIdMetadataUrl,
      }),
      startServer({ ...CLOCK_START_ENV, DATABASE_URL: pglite('tab-dev'), TAB_AUTH_DISABLED: 'true' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), devServer?.stop()]);
    await entra.stop();
  });

  it('answers a valid token with the scorecard, an indicator page and "my indicators"', async () => {
    const scorecard = await get(`${server.baseUrl}/api/tab/scorecard`, await bearer());
    expect(scorecard.status).toBe(200);
    expect(scorecard.headers.get('cache-control')).toBe('no-store');
    expect(scorecard.body.viewer).toEqual({ name: 'Gareth Lewis', email: gareth.email, isAdmin: false });
    expect(scorecard.body.indicators).toHaveLength(22);
    expect(scorecard.body.lenses.reduce((sum: number, lens: { total: number }) => sum + lens.total, 0)).toBe(22);
    // #16: a figure with a named verifier that nobody has verified says so; one with no verifier says nothing.
    const row = (code: string) => scorecard.body.indicators.find((i: { code: string }) => i.code === code);
    expect(row('SRV01')).toMatchObject({ qualityText: 'not yet verified' });
    expect(row('SRV04')).toMatchObject({ qualityText: null });

    const indicator = await get(`${server.baseUrl}/api/tab/indicator?code=SRV01`, await bearer());
    expect(indicator.status).toBe(200);
    expect(indicator.body).toMatchObject({ code: 'SRV01', commentary: [], actionPlan: null, history: { namesShown: true }, current: { qualityText: 'not yet verified' } });
    expect(indicator.body.history.versions.every((v: { flagsText: string | null }) => v.flagsText === null)).toBe(true);
    expect(indicator.body.trend).toHaveLength(24);

    const me = await get(`${server.baseUrl}/api/tab/me`, await bearer());
    expect(me.status).toBe(200);
    expect(me.body.indicators.map((i: { code: string }) => i.code)).toEqual(['SRV01', 'SRV02']);

    // The app id itself is also an accepted audience (Teams may ask for either form).
    expect((await get(`${server.baseUrl}/api/tab/me`, await bearer(gareth, { audience: APP_ID }))).status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['an expired token', () => bearer(gareth, { expiresIn: -600 })],
    ['a token for another audience', () => bearer(gareth, { audience: 'api://elsewhere.test/another-app' })],
    ['a forged token (another key, the published key id)', () => bearer(gareth, { forged: true })],
    ['a token not valid yet', () => bearer(gareth, { notBeforeIn: 600 })],
    ['a token from another issuer', () => bearer(gareth, { issuer: 'https://login.evil.test/v2.0' })],
    ['a token from another tenant', () => bearer(gareth, { tenantId: '11111111-2222-4333-8444-555555555555' })],
    ['a token naming no user', () => bearer(gareth, { withoutOid: true })],
    ['a malformed header', async () => 'Bearer not.a.token'],
  ])('answers 401 to %s, on every endpoint', async (_case, authorization) => {
    for (const endpoint of ['/api/tab/scorecard', '/api/tab/indicator?code=SRV01', '/api/tab/me']) {
      const reply = await get(`${server.baseUrl}${endpoint}`, await authorization());
      expect([endpoint, reply.status]).toEqual([endpoint, 401]);
      expect(reply.headers.get('www-authenticate')).toBe('Bearer');
      expect(typeof reply.body.error).toBe('string');
      expect(JSON.stringify(reply.body)).not.toMatch(/SRV01|indicators/);
    }
  });

  it('lets a viewer in the register read the scorecard and an indicator, without the names of who entered each version', async () => {
    const scorecard = await get(`${server.baseUrl}/api/tab/scorecard`, await bearer(councillor));
    expect(scorecard.status).toBe(200);
    expect(scorecard.body.viewer).toEqual({ name: 'Cllr Margaret Ellis', email: councillor.email, isAdmin: false });
    expect(scorecard.body.indicators).toHaveLength(22);
    const indicator = await get(`${server.baseUrl}/api/tab/indicator?code=SRV01`, await bearer(councillor));
    expect(indicator.status).toBe(200);
    expect(indicator.body).toMatchObject({ code: 'SRV01', history: { namesShown: false } });
    const me = await get(`${server.baseUrl}/api/tab/me`, await bearer(councillor));
    expect(me.body.indicators).toEqual([]);
  });

  it('answers 403, saying whom to ask, to a valid token for someone not in the register', async () => {
    const reply = await get(`${server.baseUrl}/api/tab/scorecard`, await bearer(stranger));
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatch(/sam\.visitor@elsewhere\.gov\.uk, who is not in the performance register.*the performance team/);
  });

  it('answers 400 to a bad month or period and 404 to an unknown indicator', async () => {
    expect((await get(`${server.baseUrl}/api/tab/scorecard?month=2026-13`, await bearer())).status).toBe(400);
    expect((await get(`${server.baseUrl}/api/tab/scorecard?month=2026/27`, await bearer())).body.error).toMatch(/by month/);
    expect((await get(`${server.baseUrl}/api/tab/indicator?code=SRV01&period=2026/27 Q1`, await bearer())).status).toBe(400);
    expect((await get(`${server.baseUrl}/api/tab/indicator`, await bearer())).status).toBe(400);
    expect((await get(`${server.baseUrl}/api/tab/indicator?code=NOPE`, await bearer())).status).toBe(404);
  });

  it('fetched the OpenID metadata once for all those requests', () => {
    expect(entra.requests.filter((r) => r.path.endsWith('/openid-configuration'))).toHaveLength(1);
  });

  it('serves the tab page with a strict policy, its script bundled from TypeScript, and the about page', async () => {
    const page = await get(`${server.baseUrl}/tab/scorecard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(page.body).toContain('"authDisabled":false');
    const script = await get(`${server.baseUrl}/tab/assets/tab.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.body.length).toBeGreaterThan(10_000);
    expect((await get(`${server.baseUrl}/tab/assets/tab.css`)).body).toContain("data-theme='contrast'");
    expect((await get(`${server.baseUrl}/tab/config`)).body).toContain('data-page="config"');
    expect((await get(`${server.baseUrl}/tab/about`)).body).toContain('id="privacy"');
  });

  it('in development mode (authentication explicitly disabled) needs no token and says so', async () => {
    const scorecard = await get(`${devServer.baseUrl}/api/tab/scorecard`);
    expect(scorecard.status).toBe(200);
    expect(scorecard.body.viewer).toMatchObject({ isAdmin: true });
    const asGareth = await get(`${devServer.baseUrl}/api/tab/me`, undefined, { 'X-Tab-Dev-User': gareth.email });
    expect(asGareth.body.viewer.name).toBe('Gareth Lewis');
    expect((await get(`${devServer.baseUrl}/tab/scorecard`)).body).toContain('"authDisabled":true');
    expect(devServer.output()).toMatch(/TAB_AUTH_DISABLED is set/);
    // …while the server with authentication on ignores the development header.
    expect((await get(`${server.baseUrl}/api/tab/me`, undefined, { 'X-Tab-Dev-User': gareth.email })).status).toBe(401);
  });
});
