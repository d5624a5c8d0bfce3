/**
 * The monthly cycle's steps. Each step only decides who should hear what and records it in the
 * outbox; the dispatcher sends. Every message has a dedupe key of purpose, recipient and period, so
 * running a step twice, or two instances running it at once, or a step run again after a crash
 * half-way, records nothing twice. Messages are recorded in batches as they are prepared
 * (outbox-batches.ts), so the first prompts go out while the rest are still being prepared, and
 * whoever runs the step can follow how far it has got; the period window changes are saved with
 * their audit first (open) or with the step's audit at the end (close).
 */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { NewOutboxMessage } from '../../db/repositories/outbox-repository';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { Tolerance } from '../../domain/types';
import { periodKey, periodLabel, periodShortLabel, periodsEqual, type MonthPeriod, type Period } from '../../domain/periods';
import { deadlinePeriodOf, isCollectedIn, lagNote, lagText, lastMonthOf, periodsCollectedIn } from '../../domain/reporting-lag';
import { figuresOutstanding, type CollectedPeriod, type FigureOwed } from './figures-outstanding';
import { monthSchedule, type CalendarSettings, type MonthSchedule } from '../../domain/cycle-calendar';
import { formatUkLongDateTime, formatUkDateTime } from '../../domain/dates';
import { buildEntryCard, buildOutstandingCard } from '../../cards';
import { cardMessage } from '../../cards/card-message';
import type { EntryService } from '../entry/entry-service';
import type { IndicatorStatus } from '../register-status';
import { Audience, messageTo, type Reachable } from './cycle-audience';
import { cycleStatus, type CycleStatusReport } from './cycle-status';
import { verificationStates } from '../verification/verification-states';
import { loadDataQuality } from '../data-quality/data-quality-report';
import { buildDataQualityView } from '../data-quality/data-quality-view';
import { dataQualityPageDeepLink } from '../scorecard/tab-deep-links';
import { buildDataQualityCard } from '../../cards/data-quality';
import { ignoreProgress, OutboxBatches, type OnRecording } from './outbox-batches';

export type StepName = 'open' | 'remind' | 'escalate' | 'close';
export type EscalationLevel = 'verifier' | 'director';

export interface StepRequest {
  readonly step: StepName;
  readonly month: MonthPeriod;
  /** scheduled, chat or cli: part of the audit and of the dedupe key of reminders. */
  readonly trigger: 'scheduled' | 'chat' | 'cli';
  /** Who asked: a person's name, or "scheduler". */
  readonly actor: string;
  readonly actorId?: string | null;
  /** Scheduled reminders are numbered; on-demand ones share one key, so repeating them sends nothing. */
  readonly round?: number;
  /** Escalation level; on demand, both. */
  readonly level?: EscalationLevel;
}

export interface StepOutcome {
  readonly step: StepName;
  readonly month: string;
  readonly periods: readonly string[];
  /** Messages newly recorded for sending. */
  readonly queued: number;
  /** Messages that were already recorded by an earlier run. */
  readonly alreadyQueued: number;
  /** People who should have heard but have not installed the app. */
  readonly unreachable: readonly string[];
  readonly missing?: readonly string[];
  readonly closed?: readonly string[];
  /** The close step: figures in that their named verifier never verified (#16). */
  readonly unverified?: readonly string[];
}

export interface CycleSettings {
  readonly calendar: CalendarSettings;
  readonly defaultTolerance: Tolerance;
  /** Recipients whose messages are recorded in one batch (outbox-batches.ts; 100 unless a test says). */
  readonly batchSize?: number;
  /** The performance team, who get each closed period's data-quality card (#16); nobody when absent. */
  readonly performanceTeamIds?: () => Promise<readonly string[]>;
  /** The Teams app's id, for that card's link to the tab's Data quality page; no link when absent. */
  readonly teamsAppId?: string | null;
}

