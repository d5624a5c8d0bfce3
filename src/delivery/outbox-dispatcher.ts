/**
 * Sends what the outbox holds, paced under Teams' limits, and records how each try went.
 *
 * One loop per process: claim just what the pacer will let go in the next moment (so a crash
 * leaves few rows claimed), wait for each one's turn (global pacing, then the conversation's own
 * windows), start its send, and record the outcome the moment the answer comes back. Sends overlap
 * (Teams answers in tens to hundreds of milliseconds; one at a time would cap the rate far below
 * 50 a second), so a send's outcome is settled on its own while the loop goes on pacing the next.
 *
 * Claims are leases (outbox-repository.ts): rows are claimed with FOR UPDATE SKIP LOCKED, so two
 * dispatchers, in one process or in several on one PostgreSQL, never hold the same row, and every
 * outcome is recorded only while the claim is still ours. Leases are renewed while a send is out,
 * so only a process that has died loses its claims; its rows are taken again when their leases run
 * out. A row claimed but not yet sent when the process died is simply sent then. A row whose
 * request was out when the process died is "in doubt" (Teams may have it; the Bot Framework has no
 * idempotency key to ask) and is sent again: at least once for those, exactly once for all others.
 */
import type { Activity } from 'botbuilder';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { Store, Repositories } from '../db/store';
import type { OutboxMessage, OutboxRepository } from '../db/repositories/outbox-repository';
import type { Messenger, Sent } from '../bot/messenger';
import { GlobalPacer } from './global-pacer';
import { ConversationWindows } from './conversation-windows';
import { conversationKey, requestCost } from './message-address';
import { describeSendFailure } from './send-failure';
import { decideOutcome, DEFAULT_RETRY_POLICY, type RetryPolicy } from './delivery-outcome';
import { realTimer, WakeSignal, type Timer } from './timer';

export interface Undeliverable {
  readonly status: 'BLOCKED' | 'DEAD';
  readonly reason: string;
}

/** Runs inside the transaction that records the message as blocked or dead. */
export type UndeliverableHandler = (repos: Repositories, message: OutboxMessage, undeliverable: Undeliverable) => Promise<void>;

export interface OutboxDispatcherOptions {
  readonly store: Store;
  readonly messenger: Messenger;
  readonly clock: Clock;
  readonly log: Logger;
  /** Names this process's claims in the outbox; unique per process (src/instance-identity.ts). */
  readonly instanceId: string;
  /** Requests a second to the Bot Connector from this process (Teams allows 50 per app per tenant). */
  readonly messagesPerSecond: number;
  /** Tries before a failing message is given up as dead. */
  readonly maxAttempts: number;
  /** How long a claim lasts unless renewed; a dead process's claims are taken again after it. */
  readonly leaseMs?: number;
  /** Told about each message given up as blocked or dead, in the transaction that records it. */
  readonly onUndeliverable?: UndeliverableHandler;
  readonly timer?: Timer;
  readonly random?: () => number;
  /** How often an idle dispatcher looks for messages enqueued without a wake() (other processes). */
  readonly idlePollMs?: number;
  /** Claim only what the pacer will let go within this long. */
  readonly lookaheadMs?: number;
  /** Sends out at once, at most. */
  readonly maxInFlight?: number;
  readonly retryPolicy?: Partial<Omit<RetryPolicy, 'maxAttempts'>>;
  /** Told how each try ended, once it is recorded (the metrics). */
  readonly onTried?: (result: TryResult) => void;
}

/** How one try at a message ended: sent, to be tried again (throttled: Teams' 429), or given up. */
export type TryResult = 'sent' | 'retry' | 'throttled' | 'blocked' | 'dead';

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_IDLE_POLL_MS = 2_000;
const DEFAULT_LOOKAHEAD_MS = 250;
const DEFAULT_MAX_IN_FLIGHT = 64;
/** An idle loop never spins faster than this, whatever nextDueAt says. */
const MIN_IDLE_MS = 20;

type Turn = 'go' | 'later' | 'stopped';

/** How long an update waits before looking again for the message it replaces to be sent. */
const UPDATE_WAIT_MS = 2_000;

class OriginalNotSentYet extends Error {
  constructor() {
    super('the message this update replaces has not been sent yet');
  }
}

