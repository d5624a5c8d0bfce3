import type { Db } from '../prisma-types';

export type ValueSource = 'CARD' | 'IMPORT' | 'DEMO' | 'ADMIN';

/** One version of a value. Version 1 is the first figure given; each correction adds the next. */
export interface ValueVersion {
  readonly id: string;
  readonly indicatorId: string;
  readonly period: string;
  readonly financialYear: number;
  readonly version: number;
  readonly value: number;
  readonly note: string;
  readonly source: ValueSource;
  readonly enteredById: string | null;
  readonly enteredAt: Date;
}

export type NewValue = Omit<ValueVersion, 'id' | 'version' | 'enteredAt'> & { readonly enteredAt?: Date };

export class ValueRepository {
  constructor(private readonly db: Db) {}

  async latest(indicatorId: string, period: string): Promise<ValueVersion | null> {
    const row = await this.db.indicatorValue.findFirst({
      where: { indicatorId, period },
      orderBy: { version: 'desc' },
    });
    return row ? toVersion(row) : null;
  }

  /**
   * Adds the next version. Two writers racing for the same indicator and period cannot both win:
   * the unique (indicator, period, version) key refuses the second, so no correction is lost
   * silently.
   */
  async append(value: NewValue): Promise<ValueVersion> {
    const previous = await this.latest(value.indicatorId, value.period);
    const row = await this.db.indicatorValue.create({
      data: { ...value, version: (previous?.version ?? 0) + 1 },
    });
    return toVersion(row);
  }

  async history(indicatorId: string, period: string): Promise<ValueVersion[]> {
    const rows = await this.db.indicatorValue.findMany({ where: { indicatorId, period }, orderBy: { version: 'asc' } });
    return rows.map(toVersion);
  }

  /** Every version of these indicators' values for one period, oldest first. */
  async versionsForPeriod(indicatorIds: readonly string[], period: string): Promise<ValueVersion[]> {
    const rows = await this.db.indicatorValue.findMany({
      where: { indicatorId: { in: [...indicatorIds] }, period },
      orderBy: [{ indicatorId: 'asc' }, { version: 'asc' }],
    });
    return rows.map(toVersion);
  }

  /** The current (latest) version of every period's value for these indicators. */
  async currentFor(indicatorIds: readonly string[]): Promise<ValueVersion[]> {
    const rows = await this.db.indicatorValue.findMany({
      where: { indicatorId: { in: [...indicatorIds] } },
      orderBy: [{ indicatorId: 'asc' }, { period: 'asc' }, { version: 'desc' }],
      distinct: ['indicatorId', 'period'],
    });
    return rows.map(toVersion);
  }

  /** Every period that any active indicator has a value for, in no particular order. */
  async periodsWithValues(): Promise<string[]> {
    const rows = await this.db.indicatorValue.groupBy({ by: ['period'], where: { indicator: { active: true } } });
    return rows.map((row) => row.period);
  }

  count(where: { version?: number } = {}): Promise<number> {
    return this.db.indicatorValue.count({ where });
  }
}

function toVersion(row: {
  id: string;
  indicatorId: string;
  period: string;
  financialYear: number;
  version: number;
  value: { toNumber(): number };
  note: string;
  source: ValueSource;
  enteredById: string | null;
  enteredAt: Date;
}): ValueVersion {
  return { ...row, value: row.value.toNumber() };
}
