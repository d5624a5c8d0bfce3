/**
 * The director's answer to "not recovered as expected": accept a new recovery month, ask the
 * owner for a revised plan, or escalate to the Board. One decision per exception and missed month,
 * claimed with a conditional update (of two racing clicks one wins; the other is shown it). Each
 * decision is said in the exception's thread, in the same transaction as its record and audit.
 */
import type { Repositories, Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { Tolerance } from '../../domain/types';
import type { RecoveryCheckView } from '../../cards/board/board-view-models';
import { RECOVERY_CHOICES, type RecoveryChoice } from '../../cards/board/board-contract';
import { mayDecidePlan } from '../../domain/action-plan';
import { labelOfKey, parsePeriod } from '../../domain/periods';
import { registerStatus, type IndicatorStatus } from '../register-status';
import { promisedRecovery } from './exception-views';
import { recoveryCheckView } from './recovery-views';
import { PlanCommandError } from './plan-command-error';
import { replyInThread } from './thread-updates';
import type { PlanActor, PreparedRequest } from './action-plan-service';

export interface RecoveryDecisionInput {
  readonly exceptionId: string;
  readonly choice: string;
  readonly newDate: string;
}

/** Asking an owner for a plan, as the digest does (ActionPlanService). */
interface PlanRequests {
  prepareRequests(statuses: readonly IndicatorStatus[]): Promise<PreparedRequest[]>;
  recordRequests(repos: Repositories, prepared: readonly PreparedRequest[], by: string, exceptionIds?: ReadonlyMap<string, string>): Promise<{ queued: number }>;
}

export class RecoveryDecisions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: { readonly defaultTolerance: Tolerance },
    private readonly plans: PlanRequests,
    private readonly onQueued: () => void,
  ) {}

  async decide(actor: PlanActor, input: RecoveryDecisionInput): Promise<RecoveryCheckView> {
    const repos = this.store.repos;
    const exception = await repos.exceptions.findById(input.exceptionId);
    const plan = exception ? (await repos.actionPlans.forExceptions([exception.id])).at(-1) ?? null : null;
    const promise = exception ? promisedRecovery(plan, exception) : null;
    const indicator = exception ? await repos.indicators.findById(exception.indicatorId) : null;
    const period = exception ? parsePeriod(exception.lastPeriod) : null;
    if (!exception || !promise || !indicator || !period?.ok) throw new PlanCommandError('That exception is not recorded: the card may be from another system.');
    const [status] = await registerStatus(this.store, { period: period.value, now: this.clock.now(), defaultTolerance: this.settings.defaultTolerance, indicatorIds: [indicator.id] });
    if (!status) throw new PlanCommandError('That indicator is not in the register any more.');
    const people = await repos.people.findByIds([indicator.ownerId, ...(exception.recoveryDecidedById ? [exception.recoveryDecidedById] : [])]);
    const name = (id: string | null) => people.find((p) => p.id === id)?.displayName ?? 'Unknown';
    // The card answers the month it was sent for: after a decision that is the one decided on.
    const missed = exception.recoveryMissed && exception.recoveryDecision === 'newDate' ? exception.recoveryMissed : promise.expectedRecovery;
    const base = { status, exception, promise, ownerName: name(indicator.ownerId), missed };
    if (exception.recoveryMissed === missed) {
      return recoveryCheckView({ ...base, decidedBy: name(exception.recoveryDecidedById), banner: { tone: 'default', text: 'This has already been decided: nothing changed.' } });
    }
    if (!mayDecidePlan(actor.person.id, indicator.directorId, actor.isAdmin)) {
      await repos.audit.record({ actorId: actor.person.id, actorLabel: actor.person.displayName, action: 'recovery.decision.refused', entityType: 'Indicator', entityId: indicator.id, after: { exceptionId: exception.id } });
      return recoveryCheckView({ ...base, decidedBy: null, banner: { tone: 'attention', text: 'Only the indicator\'s director or the performance team can decide this. Nothing was changed.' } });
    }
    if (!(RECOVERY_CHOICES as readonly string[]).includes(input.choice)) throw new PlanCommandError('That choice is not one I know: accept a new date, ask for a revised plan, or escalate.');
    const choice = input.choice as RecoveryChoice;
    const view = recoveryCheckView({ ...base, decidedBy: null });
    const newDate = input.newDate.trim();
    if (choice === 'newDate' && !view.recoveryChoices.some((c) => c.value === newDate)) {
      return recoveryCheckView({
        ...base, decidedBy: null, typedNewDate: newDate || null, newDateError: 'Choose the month it will be back on target by, then accept the new date.',
        banner: { tone: 'attention', text: 'Nothing was changed: choose a new date first.' },
      });
    }

    const now = this.clock.now();
    const revised = choice === 'revisePlan' ? await this.plans.prepareRequests([status]) : [];
    const thread = exception.threadId ? (await repos.board.threadsByIds([exception.threadId]))[0] : undefined;
    const root = thread ? (await repos.outbox.findMany([thread.outboxMessageId]))[0] : undefined;
    const said = threadNotice(choice, actor.person.displayName, indicator.code, missed, newDate);
    const decided = await this.store.transaction(async (tx) => {
      if (!(await tx.exceptions.decideRecovery(exception.id, missed, { choice, recoveryBy: choice === 'newDate' ? newDate : null, byId: actor.person.id, at: now }))) return false;
      if (revised.length > 0) await this.plans.recordRequests(tx, revised, actor.person.displayName, new Map([[indicator.id, exception.id]]));
      if (root) {
        await tx.outbox.enqueue(replyInThread(root, `recovery-decision|${exception.id}|${missed}`, exception.lastPeriod, { type: 'message', text: said }), now);
      }
      await tx.audit.record({
        actorId: actor.person.id, actorLabel: actor.person.displayName, action: 'recovery.decided', entityType: 'Indicator', entityId: indicator.id,
        after: { exceptionId: exception.id, missed, choice, newDate: choice === 'newDate' ? newDate : null },
      });
      return true;
    });
    if (decided) this.onQueued();
    const after = (await repos.exceptions.findById(exception.id))!;
    const decider = after.recoveryDecidedById === actor.person.id
      ? actor.person.displayName
      : ((await repos.people.findByIds(after.recoveryDecidedById ? [after.recoveryDecidedById] : []))[0]?.displayName ?? 'Unknown');
    return recoveryCheckView({
      ...base, exception: after, decidedBy: decider,
      banner: decided ? { tone: 'good', text: 'Recorded, and said in the Board\'s thread.' } : { tone: 'default', text: 'This has already been decided: nothing changed.' },
    });
  }
}

function threadNotice(choice: RecoveryChoice, by: string, code: string, missed: string, newDate: string): string {
  switch (choice) {
    case 'newDate':
      return `**${code} not recovered by ${labelOfKey(missed)}.** ${by} accepted a new date: back on target by ${labelOfKey(newDate)}.`;
    case 'revisePlan':
      return `**${code} not recovered by ${labelOfKey(missed)}.** ${by} asked the owner for a revised action plan.`;
    case 'escalate':
      return `**${code} not recovered by ${labelOfKey(missed)}.** ${by} escalated it to the Board for discussion at its next meeting.`;
  }
}
