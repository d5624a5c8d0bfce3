/**
 * The director (or the performance team) closes an exception before the indicator is green: the
 * Board has accepted where it stands. Closed once (a second click is told so), its plans marked
 * achieved, a closing note in its thread and the audit, in one transaction.
 */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import { mayDecidePlan } from '../../domain/action-plan';
import { labelOfKey } from '../../domain/periods';
import { PlanCommandError } from './plan-command-error';
import type { PlanActor } from './action-plan-service';
import { replyInThread } from './thread-updates';

export class ExceptionClosing {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly onQueued: () => void,
  ) {}

  async close(actor: PlanActor, exceptionId: string): Promise<string> {
    const repos = this.store.repos;
    const exception = await repos.exceptions.findById(exceptionId);
    const indicator = exception ? await repos.indicators.findById(exception.indicatorId) : null;
    if (!exception || !indicator) throw new PlanCommandError('That exception is not recorded: the card may be from another system.');
    if (exception.closedAt) return `${indicator.code}'s exception is already closed: nothing changed.`;
    if (!mayDecidePlan(actor.person.id, indicator.directorId, actor.isAdmin)) {
      await repos.audit.record({ actorId: actor.person.id, actorLabel: actor.person.displayName, action: 'exception.close.refused', entityType: 'Indicator', entityId: indicator.id, after: { exceptionId } });
      return `Only ${indicator.code}'s director or the performance team can close its exception. Nothing was changed.`;
    }
    const now = this.clock.now();
    const thread = exception.threadId ? (await repos.board.threadsByIds([exception.threadId]))[0] : undefined;
    const root = thread ? (await repos.outbox.findMany([thread.outboxMessageId]))[0] : undefined;
    const note = `**${indicator.code}: exception closed** by ${actor.person.displayName} in ${labelOfKey(exception.lastPeriod)}, before it was back on target. The action plan is marked achieved.`;
    const closed = await this.store.transaction(async (tx) => {
      if (!(await tx.exceptions.close(exceptionId, { period: exception.lastPeriod, at: now, how: 'DIRECTOR_CLOSED' }))) return false;
      await tx.actionPlans.markAchieved(exceptionId, now);
      if (root) await tx.outbox.enqueue(replyInThread(root, `board-exception-closed|${exceptionId}`, exception.lastPeriod, { type: 'message', text: note }), now);
      await tx.audit.record({ actorId: actor.person.id, actorLabel: actor.person.displayName, action: 'exception.closed', entityType: 'Indicator', entityId: indicator.id, after: { exceptionId, period: exception.lastPeriod, how: 'DIRECTOR_CLOSED' } });
      return true;
    });
    if (!closed) return `${indicator.code}'s exception is already closed: nothing changed.`;
    this.onQueued();
    return `Closed ${indicator.code}'s exception. If it is red or amber in a later month, a new thread starts.`;
  }
}
