import type { Db } from '../prisma-types';
import { randomUUID } from 'node:crypto';
import type { InputJsonValue } from '@prisma/client/runtime/client';

export type OutboxStatus = 'PENDING' | 'SENDING' | 'SENT' | 'BLOCKED' | 'DEAD';

export interface OutboxMessage {
  readonly id: string;
  readonly dedupeKey: string;
  readonly purpose: string;
  readonly period: string | null;
  readonly recipient: string;
  readonly serviceUrl: string;
  readonly tenantId: string | null;
  readonly conversationId: string | null;
  readonly teamsUserId: string | null;
  readonly channelId: string | null;
  readonly activity: Record<string, unknown>;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly leaseUntil: Date | null;
  readonly claimedBy: string | null;
  readonly lastError: string | null;
  readonly sentAt: Date | null;
  readonly activityId: string | null;
  readonly sentConversationId: string | null;
  /** For an update: the message whose sent activity this one replaces (see the dispatcher). */
  readonly replacesOutboxId: string | null;
  readonly createdAt: Date;
}

/** What a step records: who, where and what; the dedupe key (purpose|recipient|period) makes it once-only. */
export type NewOutboxMessage = Pick<
  OutboxMessage,
  'dedupeKey' | 'purpose' | 'period' | 'recipient' | 'serviceUrl' | 'tenantId' | 'conversationId' | 'teamsUserId' | 'channelId' | 'activity'
> & { readonly replacesOutboxId?: string | null };

export type OutboxCounts = Record<OutboxStatus, number>;

