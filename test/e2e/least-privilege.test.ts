/**
 * The server on PostgreSQL as a council's DBA would run it: the schema migrated at release time by
 * its owner (`npm run db:migrate`), the server itself connecting as a role that may only read and
 * write rows (CONNECT, USAGE on the schema, SELECT/INSERT/UPDATE/DELETE on the tables, USAGE/SELECT
 * on the sequences), with MIGRATE_ON_START off as the production example has it. The append-only
 * tables must hold against that role as they do against a bug.
 *
 * PostgreSQL only (roles and grants are the point), so this needs TEST_DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runScript, startServer, type RunningServer } from '../support/child-process';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { installation, message, cardAction, personalConversationId, type TeamsUser } from '../support/teams/activities';
import { cardOf, cardText, inputIds } from '../support/card-json';
import { BACKENDS } from '../support/test-database';
import { adminQuery, databaseUrlFor, untilDisconnected } from '../support/postgres-admin';
import { CLOCK_START_ENV } from '../support/clock-start';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';

const withPostgres = BACKENDS.includes('postgres') ? describe : describe.skip;
const gareth: TeamsUser = { teamsId: '29:gareth-lewis', aadObjectId: DEMO_PEOPLE.benefitsManager.aadObjectId, name: 'Gareth Lewis', email: DEMO_PEOPLE.benefitsManager.email };

/** Runs statements on one database as the URL's role, returning the last one's rows. */
async function queryAs<Row = Record<string, unknown>>(url: string, ...statements: string[]): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    let rows: Row[] = [];
    for (const statement of statements) rows = (await client.query(statement)).rows as Row[];
    return rows;
  } finally {
    await client.end();
  }
}

/** The error PostgreSQL answers `statement` with, run as the URL's role (fails the test if it succeeds). */
async function refusal(url: string, statement: string): Promise<string> {
  return queryAs(url, statement).then(
    () => {
      throw new Error(`${statement} was allowed`);
    },
    (error: Error) => error.message,
  );
}

