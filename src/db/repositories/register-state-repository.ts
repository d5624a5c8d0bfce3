import { Prisma } from '../../generated/prisma/client';
import type { Db } from '../prisma-types';
import type { ValueVersion } from './value-repository';
import type { TargetRecord } from './target-repository';
import type { ReportingPeriodRecord } from './period-repository';
import { activeIndicatorsSql, fromRawIndicator, type IndicatorFilter, type IndicatorRecord, type RawIndicator } from './indicator-repository';
import type { NarrativeRecord } from './narrative-repository';
import { utc } from './value-repository';

/** Which values, targets and windows a read of the register's state takes with its indicators. */
export interface StateQuery {
  /** The periods whose current values every indicator's figures need. */
  readonly ownPeriods: readonly string[];
  /** The periods whose current values ROLLING12 indicators' figures need (the years ending with them). */
  readonly rollingPeriods: readonly string[];
  readonly financialYears: readonly number[];
  readonly windowPeriods: readonly string[];
  /**
   * For an entry card: the period whose narratives (the latest given for any version of each
   * indicator's value) and whose enterers' names come with the state.
   */
  readonly entryPeriod?: string;
}

export interface RegisterState {
  readonly indicators: IndicatorRecord[];
  readonly values: ValueVersion[];
  readonly targets: TargetRecord[];
  readonly windows: Map<string, ReportingPeriodRecord>;
  /** By indicator id: the latest narrative of the entry period's value (empty without an entry period). */
  readonly narratives: Map<string, NarrativeRecord>;
  /** By person id: who entered the entry period's current values and those narratives. */
  readonly names: Map<string, string>;
}

/**
 * The register's state for some periods in one statement: the indicators a filter names, the
 * current version of each value their figures need, their targets for those years and the periods'
 * reporting windows, as one JSON document. One round trip whatever the size, so an owner's card
 * costs what a question costs, and the whole register's status costs one scan of what it needs.
 * An entry card's read also takes the period's narratives and the names of who entered what it
 * shows, so a submit reads everything it answers with in this one statement.
 */
export class RegisterStateRepository {
  constructor(private readonly db: Db) {}

  async read(filter: IndicatorFilter, query: StateQuery): Promise<RegisterState> {
    const entryPeriod = query.entryPeriod ?? null;
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
         ORDER BY v."indicator_id", v."period", v."version" DESC),
      "narrative" AS (
        SELECT DISTINCT ON (v."indicator_id") v."indicator_id" AS "indicatorId", n."id", n."value_id" AS "valueId",
               n."remedial_action" AS "remedialAction", n."likely_to_recover"::text AS "likelyToRecover",
               n."recovery_period" AS "recoveryPeriod", n."entered_by_id" AS "enteredById", n."entered_at" AS "enteredAt"
          FROM "value_narrative" n JOIN "indicator_value" v ON v."id" = n."value_id"
         WHERE v."indicator_id" IN (SELECT "id" FROM "ind") AND v."period" = ${entryPeriod}::text
         ORDER BY v."indicator_id", n."entered_at" DESC, n."id")
      SELECT json_build_object(
        'indicators', (SELECT json_agg("ind" ORDER BY "ind"."code") FROM "ind"),
        'values', (SELECT json_agg(x) FROM (SELECT * FROM "own" UNION ALL SELECT * FROM "rolling") x),
        'targets', (SELECT json_agg(t) FROM (
          SELECT "indicator_id" AS "indicatorId", "period", "financial_year" AS "financialYear", "value"::float8 AS "value"
            FROM "target"
           WHERE "indicator_id" IN (SELECT "id" FROM "ind") AND "financial_year" = ANY(${[...query.financialYears]}::int[])) t),
        'windows', (SELECT json_agg(w) FROM (
          SELECT "period", "opened_at" AS "openedAt", "deadline", "closed_at" AS "closedAt"
            FROM "reporting_period" WHERE "period" = ANY(${[...query.windowPeriods]}::text[])) w),
        'narratives', (SELECT json_agg("narrative") FROM "narrative"),
        'names', (SELECT json_object_agg(p."id", p."display_name") FROM "person" p WHERE p."id" IN (
          SELECT "enteredById" FROM "own" WHERE "period" = ${entryPeriod}::text
          UNION SELECT "enteredById" FROM "rolling" WHERE "period" = ${entryPeriod}::text
          UNION SELECT "enteredById" FROM "narrative"))
      ) AS "state"`;
    return {
      indicators: (state.indicators ?? []).map(fromRawIndicator),
      values: (state.values ?? []).map((v) => ({ ...v, enteredAt: utc(v.enteredAt) })),
      targets: state.targets ?? [],
      windows: new Map((state.windows ?? []).map((w) => [w.period, {
        period: w.period, openedAt: at(w.openedAt), deadline: at(w.deadline), closedAt: at(w.closedAt),
      }])),
      narratives: new Map((state.narratives ?? []).map(({ indicatorId, ...n }) => [indicatorId, { ...n, enteredAt: utc(n.enteredAt) }])),
      names: new Map(Object.entries(state.names ?? {})),
    };
  }
}

const valueColumns = Prisma.sql`
  v."id", v."indicator_id" AS "indicatorId", v."period", v."financial_year" AS "financialYear", v."version",
  v."value"::float8 AS "value", v."note", v."source"::text AS "source", v."estimated", v."unusual_confirmed" AS "unusualConfirmed",
  v."entered_by_id" AS "enteredById", v."entered_at" AS "enteredAt"`;

interface RawState {
  readonly indicators: RawIndicator[] | null;
  readonly values: (Omit<ValueVersion, 'enteredAt'> & { enteredAt: string })[] | null;
  readonly targets: TargetRecord[] | null;
  readonly windows: { period: string; openedAt: string | null; deadline: string | null; closedAt: string | null }[] | null;
  readonly narratives: (Omit<NarrativeRecord, 'enteredAt'> & { indicatorId: string; enteredAt: string })[] | null;
  readonly names: Record<string, string> | null;
}

const at = (text: string | null) => (text === null ? null : utc(text));
