import { randomUUID } from 'node:crypto';
import type { Db } from '../prisma-types';
import type { Frequency, Tolerance } from '../../domain/types';
import type { IndicatorDefinition } from '../../domain/indicator';
import { Prisma } from '../../generated/prisma/client';

/** An indicator as the rest of the product sees it: plain numbers, people as ids. */
export interface IndicatorRecord extends IndicatorDefinition {
  readonly id: string;
  readonly allowAboveHundred: boolean;
  /** Months after a period's end that its figure arrives by design (reporting-lag.ts); 0 for most. */
  readonly lagMonths: number;
  /** Whether the council publishes it: the public edition of the quarterly report shows only these (#15). */
  readonly public: boolean;
  /** The largest believable change from one period's figure to the next, in percent: a larger one is questioned at entry (#16). Null: no limit. */
  readonly maxChangePercent: number | null;
  /** Whether the variation analysis (process limits and special-cause signals) applies to it (#17). */
  readonly variationApplies: boolean;
  /** The period key (of its own frequency) where the process changed: the analysis rebases there (#17). Null: never. */
  readonly variationBaselineFrom: string | null;
  /** The limits are fixed from the first N points after the baseline start (#17, at least 12). Null: from all points. */
  readonly variationBaselinePoints: number | null;
  /** Null: the organisation's default applies. */
  readonly tolerance: Tolerance | null;
  readonly directorateId: string;
  readonly directorateName: string;
  readonly serviceId: string | null;
  readonly priorityId: string | null;
  readonly ownerId: string;
  readonly verifierId: string | null;
  readonly directorId: string | null;
  readonly delegateIds: readonly string[];
  readonly active: boolean;
}

export interface IndicatorFilter {
  readonly frequencies?: readonly Frequency[];
  readonly ids?: readonly string[];
  readonly directorateIds?: readonly string[];
  /** Owned by, or delegated to, any of these people. */
  readonly coveredBy?: readonly string[];
  /** Verified by any of these people (#16). */
  readonly verifiedBy?: readonly string[];
}

/** The register's own fields, as written by an import. */
export type IndicatorFields = Omit<IndicatorRecord, 'id' | 'directorateName' | 'active'>;

const include = { directorate: { select: { name: true } }, delegates: { select: { personId: true } } } as const;
type Row = Prisma.IndicatorGetPayload<{ include: typeof include }>;

export class IndicatorRepository {
  constructor(private readonly db: Db) {}

  async findByCode(code: string): Promise<IndicatorRecord | null> {
    const row = await this.db.indicator.findUnique({ where: { code }, include });
    return row ? toRecord(row) : null;
  }

  async findById(id: string): Promise<IndicatorRecord | null> {
    const row = await this.db.indicator.findUnique({ where: { id }, include });
    return row ? toRecord(row) : null;
  }

  /**
   * Active indicators narrowed in the query itself (not in memory): of these frequencies, with
   * these ids, owned or covered as a delegate by any of these people. Each filter given narrows;
   * with none, the whole active register, by code.
   */
  async active(filter: IndicatorFilter = {}): Promise<IndicatorRecord[]> {
    const [{ rows }] = await this.db.$queryRaw<[{ rows: RawIndicator[] | null }]>`
      SELECT json_agg(t ORDER BY t."code") AS "rows" FROM (${activeIndicatorsSql(filter)}) t`;
    return (rows ?? []).map(fromRawIndicator);
  }

  /** Active indicators the person owns or covers as a delegate. */
  async ownedOrDelegatedTo(personId: string): Promise<IndicatorRecord[]> {
    const rows = await this.db.indicator.findMany({
      where: { active: true, OR: [{ ownerId: personId }, { delegates: { some: { personId } } }] },
      include,
      orderBy: { code: 'asc' },
    });
    return rows.map(toRecord);
  }

