/**
 * Action plans for red indicators (and ambers when the Board asks): the owner's plan card, its
 * submission in versions and the director's decision from the approval card. The follow-up of
 * overdue actions (overdue-actions.ts) and the director's answer to a missed recovery month
 * (recovery-decisions.ts) are their own use cases, reached through this facade.
 *
 * Every change is one transaction with its audit entry and the messages it causes (the approval
 * card to the director and into the thread, the owner's notice, the thread's refreshed first
 * message), so a crash leaves either all of it or none. Decisions are claimed with a conditional
 * update: of two racing decisions one wins and the other is shown the outcome. Repeating an action
 * (Teams retrying an invoke) changes nothing.
 */
import type { Store, Repositories } from '../../db/store';
import type { Clock } from '../../clock';
import type { NewOutboxMessage } from '../../db/repositories/outbox-repository';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { PersonRecord } from '../../db/repositories/people-repository';
import type { PlanVersionRecord } from '../../db/repositories/action-plan-repository';
import type { Tolerance } from '../../domain/types';
import { mayDecidePlan, validatePlan, type PlanSubmissionInput } from '../../domain/action-plan';
import { parsePeriod, periodKey, periodLabel, previousPeriod } from '../../domain/periods';
import { currentMonth } from '../../domain/periods-today';
import { periodAsAt } from '../scorecard/as-at';
import { cardMessage } from '../../cards/card-message';
import { buildApprovalCard, buildPlanCard } from '../../cards/board';
import type { ApprovalCardView, OverdueReminderView, PlanCardView } from '../../cards/board/board-view-models';
import { PLAN_ACTION_DESCRIPTION_MAX_LENGTH, DECISION_COMMENT_MAX_LENGTH } from '../../cards/board/board-contract';
import { Audience, messageTo } from '../cycle/cycle-audience';
import { loadPlanContext, planContextsFor, type PlanContext } from './plan-context';
import type { IndicatorStatus } from '../register-status';
import { approvalCardView, planCardView } from './plan-views';
import { ThreadUpdates } from './thread-updates';
import { RecoveryDecisions, type RecoveryDecisionInput } from './recovery-decisions';
import { OverdueActions, OVERDUE_PURPOSE } from './overdue-actions';
import { ExceptionClosing } from './exception-closing';
import type { RecoveryCheckView } from '../../cards/board/board-view-models';
import { ukTodayKey } from './uk-today';
import { clip } from '../../domain/typed-text';

export interface PlanActor {
  readonly person: PersonRecord;
  readonly isAdmin: boolean;
}

import { PlanCommandError } from './plan-command-error';

export { PlanCommandError };

export const PLAN_PURPOSES = {
  request: 'plan-request',
  approval: 'plan-approval',
  decision: 'plan-decision',
  overdue: OVERDUE_PURPOSE,
} as const;