/**
 * The outbox: every outbound message is recorded here (in the transaction that decides to send it)
 * before any dispatcher sends it. Claiming uses FOR UPDATE SKIP LOCKED so that several dispatchers,
 * in one process or several, never take the same row; a claim is a lease, so a row held by a
 * dispatcher that died is taken again once its lease runs out.
 */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /**
   * A leaver: messages still waiting for them are never sent (BLOCKED, saying why), and `texts`
   * (their name, email and Entra id) become `placeholder` in every recorded message's activity,
   * sent or not, through the database's scrub_json (the leavers migration). Returns how many
   * messages were blocked and how many rewritten.
   */
  async forgetRecipient(personId: string, placeholder: string, texts: readonly string[]): Promise<{ blocked: number; scrubbed: number }> {
    const blocked = await this.db.$executeRaw`
      UPDATE "outbox_message" SET "status" = 'BLOCKED', "last_error" = 'not sent: the person was anonymised'
       WHERE "recipient" = ${personId} AND "status" = 'PENDING'`;
    const scrubbed = await this.db.$executeRaw`
      UPDATE "outbox_message" SET "activity" = scrub_json("activity", ${[...texts]}::text[], ${placeholder})
       WHERE scrub_json("activity", ${[...texts]}::text[], ${placeholder}) IS DISTINCT FROM "activity"`;
    return { blocked, scrubbed };
  }

  /** Records the messages not recorded before, due at `now`; returns how many were new. */
  async enqueue(messages: readonly NewOutboxMessage[], now: Date): Promise<number> {
    if (messages.length === 0) return 0;
    // The whole batch goes as one JSON parameter that the database unpacks: a digest's 700 cards
    // or an opening's 2,000 prompts are one statement with one parameter, not 17 parameters a row.
    const rows = messages.map((m) => ({
      id: randomUUID(), dedupe_key: m.dedupeKey, purpose: m.purpose, period: m.period, recipient: m.recipient,
      service_url: m.serviceUrl, tenant_id: m.tenantId, conversation_id: m.conversationId, teams_user_id: m.teamsUserId,
      channel_id: m.channelId, activity: m.activity, replaces_outbox_id: m.replacesOutboxId ?? null,
    }));
    const inserted = await this.db.$executeRaw`
      INSERT INTO "outbox_message" ("id", "dedupe_key", "purpose", "period", "recipient", "service_url", "tenant_id", "conversation_id",
                                    "teams_user_id", "channel_id", "activity", "replaces_outbox_id", "status", "attempts",
                                    "next_attempt_at", "created_at", "updated_at")
      SELECT m."id", m."dedupe_key", m."purpose", m."period", m."recipient", m."service_url", m."tenant_id", m."conversation_id",
             m."teams_user_id", m."channel_id", m."activity", m."replaces_outbox_id", 'PENDING', 0, ${now}, ${now}, ${now}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS m(
             "id" text, "dedupe_key" text, "purpose" text, "period" text, "recipient" text, "service_url" text, "tenant_id" text,
             "conversation_id" text, "teams_user_id" text, "channel_id" text, "activity" jsonb, "replaces_outbox_id" text)
      ON CONFLICT ("dedupe_key") DO NOTHING`;
    return inserted;
  }

  /** Takes up to `limit` messages due at `now` (or whose lease has run out) for this dispatcher. */
  async claimDue(claimedBy: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessage[]> {
    const rows = await this.db.$queryRaw<RawRow[]>`
      UPDATE "outbox_message"
         SET "status" = 'SENDING', "claimed_by" = ${claimedBy}, "lease_until" = ${leaseUntil},
             "attempts" = "attempts" + 1, "updated_at" = ${now}
       WHERE "id" IN (
             SELECT "id" FROM "outbox_message"
              WHERE ("status" = 'PENDING' AND "next_attempt_at" <= ${now})
                 OR ("status" = 'SENDING' AND "lease_until" < ${now})
              ORDER BY "next_attempt_at", "created_at", "id"
              LIMIT ${limit}
                FOR UPDATE SKIP LOCKED)
   RETURNING *`;
    return rows.map(fromRaw).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Each outcome is recorded only while this dispatcher still holds the claim. */
  async markSent(id: string, claimedBy: string, sent: { activityId: string; conversationId: string; at: Date }): Promise<boolean> {
    return this.settle(id, claimedBy, { status: 'SENT', sentAt: sent.at, activityId: sent.activityId, sentConversationId: sent.conversationId, lastError: null });
  }

  markRetry(id: string, claimedBy: string, nextAttemptAt: Date, error: string): Promise<boolean> {
    return this.settle(id, claimedBy, { status: 'PENDING', nextAttemptAt, lastError: error });
  }

  markBlocked(id: string, claimedBy: string, error: string): Promise<boolean> {
    return this.settle(id, claimedBy, { status: 'BLOCKED', lastError: error });
  }

  markDead(id: string, claimedBy: string, error: string): Promise<boolean> {
    return this.settle(id, claimedBy, { status: 'DEAD', lastError: error });
  }

  /**
   * Hands back a claimed message that was not tried (its conversation's window is full, or the
   * dispatcher is stopping): due again at `nextAttemptAt`, and the claim's attempt is not counted.
   */
  async release(id: string, claimedBy: string, nextAttemptAt: Date): Promise<boolean> {
    const result = await this.db.outboxMessage.updateMany({
      where: { id, claimedBy, status: 'SENDING' },
      data: { status: 'PENDING', nextAttemptAt, leaseUntil: null, attempts: { decrement: 1 } },
    });
    return result.count === 1;
  }

  /** Keeps the claim on messages still being sent, so no other dispatcher takes them meanwhile. */
  async extendLeases(ids: readonly string[], claimedBy: string, leaseUntil: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.outboxMessage.updateMany({
      where: { id: { in: [...ids] }, claimedBy, status: 'SENDING' },
      data: { leaseUntil },
    });
    return result.count;
  }

  /** Gives a dead or blocked message another chance (an admin's decision). */
  async requeue(id: string, now: Date): Promise<boolean> {
    const result = await this.db.outboxMessage.updateMany({
      where: { id, status: { in: ['DEAD', 'BLOCKED'] } },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, claimedBy: null, leaseUntil: null },
    });
    return result.count === 1;
  }

  private async settle(id: string, claimedBy: string, data: Record<string, unknown>): Promise<boolean> {
    const result = await this.db.outboxMessage.updateMany({
      where: { id, claimedBy, status: 'SENDING' },
      data: { ...data, leaseUntil: null },
    });
    return result.count === 1;
  }

  async find(id: string): Promise<OutboxMessage | null> {
    const row = await this.db.outboxMessage.findUnique({ where: { id } });
    return row ? (row as unknown as OutboxMessage) : null;
  }

  async findByDedupeKey(dedupeKey: string): Promise<OutboxMessage | null> {
    const row = await this.db.outboxMessage.findUnique({ where: { dedupeKey } });
    return row ? (row as unknown as OutboxMessage) : null;
  }

  /** Messages by dedupe key, in one query: by key, for those recorded. */
  async findByDedupeKeys(dedupeKeys: readonly string[]): Promise<Map<string, OutboxMessage>> {
    if (dedupeKeys.length === 0) return new Map();
    const rows = (await this.db.outboxMessage.findMany({ where: { dedupeKey: { in: [...dedupeKeys] } } })) as unknown as OutboxMessage[];
    return new Map(rows.map((row) => [row.dedupeKey, row]));
  }

  async findMany(ids: readonly string[]): Promise<OutboxMessage[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.outboxMessage.findMany({ where: { id: { in: [...ids] } } });
    return rows as unknown as OutboxMessage[];
  }

  /**
   * Rewrites what a message not yet claimed will send (a card whose state changed before it went).
   * Returns false when it has been claimed or sent meanwhile: then send an update instead.
   */
  async replaceUnsentActivity(id: string, activity: Record<string, unknown>): Promise<boolean> {
    const result = await this.db.outboxMessage.updateMany({ where: { id, status: 'PENDING' }, data: { activity: activity as InputJsonValue } });
    return result.count === 1;
  }

  async list(where: { period?: string; purpose?: string; status?: OutboxStatus } = {}): Promise<OutboxMessage[]> {
    const rows = await this.db.outboxMessage.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows as unknown as OutboxMessage[];
  }

  async counts(where: { period?: string; purpose?: string } = {}): Promise<OutboxCounts> {
    const groups = await this.db.outboxMessage.groupBy({ by: ['status'], where, _count: { _all: true } });
    const counts: OutboxCounts = { PENDING: 0, SENDING: 0, SENT: 0, BLOCKED: 0, DEAD: 0 };
    for (const group of groups) counts[group.status] = group._count._all;
    return counts;
  }

  /** Counts by status of the messages of any of these purposes for any of these periods (one step's messages). */
  async countsIn(scope: { readonly purposes: readonly string[]; readonly periods: readonly string[] }): Promise<OutboxCounts> {
    const counts: OutboxCounts = { PENDING: 0, SENDING: 0, SENT: 0, BLOCKED: 0, DEAD: 0 };
    if (scope.purposes.length === 0 || scope.periods.length === 0) return counts;
    const groups = await this.db.outboxMessage.groupBy({
      by: ['status'],
      where: { period: { in: [...scope.periods] }, purpose: { in: [...scope.purposes] } },
      _count: { _all: true },
    });
    for (const group of groups) counts[group.status] = group._count._all;
    return counts;
  }

  /** When the next message falls due, so an idle dispatcher knows how long it may sleep. */
  async nextDueAt(): Promise<Date | null> {
    const next = await this.db.outboxMessage.findFirst({
      where: { status: { in: ['PENDING', 'SENDING'] } },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true, status: true, leaseUntil: true },
    });
    if (!next) return null;
    return next.status === 'SENDING' && next.leaseUntil ? next.leaseUntil : next.nextAttemptAt;
  }
}

