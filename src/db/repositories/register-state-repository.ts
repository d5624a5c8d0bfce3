import { Prisma } from '../../generated/prisma/client';
import type { Db } from '../prisma-types';
import type { ValueVersion } from './value-repository';
import type { TargetRecord } from './target-repository';
import type { ReportingPeriodRecord } from './period-repository';
import { activeIndicatorsSql, fromRawIndicator, type IndicatorFilter, type IndicatorRecord, type RawIndicator } from './indicator-repository';
import { utc } from './value-repository';

/** Which values, targets and windows a read of the register's state takes with its indicators. */
export interface StateQuery {
  /** The periods whose current values every indicator's figures need. */
  readonly ownPeriods: readonly string[];
  /** The periods whose current values ROLLING12 indicators' figures need (the years ending with them). */
  readonly rollingPeriods: readonly string[];
  readonly financialYears: readonly number[];
  readonly windowPeriods: readonly string[];
}

export interface RegisterState {
  readonly indicators: IndicatorRecord[];
  readonly values: ValueVersion[];
  readonly targets: TargetRecord[];
  readonly windows: Map<string, ReportingPeriodRecord>;
}

/**
 * The register's state for some periods in one statement: the indicators a filter names, the
 * current version of each value their figures need, their targets for those years and the periods'
 * reporting windows, as one JSON document. One round trip whatever the size, so an owner's card
 * costs what a question costs, and the whole register's status costs one scan of what it needs.
 */
export class RegisterStateRepository {
  constructor(private readonly db: Db) {}

  async read(filter: IndicatorFilter, query: StateQuery): Promise<RegisterState> {
    const [{ state }] = await this.db.$queryRaw<[{ state: RawState }]>`
      WITH "ind" AS (${activeIndicatorsSql(filter)}),
      "own" AS (
        SELECT DISTINCT ON (v."indicator_id", v."period") ${valueColumns}
          FROM "indicator_value" v
         WHERE v."indicator_id" IN (SELECT "id" FROM "ind" WHERE "aggregation" <> 'ROLLING12')
           AND v."period" = ANY(${[...query.ownPeriods]}::text[])
         ORDER BY v."indicator_id", v."period", v."version" DESC),
      "rolling" AS (
        SELECT DISTINCT ON (v."indicator_id", v."period") ${valueColumns}
          FROM "indicator_value" v
         WHERE v."indicator_id" IN (SELECT "id" FROM "ind" WHERE "aggregation" = 'ROLLING12')
           AND v."period" = ANY(${[...query.rollingPeriods]}::text[])
         ORDER BY v."indicator_id", v."period", v."version" DESC)
      SELECT json_build_object(
        'indicators', (SELECT json_agg("ind" ORDER BY "ind"."code") FROM "ind"),
        'values', (SELECT json_agg(x) FROM (SELECT * FROM "own" UNION ALL SELECT * FROM "rolling") x),
        'targets', (SELECT json_agg(t) FROM (
          SELECT "indicator_id" AS "indicatorId", "period", "financial_year" AS "financialYear", "value"::float8 AS "value"
            FROM "target"
           WHERE "indicator_id" IN (SELECT "id" FROM "ind") AND "financial_year" = ANY(${[...query.financialYears]}::int[])) t),
        'windows', (SELECT json_agg(w) FROM (
          SELECT "period", "opened_at" AS "openedAt", "deadline", "closed_at" AS "closedAt"
            FROM "reporting_period" WHERE "period" = ANY(${[...query.windowPeriods]}::text[])) w)
      ) AS "state"`;
    return {
      indicators: (state.indicators ?? []).map(fromRawIndicator),
      values: (state.values ?? []).map((v) => ({ ...v, enteredAt: utc(v.enteredAt) })),
      targets: state.targets ?? [],
      windows: new Map((state.windows ?? []).map((w) => [w.period, {
        period: w.period, openedAt: at(w.openedAt), deadline: at(w.deadline), closedAt: at(w.closedAt),
      }])),
    };
  }
}

const valueColumns = Prisma.sql`
  v."id", v."indicator_id" AS "indicatorId", v."period", v."financial_year" AS "financialYear", v."version",
  v."value"::float8 AS "value", v."note", v."source"::text AS "source", v."entered_by_id" AS "enteredById", v."entered_at" AS "enteredAt"`;

interface RawState {
  readonly indicators: RawIndicator[] | null;
  readonly values: (Omit<ValueVersion, 'enteredAt'> & { enteredAt: string })[] | null;
  readonly targets: TargetRecord[] | null;
  readonly windows: { period: string; openedAt: string | null; deadline: string | null; closedAt: string | null }[] | null;
}

const at = (text: string | null) => (text === null ? null : utc(text));
