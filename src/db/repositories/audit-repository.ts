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

  count(where: { action?: string } = {}): Promise<number> {
    return this.db.auditLog.count({ where });
  }
}

function toJson(value: unknown): InputJsonValue | undefined {
  // Round-trip through JSON so Dates become strings and undefined fields disappear.
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as InputJsonValue);
}
