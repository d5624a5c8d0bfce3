/**
 * Opening a month for a large council, end to end: an admin types "open 2026-10" and every owner
 * gets their entry card.
 *
 * The bot server runs as `npm start` runs it (a child process, the embedded database) against the
 * Teams stand-ins, the connector behaving as Teams does for one app in one tenant (at most 50
 * requests in any sliding second, 429 with Retry-After: 1 beyond, answers after 50 ms). The
 * register is written straight into the database (bench/fixtures/register-at-scale.ts), every
 * owner with the app installed. The admin's command is POSTed to /api/messages with a real channel
 * token, after one warm-up command (the bot's first outbound token and cold code paths are not what
 * is measured). Figures, from the moment the command is sent:
 *
 * - the HTTP answer to the command, and the progress card reaching the connector (target < 1 s);
 * - the first prompt reaching the connector (target < 3 s);
 * - every prompt delivered, and the rate counted from the command (target >= 0.9 x 50 a second);
 * - duplicates and losses (0), and the progress card's updates (at most one every ~2 s).
 *
 * Run one case on its own with `npx tsx bench/open-month.ts 200x1` (owners x indicators each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TeamsStandIns, TENANT_ID } from '../test/support/teams/teams-stand-ins';
import { startServer, type RunningServer } from '../test/support/child-process';
import { killTree } from '../test/support/process-tree';
import { postActivity } from '../test/support/teams/post-activity';
import { message, personalConversationId, type TeamsUser } from '../test/support/teams/activities';
import { CLOCK_START_ENV, OPEN_MONTH } from '../test/support/clock-start';
import { until } from '../test/support/until';
import { jobCardToTheEnd, jobCardsIn } from '../test/support/job-cards';
import { TEAMS_GLOBAL_PER_SECOND } from '../src/delivery/teams-limits';
import { periodKey } from '../src/domain/periods';
import { ownerConversationId, seedRegisterAtScale } from './fixtures/register-at-scale';
import type { Benchmark } from './benchmark';

interface Case {
  readonly owners: number;
  readonly indicatorsPerOwner: number;
  /**
   * Whether the delivery rate from the command is a target: the issue sets it for 2,000 owners. A
   * hundred prompts take two seconds at 50 a second, so the first prompt's wait alone keeps their
   * rate from the command under 0.9 x 50; it is printed, not judged.
   */
  readonly rateIsTarget: boolean;
}

const CASES: readonly Case[] = [
  { owners: 2_000, indicatorsPerOwner: 1, rateIsTarget: true },
  { owners: 100, indicatorsPerOwner: 10, rateIsTarget: false },
];

const LATENCY_MS = 50;
const TARGETS = { answerMs: 1_000, cardMs: 1_000, firstPromptMs: 3_000, ratio: 0.9 } as const;
/** Ends a hang only: the wait ends when the last prompt arrives. */
const PATIENCE_MS = 60 * 60_000;
const MONTH = periodKey(OPEN_MONTH);
const admin: TeamsUser = { teamsId: '29:priya-shah', aadObjectId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: 'Priya Shah', email: 'priya.shah@fenmarsh.gov.uk' };
const ADMIN_CHAT = personalConversationId(admin);

export const openMonth: Benchmark = {
  name: `open a month through the bot: ${CASES.map((c) => `${c.owners.toLocaleString('en-GB')} owners x ${c.indicatorsPerOwner}`).join(', ')}; connector at ${TEAMS_GLOBAL_PER_SECOND}/s, ${LATENCY_MS} ms`,
  async run() {
    let passed = true;
    for (const c of CASES) passed = (await openFor(c)) && passed;
    return { passed };
  },
};