export class ActionPlanService {
  private readonly threads: ThreadUpdates;
  private readonly recovery: RecoveryDecisions;
  private readonly overdue: OverdueActions;
  private readonly closing: ExceptionClosing;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: { readonly defaultTolerance: Tolerance; readonly adminIds: () => Promise<readonly string[]> },
    private readonly onQueued: () => void = () => {},
  ) {
    this.threads = new ThreadUpdates(store, settings);
    this.recovery = new RecoveryDecisions(store, clock, settings, this, onQueued);
    this.overdue = new OverdueActions(store, clock, onQueued);
    this.closing = new ExceptionClosing(store, clock, onQueued);
  }

  /** The director closes an exception before it is green (see exception-closing.ts). */
  closeException(actor: PlanActor, exceptionId: string): Promise<string> {
    return this.closing.close(actor, exceptionId);
  }

  /** The director's answer to "not recovered as expected" (see recovery-decisions.ts). */
  decideRecovery(actor: PlanActor, input: RecoveryDecisionInput): Promise<RecoveryCheckView> {
    return this.recovery.decide(actor, input);
  }

  // ------------------------------------------------------------------------------------------
  // Asking for plans

  /**
   * The plan cards to send when plans are asked for these indicators (reds, from the digest), for
   * those with no version yet: prepared outside the transaction that records them (`recordRequests`).
   */
  async prepareRequests(statuses: readonly IndicatorStatus[]): Promise<PreparedRequest[]> {
    const today = this.today();
    return (await planContextsFor(this.store, statuses))
      .filter((context) => !context.plan || context.plan.versions.length === 0)
      .map((context) => ({ indicator: context.indicator, period: context.status.period, card: planCardView(context, today) }));
  }

  /** Records the plans asked for and queues each owner's plan card; returns how many were queued. */
  async recordRequests(
    repos: Repositories, prepared: readonly PreparedRequest[], by: string, exceptionIds: ReadonlyMap<string, string> = new Map(),
  ): Promise<{ queued: number; unreachable: string[] }> {
    const audience = new Audience(repos);
    const messages: NewOutboxMessage[] = [];
    const unreachable = new Set<string>();
    // A plan asked for from a thread's button belongs to the indicator's open exception too.
    const unlinked = prepared.filter((request) => !exceptionIds.has(request.indicator.id)).map((request) => request.indicator.id);
    const linked = new Map([...exceptionIds, ...(await repos.exceptions.openFor(unlinked)).map((e) => [e.indicatorId, e.id] as const)]);
    await repos.actionPlans.requestMany(prepared.map((request) => ({
      indicatorId: request.indicator.id, period: request.period, ownerId: request.indicator.ownerId, requestedAt: this.clock.now(), requestedBy: by,
      exceptionId: linked.get(request.indicator.id) ?? null,
    })));
    await audience.preload(prepared.flatMap((request) => [request.indicator.ownerId, ...request.indicator.delegateIds]));
    for (const request of prepared) {
      const reached = await audience.forIndicator(request.indicator);
      if (reached.length === 0) unreachable.add((await audience.person(request.indicator.ownerId))?.displayName ?? request.indicator.ownerId);
      const text = `${request.indicator.code} is ${request.card.status === 'RED' ? 'red' : 'amber'} for ${request.card.periodLabel}: please submit an action plan.`;
      for (const to of reached) {
        messages.push(messageTo(to, { purpose: PLAN_PURPOSES.request, dedupeKey: `${PLAN_PURPOSES.request}|${request.indicator.id}|${request.period}|${to.person.id}`, period: request.period }, cardMessage(buildPlanCard(request.card), text)));
      }
    }
    return { queued: await repos.outbox.enqueue(messages, this.clock.now()), unreachable: [...unreachable].sort() };
  }

  /** The Board asks for a plan for an amber (from the thread's button): its director or an admin. */
  async requestForAmber(actor: PlanActor, indicatorId: string, period: string): Promise<string> {
    const context = await this.requireContext(indicatorId, period);
    if (!mayDecidePlan(actor.person.id, context.indicator.directorId, actor.isAdmin)) {
      await this.audit(this.store.repos, actor, 'plan.request.refused', context, {});
      return `Only ${this.directorName(context)} or the performance team can ask for an action plan for ${context.indicator.code}.`;
    }
    if (context.plan) return `An action plan for ${context.indicator.code} has already been asked for.`;
    const [prepared, thread] = await Promise.all([this.prepareRequests([context.status]), this.threads.prepare(indicatorId, period, this.clock.now())]);
    const queued = await this.store.transaction(async (repos) => {
      const result = await this.recordRequests(repos, prepared, actor.person.displayName);
      const updates = await this.threads.rootUpdate(repos, thread, 'REQUESTED', 'requested');
      await repos.outbox.enqueue(updates, this.clock.now());
      await this.audit(repos, actor, 'plan.requested', context, { status: context.status.status });
      return result.queued + updates.length;
    });
    if (queued > 0) this.onQueued();
    return `Asked ${context.names.get(context.indicator.ownerId) ?? 'the owner'} for an action plan for ${context.indicator.code}.`;
  }

  // ------------------------------------------------------------------------------------------
  // The owner's plan card

  /** The plan card for an indicator the person owns or covers (or any, for an admin). */
  async planCard(actor: PlanActor, indicatorId: string, period: string): Promise<PlanCardView> {
    const context = await this.requireContext(indicatorId, period);
    this.requireOwner(actor, context);
    if (!context.plan && context.status.status !== 'RED' && context.status.status !== 'AMBER') {
      throw new PlanCommandError(`${context.indicator.code} is not red or amber for ${periodLabelOf(context)}: no action plan is needed.`);
    }
    return planCardView(context, this.today());
  }

  /**
   * "plan SRV01 [period]": without a period, the indicator's latest period reported (as at last
   * month, as the digest shows it).
   */
  async planCardForCode(actor: PlanActor, code: string, periodText: string | null): Promise<PlanCardView> {
    const indicator = await this.store.repos.indicators.findByCode(code.toUpperCase());
    if (!indicator || !indicator.active) throw new PlanCommandError(`There is no indicator "${code}". Type "my indicators" to see yours.`);
    let period: string;
    if (periodText) {
      const parsed = parsePeriod(periodText);
      if (!parsed.ok) throw new PlanCommandError(parsed.error);
      period = periodKey(parsed.value);
    } else {
      period = periodKey(periodAsAt(previousPeriod(currentMonth(this.clock.now())), indicator.frequency));
    }
    return this.planCard(actor, indicator.id, period);
  }

  /** The owner submits the plan as typed on the card (read from the card's inputs by the bot). */
  async submit(actor: PlanActor, indicatorId: string, period: string, typed: PlanSubmissionInput): Promise<PlanCardView> {
    const context = await this.requireContext(indicatorId, period);
    this.requireOwner(actor, context);
    const latest = context.plan?.versions.at(-1) ?? null;
    if (latest?.state === 'SUBMITTED') return planCardView(context, this.today(), { banner: { tone: 'default', text: `Version ${latest.version} is with ${this.directorName(context)} for a decision: nothing changed.` } });
    if (latest?.state === 'APPROVED') return planCardView(context, this.today(), { banner: { tone: 'good', text: 'This plan is approved: nothing changed.' } });
    if (!context.plan && context.status.status !== 'RED' && context.status.status !== 'AMBER') {
      throw new PlanCommandError(`${context.indicator.code} is not red or amber for ${periodLabelOf(context)}: no action plan is needed.`);
    }

    const validation = validatePlan(typed, {
      leadIds: new Set(context.leadChoices.map((c) => c.value)), recoveryPeriods: context.recoveryChoices.map((c) => c.value),
      today: this.today(), maxDescriptionLength: PLAN_ACTION_DESCRIPTION_MAX_LENGTH,
    });
    if (!validation.ok) {
      const count = validation.errors.rows.filter(Boolean).length + (validation.errors.expectedRecovery ? 1 : 0) + (validation.errors.likelySufficient ? 1 : 0);
      return planCardView(context, this.today(), {
        typed, errors: validation.errors,
        banner: { tone: 'attention', text: validation.errors.form ?? `Nothing was submitted: fix the ${count === 1 ? 'problem' : `${count} problems`} shown below.` },
      });
    }

    const now = this.clock.now();
    const thread = await this.threads.prepare(indicatorId, context.status.period, now);
    const refreshUserIds = await this.deciderIds(context);
    const nextVersion = (latest?.version ?? 0) + 1;
    try {
      await this.store.transaction(async (repos) => {
        const { plan } = await repos.actionPlans.request({ indicatorId, period: context.status.period, ownerId: context.indicator.ownerId, requestedAt: now, requestedBy: actor.person.displayName });
        const version = await repos.actionPlans.addVersion({
          planId: plan.id, version: nextVersion, expectedRecovery: validation.plan.expectedRecovery, likelySufficient: validation.plan.likelySufficient,
          submittedById: actor.person.id, submittedAt: now,
          actions: validation.plan.actions.map((a) => ({ leadId: a.leadId, dueDate: new Date(`${a.dueDate}T00:00:00Z`), description: a.description })),
        });
        const after = { ...context, plan: { ...plan, versions: [...plan.versions, version] } };
        const approval = cardMessage(buildApprovalCard(approvalCardView(after, version, { canDecide: false, refreshUserIds }, this.today())), `${context.indicator.code}: action plan version ${nextVersion} for your approval.`);
        const messages: NewOutboxMessage[] = [];
        const director = context.indicator.directorId ? await new Audience(repos).reach(context.indicator.directorId) : null;
        if (director) messages.push(messageTo(director, { purpose: PLAN_PURPOSES.approval, dedupeKey: approvalKey(version.id, 'director'), period: context.status.period }, approval));
        messages.push(...(await this.threads.postInThread(repos, indicatorId, context.status.period, approvalKey(version.id, 'thread'), approval as unknown as Record<string, unknown>)));
        messages.push(...(await this.threads.rootUpdate(repos, thread, 'SUBMITTED', `submitted-${nextVersion}`)));
        await repos.outbox.enqueue(messages, now);
        await this.audit(repos, actor, 'plan.submitted', context, { planId: plan.id, version: nextVersion, actions: validation.plan.actions.length, expectedRecovery: validation.plan.expectedRecovery, likelySufficient: validation.plan.likelySufficient });
      });
    } catch (error) {
      // Two submissions racing for the same version number: the other one won; show where it stands.
      if ((error as { code?: string }).code !== 'P2002') throw error;
    }
    this.onQueued();
    const fresh = await this.requireContext(indicatorId, period);
    const mine = fresh.plan?.versions.at(-1);
    return planCardView(fresh, this.today(), {
      banner: mine?.state === 'SUBMITTED' ? { tone: 'good', text: `Version ${mine.version} submitted to ${this.directorName(fresh)} for approval.` } : null,
    });
  }

  // ------------------------------------------------------------------------------------------
  // The director's decision

  /** The approval card as this viewer should see it (Universal Actions' refresh). */
  async approvalCard(actor: PlanActor, planId: string, version: number): Promise<ApprovalCardView> {
    const { context, record } = await this.requireVersion(planId, version);
    const canDecide = mayDecidePlan(actor.person.id, context.indicator.directorId, actor.isAdmin);
    return approvalCardView(context, record, { canDecide, refreshUserIds: await this.deciderIds(context) }, this.today());
  }

  async decide(actor: PlanActor, planId: string, version: number, decision: string, typedComment: string): Promise<ApprovalCardView> {
    const { context, record } = await this.requireVersion(planId, version);
    const refreshUserIds = await this.deciderIds(context);
    const today = this.today();
    if (!mayDecidePlan(actor.person.id, context.indicator.directorId, actor.isAdmin)) {
      await this.audit(this.store.repos, actor, 'plan.decision.refused', context, { planId, version, decision });
      return approvalCardView(context, record, {
        canDecide: false, refreshUserIds,
        banner: { tone: 'attention', text: `Only ${this.directorName(context)} (the director) or the performance team can decide this plan. Nothing was changed.` },
      }, today);
    }
    const latest = context.plan!.versions.at(-1)!;
    if (record.state !== 'SUBMITTED' || latest.version !== record.version) {
      return approvalCardView(context, record, { canDecide: true, refreshUserIds, banner: { tone: 'default', text: 'This version has already been decided or replaced: nothing changed.' } }, today);
    }
    if (decision !== 'approve' && decision !== 'sendBack') throw new PlanCommandError('That decision is not one I know: choose Approve or Send back.');
    const comment = typedComment.trim();
    if (decision === 'sendBack' && !comment) {
      return approvalCardView(context, record, { canDecide: true, refreshUserIds, comment, commentError: 'Say what needs to change, so the owner can revise the plan.' }, today);
    }
    if (comment.length > DECISION_COMMENT_MAX_LENGTH) {
      return approvalCardView(context, record, { canDecide: true, refreshUserIds, comment: clip(comment, DECISION_COMMENT_MAX_LENGTH), commentError: `Shorten the comment to ${DECISION_COMMENT_MAX_LENGTH} characters (it has ${comment.length}).` }, today);
    }

    const now = this.clock.now();
    const state = decision === 'approve' ? 'APPROVED' : 'SENT_BACK';
    const decided: PlanVersionRecord = { ...record, state, decidedById: actor.person.id, decidedAt: now, decisionComment: comment || null };
    const names = new Map(context.names).set(actor.person.id, actor.person.displayName);
    const after: PlanContext = { ...context, names, plan: { ...context.plan!, versions: context.plan!.versions.map((v) => (v.id === record.id ? decided : v)) } };
    const thread = await this.threads.prepare(context.indicator.id, context.status.period, now);
    const decidedCard = cardMessage(buildApprovalCard(approvalCardView(after, decided, { canDecide: false, refreshUserIds }, today)));
    const ownerCard = cardMessage(buildPlanCard(planCardView(after, today)), ownerNotice(after, decided, actor));
    const threadNote = { type: 'message', textFormat: 'markdown', text: threadNotice(after, decided, actor) };

    const won = await this.store.transaction(async (repos) => {
      if (!(await repos.actionPlans.decide(record.id, { state, decidedById: actor.person.id, decidedAt: now, comment: comment || null }))) return false;
      const messages: NewOutboxMessage[] = [];
      // Every copy of the approval card shows the decision: rewritten if not yet sent, else updated.
      for (const where of ['director', 'thread'] as const) {
        const copy = await repos.outbox.findByDedupeKey(approvalKey(record.id, where));
        if (!copy || (await repos.outbox.replaceUnsentActivity(copy.id, decidedCard as unknown as Record<string, unknown>))) continue;
        messages.push({ ...copyAddress(copy), dedupeKey: `${PLAN_PURPOSES.decision}|${record.id}|update-${where}`, purpose: PLAN_PURPOSES.decision, activity: decidedCard as unknown as Record<string, unknown>, replacesOutboxId: copy.id });
      }
      for (const to of await new Audience(repos).forIndicator(context.indicator)) {
        messages.push(messageTo(to, { purpose: PLAN_PURPOSES.decision, dedupeKey: `${PLAN_PURPOSES.decision}|${record.id}|owner-${to.person.id}`, period: context.status.period }, ownerCard));
      }
      messages.push(...(await this.threads.postInThread(repos, context.indicator.id, context.status.period, `${PLAN_PURPOSES.decision}|${record.id}|thread`, threadNote)));
      messages.push(...(await this.threads.rootUpdate(repos, thread, state, `${state.toLowerCase()}-${record.version}`)));
      await repos.outbox.enqueue(messages, now);
      await this.audit(repos, actor, state === 'APPROVED' ? 'plan.approved' : 'plan.sentBack', context, { planId, version, comment: comment || null });
      return true;
    });
    if (won) this.onQueued();
    const fresh = await this.requireVersion(planId, version);
    return approvalCardView(fresh.context, fresh.record, {
      canDecide: true, refreshUserIds,
      banner: won ? { tone: 'good', text: state === 'APPROVED' ? `Approved. ${ownerName(context)} has been told.` : `Sent back to ${ownerName(context)} with your comment.` } : { tone: 'default', text: 'Someone else decided this version first: here is their decision.' },
    }, today);
  }

  // ------------------------------------------------------------------------------------------
  // Following up (overdue-actions.ts)

  /** Reminds each lead of their overdue actions, once per action and due date. */
  remindOverdue(): Promise<{ queued: number; unreachable: string[] }> {
    return this.overdue.remind();
  }

  /** The lead (or the owner, or an admin) marks an action done from the reminder. */
  completeAction(actor: PlanActor, actionId: string): Promise<OverdueReminderView> {
    return this.overdue.complete(actor, actionId);
  }

  // ------------------------------------------------------------------------------------------

  private today(): string {
    return ukTodayKey(this.clock.now());
  }

  private context(indicatorId: string, period: string): Promise<PlanContext | null> {
    return loadPlanContext(this.store, indicatorId, period, this.clock.now(), this.settings.defaultTolerance);
  }

  private async requireContext(indicatorId: string, period: string): Promise<PlanContext> {
    const context = await this.context(indicatorId, period);
    if (!context) throw new PlanCommandError('That indicator or period is not in the register any more. Type "my indicators" to see yours.');
    return context;
  }

  private async requireVersion(planId: string, version: number): Promise<{ context: PlanContext; record: PlanVersionRecord }> {
    const plan = await this.store.repos.actionPlans.findById(planId);
    const record = plan?.versions.find((v) => v.version === Number(version));
    if (!plan || !record) throw new PlanCommandError('That action plan is not recorded: the card may be from another system.');
    return { context: await this.requireContext(plan.indicatorId, plan.period), record };
  }

  private requireOwner(actor: PlanActor, context: PlanContext): void {
    const { indicator } = context;
    if (actor.isAdmin || actor.person.id === indicator.ownerId || indicator.delegateIds.includes(actor.person.id)) return;
    throw new PlanCommandError(`Only ${ownerName(context)} (the owner of ${indicator.code}) or their delegates can write its action plan.`);
  }

  /** Teams ids of those who get the deciding view of the approval card: the director and the admins. */
  private async deciderIds(context: PlanContext): Promise<string[]> {
    const ids = [...(context.indicator.directorId ? [context.indicator.directorId] : []), ...(await this.settings.adminIds())];
    const personal = await this.store.repos.conversations.personalForPeople([...new Set(ids)]);
    return [...personal.values()].flatMap((c) => (c.teamsUserId ? [c.teamsUserId] : []));
  }

  private directorName(context: PlanContext): string {
    return context.indicator.directorId ? (context.names.get(context.indicator.directorId) ?? 'the director') : 'the performance team';
  }

  /** Every change and every refusal is audited against the indicator, with the period. */
  private async audit(repos: Repositories, actor: PlanActor, action: string, context: PlanContext, after: Record<string, unknown>): Promise<void> {
    await repos.audit.record({
      actorId: actor.person.id, actorLabel: actor.person.displayName, action, entityType: 'Indicator', entityId: context.indicator.id,
      after: { period: context.status.period, ...after },
    });
  }
}