withPostgres('the server on PostgreSQL as a role that may only read and write rows [postgres; skipped without TEST_DATABASE_URL]', () => {
  const teams = new TeamsStandIns();
  const name = `perfbot_least_${randomBytes(5).toString('hex')}`;
  const role = `${name}_app`;
  const ownerUrl = databaseUrlFor(name);
  const appUrl = (() => {
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = 'not-checked-under-trust-auth';
    return url.toString();
  })();
  let server: RunningServer | null = null;

  beforeAll(async () => {
    await teams.start();
    teams.connector.addMember({ id: gareth.teamsId, name: gareth.name, aadObjectId: gareth.aadObjectId, email: gareth.email });
    await adminQuery(`CREATE DATABASE ${name}`); // empty: not from the migrated template
  });
  afterAll(async () => {
    await server?.stop();
    await teams.stop();
    await untilDisconnected(name);
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`DROP ROLE IF EXISTS ${role}`);
  });

  it('refuses to start on a database behind its code, naming the release step, and changes nothing', async () => {
    const run = await runScript('src/main.ts', [], { ...teams.serverEnv(), ...CLOCK_START_ENV, PORT: '0', DATABASE_URL: ownerUrl });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not at the latest migration: \d+ not applied/);
    expect(run.stderr).toMatch(/MIGRATE_ON_START is false.*run `npm run db:migrate`/);
    const [tables] = await queryAs<{ count: number }>(ownerUrl, `SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables!.count).toBe(0);
  });

  it('is migrated by `npm run db:migrate` as the schema owner, the release step', async () => {
    const run = await runScript('src/cli/migrate.ts', [], { DATABASE_URL: ownerUrl });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Migrated the database: .*_init/);
    expect(run.stdout).toMatch(/is up to date with prisma\/migrations/);
  });

  it('grants the server role rows only: no schema changes, no TRUNCATE', async () => {
    await adminQuery(`CREATE ROLE ${role} LOGIN PASSWORD 'not-checked-under-trust-auth'`);
    await queryAs(
      ownerUrl,
      // Nobody gets anything by default, so the role has exactly what is granted below.
      `REVOKE ALL ON DATABASE ${name} FROM PUBLIC`,
      `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
      `GRANT CONNECT ON DATABASE ${name} TO ${role}`,
      `GRANT USAGE ON SCHEMA public TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    );
    expect(await refusal(appUrl, 'CREATE TABLE intruder (id int)')).toMatch(/permission denied for schema public/);
    expect(await refusal(appUrl, 'CREATE TEMPORARY TABLE intruder (id int)')).toMatch(/permission denied to create temporary tables/);
    expect(await refusal(appUrl, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')).toMatch(/must be owner/);
    // TRUNCATE fires no row trigger, so granting it would empty the append-only tables.
    expect(await refusal(appUrl, 'TRUNCATE audit_log')).toMatch(/permission denied/);
  });

  it('starts as that role with MIGRATE_ON_START off, answers readiness, and loads the demo only when asked', async () => {
    server = await startServer({ ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: appUrl, LOAD_DEMO_DATA: 'true', CYCLE_SCHEDULER_ENABLED: 'true' });
    expect(server.output()).toMatch(/"migrateOnStart":false/);
    expect(server.output()).toMatch(/demo register loaded/);
    for (const path of ['/livez', '/readyz']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
    expect(await (await fetch(`${server.baseUrl}/readyz`)).json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' });
  });

  it('stores a submit as that role', async () => {
    const post = async (activity: Record<string, unknown>) => {
      const response = await fetch(`${server!.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await teams.channel.authorization(String(activity.serviceUrl)) },
        body: JSON.stringify(activity),
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      return text ? JSON.parse(text) : undefined;
    };
    await post(installation(gareth, teams.connector.serviceUrl));
    await post(message(gareth, teams.connector.serviceUrl, 'submit'));
    const card = cardOf(teams.connector.messagesIn(personalConversationId(gareth)).at(-1));
    const [first, second] = inputIds(card).filter((id) => id.startsWith('value:'));
    const period = (card.actions as { data: { period: string } }[])[0]!.data.period;
    const reply = await post(cardAction(gareth, teams.connector.serviceUrl, 'entry.submit', { period, [first!]: '21.3', [second!]: '8.5' }));
    expect(cardText(reply.value)).toMatch(/Saved 2 values/);

    const stored = await queryAs<{ value: string }>(
      ownerUrl,
      `SELECT v.value::text AS value FROM indicator_value v JOIN person p ON p.id = v.entered_by_id
        WHERE p.email = '${gareth.email}' AND v.period = '${period}' ORDER BY v.value`,
    );
    expect(stored.map((row) => Number(row.value))).toEqual([8.5, 21.3]);
    // Nothing the server did in the background (scheduler, dispatcher, jobs) hit a missing privilege.
    expect(server!.output()).not.toMatch(/permission denied|must be owner/);
  });

  it('makes a quarterly report pack as that role, which needs nothing more', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'perfbot-least-privilege-report-'));
    const run = await runScript('src/cli/report.ts', ['2026/27 Q2', '--out', out], { ...CLOCK_START_ENV, DATABASE_URL: appUrl });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['performance-report-2026-27-q2-committee.docx', 'performance-report-2026-27-q2-data.xlsx']);
  });

  it('keeps the append-only tables append-only for that role', async () => {
    const tables = ['indicator_value', 'audit_log', 'value_narrative', 'board_commentary', 'report_pack', 'report_pack_file'];
    const rows = await queryAs<{ table: string; n: number }>(ownerUrl, tables.map((t) => `SELECT '${t}' AS table, count(*)::int AS n FROM ${t}`).join(' UNION ALL '));
    // A trigger FOR EACH ROW is only tested on rows: the demo and the submit wrote values and audit
    // (narratives and commentary, when there are any; test/db tests those triggers on both databases).
    const withRows = rows.filter((row) => row.n > 0).map((row) => row.table);
    expect(withRows).toEqual(expect.arrayContaining(['indicator_value', 'audit_log', 'report_pack', 'report_pack_file']));
    for (const table of withRows) {
      expect(await refusal(appUrl, `UPDATE ${table} SET id = id`)).toMatch(new RegExp(`${table} is append-only: UPDATE is not allowed`));
      expect(await refusal(appUrl, `DELETE FROM ${table}`)).toMatch(new RegExp(`${table} is append-only: DELETE is not allowed`));
    }
    // Nor may it set the anonymiser's switch and rewrite who did what.
    expect(await refusal(appUrl, `BEGIN; SET LOCAL perfbot.anonymising = 'on'; UPDATE audit_log SET actor_label = 'someone else'; COMMIT`))
      .toMatch(/audit_log is append-only: UPDATE is not allowed/);
    expect(await refusal(appUrl, `SELECT anonymise_audit_actor('x', 'y', ARRAY['z'])`)).toMatch(/permission denied for function anonymise_audit_actor/);
  });

  it('lets only the schema owner anonymise a leaver: the server role is told so, and nothing changes', async () => {
    const countOf = async () => (await queryAs<{ n: number }>(ownerUrl, `SELECT count(*)::int AS n FROM person WHERE email = '${gareth.email}'`))[0]!.n;
    const asApp = await runScript('src/cli/anonymise-person.ts', [gareth.email], { DATABASE_URL: appUrl });
    expect(asApp.status).toBe(77);
    expect(asApp.stderr).toMatch(/may not rewrite names in the audit log, so nothing was changed.*npm run db:migrate/);
    expect(await countOf()).toBe(1);
    const asOwner = await runScript('src/cli/anonymise-person.ts', [gareth.email], { DATABASE_URL: ownerUrl });
    expect(asOwner.status).toBe(0);
    expect(await countOf()).toBe(0);
  });
});