  /** Active indicators the person owns, verifies, directs or covers as a delegate, by code. */
  async linkedTo(personId: string): Promise<IndicatorRecord[]> {
    const rows = await this.db.indicator.findMany({
      where: { active: true, OR: [{ ownerId: personId }, { verifierId: personId }, { directorId: personId }, { delegates: { some: { personId } } }] },
      include,
      orderBy: { code: 'asc' },
    });
    return rows.map(toRecord);
  }

  /** These indicators, by code; ids not found are left out. */
  async findByIds(ids: readonly string[]): Promise<IndicatorRecord[]> {
    const rows = await this.db.indicator.findMany({ where: { id: { in: [...ids] } }, include, orderBy: { code: 'asc' } });
    return rows.map(toRecord);
  }

  async findByCodes(codes: readonly string[]): Promise<IndicatorRecord[]> {
    const rows = await this.db.indicator.findMany({ where: { code: { in: [...codes] } }, include });
    return rows.map(toRecord);
  }

  async create(fields: IndicatorFields): Promise<IndicatorRecord> {
    const row = await this.db.indicator.create({
      data: { ...scalarData(fields), delegates: { create: fields.delegateIds.map((personId) => ({ personId })) } },
      include,
    });
    return toRecord(row);
  }

  /**
   * Adds many indicators (and their delegates) in two statements, for a whole register at once;
   * returns their ids in order. One array per column (unnest): far cheaper than a create per row.
   */
  async createMany(indicators: readonly IndicatorFields[]): Promise<string[]> {
    const ids = indicators.map(() => randomUUID());
    if (indicators.length === 0) return ids;
    const rows = indicators.map(scalarData);
    const column = <T>(pick: (row: ReturnType<typeof scalarData>) => T) => rows.map(pick);
    await this.db.$executeRaw`
      INSERT INTO "indicator" ("id", "code", "title", "definition", "kind", "unit", "decimals", "polarity", "frequency", "aggregation",
                               "lens", "allow_above_hundred", "lag_months", "public", "max_change_percent", "variation_applies",
                               "variation_baseline_from", "variation_baseline_points", "tolerance_kind", "tolerance_amount",
                               "directorate_id", "service_id", "priority_id", "owner_id", "verifier_id", "director_id", "updated_at")
      SELECT r."id", r."code", r."title", r."definition", r."kind"::"IndicatorKind", r."unit"::"Unit", r."decimals",
             r."polarity"::"Polarity", r."frequency"::"Frequency", r."aggregation"::"Aggregation", r."lens"::"Lens",
             r."allow_above_hundred", r."lag_months", r."public", r."max_change_percent", r."variation_applies",
             r."variation_baseline_from", r."variation_baseline_points", r."tolerance_kind"::"ToleranceKind", r."tolerance_amount",
             r."directorate_id", r."service_id",
             r."priority_id", r."owner_id", r."verifier_id", r."director_id", (now() AT TIME ZONE 'UTC')::timestamp(3)
        FROM unnest(${ids}::text[], ${column((r) => r.code)}::text[], ${column((r) => r.title)}::text[],
                    ${column((r) => r.definition)}::text[], ${column((r) => r.kind)}::text[], ${column((r) => r.unit)}::text[],
                    ${column((r) => r.decimals)}::int[], ${column((r) => r.polarity)}::text[], ${column((r) => r.frequency)}::text[],
                    ${column((r) => r.aggregation)}::text[], ${column((r) => r.lens)}::text[],
                    ${column((r) => String(r.allowAboveHundred))}::text[]::boolean[], ${column((r) => r.lagMonths)}::int[],
                    ${column((r) => String(r.public))}::text[]::boolean[],
                    ${column((r) => (r.maxChangePercent === null ? null : String(r.maxChangePercent)))}::text[]::numeric[],
                    ${column((r) => String(r.variationApplies))}::text[]::boolean[], ${column((r) => r.variationBaselineFrom)}::text[],
                    ${column((r) => r.variationBaselinePoints)}::int[],
                    ${column((r) => r.toleranceKind)}::text[],
                    ${column((r) => (r.toleranceAmount === null ? null : String(r.toleranceAmount)))}::text[]::numeric[],
                    ${column((r) => r.directorateId)}::text[], ${column((r) => r.serviceId)}::text[], ${column((r) => r.priorityId)}::text[],
                    ${column((r) => r.ownerId)}::text[], ${column((r) => r.verifierId)}::text[], ${column((r) => r.directorId)}::text[])
          AS r("id", "code", "title", "definition", "kind", "unit", "decimals", "polarity", "frequency", "aggregation", "lens",
               "allow_above_hundred", "lag_months", "public", "max_change_percent", "variation_applies", "variation_baseline_from",
               "variation_baseline_points", "tolerance_kind", "tolerance_amount", "directorate_id", "service_id", "priority_id",
               "owner_id", "verifier_id", "director_id")`;
    const delegates = indicators.flatMap((fields, i) => fields.delegateIds.map((personId) => ({ indicatorId: ids[i]!, personId })));
    if (delegates.length > 0) {
      await this.db.$executeRaw`
        INSERT INTO "indicator_delegate" ("indicator_id", "person_id")
        SELECT * FROM unnest(${delegates.map((d) => d.indicatorId)}::text[], ${delegates.map((d) => d.personId)}::text[])`;
    }
    return ids;
  }

