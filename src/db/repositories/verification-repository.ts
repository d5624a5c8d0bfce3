import type { Db } from '../prisma-types';
import { timeOrderedId } from '../time-ordered-id';
import type { VerificationDecision, VerificationEntry } from '../../domain/verification';

/** One decision of a value version, as stored. */
export interface VerificationRecord extends VerificationEntry {
  readonly id: string;
  readonly valueId: string;
}

export type NewVerification = Omit<VerificationRecord, 'id'>;

/**
 * Verifiers' decisions and owners' answers to queries (#16), append-only (the table refuses UPDATE
 * and DELETE). Writers record them inside the transaction that audits them.
 */
export class VerificationRepository {
  constructor(private readonly db: Db) {}

  /** Stores these decisions in one statement; returns them with their ids, in order. */
  async record(entries: readonly NewVerification[]): Promise<VerificationRecord[]> {
    const stored = entries.map((entry) => ({ ...entry, id: timeOrderedId() }));
    if (stored.length === 0) return [];
    await this.db.$executeRaw`
      INSERT INTO "value_verification" ("id", "value_id", "decision", "comment", "decided_by_id", "decided_at")
      SELECT r."id", r."value_id", r."decision"::"VerificationDecision", r."comment", r."decided_by_id", r."decided_at"
        FROM unnest(${stored.map((e) => e.id)}::text[], ${stored.map((e) => e.valueId)}::text[], ${stored.map((e) => e.decision)}::text[],
                    ${stored.map((e) => e.comment)}::text[], ${stored.map((e) => e.decidedById)}::text[],
                    ${stored.map((e) => e.decidedAt.toISOString())}::timestamp(3)[])
          AS r("id", "value_id", "decision", "comment", "decided_by_id", "decided_at")`;
    return stored;
  }

  /** Of these indicators, those with any decision on any version of the period's value. */
  async decidedIndicators(indicatorIds: readonly string[], period: string): Promise<Set<string>> {
    if (indicatorIds.length === 0) return new Set();
    const rows = await this.db.$queryRaw<{ indicator_id: string }[]>`
      SELECT DISTINCT v."indicator_id" FROM "indicator_value" v JOIN "value_verification" d ON d."value_id" = v."id"
       WHERE v."indicator_id" = ANY(${[...indicatorIds]}::text[]) AND v."period" = ${period}`;
    return new Set(rows.map((r) => r.indicator_id));
  }

  /** Every decision of these versions, by version id, oldest first. */
  async historyFor(valueIds: readonly string[]): Promise<Map<string, VerificationRecord[]>> {
    const byValue = new Map<string, VerificationRecord[]>();
    if (valueIds.length === 0) return byValue;
    const rows = await this.db.valueVerification.findMany({
      where: { valueId: { in: [...new Set(valueIds)] } },
      orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
    });
    for (const row of rows) {
      const list = byValue.get(row.valueId) ?? [];
      list.push({ id: row.id, valueId: row.valueId, decision: row.decision as VerificationDecision, comment: row.comment, decidedById: row.decidedById, decidedAt: row.decidedAt });
      byValue.set(row.valueId, list);
    }
    return byValue;
  }
}
