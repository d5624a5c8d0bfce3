/** `cycle status <period>`: for admins, where the month's cycle stands. */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { Tolerance } from '../../domain/types';
import { periodKey, periodLabel, type MonthPeriod } from '../../domain/periods';
import { formatUkDateTime } from '../../domain/dates';
import type { MonthSchedule } from '../../domain/cycle-calendar';
import { periodsCollectedIn } from '../../domain/reporting-lag';
import { figuresOutstanding } from './figures-outstanding';
import { verifiedText } from '../../domain/verification';
import { verificationStates } from '../verification/verification-states';

export interface CycleStatusReport {
  readonly month: string;
  readonly lines: readonly string[];
}

export async function cycleStatus(
  store: Store, clock: Clock, schedule: MonthSchedule, defaultTolerance: Tolerance,
): Promise<CycleStatusReport> {
  const now = clock.now();
  const month: MonthPeriod = schedule.month;
  const runs = await store.repos.cycleRuns.forPeriod(periodKey(month));
  const lines: string[] = [`**Cycle for ${periodLabel(month).split(' (')[0]}** (collects ${periodsCollectedIn(month, await store.repos.indicators.active()).map(periodKey).join(', ')}; deadline ${formatUkDateTime(schedule.deadline)})`];
  for (const step of schedule.steps) {
    const name = step.kind === 'remind' ? `remind ${step.round}` : step.kind;
    const run = runs.find((r) => r.runKey === step.runKey);
    const manual = runs.filter((r) => r.trigger !== 'scheduled' && r.step === step.kind);
    const when = run
      ? `ran ${formatUkDateTime(run.startedAt)}${run.finishedAt ? '' : ' (still running)'}`
      : step.at <= now ? `due since ${formatUkDateTime(step.at)}, not run` : `due ${formatUkDateTime(step.at)}`;
    lines.push(`- ${name}: ${when}${manual.length ? `; on demand ${manual.length}×, last ${formatUkDateTime(manual.at(-1)!.startedAt)}` : ''}`);
  }
  // The periods this cycle collects, lagged figures included, with only the figures it collects.
  for (const { period, statuses, owed } of await figuresOutstanding(store, month, now, defaultTolerance)) {
    const key = periodKey(period);
    const prompts = await store.repos.outbox.counts({ period: key, purpose: 'prompt' });
    const all = await store.repos.outbox.counts({ period: key });
    const owners = new Map<string, boolean>();
    for (const s of statuses) owners.set(s.indicator.ownerId, (owners.get(s.indicator.ownerId) ?? true) && s.value !== null);
    const submitted = [...owners.values()].filter(Boolean).length;
    // #16: of the figures in with a named verifier, how many are signed off.
    const states = (await verificationStates(store.repos, statuses)).map((f) => ({ code: f.status.indicator.code, state: f.state }));
    lines.push(
      `${key}: prompts ${prompts.SENT} sent, ${prompts.PENDING + prompts.SENDING} pending, ${prompts.BLOCKED + prompts.DEAD} failed; ` +
        `all messages ${all.SENT} sent, ${all.PENDING + all.SENDING} pending, ${all.BLOCKED} blocked, ${all.DEAD} dead; ` +
        `owners submitted ${submitted} of ${owners.size}` +
        (states.length > 0 ? `; ${verifiedText(states.map((s) => s.state)).toLowerCase()}` : ''),
    );
    const awaiting = states.filter((s) => s.state === 'AWAITING').map((s) => s.code);
    const queried = states.filter((s) => s.state === 'QUERIED').map((s) => s.code);
    if (awaiting.length > 0) lines.push(`  awaiting verification: ${awaiting.join(', ')}`);
    if (queried.length > 0) lines.push(`  queried, back with their owners: ${queried.join(', ')}`);
    const valuesOwed = owed.filter((o) => o.valueMissing).map((o) => o.status.indicator.code);
    const narrativesOwed = owed.filter((o) => o.narrative !== 'none').map((o) => `${o.status.indicator.code}${o.narrative === 'owed' ? ' (owed)' : ''}`);
    if (valuesOwed.length > 0) lines.push(`  values outstanding: ${valuesOwed.join(', ')}`);
    if (narrativesOwed.length > 0) lines.push(`  narratives outstanding for red or amber figures: ${narrativesOwed.join(', ')}`);
  }
  return { month: periodKey(month), lines };
}
