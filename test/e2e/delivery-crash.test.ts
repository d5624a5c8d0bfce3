/**
 * Kill -9 mid-dispatch, restart, and every message arrives exactly once.
 *
 * A real dispatcher (dispatch-worker.ts: the product's dispatcher and its botbuilder Messenger, real
 * tokens) sends 36 pending prompts to the connector stand-in at 6 a second. Once 12 sends have
 * started, the worker stops dead at its next wait for a message's turn, every send it started
 * recorded (its event loop blocked, so it sends, claims and renews nothing more however long the
 * test takes to notice), and the test kills it with SIGKILL: the dispatcher is then pacing, up to
 * 166 ms from its next send, with the next rows already claimed. A
 * second worker is started on the same database and runs until nothing is pending. Each message
 * must have arrived once; the rows the dead worker had claimed but not sent must have been taken
 * over only when their lease ran out.
 *
 * The kill lands between sends on purpose: a message whose request is out when the process dies is
 * "in doubt" and is sent again (README, Delivery), so a kill mid-request could rightly duplicate
 * that one message. The test checks that its kill did land between sends before judging, and
 * reads the dead worker's leases from the database to judge the takeover against them.
 */
import { openDatabase } from '../../src/db/open-database';
import { BACKENDS } from '../support/test-database';
import { runTemplate } from '../support/test-paths';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { arrivals, finished, messageText, preparedDatabase, startWorker } from '../support/delivery/dispatch-workers';

const MESSAGES = 36;
const KILL_AFTER = 12;
const LEASE_MS = 4_000;

describe.each(BACKENDS)('a dispatcher killed mid-dispatch and restarted [%s]', (backend) => {
  const teams = new TeamsStandIns();
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    await teams.start();
    database = await preparedDatabase(backend, MESSAGES, teams.connector.serviceUrl, runTemplate('pglite'));
  });
  afterAll(async () => {
    await teams.stop();
    await database?.drop();
  });

  it('delivers every pending message exactly once, taking over the dead worker\'s claims when their lease runs out', async () => {
    const env = { ...teams.serverEnv(), DATABASE_URL: database.url, DELIVERY_MESSAGES_PER_SECOND: '6', LOG_LEVEL: 'debug' };
    const { connector } = teams;

    let sentLines = 0;
    let arrivedAtKill = -1;
    let stoppedAt = 0;
    let sentAtKill = -1; // KILL_AFTER, or more when the machine was too slow for the worker to pace
    const first = startWorker(env, { instanceId: 'first', leaseMs: LEASE_MS, freezeAfterSent: KILL_AFTER }, (line) => {
      if (line.includes('"msg":"message sent"')) sentLines++;
      if (!line.includes('"frozen":true')) return;
      ({ at: stoppedAt, sent: sentAtKill } = JSON.parse(line) as { at: number; sent: number }); // it did nothing more from then on
      first.kill();
      arrivedAtKill = connector.calls.length;
    });
    expect(await first.exited).toBeNull(); // killed by the signal, not finished
    expect(sentAtKill).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(sentLines).toBe(sentAtKill);
    // The kill landed between sends: nothing had arrived that the worker had not recorded as sent.
    expect(arrivedAtKill).toBe(sentAtKill);
    expect(connector.calls).toHaveLength(sentAtKill);
    // The leases the dead worker held when it stopped (renewed until then), as the database has them.
    const leases = await leasesHeld(database.url, 'first');
    expect(leases.size).toBeGreaterThanOrEqual(1);

    const report = await finished(startWorker(env, { instanceId: 'second', leaseMs: LEASE_MS }));
    expect(report.counts).toEqual({ PENDING: 0, SENDING: 0, SENT: MESSAGES, BLOCKED: 0, DEAD: 0 });

    const counts = arrivals(connector.calls);
    const notOnce = Array.from({ length: MESSAGES }, (_, i) => messageText(i)).filter((text) => counts.get(text) !== 1);
    expect(notOnce).toEqual([]);
    expect(connector.calls).toHaveLength(MESSAGES);
    expect(connector.calls.every((c) => c.kind === 'send' && c.authorised)).toBe(true);

    const { rows } = report;
    expect(rows.every((m) => m.status === 'SENT' && m.activityId)).toBe(true);
    expect(rows.filter((m) => m.claimedBy === 'first')).toHaveLength(sentAtKill);
    // Claimed by the first worker (one try counted), never sent by it, taken over by the second.
    const takenOver = rows.filter((m) => m.attempts === 2);
    expect(takenOver.length).toBeGreaterThanOrEqual(1);
    expect(takenOver.every((m) => m.claimedBy === 'second')).toBe(true);
    for (const message of takenOver) {
      const arrival = connector.calls.find((c) => c.activity?.text === message.text)!;
      // Taken over only once the dead worker's lease on it had run out...
      expect(leases.has(message.text)).toBe(true);
      expect(arrival.at!).toBeGreaterThanOrEqual(leases.get(message.text)!);
      // ...a lease claimed or renewed at most a moment before the worker stopped, so it ran out no
      // sooner than about LEASE_MS after that (it is renewed every third of LEASE_MS while held).
      expect(leases.get(message.text)!).toBeGreaterThanOrEqual(stoppedAt + LEASE_MS - LEASE_MS / 3 - 1_000);
      expect(arrival.at!).toBeGreaterThanOrEqual(stoppedAt + LEASE_MS - LEASE_MS / 3 - 1_000);
    }
    expect(rows.filter((m) => m.attempts === 1)).toHaveLength(MESSAGES - takenOver.length);
  });
});

/** Text → lease end (ms) of each row `instance` still held, read after it died. */
async function leasesHeld(url: string, instance: string): Promise<Map<string, number>> {
  const database = await openDatabase(url, { purpose: 'reading the dead worker\'s leases' });
  try {
    // In milliseconds by the database itself: the column is a timestamp without time zone (UTC), which
    // a driver would read back in the process's own time zone.
    const rows = await database.sql.query<{ text: string; lease_ms: number | string }>(
      `SELECT activity->>'text' AS text, (extract(epoch FROM lease_until) * 1000)::float8 AS lease_ms
         FROM outbox_message WHERE status = 'SENDING' AND claimed_by = $1`, [instance],
    );
    return new Map(rows.map((r) => [r.text, Number(r.lease_ms)]));
  } finally {
    await database.close();
  }
}
