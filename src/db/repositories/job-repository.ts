import type { Db } from '../prisma-types';
import type { InputJsonValue } from '@prisma/client/runtime/client';
import { timeOrderedId } from '../time-ordered-id';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** Where a job's progress card is: the conversation the command came from, and the card once posted. */
export interface JobCardPlace {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId: string | null;
}

export interface JobRecord {
  readonly id: string;
  readonly requestKey: string;
  readonly kind: string;
  readonly period: string;
  readonly requestedBy: string;
  readonly requestedById: string | null;
  readonly trigger: string;
  readonly status: JobStatus;
  readonly progress: Record<string, unknown>;
  readonly outcome: unknown;
  readonly error: string | null;
  readonly attempts: number;
  readonly leaseOwner: string | null;
  readonly leaseUntil: Date | null;
  readonly card: JobCardPlace & { readonly activityId: string | null };
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface NewJob {
  /** Once only: a second job with the same key is not recorded (a Teams retry of the same activity). */
  readonly requestKey: string;
  readonly kind: string;
  readonly period: string;
  readonly requestedBy: string;
  readonly requestedById: string | null;
  readonly trigger: string;
  readonly card: JobCardPlace;
}

/**
 * Background jobs (background_job): long work a Teams turn asked for, run by whichever instance's
 * runner claims it. A claim is a lease, as the outbox's are: claimed with FOR UPDATE SKIP LOCKED so
 * two runners never take the same job, renewed while the job runs, and every write of the runner
 * (progress, outcome, the end) is made only while it still holds the lease. A job whose runner
 * died is claimed again once its lease has run out.
 */
export class JobRepository {
  constructor(private readonly db: Db) {}

  /** Records the job unless one with its request key exists; either way returns the job, and whether it is new. */
  async record(job: NewJob, now: Date): Promise<{ readonly job: JobRecord; readonly created: boolean }> {
    // One statement returns the job as recorded: read back in a second query, a runner could have
    // claimed it in between, and the first progress card would then skip "Starting…".
    const inserted = await this.db.$queryRaw<RawJob[]>`
      INSERT INTO "background_job" ("id", "request_key", "kind", "period", "requested_by", "requested_by_id", "trigger",
                                    "card_service_url", "card_conversation_id", "card_tenant_id", "created_at", "updated_at")
      VALUES (${timeOrderedId()}, ${job.requestKey}, ${job.kind}, ${job.period}, ${job.requestedBy}, ${job.requestedById}, ${job.trigger},
              ${job.card.serviceUrl}, ${job.card.conversationId}, ${job.card.tenantId}, ${now}, ${now})
      ON CONFLICT ("request_key") DO NOTHING
      RETURNING *`;
    if (inserted[0]) return { job: fromRaw(inserted[0]), created: true };
    const found = await this.findByRequestKey(job.requestKey);
    if (!found) throw new Error(`the job ${job.requestKey} was neither recorded nor found`);
    return { job: found, created: false };
  }

