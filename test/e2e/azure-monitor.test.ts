/**
 * Azure Monitor through OpenTelemetry, as `npm start` runs the server: with
 * APPLICATIONINSIGHTS_CONNECTION_STRING unset nothing of it is loaded; set to a connection string
 * whose ingestion endpoint is a local stand-in, the server starts (no network needed), serves, sends
 * its telemetry to that endpoint, and still stops cleanly.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWithNpm } from '../support/child-process';
import { HttpStandIn } from '../support/teams/http-stand-in';
import { makeTestCertificates } from '../support/teams/test-certificates';
import { CLOCK_START_ENV } from '../support/clock-start';
import { ROOT } from '../support/test-paths';

const PRELOAD = path.join(ROOT, 'test', 'support', 'loaded-modules.cjs');
const TELEMETRY_PACKAGES = /node_modules[\\/](@opentelemetry|@azure[\\/]monitor-opentelemetry)/;

describe('Azure Monitor telemetry, loaded only when asked for', () => {
  // Application Insights' ingestion endpoint (HTTPS only, as the exporter insists), accepting everything.
  const certificates = makeTestCertificates();
  const ingestion = new HttpStandIn(
    (request) => (request.method === 'POST' ? { status: 200, body: { itemsReceived: 1, itemsAccepted: 1, errors: [] } } : { status: 200, body: {} }),
    { key: certificates.key, cert: certificates.cert },
  );
  let dir: string;

  beforeAll(async () => {
    await ingestion.start();
    dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-telemetry-'));
  });
  afterAll(async () => {
    await ingestion.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const serverEnv = (modulesFile: string) => ({
    ...CLOCK_START_ENV, DATABASE_URL: `pglite:${path.join(dir, 'pgdata')}`, CYCLE_SCHEDULER_ENABLED: 'false',
    NODE_OPTIONS: `--require ${PRELOAD}`, LOADED_MODULES_FILE: modulesFile, NODE_EXTRA_CA_CERTS: certificates.caPath,
  });
  const loaded = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as string[];

  it('loads none of it when APPLICATIONINSIGHTS_CONNECTION_STRING is unset (and /metrics is off by default)', async () => {
    const modulesFile = path.join(dir, 'modules-off.json');
    const server = await startWithNpm(serverEnv(modulesFile));
    try {
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).not.toMatch(/telemetry to Azure Monitor/);
    const modules = loaded(modulesFile);
    expect(modules.some((file) => /node_modules[\\/]restify[\\/]/.test(file))).toBe(true); // the list is the server's
    expect(modules.filter((file) => TELEMETRY_PACKAGES.test(file))).toEqual([]);
  });

  it('starts with a connection string to a local endpoint, sends telemetry there, and stops cleanly', async () => {
    const modulesFile = path.join(dir, 'modules-on.json');
    const endpoint = `${ingestion.baseUrl}/`;
    const server = await startWithNpm({
      ...serverEnv(modulesFile),
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${endpoint};LiveEndpoint=${endpoint}`,
    });
    try {
      expect(server.output()).toMatch(/"msg":"telemetry to Azure Monitor started \(OpenTelemetry\)"/);
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0); // the stop sends what is buffered
    }
    expect(server.output()).toMatch(/"msg":"stopped"/);
    expect(loaded(modulesFile).filter((file) => TELEMETRY_PACKAGES.test(file)).length).toBeGreaterThan(0);
    // What reached the ingestion endpoint: the request served as a trace, and the product's own metrics.
    type Item = { name: string; data?: { baseData?: { url?: string; metrics?: { name: string }[] } } };
    const items = ingestion.requests.filter((r) => r.method === 'POST' && r.path === '/v2.1/track').flatMap((r) => r.body as Item[]);
    expect(items.filter((i) => i.name === 'Microsoft.ApplicationInsights.Request').map((i) => i.data?.baseData?.url)).toContainEqual(expect.stringMatching(/\/healthz$/));
    const metricNames = new Set(items.filter((i) => i.name === 'Microsoft.ApplicationInsights.Metric').flatMap((i) => i.data?.baseData?.metrics ?? []).map((m) => m.name));
    for (const name of ['perfbot_outbox_messages', 'perfbot_dead_letters']) expect(metricNames.has(name)).toBe(true);
  });
});
