import type { Db } from '../prisma-types';
import { timeOrderedId } from '../time-ordered-id';

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
  /** The owner marked it an estimate, to be replaced by the actual figure (#16). */
  readonly estimated: boolean;
  /** It was unusual for the indicator (unusual-value.ts) and its owner confirmed it at entry (#16). */
  readonly unusualConfirmed: boolean;
  readonly enteredById: string | null;
  readonly enteredAt: Date;
}

/** A version to store; an import's figures are neither estimates nor questioned (the flags default to false). */
export type NewValue = Omit<ValueVersion, 'id' | 'version' | 'enteredAt' | 'estimated' | 'unusualConfirmed'> &
  { readonly enteredAt?: Date; readonly estimated?: boolean; readonly unusualConfirmed?: boolean };

/** A version whose number the writer has worked out from what it read in the same transaction. */
export type NumberedValue = NewValue & { readonly version: number };

/** What a writer needs to know of the version a period has now, to tell a change from a repeat. */
export interface CurrentVersion {
  readonly indicatorId: string;
  readonly period: string;
  readonly version: number;
  readonly value: number;
  readonly note: string;
}

/** A submission's values for one period, by one person, to store where they differ from what is there. */
export interface ChangedValues {
  readonly period: string;
  readonly financialYear: number;
  readonly source: ValueSource;
  readonly enteredById: string;
  /** Who the audit names as having acted. */
  readonly actorLabel: string;
  readonly enteredAt: Date;
  readonly values: readonly SubmittedValue[];
}

/** One figure of a submission, with the flags the owner gave it: a change of flag alone is a new version too. */
export interface SubmittedValue {
  readonly indicatorId: string;
  readonly value: number;
  readonly note: string;
  readonly estimated: boolean;
  readonly unusualConfirmed: boolean;
}

