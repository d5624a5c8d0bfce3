import { randomUUID } from 'node:crypto';
import type { Db } from '../prisma-types';

export interface TargetRecord {
  readonly indicatorId: string;
  /** Canonical period key: "2026/27", "2026/27 Q3" or "2026-10". */
  readonly period: string;
  readonly financialYear: number;
  readonly value: number;
}

export class TargetRepository {
  constructor(private readonly db: Db) {}

  async find(indicatorId: string, period: string): Promise<TargetRecord | null> {
    const row = await this.db.target.findUnique({ where: { indicatorId_period: { indicatorId, period } } });
    return row ? { ...row, value: row.value.toNumber() } : null;
  }

  async upsert(target: TargetRecord): Promise<void> {
    const { indicatorId, period } = target;
    await this.db.target.upsert({
      where: { indicatorId_period: { indicatorId, period } },
      create: target,
      update: { value: target.value, financialYear: target.financialYear },
    });
  }

  /**
   * Sets many targets in one statement (new ones inserted, existing ones given the new value), for
   * a whole file at once. The rows travel as one array per column, so the statement's size does not
   * grow with the number of rows. updated_at is UTC wall-clock time, as Prisma writes @updatedAt.
   */
  async upsertMany(targets: readonly TargetRecord[]): Promise<void> {
    if (targets.length === 0) return;
    await this.db.$executeRaw`
      INSERT INTO "target" ("id", "indicator_id", "period", "financial_year", "value", "updated_at")
      SELECT row.*, (now() AT TIME ZONE 'UTC')::timestamp(3)
        FROM unnest(${targets.map(() => randomUUID())}::text[], ${targets.map((t) => t.indicatorId)}::text[],
                    ${targets.map((t) => t.period)}::text[], ${targets.map((t) => t.financialYear)}::int[],
                    ${targets.map((t) => String(t.value))}::numeric[]) AS row
      ON CONFLICT ("indicator_id", "period")
      DO UPDATE SET "value" = EXCLUDED."value", "financial_year" = EXCLUDED."financial_year", "updated_at" = EXCLUDED."updated_at"`;
  }

  async forIndicators(indicatorIds: readonly string[]): Promise<TargetRecord[]> {
    const rows = await this.db.target.findMany({
      where: { indicatorId: { in: [...indicatorIds] } },
      orderBy: [{ indicatorId: 'asc' }, { period: 'asc' }],
    });
    return rows.map((row) => ({ ...row, value: row.value.toNumber() }));
  }

  /** These indicators' targets for these financial years only (annual and profiled). */
  async forIndicatorsInYears(indicatorIds: readonly string[], financialYears: readonly number[]): Promise<TargetRecord[]> {
    if (indicatorIds.length === 0 || financialYears.length === 0) return [];
    // One JSON value rather than rows: see IndicatorRepository.active.
    const [{ rows }] = await this.db.$queryRaw<[{ rows: TargetRecord[] | null }]>`
      SELECT json_agg(t ORDER BY t."indicatorId", t."period") AS "rows" FROM (
        SELECT "indicator_id" AS "indicatorId", "period", "financial_year" AS "financialYear", "value"::float8 AS "value"
          FROM "target"
         WHERE "indicator_id" = ANY(${[...indicatorIds]}::text[]) AND "financial_year" = ANY(${[...financialYears]}::int[])) t`;
    return rows ?? [];
  }

  count(): Promise<number> {
    return this.db.target.count();
  }
}
