/**
 * Following up a plan's actions: each lead reminded of their overdue actions (once per action and
 * due date), and an action marked done from the reminder by its lead, the owner or an admin.
 */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { NewOutboxMessage } from '../../db/repositories/outbox-repository';
import type { OverdueReminderView } from '../../cards/board/board-view-models';
import { daysOverdue } from '../../domain/action-plan';
import { formatUkDate } from '../../domain/dates';
import { cardMessage } from '../../cards/card-message';
import { buildOverdueReminderCard } from '../../cards/board';
import { Audience, messageTo } from '../cycle/cycle-audience';
import { PlanCommandError } from './plan-command-error';
import type { PlanActor } from './action-plan-service';
import { isoDay, ukTodayKey } from './uk-today';

export const OVERDUE_PURPOSE = 'action-overdue';

export class OverdueActions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly onQueued: () => void,
  ) {}

  /** Reminds each lead of their overdue actions, once per action and due date. */
  async remind(): Promise<{ queued: number; unreachable: string[] }> {
    const now = this.clock.now();
    const today = ukTodayKey(now);
    const overdue = await this.store.repos.actionPlans.openActionsDueBefore(new Date(`${today}T00:00:00Z`));
    const messages: NewOutboxMessage[] = [];
    const unreachable = new Set<string>();
    const audience = new Audience(this.store.repos);
    for (const action of overdue) {
      const view = await this.reminderView(action.id, null);
      const lead = await audience.reach(action.leadId);
      if (!view) continue;
      if (!lead) {
        unreachable.add((await audience.person(action.leadId))?.displayName ?? action.leadId);
        continue;
      }
      messages.push(messageTo(lead, { purpose: OVERDUE_PURPOSE, dedupeKey: `${OVERDUE_PURPOSE}|${action.id}|${isoDay(action.dueDate)}`, period: action.period }, cardMessage(buildOverdueReminderCard(view), `Overdue action for ${view.code}: ${view.description}`)));
    }
    const queued = await this.store.transaction(async (repos) => {
      const count = await repos.outbox.enqueue(messages, now);
      await repos.audit.record({ actorLabel: 'scheduler', action: 'plan.overdueReminders', entityType: 'Day', entityId: today, after: { overdue: overdue.length, queued: count, unreachable: [...unreachable] } });
      return count;
    });
    if (queued > 0) this.onQueued();
    return { queued, unreachable: [...unreachable].sort() };
  }

  /** The lead (or the owner, or an admin) marks an action done from the reminder. */
  async complete(actor: PlanActor, actionId: string): Promise<OverdueReminderView> {
    const action = await this.store.repos.actionPlans.findAction(actionId);
    if (!action) throw new PlanCommandError('That action is no longer in any plan: it may have been replaced by a revised plan.');
    const indicator = await this.store.repos.indicators.findById(action.indicatorId);
    const allowed = actor.isAdmin || actor.person.id === action.leadId || actor.person.id === action.ownerId || Boolean(indicator?.delegateIds.includes(actor.person.id));
    if (!allowed) {
      await this.store.repos.audit.record({ actorId: actor.person.id, actorLabel: actor.person.displayName, action: 'plan.action.refused', entityType: 'PlanAction', entityId: actionId });
      return (await this.reminderView(actionId, { tone: 'attention', text: 'Only the action\'s lead, the indicator\'s owner or the performance team can mark it done.' }))!;
    }
    const now = this.clock.now();
    await this.store.transaction(async (repos) => {
      if (await repos.actionPlans.completeAction(actionId, actor.person.id, now)) {
        await repos.audit.record({ actorId: actor.person.id, actorLabel: actor.person.displayName, action: 'plan.action.done', entityType: 'PlanAction', entityId: actionId, after: { completedAt: now.toISOString() } });
      }
    });
    return (await this.reminderView(actionId, { tone: 'good', text: 'Marked done. Thank you.' }))!;
  }

  private async reminderView(actionId: string, banner: OverdueReminderView['banner']): Promise<OverdueReminderView | null> {
    const action = await this.store.repos.actionPlans.findAction(actionId);
    if (!action) return null;
    const indicator = await this.store.repos.indicators.findById(action.indicatorId);
    const people = await this.store.repos.people.findByIds([action.ownerId, ...(action.completedById ? [action.completedById] : [])]);
    const name = (id: string | null) => people.find((p) => p.id === id)?.displayName ?? 'Unknown';
    const late = daysOverdue(isoDay(action.dueDate), ukTodayKey(this.clock.now()));
    return {
      actionId,
      code: indicator?.code ?? '',
      title: indicator?.title ?? '',
      description: action.description,
      dueText: `Due ${formatUkDate(action.dueDate)}${late > 0 ? `, ${late} ${late === 1 ? 'day' : 'days'} overdue` : ''}`,
      ownerName: name(action.ownerId),
      doneText: action.completedAt ? `Done ${formatUkDate(action.completedAt)} by ${name(action.completedById)}` : null,
      banner,
    };
  }
}
