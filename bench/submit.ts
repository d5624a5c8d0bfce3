/**
 * An owner's submit of 10 figures (Action.Execute on the entry card), through the bot's HTTP
 * endpoint with a real channel token, against a register of 1,000 indicators with five years of
 * monthly history, compared in the same run with a bare botbuilder bot answering the same invoke
 * (bare-bot.ts). Each submit has new figures, so each stores 10 new versions and rates them. The
 * two are timed alternately, request by request, so that whatever else the machine does falls on
 * both. Target: the product's p95 within twice the bare bot's.
 */
import { TeamsStandIns } from '../test/support/teams/teams-stand-ins';
import { cardAction, type TeamsUser } from '../test/support/teams/activities';
import { postActivity } from '../test/support/teams/post-activity';
import { startServer } from '../test/support/child-process';
import { CLOCK_START_ENV } from '../test/support/clock-start';
import { ownerAadObjectId } from '../test/support/large-register-sql';
import { largeDatabase, openOctober } from './support/large-database';
import { startBareBot } from './support/bare-bot-process';
import { ms, percentile, report } from './support/figures';
import type { Benchmark } from './benchmark';

const SIZE = { indicators: 1_000, owners: 100, months: 60, lastMonth: '2026-10' } as const;
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 10);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const TARGET_RATIO = 2;

/** owner-0 owns indicators 0, 100, ... 900: ten of them. */
const owner: TeamsUser = { teamsId: '29:owner-0', aadObjectId: ownerAadObjectId(0), name: 'Owner 0', email: 'owner.0@bench.gov.uk' };
const indicatorIds = Array.from({ length: 10 }, (_, k) => `indicator-${k * 100}`);

function submission(round: number): Record<string, unknown> {
  const data: Record<string, unknown> = { period: '2026-10' };
  indicatorIds.forEach((id, k) => {
    const figure = String(50 + ((round * 7 + k * 3) % 45) + 0.5);
    data[`value:${id}`] = figure;
    // The owner has confirmed each figure the card may ask about (#16), so every submit is read
    // against its history, checked and stored: the whole path, never a refusal.
    data[`confirm:${id}`] = figure;
  });
  return data;
}

async function timed(work: () => Promise<{ status: number; body: unknown }>): Promise<number> {
  const started = performance.now();
  const answer = await work();
  const took = performance.now() - started;
  if (answer.status !== 200) throw new Error(`invoke answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  return took;
}

export const submit: Benchmark = {
  name: `submit: 10 figures against ${SIZE.indicators.toLocaleString('en-GB')} indicators x ${SIZE.months} months, beside a bare botbuilder bot`,
  async run() {
    const teams = new TeamsStandIns();
    await teams.start();
    const database = await largeDatabase('submit', SIZE, openOctober);
    const server = await startServer({ ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: database.url, NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? '' });
    const bare = await startBareBot(teams.serverEnv());
    try {
      const serviceUrl = teams.connector.serviceUrl;
      const product: number[] = [];
      const baseline: number[] = [];
      let stored = '';
      for (let round = 0; round < WARM_UP + SAMPLES; round++) {
        const activity = cardAction(owner, serviceUrl, 'entry.submit', submission(round));
        let answer: unknown;
        const productMs = await timed(async () => {
          const r = await postActivity(server.baseUrl, teams, activity);
          answer = r.body;
          return r;
        });
        const baselineMs = await timed(() => postActivity(bare.baseUrl, teams, cardAction(owner, serviceUrl, 'entry.submit', submission(round))));
        stored = JSON.stringify(answer);
        if (round >= WARM_UP) {
          product.push(productMs);
          baseline.push(baselineMs);
        }
      }
      // The last answer must be the card with the figures stored, not a refusal.
      const lastFigure = String(submission(WARM_UP + SAMPLES - 1)[`value:${indicatorIds[0]}`]);
      const storedOk = stored.includes(lastFigure) && !stored.includes('nothing was stored');
      const [p95, bareP95] = [percentile(product, 95), percentile(baseline, 95)];
      const ratio = p95 / bareP95;
      report('submits timed', `${SAMPLES} of each, after ${WARM_UP} to warm up`);
      report('product p50 / p95', `${ms(percentile(product, 50))} / ${ms(p95)}`);
      report('bare botbuilder p50 / p95', `${ms(percentile(baseline, 50))} / ${ms(bareP95)}`);
      report('ratio of p95s', ratio.toFixed(2), { text: `<= ${TARGET_RATIO}`, met: ratio <= TARGET_RATIO });
      report('figures stored and shown', storedOk ? 'yes' : 'NO', { text: 'yes', met: storedOk });
      if (process.env.QLOG) console.log(server.output().split('\n').slice(-400).join('\n'));
      return { passed: ratio <= TARGET_RATIO && storedOk };
    } finally {
      bare.stop();
      await server.stop();
      await teams.stop();
      database.drop();
    }
  },
};
