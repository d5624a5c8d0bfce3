import { Writable } from 'node:stream';
import pino from 'pino';
import { HttpServer, type HealthReport } from '../../../src/server/http-server';

/** A server whose readiness check does whatever the test says, logging into `logged`. */
async function serverWith(readiness: () => Promise<HealthReport>) {
  const logged: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (logged.push(chunk.toString()), done()) }));
  const server = new HttpServer({ log, health: readiness, messages: async (_req, res) => void res.send(200), maxBodyBytes: 16 * 1024 });
  const port = await server.listen(0, '127.0.0.1');
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, text: await response.text() };
  };
  // close() takes a grace period once the graceful stop (issue #13) is in; none is needed here.
  const close = server.close as (graceMs?: number) => Promise<unknown>;
  return { get, logged, close: () => close.call(server, 1_000) };
}

const SECRET_DETAIL = 'password authentication failed for user "perfbot_owner" at db-prod-7.internal';

describe('/livez and /readyz', () => {
  let subject: Awaited<ReturnType<typeof serverWith>> | null = null;
  afterEach(async () => {
    await subject?.close();
    subject = null;
  });

  it('answers /readyz (and /healthz, its older name) 200 when ready, 503 when not, with the checks', async () => {
    let report: HealthReport = { healthy: true, checks: { database: 'ok', migrations: 'ok' } };
    subject = await serverWith(async () => report);
    for (const path of ['/readyz', '/healthz']) {
      expect(await subject.get(path)).toEqual({ status: 200, text: JSON.stringify({ status: 'ok', database: 'ok', migrations: 'ok' }) });
    }
    report = { healthy: false, checks: { database: 'ok', migrations: 'behind' } };
    expect(await subject.get('/readyz')).toEqual({ status: 503, text: JSON.stringify({ status: 'unavailable', database: 'ok', migrations: 'behind' }) });
  });

  it("never puts a failed check's error text in the answer, only in the log", async () => {
    subject = await serverWith(async () => {
      throw new Error(SECRET_DETAIL);
    });
    for (const path of ['/readyz', '/healthz']) {
      const answer = await subject.get(path);
      expect(answer).toEqual({ status: 503, text: JSON.stringify({ status: 'unavailable', database: 'unavailable' }) });
      expect(answer.text).not.toContain('perfbot_owner');
    }
    const warnings = subject.logged.filter((line) => line.includes('readiness check failed'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('perfbot_owner');
  });

  it('answers /livez 200 while the process runs, whatever the database', async () => {
    let calls = 0;
    subject = await serverWith(async () => {
      calls++;
      throw new Error(SECRET_DETAIL);
    });
    expect(await subject.get('/livez')).toEqual({ status: 200, text: JSON.stringify({ status: 'ok' }) });
    expect(calls).toBe(0);
  });
});