export class ValueRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<ValueVersion | null> {
    const row = await this.db.indicatorValue.findUnique({ where: { id } });
    return row ? toVersion(row) : null;
  }

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

  /**
   * A submission's figures for one period, in one statement: each value that differs from its
   * period's current version (in value, note or flags) is stored as the next version, with its audit
   * entry ("value.created", or "value.corrected" with what it replaced), and the versions stored
   * are returned in the order given. A repeat of what is stored writes nothing. One statement is
   * atomic on its own, so a crash leaves all of it or none; should another writer add a version
   * meanwhile, the unique (indicator, period, version) key refuses the whole statement, so no
   * correction is ever lost silently.
   */
  async appendChanged(submission: ChangedValues): Promise<ValueVersion[]> {
    if (submission.values.length === 0) return [];
    const input = JSON.stringify(submission.values.map((v, ord) => ({ ...v, id: timeOrderedId(), ord })));
    const [{ rows }] = await this.db.$queryRaw<[{ rows: RawVersion[] | null }]>`
      WITH "input" AS (
        SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS x("id" text, "ord" int, "indicatorId" text, "value" numeric, "note" text,
                                                               "estimated" boolean, "unusualConfirmed" boolean)),
      "current" AS (
        SELECT c.* FROM "input" i CROSS JOIN LATERAL (
          SELECT v."indicator_id", v."version", v."value", v."note", v."estimated", v."unusual_confirmed" FROM "indicator_value" v
           WHERE v."indicator_id" = i."indicatorId" AND v."period" = ${submission.period}
           ORDER BY v."version" DESC LIMIT 1) c),
      "changed" AS (
        SELECT i.*, c."version" AS "previousVersion", c."value" AS "previousValue", c."note" AS "previousNote",
               c."estimated" AS "previousEstimated", c."unusual_confirmed" AS "previousUnusualConfirmed"
          FROM "input" i LEFT JOIN "current" c ON c."indicator_id" = i."indicatorId"
         WHERE c."indicator_id" IS NULL OR c."value" <> i."value" OR c."note" IS DISTINCT FROM i."note"
            OR c."estimated" <> i."estimated" OR c."unusual_confirmed" <> i."unusualConfirmed"),
      "stored" AS (
        INSERT INTO "indicator_value" ("id", "indicator_id", "period", "financial_year", "version", "value", "note", "source", "estimated",
                                       "unusual_confirmed", "entered_by_id", "entered_at")
        SELECT c."id", c."indicatorId", ${submission.period}, ${submission.financialYear}, COALESCE(c."previousVersion", 0) + 1, c."value", c."note",
               ${submission.source}::text::"ValueSource", c."estimated", c."unusualConfirmed", ${submission.enteredById},
               ${submission.enteredAt.toISOString()}::timestamp(3)
          FROM "changed" c
        RETURNING "id", "indicator_id", "period", "financial_year", "version", "value", "note", "source", "estimated", "unusual_confirmed",
                  "entered_by_id", "entered_at"),
      "audited" AS (
        INSERT INTO "audit_log" ("actor_id", "actor_label", "action", "entity_type", "entity_id", "before", "after")
        SELECT ${submission.enteredById}, ${submission.actorLabel},
               CASE WHEN c."previousVersion" IS NULL THEN 'value.created' ELSE 'value.corrected' END, 'IndicatorValue', s."id",
               CASE WHEN c."previousVersion" IS NULL THEN NULL
                    ELSE jsonb_build_object('value', c."previousValue"::float8, 'note', c."previousNote", 'version', c."previousVersion",
                                            'estimated', c."previousEstimated", 'unusualConfirmed', c."previousUnusualConfirmed") END,
               jsonb_build_object('indicatorId', s."indicator_id", 'period', s."period", 'value', s."value"::float8, 'note', s."note", 'version', s."version",
                                  'estimated', s."estimated", 'unusualConfirmed', s."unusual_confirmed")
          FROM "stored" s JOIN "changed" c ON c."id" = s."id"
         ORDER BY c."ord")
      SELECT json_agg(json_build_object(
               'id', s."id", 'indicatorId', s."indicator_id", 'period', s."period", 'financialYear', s."financial_year", 'version', s."version",
               'value', s."value"::float8, 'note', s."note", 'source', s."source"::text, 'estimated', s."estimated",
               'unusualConfirmed', s."unusual_confirmed", 'enteredById', s."entered_by_id", 'enteredAt', s."entered_at")
             ORDER BY c."ord") AS "rows"
        FROM "stored" s JOIN "changed" c ON c."id" = s."id"`;
    return (rows ?? []).map((row) => ({ ...row, enteredAt: utc(row.enteredAt) }));
  }

  /**
   * The current version of every period's value for these indicators, in one query (DISTINCT ON
   * over the (indicator, period, version) key), for writers that compare a whole file at once.
   */
  async currentVersionsForWriting(indicatorIds: readonly string[]): Promise<CurrentVersion[]> {
    if (indicatorIds.length === 0) return [];
    const rows = await this.db.$queryRaw<{ indicator_id: string; period: string; version: number; value: string; note: string }[]>`
      SELECT DISTINCT ON ("indicator_id", "period") "indicator_id", "period", "version", "value"::text AS "value", "note"
        FROM "indicator_value"
       WHERE "indicator_id" = ANY(${[...indicatorIds]}::text[])
       ORDER BY "indicator_id", "period", "version" DESC`;
    return rows.map((row) => ({ indicatorId: row.indicator_id, period: row.period, version: row.version, value: Number(row.value), note: row.note }));
  }

  /**
   * Adds many versions in one statement, each with the number the caller gives it; returns their ids
   * in order. The unique (indicator, period, version) key still refuses a version another writer
   * took meanwhile, which fails the whole transaction rather than losing either figure.
   */
  async appendNumbered(values: readonly NumberedValue[]): Promise<string[]> {
    const ids = values.map(() => timeOrderedId());
    if (values.length === 0) return ids;
    // One array per column (unnest), so the statement stays small whatever the number of rows. A
    // version with no enteredAt takes the column's default, as a Prisma create would give it.
    await this.db.$executeRaw`
      INSERT INTO "indicator_value" ("id", "indicator_id", "period", "financial_year", "version", "value", "note", "source", "estimated",
                                     "unusual_confirmed", "entered_by_id", "entered_at")
      SELECT row."id", row."indicator_id", row."period", row."financial_year", row."version", row."value", row."note", row."source",
             row."estimated", row."unusual_confirmed", row."entered_by_id", COALESCE(row."entered_at", CURRENT_TIMESTAMP)
        FROM unnest(${ids}::text[], ${values.map((v) => v.indicatorId)}::text[], ${values.map((v) => v.period)}::text[],
                    ${values.map((v) => v.financialYear)}::int[], ${values.map((v) => v.version)}::int[],
                    ${values.map((v) => String(v.value))}::numeric[], ${values.map((v) => v.note)}::text[],
                    ${values.map((v) => v.source)}::text[]::"ValueSource"[], ${values.map((v) => String(v.estimated ?? false))}::text[]::boolean[],
                    ${values.map((v) => String(v.unusualConfirmed ?? false))}::text[]::boolean[], ${values.map((v) => v.enteredById)}::text[],
                    ${values.map((v) => v.enteredAt?.toISOString() ?? null)}::timestamp(3)[])
          AS row("id", "indicator_id", "period", "financial_year", "version", "value", "note", "source", "estimated", "unusual_confirmed",
                 "entered_by_id", "entered_at")`;
    return ids;
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

  /**
   * The current (latest) version of these periods' values for these indicators: the question most
   * reads ask, answered from the (indicator, period, version) key without touching the rest of an
   * indicator's history.
   */
  async currentForPeriods(indicatorIds: readonly string[], periods: readonly string[]): Promise<ValueVersion[]> {
    if (indicatorIds.length === 0 || periods.length === 0) return [];
    // One JSON value rather than rows: see IndicatorRepository.active.
    const [{ rows }] = await this.db.$queryRaw<[{ rows: RawVersion[] | null }]>`
      SELECT json_agg(t) AS "rows" FROM (
        SELECT DISTINCT ON (v."indicator_id", v."period")
               v."id", v."indicator_id" AS "indicatorId", v."period", v."financial_year" AS "financialYear", v."version",
               v."value"::float8 AS "value", v."note", v."source"::text AS "source", v."estimated", v."unusual_confirmed" AS "unusualConfirmed",
               v."entered_by_id" AS "enteredById", v."entered_at" AS "enteredAt"
          FROM "indicator_value" v
         WHERE v."indicator_id" = ANY(${[...indicatorIds]}::text[]) AND v."period" = ANY(${[...periods]}::text[])
         ORDER BY v."indicator_id", v."period", v."version" DESC) t`;
    return (rows ?? []).map((row) => ({ ...row, enteredAt: utc(row.enteredAt) }));
  }

  /**
   * Each indicator's current figures for up to `limit` periods before `period` of its kind (keys of
   * one kind share a shape, "2026-10", "2026/27 Q2", "2026/27", and sort in time order), newest first: the history an entered figure is judged
   * against (unusual-value.ts). One index probe per indicator on the (indicator, period, version) key.
   */
  async figuresBefore(indicatorIds: readonly string[], period: string, limit: number): Promise<{ indicatorId: string; period: string; value: number }[]> {
    if (indicatorIds.length === 0) return [];
    const [{ rows }] = await this.db.$queryRaw<[{ rows: { indicatorId: string; period: string; value: number }[] | null }]>`
      SELECT json_agg(json_build_object('indicatorId', i."id", 'period', f."period", 'value', f."value")) AS "rows"
        FROM unnest(${[...indicatorIds]}::text[]) AS i("id")
        CROSS JOIN LATERAL (
          SELECT DISTINCT ON (v."period") v."period", v."value"::float8 AS "value"
            FROM "indicator_value" v
           WHERE v."indicator_id" = i."id" AND v."period" < ${period} AND v."period" LIKE ${period.replace(/\d/g, '_')}
           ORDER BY v."period" DESC, v."version" DESC
           LIMIT ${limit}) f`;
    return rows ?? [];
  }

  /**
   * Each indicator's current figures from period `from` to `to` (keys of one kind, which sort in
   * time order), oldest first, for the variation analysis (#17). One index range probe per indicator
   * on the (indicator, period, version) key, so the read grows with the years asked for, not with all
   * the history stored; and each history comes back as two comma-joined strings (the numeric's own
   * text, exact) rather than a JSON object per figure, which on the embedded database is most of the
   * cost of reading 60,000 figures.
   */
  async histories(indicatorIds: readonly string[], from: string, to: string): Promise<Map<string, { periods: string[]; values: number[] }>> {
    const result = new Map<string, { periods: string[]; values: number[] }>();
    if (indicatorIds.length === 0) return result;
    const rows = await this.db.$queryRaw<{ indicatorId: string; periods: string; values: string }[]>`
      SELECT i."id" AS "indicatorId", string_agg(f."period", ',' ORDER BY f."period") AS "periods",
             string_agg(f."value"::text, ',' ORDER BY f."period") AS "values"
        FROM unnest(${[...indicatorIds]}::text[]) AS i("id")
        CROSS JOIN LATERAL (
          SELECT DISTINCT ON (v."period") v."period", v."value"
            FROM "indicator_value" v
           WHERE v."indicator_id" = i."id" AND v."period" >= ${from} AND v."period" <= ${to} AND v."period" LIKE ${to.replace(/\d/g, '_')}
           ORDER BY v."period", v."version" DESC) f
       GROUP BY i."id"`;
    for (const row of rows) result.set(row.indicatorId, { periods: row.periods.split(','), values: row.values.split(',').map(Number) });
    return result;
  }

  /**
   * Every period that any active indicator has a value for, in no particular order. A loose index
   * scan (one probe of the period index per distinct period, then one look for an active
   * indicator's value in it) instead of grouping every value ever stored: five years of a large
   * register is 60,000 rows but only 60 periods.
   */
  async periodsWithValues(): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ period: string }[]>`
      WITH RECURSIVE periods AS (
        (SELECT "period" FROM "indicator_value" ORDER BY "period" LIMIT 1)
        UNION ALL
        SELECT (SELECT v."period" FROM "indicator_value" v WHERE v."period" > periods."period" ORDER BY v."period" LIMIT 1)
          FROM periods WHERE periods."period" IS NOT NULL
      )
      SELECT periods."period" FROM periods
       WHERE periods."period" IS NOT NULL
         AND (SELECT true FROM "indicator_value" v JOIN "indicator" i ON i."id" = v."indicator_id"
               WHERE v."period" = periods."period" AND i."active" LIMIT 1)`;
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
  estimated: boolean;
  unusualConfirmed: boolean;
  enteredById: string | null;
  enteredAt: Date;
}): ValueVersion {
  return { ...row, value: row.value.toNumber() };
}

/** A version as json_agg gives it: the timestamp as text, without its zone. */
type RawVersion = Omit<ValueVersion, 'enteredAt'> & { readonly enteredAt: string };

/** Timestamps are stored as UTC in columns without a zone; JSON gives them as "2026-11-17T10:00:00.123". */
export function utc(text: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}