  /**
   * Takes the oldest job that is queued, or running under a lease that has run out (its runner
   * died), for `owner` until `leaseUntil`; null when there is none.
   */
  async claimNext(owner: string, now: Date, leaseUntil: Date): Promise<JobRecord | null> {
    const rows = await this.db.$queryRaw<RawJob[]>`
      UPDATE "background_job"
         SET "status" = 'RUNNING', "lease_owner" = ${owner}, "lease_until" = ${leaseUntil},
             "attempts" = "attempts" + 1, "started_at" = COALESCE("started_at", ${now}), "updated_at" = ${now}
       WHERE "id" IN (
             SELECT "id" FROM "background_job"
              WHERE "status" = 'QUEUED' OR ("status" = 'RUNNING' AND "lease_until" < ${now})
              ORDER BY "created_at", "id"
              LIMIT 1
                FOR UPDATE SKIP LOCKED)
   RETURNING *`;
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  /**
   * Renews the lease and records the progress, returning the job as it now is (the runner learns
   * there where the card was posted); null when the lease is no longer this owner's.
   */
  async heartbeat(id: string, owner: string, progress: Record<string, unknown>, now: Date, leaseUntil: Date): Promise<JobRecord | null> {
    const rows = await this.db.$queryRaw<RawJob[]>`
      UPDATE "background_job"
         SET "progress" = ${JSON.stringify(progress)}::jsonb, "lease_until" = ${leaseUntil}, "updated_at" = ${now}
       WHERE "id" = ${id} AND "lease_owner" = ${owner} AND "status" = 'RUNNING'
   RETURNING *`;
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  /** Keeps the step's outcome once it has run, so a runner taking over does not run it for nothing. */
  async saveOutcome(id: string, owner: string, outcome: unknown, progress: Record<string, unknown>, now: Date): Promise<boolean> {
    const result = await this.db.backgroundJob.updateMany({
      where: { id, leaseOwner: owner, status: 'RUNNING' },
      data: { outcome: outcome as InputJsonValue, progress: progress as InputJsonValue, updatedAt: now },
    });
    return result.count === 1;
  }

  /**
   * Ends the job (DONE or FAILED) while this owner holds it, and returns it as it now is (with the
   * card's activity id as recorded at that instant); null when the lease was lost. One statement,
   * so of this and cardPosted, whichever comes second sees the other's write.
   */
  async finish(id: string, owner: string, end: { status: 'DONE' | 'FAILED'; progress: Record<string, unknown>; error?: string | null; at: Date }): Promise<JobRecord | null> {
    const rows = await this.db.$queryRaw<RawJob[]>`
      UPDATE "background_job"
         SET "status" = ${end.status}::"JobStatus", "progress" = ${JSON.stringify(end.progress)}::jsonb, "error" = ${end.error ?? null},
             "finished_at" = ${end.at}, "updated_at" = ${end.at}, "lease_owner" = NULL, "lease_until" = NULL
       WHERE "id" = ${id} AND "lease_owner" = ${owner} AND "status" = 'RUNNING'
   RETURNING *`;
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  /**
   * Hands a claimed job back, due at once (its runner is stopping): another runner, or this one
   * after a restart, takes it up where it was; the claim is not counted as an attempt.
   */
  async release(id: string, owner: string, now: Date): Promise<boolean> {
    const result = await this.db.backgroundJob.updateMany({
      where: { id, leaseOwner: owner, status: 'RUNNING' },
      data: { status: 'QUEUED', leaseOwner: null, leaseUntil: null, attempts: { decrement: 1 }, updatedAt: now },
    });
    return result.count === 1;
  }

  /**
   * Records the progress card's activity id once the turn has posted it, and returns the job as it
   * now is: if it has already finished, the runner did not know where the card was, and the caller
   * shows the end on it.
   */
  async cardPosted(id: string, activityId: string, now: Date): Promise<JobRecord | null> {
    const rows = await this.db.$queryRaw<RawJob[]>`
      UPDATE "background_job" SET "card_activity_id" = ${activityId}, "updated_at" = ${now}
       WHERE "id" = ${id}
   RETURNING *`;
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  async find(id: string): Promise<JobRecord | null> {
    const rows = await this.db.$queryRaw<RawJob[]>`SELECT * FROM "background_job" WHERE "id" = ${id}`;
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  async findByRequestKey(requestKey: string): Promise<JobRecord | null> {
    const rows = await this.db.$queryRaw<RawJob[]>`SELECT * FROM "background_job" WHERE "request_key" = ${requestKey}`;
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  async list(): Promise<JobRecord[]> {
    const rows = await this.db.$queryRaw<RawJob[]>`SELECT * FROM "background_job" ORDER BY "created_at", "id"`;
    return rows.map(fromRaw);
  }
}

interface RawJob {
  id: string;
  request_key: string;
  kind: string;
  period: string;
  requested_by: string;
  requested_by_id: string | null;
  trigger: string;
  status: JobStatus;
  progress: Record<string, unknown> | string;
  outcome: unknown;
  error: string | null;
  attempts: number;
  lease_owner: string | null;
  lease_until: Date | null;
  card_service_url: string;
  card_conversation_id: string;
  card_tenant_id: string | null;
  card_activity_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const date = (value: Date | null): Date | null => (value ? new Date(value) : null);

function fromRaw(row: RawJob): JobRecord {
  return {
    id: row.id,
    requestKey: row.request_key,
    kind: row.kind,
    period: row.period,
    requestedBy: row.requested_by,
    requestedById: row.requested_by_id,
    trigger: row.trigger,
    status: row.status,
    progress: (json(row.progress) ?? {}) as Record<string, unknown>,
    outcome: json(row.outcome) ?? null,
    error: row.error,
    attempts: Number(row.attempts),
    leaseOwner: row.lease_owner,
    leaseUntil: date(row.lease_until),
    card: { serviceUrl: row.card_service_url, conversationId: row.card_conversation_id, tenantId: row.card_tenant_id, activityId: row.card_activity_id },
    createdAt: new Date(row.created_at),
    startedAt: date(row.started_at),
    finishedAt: date(row.finished_at),
  };
}
