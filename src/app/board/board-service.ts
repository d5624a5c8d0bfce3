/**
 * The Performance Board's channel: where it is, the monthly digest posted to it with one thread per
 * exception (an indicator red or amber, for as many periods as it stays so), and the commentary
 * replied in those threads. Exceptions continue and close as exception-digest.ts describes.
 *
 * The digest only records messages in the outbox (with the threads, the plans asked of red owners
 * and the audit, in one transaction); the dispatcher posts them, paced under the channel's limits.
 * Every message has a dedupe key (the digest per month, a thread per indicator and period, a plan
 * request per indicator and period), so running the digest again posts nothing twice; it posts
 * only what is new, such as a thread for an indicator that has since turned red.
 */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { Logger } from '../../logging/logger';
import type { NewOutboxMessage } from '../../db/repositories/outbox-repository';
import type { BoardChannelRecord } from '../../db/repositories/board-repository';
import { BOARD_THREAD_PURPOSE } from '../../db/repositories/board-repository';
import type { PersonRecord } from '../../db/repositories/people-repository';
import type { Tolerance } from '../../domain/types';
import type { UnverifiedFigures } from '../../domain/verification';
import type { RunLengths } from '../../domain/variation-settings';
import { labelOfKey, periodKey, type MonthPeriod } from '../../domain/periods';
import { needsPlanWithoutAsking } from '../../domain/action-plan';
import { cardMessage } from '../../cards/card-message';
import { buildDigestCard, buildThreadCard } from '../../cards/board';
import { loadBoardSnapshot, threadVariationTexts } from './board-snapshot';
import { buildDigestView } from './digest-view';
import { buildThreadViews } from './thread-views';
import { openExceptions, prepareExceptions, recordExceptions } from './exception-digest';
import { mentionIds, type TeamRoster } from './team-roster';
import type { ActionPlanService } from './action-plan-service';

/** Who set the channel, as the audit names them. */
export interface BoardActor {
  readonly actorId: string | null;
  readonly actorLabel: string;
}

/** Where the admin ran "set board channel": the channel's own details from the activity. */
export interface ChannelPlace {
  readonly teamId: string | null;
  readonly channelId: string | null;
  readonly serviceUrl: string;
  readonly tenantId: string | null;
}

export interface DigestRequest {
  readonly month: MonthPeriod;
  readonly trigger: 'scheduled' | 'chat' | 'cli';
  readonly actor: string;
  readonly actorId?: string | null;
}

export interface DigestOutcome {
  readonly month: string;
  /** False when no Board channel has been set: then nothing was recorded. */
  readonly channelSet: boolean;
  readonly digestQueued: boolean;
  readonly threadsQueued: number;
  readonly threadsAlready: number;
  readonly planRequestsQueued: number;
  readonly unreachable: readonly string[];
  readonly counts: { readonly red: number; readonly amber: number; readonly green: number; readonly missing: number };
}

export interface ReplyInThread {
  readonly conversationId: string;
  readonly teamsMessageId: string;
  readonly text: string;
  readonly postedAt: Date;
  readonly author: { readonly person: PersonRecord | null; readonly name: string; readonly aadObjectId: string | null };
}

export type ReplyOutcome =
  | { readonly kind: 'notAThread' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'stored' | 'alreadyStored'; readonly code: string; readonly periodLabel: string };

export const DIGEST_PURPOSE = 'board-digest';

