import type { Db } from '../prisma-types';
import type { Frequency } from '../../domain/types';
import { utc } from './value-repository';

/** What the data-quality measures read of one active indicator's figure for a period (#16). */
export interface FigureHistoryRow {
  readonly indicatorId: string;
  readonly code: string;
  readonly directorate: string;
  readonly owner: string;
  readonly lagMonths: number;
  readonly firstEnteredAt: Date | null;
  /** When versions 2, 3 ... were entered, in order. */
  readonly correctedAt: readonly Date[];
  readonly currentEstimated: boolean;
  readonly queries: number;
}

/**
 * The reads behind the data-quality measures: for each active indicator of a frequency, in one
 * statement, when its figure for the period was first entered, when it was corrected, whether its
 * current version is an estimate, and how many times the verifier queried it.
 */
export class DataQualityRepository {
  constructor(private readonly db: Db) {}

  async figuresFor(period: string, frequency: Frequency): Promise<FigureHistoryRow[]> {
    const [{ rows }] = await this.db.$queryRaw<[{ rows: (Omit<FigureHistoryRow, 'firstEnteredAt' | 'correctedAt'> & { firstEnteredAt: string | null; correctedAt: string[] })[] | null }]>`
      SELECT json_agg(json_build_object(
               'indicatorId', i."id", 'code', i."code", 'directorate', d."name", 'owner', p."display_name", 'lagMonths', i."lag_months",
               'firstEnteredAt', f."first", 'correctedAt', f."corrected", 'currentEstimated', COALESCE(f."estimated", false), 'queries', f."queries")
             ORDER BY i."code") AS "rows"
        FROM "indicator" i
        JOIN "directorate" d ON d."id" = i."directorate_id"
        JOIN "person" p ON p."id" = i."owner_id"
        CROSS JOIN LATERAL (
          SELECT min(v."entered_at") FILTER (WHERE v."version" = 1) AS "first",
                 COALESCE(json_agg(v."entered_at" ORDER BY v."version") FILTER (WHERE v."version" > 1), '[]'::json) AS "corrected",
                 (array_agg(v."estimated" ORDER BY v."version" DESC))[1] AS "estimated",
                 (SELECT count(*)::int FROM "value_verification" q JOIN "indicator_value" w ON w."id" = q."value_id"
                   WHERE w."indicator_id" = i."id" AND w."period" = ${period} AND q."decision" = 'QUERIED') AS "queries"
            FROM "indicator_value" v
           WHERE v."indicator_id" = i."id" AND v."period" = ${period}) f
       WHERE i."active" AND i."frequency"::text = ${frequency}`;
    return (rows ?? []).map((row) => ({
      ...row,
      firstEnteredAt: row.firstEnteredAt === null ? null : utc(row.firstEnteredAt),
      correctedAt: row.correctedAt.map(utc),
    }));
  }
}