export class CycleService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly entry: EntryService,
    private readonly settings: CycleSettings,
    /** Called after messages are queued, so the dispatcher starts at once instead of at its next poll. */
    private readonly onQueued: () => void = () => {},
  ) {}

  schedule(month: MonthPeriod): MonthSchedule {
    return monthSchedule(month, this.settings.calendar);
  }

  status(month: MonthPeriod): Promise<CycleStatusReport> {
    return cycleStatus(this.store, this.clock, this.schedule(month), this.settings.defaultTolerance);
  }

  /** Runs a step asked for by an admin (chat or command line), recorded as a run of its own. */
  async runOnDemand(request: StepRequest, instance: string, onProgress: OnRecording = ignoreProgress): Promise<StepOutcome> {
    const now = this.clock.now();
    const run = await this.store.repos.cycleRuns.start({
      runKey: `${request.trigger}|${request.step}|${periodKey(request.month)}|${now.toISOString()}|${instance}`,
      step: request.step, period: periodKey(request.month), trigger: request.trigger, instance, at: now,
    });
    const outcome = await this.run(request, onProgress);
    if (run) await this.store.repos.cycleRuns.finish(run.id, this.clock.now(), outcome);
    return outcome;
  }

  async run(request: StepRequest, onProgress: OnRecording = ignoreProgress): Promise<StepOutcome> {
    const outcome = await this.runStep(request, onProgress);
    if (outcome.queued > 0) this.onQueued();
    return outcome;
  }

  private runStep(request: StepRequest, onProgress: OnRecording): Promise<StepOutcome> {
    switch (request.step) {
      case 'open':
        return this.open(request, onProgress);
      case 'remind':
        return this.remind(request, onProgress);
      case 'escalate':
        return this.escalate(request, onProgress);
      case 'close':
        return this.close(request, onProgress);
    }
  }

  /**
   * Opens the month's periods for entry and sends each owner (or delegate) their entry card. The
   * periods open first (audited), so owners can enter figures while later prompts are still being
   * prepared; the prompts are then recorded in batches as they are prepared.
   */
  private async open(request: StepRequest, onProgress: OnRecording): Promise<StepOutcome> {
    const now = this.clock.now();
    const schedule = this.schedule(request.month);
    const audience = new Audience(this.store.repos);
    const unreachable = new Set<string>();
    const toOpen: Period[] = [];
    const due: { period: Period; recipients: Reachable[] }[] = [];
    const register = await this.store.repos.indicators.active();
    for (const period of periodsCollectedIn(request.month, register)) {
      const ownCycle = schedule.periods.some((p) => periodsEqual(p, period));
      if (ownCycle) {
        const window = await this.store.repos.periods.find(periodKey(period));
        if (window?.closedAt) continue; // closed already: opening again is the performance team's call
        if (!window?.openedAt) toOpen.push(period);
      }
      // A lagged figure's period closed long ago; it is collected in this month's window (reporting-lag.ts).
      const indicators = register.filter((i) => isCollectedIn(request.month, i, period));
      if (indicators.length === 0) continue;
      const recipients = await this.recipientsFor(indicators, audience, unreachable);
      due.push({ period, recipients: [...recipients.values()] });
    }
    await this.openWindows(request, schedule, toOpen, now);
    const batches = this.batches(due.reduce((sum, d) => sum + d.recipients.length, 0), onProgress);
    for (const { period, recipients } of due) {
      // Cards are built for a first recipient alone, so the first prompt goes at once, then for a
      // hundred at a time, each hundred from one read of the register (EntryService.cardsFor).
      for (const chunk of chunks(recipients, [1, PROMPT_CHUNK])) {
        const views = await this.entry.cardsFor(
          chunk.map((r) => ({ personId: r.person.id, name: r.person.displayName, teamsUserId: r.conversation.teamsUserId, isAdmin: false })),
          periodKey(period),
        );
        for (const [i, reachable] of chunk.entries()) {
          const view = views[i]!;
          if (view.rows.length === 0) {
            await batches.add(null);
            continue;
          }
          const late = lateNote(period, schedule);
          const card = buildEntryCard({ ...view, state: 'OPEN', banner: { tone: 'default', text: `Please submit by ${formatUkLongDateTime(schedule.deadline)}${late}.` } });
          await batches.add(this.message('prompt', reachable, period, cardMessage(card, `Your ${label(period)} performance figures are due by ${formatUkLongDateTime(schedule.deadline)}${late}.`)));
        }
      }
    }
    return this.recorded(request, schedule, batches, [...unreachable]);
  }

  /** Opens the periods for entry, with their deadline, and audits it, in one transaction. */
  private async openWindows(request: StepRequest, schedule: MonthSchedule, periods: readonly Period[], now: Date): Promise<void> {
    if (periods.length === 0) return;
    await this.store.transaction(async (repos) => {
      for (const period of periods) {
        await repos.periods.save({ period: periodKey(period), openedAt: now, deadline: schedule.deadline, closedAt: null });
      }
      await repos.audit.record({
        actorId: request.actorId ?? null, actorLabel: request.actor, action: 'period.opened', entityType: 'Period',
        entityId: periodKey(request.month), after: { trigger: request.trigger, periods: periods.map(periodKey), deadline: schedule.deadline.toISOString() },
      });
    });
  }

  /** Reminds only those with something still outstanding, naming what. */
  private async remind(request: StepRequest, onProgress: OnRecording): Promise<StepOutcome> {
    const schedule = this.schedule(request.month);
    const audience = new Audience(this.store.repos);
    const messages: NewOutboxMessage[] = [];
    const unreachable = new Set<string>();
    for (const { period, owed } of await this.outstanding(request.month)) {
      const open = owed.filter((o) => o.windowOpen);
      const whatOf = new Map(open.map((o) => [o.status.indicator.id, o]));
      const byRecipient = await this.groupByRecipient(open.map((o) => o.status), audience, unreachable);
      for (const { reachable, statuses } of byRecipient.values()) {
        const card = buildOutstandingCard({
          personName: reachable.person.displayName,
          periodLabel: label(period),
          items: statuses.map((s) => ({
            code: s.indicator.code, title: s.indicator.title, tone: 'warning' as const,
            periodLabel: `${periodShortLabel(period)}${s.indicator.lagMonths > 0 ? ` (reported ${lagText(s.indicator.lagMonths)})` : ''}`,
            what: owedText(whatOf.get(s.indicator.id)!, schedule.deadline),
          })),
        });
        const round = request.trigger === 'scheduled' ? `remind-${request.round ?? 1}` : 'remind-on-demand';
        const text = `Reminder: ${statuses.map((s) => `${s.indicator.code}${whatOf.get(s.indicator.id)!.valueMissing ? '' : ' (narrative)'}`).join(', ')} for ${label(period)} ${statuses.length === 1 ? 'is' : 'are'} still due.`;
        messages.push(this.message(round, reachable, period, cardMessage(card, text)));
      }
    }
    return this.record(request, schedule, messages, [...unreachable], onProgress);
  }

  /** Tells the verifier (then the director) who is late with what. */
  private async escalate(request: StepRequest, onProgress: OnRecording): Promise<StepOutcome> {
    const schedule = this.schedule(request.month);
    const levels: EscalationLevel[] = request.level ? [request.level] : ['verifier', 'director'];
    const audience = new Audience(this.store.repos);
    const messages: NewOutboxMessage[] = [];
    const unreachable = new Set<string>();
    for (const { period, owed, statuses: collected } of await this.outstanding(request.month)) {
      // #16: the verifier is also told of the figures in but still awaiting their verification.
      if (levels.includes('verifier')) messages.push(...(await this.awaitingVerification(audience, period, collected, schedule, unreachable)));
      // Escalated: values still missing, and narratives owed once the deadline has passed.
      const chased = owed.filter((o) => o.windowOpen && (o.valueMissing || o.narrative === 'owed'));
      const narrativeOnly = new Set(chased.filter((o) => !o.valueMissing).map((o) => o.status.indicator.id));
      const late = chased.map((o) => o.status);
      await audience.preload(late.flatMap((s) => [s.indicator.ownerId, s.indicator.verifierId ?? [], s.indicator.directorId ?? []].flat()));
      for (const level of levels) {
        const byPerson = new Map<string, IndicatorStatus[]>();
        for (const s of late) {
          const to = level === 'verifier' ? s.indicator.verifierId : s.indicator.directorId;
          if (to) byPerson.set(to, [...(byPerson.get(to) ?? []), s]);
        }
        for (const [personId, statuses] of byPerson) {
          const reachable = await audience.reach(personId);
          if (!reachable) {
            unreachable.add((await audience.person(personId))?.displayName ?? personId);
            continue;
          }
          const lines: string[] = [];
          for (const s of statuses) {
            const owes = narrativeOnly.has(s.indicator.id) ? ' (narrative owed)' : '';
            lines.push(`- ${s.indicator.code} ${s.indicator.title}${owes}: ${(await audience.person(s.indicator.ownerId))?.displayName ?? 'owner unknown'}`);
          }
          const text =
            `**Late ${label(period)} figures** (the deadline was ${formatUkLongDateTime(schedule.deadline)}). ` +
            `As ${level === 'verifier' ? 'their verifier' : 'director'}, please follow up:\n\n${lines.join('\n')}`;
          messages.push(this.message(`escalate-${level}`, reachable, period, { type: 'message', text, textFormat: 'markdown' }));
        }
      }
    }
    return this.record(request, schedule, messages, [...unreachable], onProgress);
  }

  /** One message to each verifier with figures of the period in and awaiting their verification. */
  private async awaitingVerification(
    audience: Audience, period: Period, statuses: readonly IndicatorStatus[], schedule: MonthSchedule, unreachable: Set<string>,
  ): Promise<NewOutboxMessage[]> {
    const awaiting = (await verificationStates(this.store.repos, statuses)).filter((f) => f.state === 'AWAITING');
    const byVerifier = new Map<string, IndicatorStatus[]>();
    for (const f of awaiting) byVerifier.set(f.verifierId, [...(byVerifier.get(f.verifierId) ?? []), f.status]);
    await audience.preload([...byVerifier.keys()]);
    const messages: NewOutboxMessage[] = [];
    for (const [verifierId, figures] of byVerifier) {
      const reachable = await audience.reach(verifierId);
      if (!reachable) {
        unreachable.add((await audience.person(verifierId))?.displayName ?? verifierId);
        continue;
      }
      const lines = figures.map((s) => `- ${s.indicator.code} ${s.indicator.title}`);
      const text = `**${label(period)} figures awaiting your verification** (the deadline was ${formatUkLongDateTime(schedule.deadline)}):\n\n${lines.join('\n')}\n\nSend "verify" to verify or query them.`;
      messages.push(this.message('escalate-verify', reachable, period, { type: 'message', text, textFormat: 'markdown' }));
    }
    return messages;
  }

  /** Each period closing now: its data-quality card, as it stands at the close, to each of the performance team (#16). */
  private async dataQualityCards(closing: readonly Period[], now: Date): Promise<{ messages: NewOutboxMessage[]; unreachable: string[] }> {
    const team = (await this.settings.performanceTeamIds?.()) ?? [];
    const messages: NewOutboxMessage[] = [];
    const unreachable: string[] = [];
    if (team.length === 0) return { messages, unreachable };
    const audience = new Audience(this.store.repos);
    await audience.preload(team);
    for (const period of closing) {
      const report = await loadDataQuality(this.store, period);
      const window = report.window ? { ...report.window, closedAt: now } : null;
      const view = buildDataQualityView({ ...report, window }, this.settings.teamsAppId ? dataQualityPageDeepLink(this.settings.teamsAppId) : null);
      const text = `Data quality for ${view.periodLabel}, as it closed: ${view.overall.completenessText} in by the deadline.`;
      for (const personId of team) {
        const reachable = await audience.reach(personId);
        if (reachable) messages.push(this.message('data-quality', reachable, period, cardMessage(buildDataQualityCard(view), text)));
        else unreachable.push((await audience.person(personId))?.displayName ?? personId);
      }
    }
    return { messages, unreachable: [...new Set(unreachable)] };
  }

  /** Stops entry (but by admins) and records what is still missing, which now rates Missing. */
  private async close(request: StepRequest, onProgress: OnRecording): Promise<StepOutcome> {
    const now = this.clock.now();
    const schedule = this.schedule(request.month);
    const closing: Period[] = [];
    const missing: string[] = [];
    const closedAlready = new Set<string>();
    for (const period of schedule.periods) {
      const window = await this.store.repos.periods.find(periodKey(period));
      if (window?.closedAt) closedAlready.add(periodKey(period));
      else closing.push(period);
    }
    // Missing: what this cycle collects (lagged figures included, per reporting-lag.ts) and did not get;
    // never verified: figures in whose named verifier had not verified them by the close (#16).
    const unverified: string[] = [];
    for (const { period, owed, statuses } of await this.outstanding(request.month)) {
      if (!closedAlready.has(periodKey(period))) {
        for (const f of await verificationStates(this.store.repos, statuses)) {
          if (f.state !== 'VERIFIED') unverified.push(`${f.status.indicator.code} ${periodKey(period)}${f.state === 'QUERIED' ? ' (queried)' : ''}`);
        }
      }
      for (const o of owed) {
        if (!o.valueMissing || closedAlready.has(periodKey(deadlinePeriodOf(o.period, o.status.indicator.lagMonths)))) continue;
        missing.push(`${o.status.indicator.code} ${periodKey(o.period)}`);
      }
    }
    const qualityCards = await this.dataQualityCards(closing, now);
    const outcome = await this.record(request, schedule, qualityCards.messages, qualityCards.unreachable, onProgress, async (repos) => {
      for (const period of closing) {
        const window = await repos.periods.find(periodKey(period));
        await repos.periods.save({
          period: periodKey(period), openedAt: window?.openedAt ?? now, deadline: window?.deadline ?? schedule.deadline, closedAt: now,
        });
      }
      if (closing.length > 0) {
        await repos.audit.record({
          actorId: request.actorId ?? null, actorLabel: request.actor, action: 'period.closed', entityType: 'Period',
          entityId: periodKey(request.month), after: { periods: closing.map(periodKey), missing, unverified },
        });
      }
    });
    return { ...outcome, closed: closing.map(periodKey), missing, unverified };
  }

  /** Records the step's messages (in batches), then `alsoWrite` and the step's audit in one transaction. */
  private async record(
    request: StepRequest,
    schedule: MonthSchedule,
    messages: NewOutboxMessage[],
    unreachable: string[],
    onProgress: OnRecording,
    alsoWrite: (repos: Store['repos']) => Promise<void> = async () => {},
  ): Promise<StepOutcome> {
    const batches = this.batches(messages.length, onProgress);
    for (const message of messages) await batches.add(message);
    return this.recorded(request, schedule, batches, unreachable, alsoWrite);
  }

  /** Records what the batches still hold, then `alsoWrite` and the step's audit (with its counts) in one transaction. */
  private async recorded(
    request: StepRequest,
    schedule: MonthSchedule,
    batches: OutboxBatches,
    unreachable: string[],
    alsoWrite: (repos: Store['repos']) => Promise<void> = async () => {},
  ): Promise<StepOutcome> {
    await batches.flush();
    const queued = batches.queued;
    const offered = batches.offered;
    await this.store.transaction(async (repos) => {
      await alsoWrite(repos as Store['repos']);
      await repos.audit.record({
        actorId: request.actorId ?? null, actorLabel: request.actor, action: `cycle.${request.step}`, entityType: 'Period',
        entityId: periodKey(request.month), after: { trigger: request.trigger, queued, alreadyQueued: offered - queued, unreachable },
      });
    });
    return {
      step: request.step, month: periodKey(request.month), periods: schedule.periods.map(periodKey),
      queued, alreadyQueued: offered - queued, unreachable: unreachable.sort(),
    };
  }

  private batches(toRecord: number, onProgress: OnRecording): OutboxBatches {
    return new OutboxBatches(this.store, this.clock, toRecord, this.onQueued, onProgress, this.settings.batchSize);
  }

  private message(purpose: string, to: Reachable, period: Period, activity: object): NewOutboxMessage {
    return messageTo(to, { purpose, dedupeKey: `${purpose}|${to.person.id}|${periodKey(period)}`, period: periodKey(period) }, activity);
  }

  private outstanding(month: MonthPeriod): Promise<CollectedPeriod[]> {
    return figuresOutstanding(this.store, month, this.clock.now(), this.settings.defaultTolerance);
  }

  private async recipientsFor(indicators: IndicatorRecord[], audience: Audience, unreachable: Set<string>): Promise<Map<string, Reachable>> {
    await audience.preload(indicators.flatMap((i) => [i.ownerId, ...i.delegateIds]));
    const recipients = new Map<string, Reachable>();
    for (const indicator of indicators) {
      const reached = await audience.forIndicator(indicator);
      if (reached.length === 0) unreachable.add((await audience.person(indicator.ownerId))?.displayName ?? indicator.ownerId);
      for (const r of reached) recipients.set(r.person.id, r);
    }
    return recipients;
  }

  private async groupByRecipient(statuses: IndicatorStatus[], audience: Audience, unreachable: Set<string>) {
    await audience.preload(statuses.flatMap((s) => [s.indicator.ownerId, ...s.indicator.delegateIds]));
    const groups = new Map<string, { reachable: Reachable; statuses: IndicatorStatus[] }>();
    for (const s of statuses) {
      const reached = await audience.forIndicator(s.indicator);
      if (reached.length === 0) unreachable.add((await audience.person(s.indicator.ownerId))?.displayName ?? s.indicator.ownerId);
      for (const r of reached) {
        const group = groups.get(r.person.id) ?? { reachable: r, statuses: [] };
        group.statuses.push(s);
        groups.set(r.person.id, group);
      }
    }
    return groups;
  }
}