export class OutboxDispatcher {
  private readonly store: Store;
  private readonly outbox: OutboxRepository;
  private readonly messenger: Messenger;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly onUndeliverable: UndeliverableHandler | undefined;
  private readonly onTried: (result: TryResult) => void;
  private readonly timer: Timer;
  private readonly random: () => number;
  private readonly idlePollMs: number;
  private readonly lookaheadMs: number;
  /** A claimed row waits at most this long for its turn; beyond, it goes back to the outbox. */
  private readonly maxHoldMs: number;
  private readonly maxInFlight: number;
  private readonly batchSize: number;
  private readonly policy: RetryPolicy;
  private readonly pacer: GlobalPacer;
  private readonly windows = new ConversationWindows();
  /** Rows this dispatcher has claimed and not yet settled or released (their leases are renewed). */
  private readonly held = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly wakeSignal = new WakeSignal();
  private readonly stopController = new AbortController();
  private loopDone: Promise<void> | null = null;
  /** Counts wake() calls, so one that comes while a round is under way is not lost. */
  private wakes = 0;
  private leaseTimer: NodeJS.Timeout | null = null;

  constructor(options: OutboxDispatcherOptions) {
    this.store = options.store;
    this.outbox = options.store.repos.outbox;
    this.messenger = options.messenger;
    this.clock = options.clock;
    this.log = options.log;
    this.instanceId = options.instanceId;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.onUndeliverable = options.onUndeliverable;
    this.onTried = options.onTried ?? (() => {});
    this.timer = options.timer ?? realTimer;
    this.random = options.random ?? Math.random;
    this.idlePollMs = options.idlePollMs ?? DEFAULT_IDLE_POLL_MS;
    this.lookaheadMs = options.lookaheadMs ?? DEFAULT_LOOKAHEAD_MS;
    this.maxHoldMs = Math.min(2_000, this.leaseMs / 3);
    this.maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    this.batchSize = Math.max(1, Math.ceil((options.messagesPerSecond * this.lookaheadMs) / 1000));
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy, maxAttempts: options.maxAttempts };
    this.pacer = new GlobalPacer(options.messagesPerSecond);
  }

  /** Starts the loop in the background. A stopped dispatcher is not started again. */
  start(): void {
    if (this.loopDone || this.stopping) return;
    this.loopDone = this.loop();
    this.leaseTimer = setInterval(() => void this.renewLeases(), Math.max(100, this.leaseMs / 3));
    this.leaseTimer.unref();
  }

  /** Something was enqueued: look now rather than at the next poll. */
  wake(): void {
    this.wakes++;
    this.wakeSignal.raise();
  }

  /** Stops claiming, hands back claimed rows not yet sent, and resolves once sends out have settled. */
  async stop(): Promise<void> {
    this.stopController.abort();
    this.wakeSignal.raise(); // ends an idle sleep
    await this.loopDone;
    await this.settled();
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    this.leaseTimer = null;
  }

  /** One round (for tests and commands): claim what is due now, send it paced, settle every send. */
  async drainOnce(): Promise<number> {
    const claimed = await this.dispatchRound();
    await this.settled();
    return claimed;
  }

  /** Rounds until nothing is due at the clock's time; returns how many claims were made. */
  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.drainOnce();
      if (claimed === 0) return total;
      total += claimed;
    }
  }

  private get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  private async loop(): Promise<void> {
    this.log.info({ instanceId: this.instanceId, messagesPerSecond: this.pacer.perSecond, leaseMs: this.leaseMs }, 'outbox dispatcher started');
    while (!this.stopping) {
      try {
        const wakes = this.wakes;
        const claimed = await this.dispatchRound();
        if (claimed === 0) await this.idle(wakes);
      } catch (error) {
        this.log.error({ err: error }, 'outbox dispatcher: a round failed; trying again shortly');
        await this.timer.sleep(this.idlePollMs, this.stopController.signal);
      }
    }
    await this.settled();
    this.log.info({ instanceId: this.instanceId }, 'outbox dispatcher stopped');
  }

  private async dispatchRound(): Promise<number> {
    if (this.inFlight.size >= this.maxInFlight) {
      await Promise.race(this.inFlight.values());
      return 1;
    }
    const now = this.clock.now();
    const limit = Math.min(this.batchSize, this.maxInFlight - this.inFlight.size);
    const claimed = await this.outbox.claimDue(this.instanceId, now, this.leaseFrom(now), limit);
    for (const message of claimed) this.held.add(message.id);
    for (let i = 0; i < claimed.length; i++) {
      const message = claimed[i]!;
      const turn = await this.waitForTurn(message);
      if (turn === 'stopped') {
        await Promise.all(claimed.slice(i).map((m) => this.release(m, m.nextAttemptAt)));
        break;
      }
      if (turn === 'go') this.track(message.id, this.sendAndSettle(message));
    }
    return claimed.length;
  }

  /** Books the message's slot under both limits and waits for it; a long wait hands it back instead. */
  private async waitForTurn(message: OutboxMessage): Promise<Turn> {
    if (this.stopping) return 'stopped';
    const now = this.clock.now().getTime();
    const key = conversationKey(message);
    const cost = requestCost(message);
    const at = this.pacer.earliest(this.windows.earliest(key, now, cost), cost);
    const startAt = Math.max(at, this.windows.earliest(key, at, cost));
    if (startAt - now > this.maxHoldMs) {
      await this.release(message, new Date(startAt));
      this.log.debug({ outboxId: message.id, dueAt: new Date(startAt) }, 'message handed back until the rate limits allow it');
      return 'later';
    }
    if (startAt > now) await this.timer.sleep(startAt - now, this.stopController.signal);
    const startedAt = Math.max(startAt, this.clock.now().getTime());
    this.pacer.bookStarted(startAt, startedAt, cost);
    this.windows.book(key, startedAt, cost);
    return this.stopping ? 'stopped' : 'go';
  }

  private async sendAndSettle(message: OutboxMessage): Promise<void> {
    let sent: Sent;
    try {
      sent = await this.deliver(message);
    } catch (error) {
      if (error instanceof OriginalNotSentYet) {
        // An update waits for the message it replaces; waiting is not a failed try.
        await this.outbox.release(message.id, this.instanceId, new Date(this.clock.now().getTime() + UPDATE_WAIT_MS));
        return;
      }
      await this.settleFailure(message, error);
      return;
    }
    // Nothing between Teams' answer and this update but the update itself: the shorter that gap,
    // the fewer messages a crash can leave in doubt.
    const recorded = await this.outbox.markSent(message.id, this.instanceId, { activityId: sent.activityId, conversationId: sent.conversationId, at: this.clock.now() });
    this.onTried('sent');
    if (recorded) this.log.debug({ outboxId: message.id, purpose: message.purpose, attempts: message.attempts }, 'message sent');
    else this.log.warn({ outboxId: message.id }, 'message sent, but another dispatcher had taken its claim: it may arrive twice');
  }

  private async deliver(message: OutboxMessage): Promise<Sent> {
    const activity = message.activity as Partial<Activity>;
    if (message.replacesOutboxId) return this.replace(message.replacesOutboxId, activity);
    if (message.conversationId) {
      return this.messenger.send({ serviceUrl: message.serviceUrl, conversationId: message.conversationId, tenantId: message.tenantId }, activity);
    }
    if (message.teamsUserId || message.channelId) {
      return this.messenger.createConversation(
        {
          serviceUrl: message.serviceUrl,
          tenantId: message.tenantId,
          ...(message.teamsUserId ? { teamsUserId: message.teamsUserId } : { channelId: message.channelId! }),
        },
        activity,
      );
    }
    return Promise.reject(Object.assign(new Error('the message has no conversation, Teams user or channel to go to'), { statusCode: 400, code: 'NoAddress' }));
  }

  /**
   * Replaces the activity another outbox message sent (a card whose state changed, for everyone
   * who sees it). Until that message is sent the update waits; if it never will be, neither will this.
   */
  private async replace(originalId: string, activity: Partial<Activity>): Promise<Sent> {
    const original = await this.outbox.find(originalId);
    if (!original || original.status === 'BLOCKED' || original.status === 'DEAD') {
      throw Object.assign(new Error('the message this update replaces was never delivered'), { statusCode: 404, code: 'OriginalNotDelivered' });
    }
    if (original.status !== 'SENT' || !original.activityId || !original.sentConversationId) throw new OriginalNotSentYet();
    const address = { serviceUrl: original.serviceUrl, conversationId: original.sentConversationId, tenantId: original.tenantId };
    await this.messenger.update(address, original.activityId, activity);
    return { conversationId: original.sentConversationId, activityId: original.activityId };
  }

  private async settleFailure(message: OutboxMessage, error: unknown): Promise<void> {
    const now = this.clock.now();
    const outcome = decideOutcome(describeSendFailure(error), message.attempts, this.policy, now, this.random);
    if (outcome.kind === 'retry') {
      const due = new Date(now.getTime() + outcome.delayMs);
      if (outcome.throttled) this.pacer.throttled(now.getTime(), outcome.delayMs);
      await this.outbox.markRetry(message.id, this.instanceId, due, outcome.reason);
      this.onTried(outcome.throttled ? 'throttled' : 'retry');
      this.log.info({ outboxId: message.id, attempts: message.attempts, retryAt: due, reason: outcome.reason }, outcome.throttled ? 'Teams asked us to slow down; message will be tried again' : 'send failed; message will be tried again');
      return;
    }
    await this.settleUndeliverable(message, { status: outcome.kind === 'blocked' ? 'BLOCKED' : 'DEAD', reason: outcome.reason });
  }

  /** Records the message as blocked or dead and tells whoever must know, in one transaction. */
  private async settleUndeliverable(message: OutboxMessage, undeliverable: Undeliverable): Promise<void> {
    const mark = (repos: Repositories) =>
      undeliverable.status === 'BLOCKED'
        ? repos.outbox.markBlocked(message.id, this.instanceId, undeliverable.reason)
        : repos.outbox.markDead(message.id, this.instanceId, undeliverable.reason);
    let reported = false;
    try {
      await this.store.transaction(async (repos) => {
        if (!(await mark(repos))) return;
        await this.onUndeliverable?.(repos, message, undeliverable);
        reported = true;
      });
    } catch (error) {
      // Telling people must never keep the failure itself from being recorded.
      this.log.error({ err: error, outboxId: message.id }, 'could not report an undeliverable message; recording the failure alone');
      await mark(this.store.repos);
    }
    this.onTried(undeliverable.status === 'BLOCKED' ? 'blocked' : 'dead');
    this.log.warn({ outboxId: message.id, purpose: message.purpose, recipient: message.recipient, ...undeliverable }, undeliverable.status === 'BLOCKED' ? 'message blocked: Teams will not take it, not tried again' : 'message dead: given up');
    if (reported) this.wake();
  }

  private async release(message: OutboxMessage, dueAt: Date): Promise<void> {
    this.held.delete(message.id);
    await this.outbox.release(message.id, this.instanceId, dueAt);
  }

  private track(id: string, sending: Promise<void>): void {
    const settled = sending
      .catch((error: unknown) => {
        // The outcome could not be recorded (the database went away): the row stays claimed and is
        // taken again when its lease runs out, so it is in doubt like a crash's.
        this.log.error({ err: error, outboxId: id }, 'could not record the outcome of a send');
      })
      .finally(() => {
        this.inFlight.delete(id);
        this.held.delete(id);
      });
    this.inFlight.set(id, settled);
  }

  private async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Sleeps until the next message falls due, a poll, wake() or stop(), unless woken since `wakesBefore`. */
  private async idle(wakesBefore: number): Promise<void> {
    const now = this.clock.now().getTime();
    this.windows.forgetIdle(now);
    const next = await this.outbox.nextDueAt();
    const wait = next === null ? this.idlePollMs : Math.min(this.idlePollMs, next.getTime() - now);
    // Checked with no await before the sleep starts, so a wake() or stop() meanwhile is not missed.
    if (this.stopping || this.wakes !== wakesBefore) return;
    await this.timer.sleep(Math.max(MIN_IDLE_MS, wait), this.wakeSignal.signal);
  }

  private async renewLeases(): Promise<void> {
    if (this.held.size === 0) return;
    try {
      await this.outbox.extendLeases([...this.held], this.instanceId, this.leaseFrom(this.clock.now()));
    } catch (error) {
      this.log.error({ err: error }, 'could not renew the outbox claims in hand');
    }
  }

  private leaseFrom(now: Date): Date {
    return new Date(now.getTime() + this.leaseMs);
  }
}
