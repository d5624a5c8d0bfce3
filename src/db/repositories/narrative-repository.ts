import type { Db } from '../prisma-types';
import type { LikelyToRecover } from '../../domain/types';

export interface NarrativeRecord {
  readonly id: string;
  readonly valueId: string;
  readonly remedialAction: string;
  readonly likelyToRecover: LikelyToRecover;
  readonly recoveryPeriod: string;
  readonly enteredById: string;
  readonly enteredAt: Date;
}

export type NewNarrative = Omit<NarrativeRecord, 'id' | 'enteredAt'> & { readonly enteredAt?: Date };

/** Narratives for red and amber values: append-only; the latest for a value version is current. */
export class NarrativeRepository {
  constructor(private readonly db: Db) {}

  add(narrative: NewNarrative): Promise<NarrativeRecord> {
    return this.db.valueNarrative.create({ data: narrative });
  }

  /** The current narrative of each of these value versions. */
  async latestFor(valueIds: readonly string[]): Promise<Map<string, NarrativeRecord>> {
    const rows = await this.db.valueNarrative.findMany({
      where: { valueId: { in: [...valueIds] } },
      orderBy: [{ valueId: 'asc' }, { enteredAt: 'desc' }, { id: 'asc' }],
    });
    const latest = new Map<string, NarrativeRecord>();
    for (const row of rows) if (!latest.has(row.valueId)) latest.set(row.valueId, row);
    return latest;
  }

  /** Every narrative given for these value versions, revisions included, newest first. */
  forValues(valueIds: readonly string[]): Promise<NarrativeRecord[]> {
    return this.db.valueNarrative.findMany({
      where: { valueId: { in: [...valueIds] } },
      orderBy: [{ enteredAt: 'desc' }, { id: 'asc' }],
    });
  }
}