export class BoardService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: { readonly defaultTolerance: Tolerance; readonly unverifiedFigures?: UnverifiedFigures; readonly runLengths?: RunLengths },
    private readonly roster: TeamRoster,
    private readonly plans: ActionPlanService,
    private readonly log: Logger,
    private readonly onQueued: () => void = () => {},
  ) {}

  /** "set board channel" (the performance team only: see app/admin/board-channel-command.ts): only inside a team's channel. */
  async setChannel(actor: BoardActor, place: ChannelPlace): Promise<string> {
    if (!place.teamId || !place.channelId) {
      return 'Run "set board channel" inside the Performance Board\'s channel (with the app added to that team), not in a chat.';
    }
    const now = this.clock.now();
    await this.store.transaction(async (repos) => {
      const before = await repos.board.channel();
      const after: BoardChannelRecord = { teamId: place.teamId!, channelId: place.channelId!, serviceUrl: place.serviceUrl, tenantId: place.tenantId, setById: actor.actorId, setAt: now };
      await repos.board.setChannel(after);
      await repos.audit.record({
        actorId: actor.actorId, actorLabel: actor.actorLabel, action: 'board.channel.set', entityType: 'BoardChannel', entityId: 'board',
        before: before ? { teamId: before.teamId, channelId: before.channelId } : null, after: { teamId: after.teamId, channelId: after.channelId },
      });
    });
    return 'This channel is now the Performance Board\'s: monthly digests and one thread per red or amber indicator will be posted here. Replies in those threads are kept as the Board\'s commentary.';
  }

  async channel(): Promise<BoardChannelRecord | null> {
    return this.store.repos.board.channel();
  }

  /** Records the month's digest, its threads and the plans asked of red owners, for the dispatcher to post. */
  async digest(request: DigestRequest): Promise<DigestOutcome> {
    const now = this.clock.now();
    const month = periodKey(request.month);
    const snapshot = await loadBoardSnapshot(this.store, request.month, now, this.settings.defaultTolerance, this.settings.unverifiedFigures, this.settings.runLengths);
    const variationTexts = threadVariationTexts(snapshot);
    const exceptions = await prepareExceptions(this.store, snapshot.current, { now, defaultTolerance: this.settings.defaultTolerance, names: snapshot.names, variationTexts });
    const view = buildDigestView(snapshot, exceptions);
    const counts = { red: view.totals.red, amber: view.totals.amber, green: view.totals.green, missing: view.totals.missing };
    const channel = await this.store.repos.board.channel();
    if (!channel) {
      return { month, channelSet: false, digestQueued: false, threadsQueued: 0, threadsAlready: 0, planRequestsQueued: 0, unreachable: [], counts };
    }
    const attention = snapshot.current.filter((s): s is typeof s & { status: 'RED' | 'AMBER' } => s.status === 'RED' || s.status === 'AMBER');
    const existing = new Set((await Promise.all(snapshot.periods.map((p) => this.store.repos.board.threadsFor(periodKey(p))))).flat().map((t) => `${t.indicatorId}|${t.period}`));
    // A new thread only where a problem starts; one continuing from an earlier period is updated in its thread.
    const fresh = attention.filter((s) => exceptions.steps.get(s.indicator.id)?.kind === 'open' && !existing.has(`${s.indicator.id}|${s.period}`));
    const owners = await this.store.repos.people.findByIds([...new Set(fresh.map((s) => s.indicator.ownerId))]);
    const mentions = fresh.length > 0 ? await mentionIds(this.store, owners, channel, this.roster, this.log) : new Map<string, string>();
    const threadViews = await buildThreadViews(this.store, fresh, {
      now, defaultTolerance: this.settings.defaultTolerance, mentionIds: mentions, plans: snapshot.plans, variationTexts,
    });

    const digestMessage = this.channelMessage(channel, DIGEST_PURPOSE, `${DIGEST_PURPOSE}|board|${month}`, month, cardMessage(buildDigestCard(view)));
    const threadMessages = threadViews.map((thread) =>
      this.channelMessage(channel, BOARD_THREAD_PURPOSE, threadKey(thread.indicatorId, thread.period), thread.period, cardMessage(buildThreadCard(thread))),
    );
    const opening = attention.filter((s) => exceptions.steps.get(s.indicator.id)?.kind === 'open' && needsPlanWithoutAsking(s.status));
    const planRequests = await this.plans.prepareRequests([...opening, ...exceptions.newPlansFor]);

    const outcome = await this.store.transaction(async (repos) => {
      const digestQueued = (await repos.outbox.enqueue([digestMessage], now)) === 1;
      const threadsQueued = await repos.outbox.enqueue(threadMessages, now);
      const threads = [];
      const recordedByKey = await repos.outbox.findByDedupeKeys(threadMessages.map((m) => m.dedupeKey));
      const viewsByKey = new Map(threadViews.map((t) => [threadKey(t.indicatorId, t.period), t]));
      for (const message of threadMessages) {
        const recorded = recordedByKey.get(message.dedupeKey);
        const view = viewsByKey.get(message.dedupeKey)!;
        if (recorded) threads.push({ indicatorId: view.indicatorId, period: view.period, channelId: channel.channelId, outboxMessageId: recorded.id, status: view.status });
      }
      await repos.board.addThreads(threads);
      const opened = await openExceptions(repos, threads);
      const exceptionMessages = await recordExceptions(repos, exceptions, now);
      const requests = await this.plans.recordRequests(repos, planRequests, request.actor, new Map([...exceptions.openIds, ...opened]));
      await repos.audit.record({
        actorId: request.actorId ?? null, actorLabel: request.actor, action: 'board.digest', entityType: 'Period', entityId: month,
        after: { trigger: request.trigger, digestQueued, threadsQueued, planRequestsQueued: requests.queued, counts },
      });
      return { digestQueued, threadsQueued, planRequestsQueued: requests.queued, unreachable: requests.unreachable, exceptionMessages };
    });
    if (outcome.digestQueued || outcome.threadsQueued > 0 || outcome.planRequestsQueued > 0 || outcome.exceptionMessages > 0) this.onQueued();
    return {
      month, channelSet: true, digestQueued: outcome.digestQueued, threadsQueued: outcome.threadsQueued,
      threadsAlready: attention.length - outcome.threadsQueued, planRequestsQueued: outcome.planRequestsQueued,
      unreachable: outcome.unreachable, counts,
    };
  }

  /**
   * A message in the Board channel. Replies in an indicator's thread are kept as commentary on that
   * indicator and period (once per Teams message); anything else is not the bot's business.
   */
  async recordReply(reply: ReplyInThread): Promise<ReplyOutcome> {
    const thread = await this.store.repos.board.threadByConversation(reply.conversationId);
    if (!thread) return { kind: 'notAThread' };
    const text = reply.text.trim();
    if (!text) return { kind: 'empty' };
    const indicator = await this.store.repos.indicators.findById(thread.indicatorId);
    // A thread runs as long as its exception: a reply is about the latest period it has reached.
    const period = (await this.store.repos.exceptions.forThread(thread.id))?.lastPeriod ?? thread.period;
    const stored = await this.store.transaction(async (repos) => {
      const added = await repos.board.addCommentary({
        threadId: thread.id, teamsMessageId: reply.teamsMessageId, authorId: reply.author.person?.id ?? null, authorName: reply.author.person?.displayName ?? reply.author.name,
        authorAadObjectId: reply.author.aadObjectId, text, period, postedAt: reply.postedAt,
      });
      if (added) {
        await repos.audit.record({
          actorId: reply.author.person?.id ?? null, actorLabel: reply.author.person?.displayName ?? reply.author.name, action: 'board.commentary',
          entityType: 'Indicator', entityId: thread.indicatorId, after: { period, teamsMessageId: reply.teamsMessageId, length: text.length },
        });
      }
      return added;
    });
    return { kind: stored ? 'stored' : 'alreadyStored', code: indicator?.code ?? '', periodLabel: labelOfKey(period) };
  }

  private channelMessage(channel: BoardChannelRecord, purpose: string, dedupeKey: string, period: string, activity: object): NewOutboxMessage {
    return {
      dedupeKey, purpose, period, recipient: `channel:${channel.channelId}`, serviceUrl: channel.serviceUrl, tenantId: channel.tenantId,
      conversationId: null, teamsUserId: null, channelId: channel.channelId, activity: activity as Record<string, unknown>,
    };
  }
}

export function threadKey(indicatorId: string, period: string): string {
  return `${BOARD_THREAD_PURPOSE}|${indicatorId}|${period}`;
}
