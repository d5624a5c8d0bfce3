/**
 * What a person running the bot reads: GET /metrics (METRICS_ENABLED=true) after an owner submits
 * their figures through Teams, and the log lines of that turn, each carrying its correlation id.
 * The real server over HTTP against the Teams stand-ins, on the embedded database with the demo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/child-process';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { postActivity } from '../support/teams/post-activity';
import { cardAction, message, personalConversationId, type TeamsUser } from '../support/teams/activities';
import { cardOf, inputIds } from '../support/card-json';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { CLOCK_START_ENV } from '../support/clock-start';
import { until } from '../support/until';

const gareth: TeamsUser = { teamsId: '29:gareth-lewis', aadObjectId: DEMO_PEOPLE.benefitsManager.aadObjectId, name: 'Gareth Lewis', email: DEMO_PEOPLE.benefitsManager.email };

/** The value of one sample line, e.g. sample(text, 'perfbot_turns_total{kind="message",outcome="answered"}'); 0 when absent. */
function sample(exposition: string, series: string): number {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('metrics and correlated logs', () => {
  const teams = new TeamsStandIns();
  let server: RunningServer | null = null;
  let dir: string;

  beforeAll(async () => {
    await teams.start();
    teams.connector.addMember({ id: gareth.teamsId, name: gareth.name, aadObjectId: gareth.aadObjectId, email: gareth.email });
    dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-metrics-'));
    server = await startServer({
      ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: `pglite:${path.join(dir, 'pgdata')}`, METRICS_ENABLED: 'true', CYCLE_SCHEDULER_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await teams.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const scrape = async () => {
    const response = await fetch(`${server!.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return response.text();
  };

  it('counts a submit, times it, and shows the outbox, on GET /metrics', async () => {
    const before = await scrape();
    expect(sample(before, 'perfbot_submit_duration_seconds_count')).toBe(0);
    expect(before).toMatch(/^perfbot_outbox_messages\{status="PENDING"\} \d+$/m);
    expect(before).toMatch(/^perfbot_dead_letters 0$/m);

    expect((await postActivity(server!.baseUrl, teams, message(gareth, teams.connector.serviceUrl, 'submit'))).status).toBe(200);
    const card = cardOf(teams.connector.messagesIn(personalConversationId(gareth)).at(-1));
    const period = (card.actions as { data: { period: string } }[])[0]!.data.period;
    const values = Object.fromEntries(inputIds(card).filter((id) => id.startsWith('value:')).map((id) => [id, '8.5']));
    const submit = cardAction(gareth, teams.connector.serviceUrl, 'entry.submit', { period, ...values });
    expect((await postActivity(server!.baseUrl, teams, submit)).status).toBe(200);
    // A forged request is refused, and counted as such.
    const unsigned = message(gareth, teams.connector.serviceUrl, 'help');
    const forged = await fetch(`${server!.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(unsigned) });
    expect(forged.status).toBe(401);

    const after = await scrape();
    expect(sample(after, 'perfbot_turns_total{kind="card entry.submit",outcome="answered"}')).toBe(1);
    expect(sample(after, 'perfbot_turns_total{kind="message",outcome="answered"}') - sample(before, 'perfbot_turns_total{kind="message",outcome="answered"}')).toBe(1);
    expect(sample(after, 'perfbot_turns_total{kind="message",outcome="refused"}')).toBe(1);
    expect(sample(after, 'perfbot_submit_duration_seconds_count')).toBe(1);
    expect(sample(after, 'perfbot_submit_duration_seconds_bucket{le="+Inf"}')).toBe(1);
    expect(sample(after, 'perfbot_submit_duration_seconds_sum')).toBeGreaterThan(0);

    // The lines of a turn carry its activity id as correlationId, whichever part wrote them. A turn's
    // last line is written after its answer, and reaches this process through a pipe: wait for it.
    const linesOf = () => server!.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const lines = await until('both turns logged to their end', () => {
      const all = linesOf();
      const ended = (id: unknown) => all.some((l) => l.correlationId === id && l.msg === 'turn answered');
      return ended(submit.id) && ended(unsigned.id) ? all : undefined;
    }, 10_000);
    expect(lines.filter((l) => l.correlationId === submit.id)).toEqual([
      expect.objectContaining({ msg: 'turn answered', kind: 'card entry.submit', status: 200, ms: expect.any(Number) }),
    ]);
    expect(lines.filter((l) => l.correlationId === unsigned.id).map((l) => l.msg)).toEqual(['request refused: not authenticated', 'turn answered']);
  });
});