async function openFor({ owners, indicatorsPerOwner, rateIsTarget }: Case): Promise<boolean> {
  console.log(`  -- ${owners.toLocaleString('en-GB')} owners x ${indicatorsPerOwner} indicator${indicatorsPerOwner === 1 ? '' : 's'}`);
  const teams = new TeamsStandIns();
  await teams.start();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-open-month-'));
  const databaseUrl = `pglite:${path.join(dir, 'pgdata')}`;
  let server: RunningServer | null = null;
  try {
    const seededAt = Date.now();
    await seedRegisterAtScale(databaseUrl, { owners, indicatorsPerOwner, serviceUrl: teams.connector.serviceUrl, tenantId: TENANT_ID, admin });
    console.log(`  register written        ${owners * indicatorsPerOwner} indicators in ${seconds(Date.now() - seededAt)}`);
    server = await startServer({
      ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: databaseUrl,
      CYCLE_SCHEDULER_ENABLED: 'false', LOAD_DEMO_DATA: 'false', MicrosoftAppTenantId: TENANT_ID,
    });
    teams.connector.limitRate(TEAMS_GLOBAL_PER_SECOND, 1);
    teams.connector.latencyMs = LATENCY_MS;
    const calls = teams.connector.calls;

    // Warm-up: the bot's first outbound token and cold code paths, as a server that has been running has them.
    const warm = await postActivity(server.baseUrl, teams, message(admin, teams.connector.serviceUrl, `cycle status ${MONTH}`));
    if (warm.status !== 200) throw new Error(`the warm-up command was answered ${warm.status}`);

    const since = calls.length;
    const sentAt = Date.now();
    const answer = await postActivity(server.baseUrl, teams, message(admin, teams.connector.serviceUrl, `open ${MONTH}`));
    const answeredAt = Date.now();
    if (answer.status !== 200) throw new Error(`the command was answered ${answer.status}`);
    const card = jobCardsIn(calls.slice(since), ADMIN_CHAT).find((c) => c.call.kind !== 'update');

    const isPrompt = (c: (typeof calls)[number]) => c.kind === 'send' && c.conversationId.startsWith('a:personal-29:owner-');
    const firstPrompt = await until('the first prompt', () => calls.slice(since).find(isPrompt), PATIENCE_MS);
    let lastReport = Date.now();
    await until('every owner\'s prompt', () => {
      const delivered = new Set(calls.slice(since).filter(isPrompt).map((c) => c.conversationId)).size;
      if (Date.now() - lastReport >= 30_000) {
        lastReport = Date.now();
        console.log(`  ... ${delivered} of ${owners} delivered after ${seconds(Date.now() - sentAt)}`);
      }
      return delivered >= owners;
    }, PATIENCE_MS);
    const seen = await jobCardToTheEnd(calls, ADMIN_CHAT, since, PATIENCE_MS);
    const done = seen.at(-1)!;

    const prompts = calls.slice(since).filter(isPrompt);
    const perOwner = new Map<string, number>();
    for (const p of prompts) perOwner.set(p.conversationId, (perOwner.get(p.conversationId) ?? 0) + 1);
    const duplicates = [...perOwner.values()].reduce((sum, n) => sum + n - 1, 0);
    const losses = Array.from({ length: owners }, (_, i) => ownerConversationId(i)).filter((id) => !perOwner.has(id)).length;
    const lastPromptAt = Math.max(...prompts.map((p) => p.at!));
    const fromCommand = owners / ((lastPromptAt - sentAt) / 1000);
    const sustained = (prompts.length - 1) / ((lastPromptAt - firstPrompt.at!) / 1000);
    const updates = seen.filter((s) => s.call.kind === 'update').map((s) => s.call.at!);
    const gaps = updates.slice(1).map((at, i) => at - updates[i]!);
    const throttled = teams.connector.rejected.filter((r) => r.status === 429);

    const answerMs = answeredAt - sentAt;
    const cardMs = card ? card.call.at! - sentAt : Number.POSITIVE_INFINITY;
    const firstPromptMs = firstPrompt.at! - sentAt;
    const ratio = fromCommand / TEAMS_GLOBAL_PER_SECOND;
    const passed = answerMs < TARGETS.answerMs && cardMs < TARGETS.cardMs && firstPromptMs < TARGETS.firstPromptMs &&
      (ratio >= TARGETS.ratio || !rateIsTarget) && duplicates === 0 && losses === 0 && done.state === 'Done';

    console.log(`  HTTP answer             ${seconds(answerMs)} (target < ${seconds(TARGETS.answerMs)})`);
    console.log(`  progress card arrived   ${card ? seconds(cardMs) : 'never'} (target < ${seconds(TARGETS.cardMs)})`);
    console.log(`  first prompt arrived    ${seconds(firstPromptMs)} (target < ${seconds(TARGETS.firstPromptMs)})`);
    console.log(`  all prompts delivered   ${prompts.length} in ${seconds(lastPromptAt - sentAt)} from the command`);
    console.log(`  rate from the command   ${fromCommand.toFixed(2)}/s, ratio to ${TEAMS_GLOBAL_PER_SECOND}/s ${ratio.toFixed(3)} ${rateIsTarget ? `(target >= ${TARGETS.ratio})` : '(no target for this size)'}`);
    console.log(`  rate first to last      ${sustained.toFixed(2)}/s`);
    console.log(`  duplicates              ${duplicates}`);
    console.log(`  losses                  ${losses}`);
    console.log(`  card                    ${done.state} after ${seconds(done.call.at! - sentAt)}; ${updates.length} updates, closest two ${gaps.length ? seconds(Math.min(...gaps)) : '-'} apart`);
    console.log(`  card says               ${done.text.split('\n').find((l) => /messages? queued/.test(l)) ?? '(no outcome)'}`);
    console.log(`  429s received           ${throttled.length} (${throttled.filter((r) => r.kind === 'update').length} of them card updates)`);
    console.log(`  busiest second          ${teams.connector.busiestSecond()} requests`);
    return passed;
  } finally {
    if (server) {
      const code = await server.stop();
      if (code !== 0) killTree(server.process);
    }
    await teams.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (require.main === module) {
  const only = process.argv.slice(2).map((arg) => {
    const match = /^(\d+)x(\d+)$/.exec(arg);
    if (!match) throw new Error(`"${arg}" is not a case: write owners x indicators each, e.g. 200x1`);
    return { owners: Number(match[1]), indicatorsPerOwner: Number(match[2]), rateIsTarget: Number(match[1]) >= 2_000 };
  });
  void (async () => {
    let passed = true;
    for (const c of only.length > 0 ? only : CASES) passed = (await openFor(c)) && passed;
    console.log(passed ? 'PASSED' : 'FAILED');
    process.exit(passed ? 0 : 1);
  })();
}
