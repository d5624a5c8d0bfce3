/**
 * Fan-out: one message to each of 2,000 owners, as the cycle's opening prompt does.
 *
 * The outbox holds 2,000 prompts, each to its own 1:1 chat. A real dispatcher (the product's, with
 * its botbuilder Messenger and real tokens, in a child process: dispatch-worker.ts) sends them at
 * the configured rate (DELIVERY_MESSAGES_PER_SECOND, default 48) to the Bot Connector stand-in, which
 * behaves as Teams does for one app in one tenant: at most 50 requests in any sliding second, 429
 * with Retry-After: 1 beyond that, and an answer after 50 ms. Figures: messages a second from the
 * first arrival to the last (and from the start of dispatching, which adds the first token fetch),
 * that rate as a share of Teams' 50 a second, duplicates, losses and 429s. Targets: a ratio of at
 * least 0.9, no duplicate, no loss.
 */
import { TeamsStandIns } from '../test/support/teams/teams-stand-ins';
import { arrivals, finished, messageText, preparedDatabase, startWorker } from '../test/support/delivery/dispatch-workers';
import { TEAMS_GLOBAL_PER_SECOND } from '../src/delivery/teams-limits';
import type { Benchmark } from './benchmark';

const OWNERS = 2_000;
const LATENCY_MS = 50;
const TARGET_RATIO = 0.9;

export const fanout: Benchmark = {
  name: `fan-out: ${OWNERS} owners against a connector allowing ${TEAMS_GLOBAL_PER_SECOND} requests a second`,
  async run() {
    const teams = new TeamsStandIns();
    await teams.start();
    const database = await preparedDatabase('embedded', OWNERS, teams.connector.serviceUrl);
    try {
      teams.connector.limitRate(TEAMS_GLOBAL_PER_SECOND, 1);
      teams.connector.latencyMs = LATENCY_MS;
      let dispatchingFrom = 0;
      const worker = startWorker({ ...teams.serverEnv(), DATABASE_URL: database.url, LOG_LEVEL: 'info' }, { instanceId: 'bench' }, (line) => {
        if (line.includes('"msg":"dispatching"')) dispatchingFrom = Date.now();
      });
      const report = await finished(worker);

      const calls = teams.connector.calls;
      const counts = arrivals(calls);
      const texts = Array.from({ length: OWNERS }, (_, i) => messageText(i));
      const duplicates = texts.reduce((sum, text) => sum + Math.max(0, (counts.get(text) ?? 0) - 1), 0);
      const losses = texts.filter((text) => !counts.get(text)).length;
      const times = calls.map((c) => c.at ?? 0).sort((a, b) => a - b);
      const [firstArrival, lastArrival] = [times[0]!, times.at(-1)!];
      // Sustained: from the first message's arrival to the last's. The first message also waits
      // for the bot's first token from the authority and for cold code paths, once per process.
      const perSecond = (calls.length - 1) / ((lastArrival - firstArrival) / 1000);
      const endToEnd = calls.length / ((lastArrival - dispatchingFrom) / 1000);
      const ratio = perSecond / TEAMS_GLOBAL_PER_SECOND;
      const throttled = teams.connector.rejected.filter((r) => r.status === 429).length;
      const passed = ratio >= TARGET_RATIO && duplicates === 0 && losses === 0 && report.counts.SENT === OWNERS;

      console.log(`  messages delivered     ${calls.length} of ${OWNERS} in ${((lastArrival - firstArrival) / 1000).toFixed(1)} s`);
      console.log(`  messages per second    ${perSecond.toFixed(2)} (first to last arrival)`);
      console.log(`  ratio to ${TEAMS_GLOBAL_PER_SECOND}/s ceiling   ${ratio.toFixed(3)} (target >= ${TARGET_RATIO})`);
      console.log(`  duplicates             ${duplicates}`);
      console.log(`  losses                 ${losses}`);
      console.log(`  429s received          ${throttled}`);
      console.log(`  busiest second         ${teams.connector.busiestSecond()} requests`);
      console.log(`  first message after   ${((firstArrival - dispatchingFrom) / 1000).toFixed(2)} s (first token, cold start); ${endToEnd.toFixed(2)} messages/s counting it`);
      console.log(`  outbox afterwards      ${JSON.stringify(report.counts)}`);
      return { passed };
    } finally {
      await teams.stop();
      await database.drop();
    }
  },
};