interface RawRow {
  id: string;
  dedupe_key: string;
  purpose: string;
  period: string | null;
  recipient: string;
  service_url: string;
  tenant_id: string | null;
  conversation_id: string | null;
  teams_user_id: string | null;
  channel_id: string | null;
  activity: Record<string, unknown> | string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  claimed_by: string | null;
  last_error: string | null;
  sent_at: Date | null;
  activity_id: string | null;
  sent_conversation_id: string | null;
  replaces_outbox_id: string | null;
  created_at: Date;
}

function fromRaw(row: RawRow): OutboxMessage {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    purpose: row.purpose,
    period: row.period,
    recipient: row.recipient,
    serviceUrl: row.service_url,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    teamsUserId: row.teams_user_id,
    channelId: row.channel_id,
    activity: typeof row.activity === 'string' ? (JSON.parse(row.activity) as Record<string, unknown>) : row.activity,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    leaseUntil: row.lease_until ? new Date(row.lease_until) : null,
    claimedBy: row.claimed_by,
    lastError: row.last_error,
    sentAt: row.sent_at ? new Date(row.sent_at) : null,
    activityId: row.activity_id,
    sentConversationId: row.sent_conversation_id,
    replacesOutboxId: row.replaces_outbox_id ?? null,
    createdAt: new Date(row.created_at),
  };
}