/** How many owners' prompt cards are built from one read of the register. */
const PROMPT_CHUNK = 100;

/** The items in chunks of the given sizes, the last size repeating. */
function chunks<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let k = 0; at < items.length; k++) {
    const size = sizes[Math.min(k, sizes.length - 1)]!;
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

const label = (period: Period) => periodLabel(period).split(' (')[0]!;

/** ", for Q1 2026/27 (reported a quarter late)" on prompts for a period that is not the cycle's own. */
function lateNote(period: Period, schedule: MonthSchedule): string {
  return schedule.periods.some((p) => periodsEqual(p, period)) ? '' : ` (${lagNote(period, monthsLate(period, schedule.month))})`;
}

function monthsLate(period: Period, month: MonthPeriod): number {
  const last = lastMonthOf(period);
  return (month.year - last.year) * 12 + (month.month - last.month);
}

/** What a reminder says is outstanding: the value, or the narrative a red or amber value needs. */
function owedText(owed: FigureOwed, deadline: Date): string {
  if (owed.valueMissing) return `Value due by ${formatUkDateTime(deadline)}`;
  return owed.narrative === 'owed'
    ? `Narrative owed for the ${owed.status.status.toLowerCase()} figure (the deadline was ${formatUkDateTime(deadline)})`
    : `Narrative needed for the ${owed.status.status.toLowerCase()} figure by ${formatUkDateTime(deadline)}`;
}