  async update(id: string, fields: IndicatorFields): Promise<IndicatorRecord> {
    await this.db.indicatorDelegate.deleteMany({ where: { indicatorId: id } });
    const row = await this.db.indicator.update({
      where: { id },
      data: { ...scalarData(fields), delegates: { create: fields.delegateIds.map((personId) => ({ personId })) } },
      include,
    });
    return toRecord(row);
  }

  count(): Promise<number> {
    return this.db.indicator.count();
  }
}

function scalarData(fields: IndicatorFields) {
  const { delegateIds: _delegates, tolerance, ...rest } = fields;
  return {
    ...rest,
    toleranceKind: tolerance?.kind ?? null,
    toleranceAmount: tolerance === null ? null : tolerance.kind === 'ABSOLUTE' ? tolerance.amount : tolerance.percent,
  };
}

/**
 * The active indicators a filter names, as a SELECT of the IndicatorRecord's fields (with delegates
 * as a comma-separated list), for reads that take the register in one statement.
 *
 * SQL rather than findMany with includes: the whole register is read this way by every status,
 * and Prisma's relation loading and row mapping cost ten times the query itself at 1,000 rows.
 * Callers take the rows as one JSON value, which crosses from the embedded database (WebAssembly)
 * at half the cost of as many rows and columns.
 */
