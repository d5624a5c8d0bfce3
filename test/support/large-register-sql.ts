/**
 * A large council's register written straight in SQL (generate_series), for tests of query plans
 * and for benchmarks' set-up, where going through the import would time the import instead of the
 * thing measured. Deterministic: the same sizes give the same rows.
 *
 * People: `owners` owners (owner.N@bench.gov.uk, Entra id `00000000-0000-4000-8000-<N, 12 digits>`),
 * one director per directorate. Indicators: monthly KPIs, B0000..., owner i % owners, a tenth
 * ROLLING12 and the rest AVERAGE, alternately higher and lower is better, annual targets for every
 * financial year. Values: `months` months ending with `lastMonth`, one version each; the last month
 * is left empty for indicators whose number ends in 3, so some are still due.
 */
import type { SqlSession } from '../../src/db/sql-executor';

export interface LargeRegisterSize {
  readonly indicators: number;
  readonly owners: number;
  /** Months of history, ending with lastMonth. */
  readonly months: number;
  /** 'YYYY-MM' */
  readonly lastMonth: string;
  readonly directorates?: number;
}

export function ownerAadObjectId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export async function writeLargeRegister(sql: SqlSession, size: LargeRegisterSize): Promise<void> {
  const directorates = size.directorates ?? 40;
  const [year, month] = size.lastMonth.split('-').map(Number) as [number, number];
  const last = `${year}-${String(month).padStart(2, '0')}-01`;
  await sql.exec(`
    INSERT INTO "person" ("id", "aad_object_id", "email", "display_name", "updated_at")
    SELECT 'owner-' || n, '00000000-0000-4000-8000-' || lpad(n::text, 12, '0'), 'owner.' || n || '@bench.gov.uk',
           'Owner ' || n, now()
      FROM generate_series(0, ${size.owners - 1}) AS n;
    INSERT INTO "person" ("id", "email", "display_name", "updated_at")
    SELECT 'director-' || d, 'director.' || d || '@bench.gov.uk', 'Director ' || d, now()
      FROM generate_series(0, ${directorates - 1}) AS d;
    INSERT INTO "directorate" ("id", "name", "director_id")
    SELECT 'directorate-' || d, 'Directorate ' || lpad(d::text, 2, '0'), 'director-' || d
      FROM generate_series(0, ${directorates - 1}) AS d;
    INSERT INTO "indicator" ("id", "code", "title", "definition", "kind", "unit", "decimals", "polarity", "frequency",
                             "aggregation", "lens", "directorate_id", "owner_id", "director_id", "updated_at")
    SELECT 'indicator-' || i, 'B' || lpad(i::text, 4, '0'),
           'Benchmark indicator ' || i || ': percentage of cases in service area ' || (i % 97) || ' completed on time',
           'Generated for a large council.', 'KPI', 'PERCENT', 1,
           (CASE WHEN i % 2 = 0 THEN 'HIGHER' ELSE 'LOWER' END)::"Polarity", 'MONTHLY',
           (CASE WHEN i % 10 = 0 THEN 'ROLLING12' ELSE 'AVERAGE' END)::"Aggregation",
           (ARRAY['PEOPLE','FINANCE','CUSTOMERS','ENVIRONMENT','SERVICES'])[1 + i % 5]::"Lens",
           'directorate-' || (i % ${directorates}), 'owner-' || (i % ${size.owners}), 'director-' || (i % ${directorates}), now()
      FROM generate_series(0, ${size.indicators - 1}) AS i;
    INSERT INTO "indicator_value" ("id", "indicator_id", "period", "financial_year", "version", "value", "source", "entered_by_id", "entered_at")
    SELECT 'value-' || i || '-' || m, 'indicator-' || i, to_char(p, 'YYYY-MM'),
           (CASE WHEN extract(month FROM p) >= 4 THEN extract(year FROM p) ELSE extract(year FROM p) - 1 END)::int, 1,
           (CASE WHEN i % 10 = 0 THEN 2 ELSE 60 END) + ((i * 37 + m * 11) % 40), 'IMPORT', 'owner-' || (i % ${size.owners}),
           p + interval '40 days'
      FROM generate_series(0, ${size.indicators - 1}) AS i,
           generate_series(0, ${size.months - 1}) AS m,
           LATERAL (SELECT date '${last}' - make_interval(months => m) AS p) AS month
     WHERE NOT (m = 0 AND i % 10 = 3);
    INSERT INTO "target" ("id", "indicator_id", "period", "financial_year", "value", "updated_at")
    SELECT 'target-' || i || '-' || fy, 'indicator-' || i, fy || '/' || lpad(((fy + 1) % 100)::text, 2, '0'), fy,
           CASE WHEN i % 10 = 0 THEN 250 ELSE 80 END, now()
      FROM generate_series(0, ${size.indicators - 1}) AS i,
           generate_series(${year - Math.ceil(size.months / 12) - 1}, ${year}) AS fy;
    ANALYZE;
  `);
}
