import type { Db } from '../prisma-types';
import type { InputJsonValue } from '@prisma/client/runtime/client';

export interface AuditEntry {
  /** The person who acted, when known. */
  readonly actorId?: string | null;
  /** Who or what acted, for people reading the log: a name, "import register.xlsx", "demo data". */
  readonly actorLabel: string;
  /** Dotted verb: "indicator.created", "value.corrected", "submission.refused". */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditRecord extends AuditEntry {
  readonly id: bigint;
  readonly at: Date;
}

/**
 * The append-only audit log. There is deliberately no update or delete here (nor in the database),
 * except the one narrow rewrite for a leaver, which the database itself confines (see
 * anonymiseActor).
 */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /**
   * Replaces a leaver's name in the log through the database's anonymise_audit_actor(): the label
   * of the rows they did becomes `placeholder`, and each of `texts` (their name and email as they
   * were) becomes `placeholder` wherever else it appears in a label or in before/after. Rows, ids,
   * times, order, actions and actor ids stay. Only the schema's owner may call it (the migration
   * revokes it from everyone else). Returns how many rows changed.
   */
  async anonymiseActor(actorId: string, placeholder: string, texts: readonly string[]): Promise<number> {
    const [row] = await this.db.$queryRaw<{ changed: number }[]>`
      SELECT anonymise_audit_actor(${actorId}, ${placeholder}, ${[...texts]}::text[]) AS changed`;
    return Number(row?.changed ?? 0);
  }

  async record(entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
    if (list.length === 0) return;
    await this.db.auditLog.createMany({
      data: list.map((entry) => ({
        actorId: entry.actorId ?? null,
        actorLabel: entry.actorLabel,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: toJson(entry.before),
        after: toJson(entry.after),
      })),
    });
  }

  /**
   * The same as record, for thousands of entries at once (an import's): one statement with one
   * array per column (unnest), whose size does not grow with the number of entries.
   */
  async recordMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    await this.db.$executeRaw`
      INSERT INTO "audit_log" ("actor_id", "actor_label", "action", "entity_type", "entity_id", "before", "after")
      SELECT * FROM unnest(${entries.map((e) => e.actorId ?? null)}::text[], ${entries.map((e) => e.actorLabel)}::text[],
                           ${entries.map((e) => e.action)}::text[], ${entries.map((e) => e.entityType)}::text[],
                           ${entries.map((e) => e.entityId)}::text[], ${entries.map((e) => json(e.before))}::jsonb[],
                           ${entries.map((e) => json(e.after))}::jsonb[])`;
  }

  async forEntity(entityType: string, entityId: string): Promise<AuditRecord[]> {
    const rows = await this.db.auditLog.findMany({ where: { entityType, entityId }, orderBy: { id: 'asc' } });
    return rows.map((row) => ({ ...row, before: row.before ?? undefined, after: row.after ?? undefined }));
  }

  /** The entries about any of these entities of one type, oldest first. */
  async forEntities(entityType: string, entityIds: readonly string[]): Promise<AuditRecord[]> {
    const rows = await this.db.auditLog.findMany({ where: { entityType, entityId: { in: [...entityIds] } }, orderBy: { id: 'asc' } });
    return rows.map((row) => ({ ...row, before: row.before ?? undefined, after: row.after ?? undefined }));
  }

  /**
   * The audit trail of one reporting period, oldest first (#16, for internal audit): every entry
   * about a value version of the period (entered, corrected, verified, queried, answered), about a
   * narrative given for it, or about the period itself (opened, closed, refusals), with the
   * indicator's code where there is one.
   */
  async forPeriod(period: string): Promise<(AuditRecord & { readonly code: string | null })[]> {
    const rows = await this.db.$queryRaw<{ id: bigint; at: Date; actor_id: string | null; actor_label: string; action: string; entity_type: string; entity_id: string; before: unknown; after: unknown; code: string | null }[]>`
      SELECT a."id", a."at", a."actor_id", a."actor_label", a."action", a."entity_type", a."entity_id", a."before", a."after",
             COALESCE(i."code", a."after"->>'code') AS "code"
        FROM "audit_log" a
        LEFT JOIN "indicator_value" v ON a."entity_type" = 'IndicatorValue' AND v."id" = a."entity_id"
        LEFT JOIN "indicator" i ON i."id" = COALESCE(a."after"->>'indicatorId', v."indicator_id")
       WHERE a."after"->>'period' = ${period}
          OR (a."entity_type" IN ('Period', 'ReportingPeriod') AND a."entity_id" = ${period})
          OR (a."entity_type" = 'IndicatorValue' AND a."entity_id" IN (SELECT v."id" FROM "indicator_value" v WHERE v."period" = ${period}))
       ORDER BY a."id"`;
    return rows.map((row) => ({
      id: row.id, at: row.at, actorId: row.actor_id, actorLabel: row.actor_label, action: row.action, entityType: row.entity_type,
      entityId: row.entity_id, before: row.before ?? undefined, after: row.after ?? undefined, code: row.code,
    }));
  }

  count(where: { action?: string } = {}): Promise<number> {
    return this.db.auditLog.count({ where });
  }
}

function toJson(value: unknown): InputJsonValue | undefined {
  // Round-trip through JSON so Dates become strings and undefined fields disappear.
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as InputJsonValue);
}