export function activeIndicatorsSql(filter: IndicatorFilter): Prisma.Sql {
  const conditions = [Prisma.sql`i."active"`];
  if (filter.frequencies) conditions.push(Prisma.sql`i."frequency"::text = ANY(${[...filter.frequencies]}::text[])`);
  if (filter.ids) conditions.push(Prisma.sql`i."id" = ANY(${[...filter.ids]}::text[])`);
  if (filter.directorateIds) conditions.push(Prisma.sql`i."directorate_id" = ANY(${[...filter.directorateIds]}::text[])`);
  if (filter.verifiedBy) conditions.push(Prisma.sql`i."verifier_id" = ANY(${[...filter.verifiedBy]}::text[])`);
  if (filter.coveredBy) {
    const people = [...filter.coveredBy];
    // A set of ids from the owner index and the delegates, not a test of every indicator in turn.
    // As an array (= ANY(ARRAY(...))) the planner probes the primary key with it; as IN (subquery)
    // it hashed the set and scanned every indicator (measured: 2.1 ms against 1.0 ms at 1,000).
    conditions.push(Prisma.sql`i."id" = ANY(ARRAY(
      SELECT o."id" FROM "indicator" o WHERE o."owner_id" = ANY(${people}::text[])
      UNION SELECT x."indicator_id" FROM "indicator_delegate" x WHERE x."person_id" = ANY(${people}::text[])))`);
  }
  return Prisma.sql`
    SELECT i."id", i."code", i."title", i."definition", i."kind"::text AS "kind", i."unit"::text AS "unit", i."decimals",
           i."polarity"::text AS "polarity", i."frequency"::text AS "frequency", i."aggregation"::text AS "aggregation",
           i."lens"::text AS "lens", i."allow_above_hundred" AS "allowAboveHundred", i."lag_months" AS "lagMonths", i."public",
           i."max_change_percent"::float8 AS "maxChangePercent", i."variation_applies" AS "variationApplies",
           i."variation_baseline_from" AS "variationBaselineFrom", i."variation_baseline_points" AS "variationBaselinePoints",
           i."tolerance_kind"::text AS "toleranceKind",
           i."tolerance_amount"::float8 AS "toleranceAmount", i."directorate_id" AS "directorateId", d."name" AS "directorateName",
           i."service_id" AS "serviceId", i."priority_id" AS "priorityId", i."owner_id" AS "ownerId", i."verifier_id" AS "verifierId",
           i."director_id" AS "directorId", i."active",
           (SELECT string_agg(x."person_id", ',' ORDER BY x."person_id") FROM "indicator_delegate" x WHERE x."indicator_id" = i."id") AS "delegateIds"
      FROM "indicator" i JOIN "directorate" d ON d."id" = i."directorate_id"
     WHERE ${Prisma.join(conditions, ' AND ')}`;
}

export interface RawIndicator extends Omit<IndicatorRecord, 'tolerance' | 'delegateIds'> {
  readonly toleranceKind: 'ABSOLUTE' | 'PERCENT_OF_TARGET' | null;
  readonly toleranceAmount: number | null;
  /** Comma-separated person ids, or null for none: ids are UUIDs, so no comma is ever inside one. */
  readonly delegateIds: string | null;
}

export function fromRawIndicator(row: RawIndicator): IndicatorRecord {
  const { toleranceKind, toleranceAmount, delegateIds, ...rest } = row;
  return { ...rest, tolerance: toTolerance(toleranceKind, toleranceAmount), delegateIds: delegateIds ? delegateIds.split(',').sort() : [] };
}

function toTolerance(kind: 'ABSOLUTE' | 'PERCENT_OF_TARGET' | null, amount: number | null): Tolerance | null {
  if (kind === null || amount === null) return null;
  return kind === 'ABSOLUTE' ? { kind: 'ABSOLUTE', amount } : { kind: 'PERCENT_OF_TARGET', percent: amount };
}

function toRecord(row: Row): IndicatorRecord {
  const amount = row.toleranceAmount === null ? null : row.toleranceAmount.toNumber();
  const tolerance: Tolerance | null =
    row.toleranceKind === null || amount === null
      ? null
      : row.toleranceKind === 'ABSOLUTE'
        ? { kind: 'ABSOLUTE', amount }
        : { kind: 'PERCENT_OF_TARGET', percent: amount };
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    definition: row.definition,
    kind: row.kind,
    unit: row.unit,
    decimals: row.decimals,
    polarity: row.polarity,
    frequency: row.frequency,
    aggregation: row.aggregation,
    lens: row.lens,
    allowAboveHundred: row.allowAboveHundred,
    lagMonths: row.lagMonths,
    public: row.public,
    maxChangePercent: row.maxChangePercent === null ? null : row.maxChangePercent.toNumber(),
    variationApplies: row.variationApplies,
    variationBaselineFrom: row.variationBaselineFrom,
    variationBaselinePoints: row.variationBaselinePoints,
    tolerance,
    directorateId: row.directorateId,
    directorateName: row.directorate.name,
    serviceId: row.serviceId,
    priorityId: row.priorityId,
    ownerId: row.ownerId,
    verifierId: row.verifierId,
    directorId: row.directorId,
    delegateIds: row.delegates.map((d) => d.personId).sort(),
    active: row.active,
  };
}
