/**
 * Keeping an indicator's thread current once it is posted: its first message is replaced when the
 * plan's state changes (so everyone in the channel sees it), and decisions are posted in it.
 * Both go through the outbox like everything else the bot says.
 *
 * Reads happen before the transaction that records the change (prepare), writes inside it
 * (rootUpdate, postInThread): on the embedded database a read outside an open transaction would
 * wait for it to end.
 */
import type { Repositories, Store } from '../../db/store';
import type { NewOutboxMessage, OutboxMessage } from '../../db/repositories/outbox-repository';
import type { BoardThreadRecord } from '../../db/repositories/board-repository';
import type { Tolerance } from '../../domain/types';
import { parsePeriod } from '../../domain/periods';
import { cardMessage } from '../../cards/card-message';
import { buildThreadCard } from '../../cards/board';
import type { PlanState, ThreadCardView } from '../../cards/board/board-view-models';
import { registerStatus } from '../register-status';
import { buildThreadViews } from './thread-views';

export interface PreparedThread {
  readonly threadId: string;
  readonly root: OutboxMessage;
  readonly view: ThreadCardView;
}

export class ThreadUpdates {
  constructor(
    private readonly store: Store,
    private readonly settings: { readonly defaultTolerance: Tolerance },
  ) {}

  /** The indicator's thread as it stands, ready to be re-rendered; null if it has none for the period. */
  async prepare(indicatorId: string, period: string, now: Date): Promise<PreparedThread | null> {
    const repos = this.store.repos;
    const thread = await threadOf(repos, indicatorId, period);
    const parsed = parsePeriod(period);
    if (!thread || !parsed.ok) return null;
    const root = (await repos.outbox.findMany([thread.outboxMessageId]))[0];
    if (!root) return null;
    const [status] = await registerStatus(this.store, { period: parsed.value, now, defaultTolerance: this.settings.defaultTolerance, indicatorIds: [indicatorId] });
    if (!status) return null;
    // A thread stays about the status it was started for, even if the figure is corrected later;
    // for a later period of its exception, the status of that period while it is red or amber.
    const later = thread.period !== period && (status.status === 'RED' || status.status === 'AMBER');
    const rated = { ...status, status: (later ? status.status : thread.status) as 'RED' | 'AMBER' };
    const plan = await repos.actionPlans.find(indicatorId, period);
    const mentionIds = new Map<string, string>();
    const mentioned = mentionedId(root);
    if (mentioned) mentionIds.set(status.indicator.ownerId, mentioned);
    const [view] = await buildThreadViews(this.store, [rated], {
      now, defaultTolerance: this.settings.defaultTolerance, mentionIds, plans: plan ? new Map([[`${indicatorId}|${period}`, plan]]) : new Map(),
    });
    return { threadId: thread.id, root, view: view! };
  }

  /**
   * Replaces the thread's first message with one showing `planState`: rewritten in the outbox if it
   * has not gone yet, otherwise an update for the dispatcher to send.
   */
  async rootUpdate(repos: Repositories, prepared: PreparedThread | null, planState: PlanState, reason: string): Promise<NewOutboxMessage[]> {
    if (!prepared) return [];
    return replaceRoot(repos, { ...prepared, view: { ...prepared.view, planState, canRequestPlan: false } }, reason);
  }

  /** A message posted in the indicator's thread, if its thread has been started (sent). */
  async postInThread(repos: Repositories, indicatorId: string, period: string, dedupeKey: string, activity: Record<string, unknown>): Promise<NewOutboxMessage[]> {
    const thread = await threadOf(repos, indicatorId, period);
    if (!thread) return [];
    const root = (await repos.outbox.findMany([thread.outboxMessageId]))[0];
    return root ? replyInThread(root, dedupeKey, period, activity) : [];
  }
}

/**
 * The thread a plan's messages go to: the one started for its period or, for a plan asked later in
 * a continuing exception (it worsened, or the director asked for a revision), the exception's.
 */
async function threadOf(repos: Repositories, indicatorId: string, period: string): Promise<BoardThreadRecord | null> {
  const own = await repos.board.thread(indicatorId, period);
  if (own) return own;
  const plan = await repos.actionPlans.find(indicatorId, period);
  const exception = plan?.exceptionId ? await repos.exceptions.findById(plan.exceptionId) : null;
  return exception?.threadId ? ((await repos.board.threadsByIds([exception.threadId]))[0] ?? null) : null;
}

/**
 * Replaces the thread's first message with `prepared.view` as it is: rewritten in the outbox if it
 * has not gone yet, otherwise an update for the dispatcher to send (once per `reason`).
 */
export async function replaceRoot(repos: Repositories, prepared: PreparedThread, reason: string): Promise<NewOutboxMessage[]> {
  const activity = cardMessage(buildThreadCard(prepared.view)) as unknown as Record<string, unknown>;
  if (await repos.outbox.replaceUnsentActivity(prepared.root.id, activity)) return [];
  const { root } = prepared;
  return [{
    dedupeKey: `thread-update|${prepared.threadId}|${reason}`, purpose: 'board-thread-update', period: prepared.view.period, recipient: root.recipient,
    serviceUrl: root.serviceUrl, tenantId: root.tenantId, conversationId: null, teamsUserId: null, channelId: null, activity, replacesOutboxId: root.id,
  }];
}

/** A reply in a thread whose first message has been sent; none while it has not. */
export function replyInThread(root: OutboxMessage, dedupeKey: string, period: string, activity: Record<string, unknown>): NewOutboxMessage[] {
  if (!root.sentConversationId) return [];
  return [{
    dedupeKey, purpose: 'board-thread-post', period, recipient: root.recipient, serviceUrl: root.serviceUrl, tenantId: root.tenantId,
    conversationId: root.sentConversationId, teamsUserId: null, channelId: null, activity,
  }];
}

/** The owner's Teams id as the thread first mentioned them, so a re-rendered message still does. */
export function mentionedId(root: OutboxMessage): string | null {
  const attachments = (root.activity as { attachments?: { content?: { msteams?: { entities?: { mentioned?: { id?: string } }[] } } }[] }).attachments;
  return attachments?.[0]?.content?.msteams?.entities?.[0]?.mentioned?.id ?? null;
}