export interface PreparedRequest {
  readonly indicator: IndicatorRecord;
  readonly period: string;
  readonly card: PlanCardView;
}

function approvalKey(versionId: string, where: 'director' | 'thread'): string {
  return `${PLAN_PURPOSES.approval}|${versionId}|${where}`;
}

function copyAddress(copy: { recipient: string; period: string | null; serviceUrl: string; tenantId: string | null }) {
  return { recipient: copy.recipient, period: copy.period, serviceUrl: copy.serviceUrl, tenantId: copy.tenantId, conversationId: null, teamsUserId: null, channelId: null };
}

function ownerName(context: PlanContext): string {
  return context.names.get(context.indicator.ownerId) ?? 'the owner';
}

function periodLabelOf(context: PlanContext): string {
  return periodLabel(context.period);
}

function ownerNotice(context: PlanContext, version: PlanVersionRecord, actor: PlanActor): string {
  return version.state === 'APPROVED'
    ? `${actor.person.displayName} approved your action plan for ${context.indicator.code} (version ${version.version}).`
    : `${actor.person.displayName} sent back your action plan for ${context.indicator.code} (version ${version.version}): ${version.decisionComment}. Revise it on this card and submit it again.`;
}

function threadNotice(context: PlanContext, version: PlanVersionRecord, actor: PlanActor): string {
  return version.state === 'APPROVED'
    ? `**Action plan approved** for ${context.indicator.code} (version ${version.version}) by ${actor.person.displayName}.`
    : `**Action plan sent back** for ${context.indicator.code} (version ${version.version}) by ${actor.person.displayName}: ${version.decisionComment}`;
}
