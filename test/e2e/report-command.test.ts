/**
 * The admin's "report 2026/27 Q2" end to end: the real server over HTTP with the Teams stand-ins
 * (real tokens both ways). Someone outside the performance team is refused with nothing made; a
 * month is turned down saying the form to use; the admin gets the "Quarterly report ready" card
 * listing the files and linking the Scorecard tab's Reports page, and the Board channel gets the
 * same card through the outbox; a public pack posts nothing to the Board. The Scorecard tab's
 * Reports page then lists both packs and serves each file, byte for byte as stored, to a reader
 * signed in with an Entra ID token (a local stand-in's), and to nobody without one.
 */
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { EntraStandIn, type EntraUser } from '../support/teams/entra-stand-in';
import { APP_ID, TENANT_ID } from '../support/teams/teams-stand-ins';
import { startServer, type RunningServer } from '../support/child-process';
import { until } from '../support/until';
import { postActivity } from '../support/teams/post-activity';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { channelMessage, installation, message, personalConversationId, type ChannelPlace, type TeamsUser } from '../support/teams/activities';
import { cardOf, cardText } from '../support/card-json';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { BACKENDS, serverDatabase } from '../support/test-database';
import { openDatabase } from '../../src/db/open-database';
import { Store } from '../../src/db/store';
import { CLOCK_START_ENV } from '../support/clock-start';

const user = (key: keyof typeof DEMO_PEOPLE, teamsId: string): TeamsUser => ({
  teamsId, aadObjectId: DEMO_PEOPLE[key].aadObjectId, name: DEMO_PEOPLE[key].name, email: DEMO_PEOPLE[key].email,
});
const robert = user('performanceLead', '29:robert-hughes'); // admin
const tom = user('wasteManager', '29:tom-hargreaves'); // not in the performance team
const HOSTNAME = 'performance.fenmarsh.test';
const reader: EntraUser = { oid: DEMO_PEOPLE.councillor.aadObjectId, email: DEMO_PEOPLE.councillor.email, name: DEMO_PEOPLE.councillor.name };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const board: ChannelPlace = { teamId: '19:board-team@thread.tacv2', channelId: '19:board-channel@thread.tacv2', conversationId: '19:board-channel@thread.tacv2' };

describe.each(BACKENDS)('the "report" chat command, end to end [%s]', (backend) => {
  const teams = new TeamsStandIns();
  const entra = new EntraStandIn(`api://${HOSTNAME}/${APP_ID}`);
  /** By "pack id/file name": the SHA-256 of what the tab served. */
  const downloaded = new Map<string, string>();
  let server: RunningServer;
  let databaseUrl: string;
  let closeDatabase: () => Promise<void> = async () => {};

  const post = (activity: Record<string, unknown>) => postActivity(server.baseUrl, teams, activity);
  const lastTo = (who: TeamsUser) => teams.connector.messagesIn(personalConversationId(who)).at(-1);
  const boardCards = () => teams.connector.calls.filter((c) => c.kind === 'create' && c.conversationId.startsWith(board.channelId) && c.activity?.attachments)
    .map((c) => cardOf(c.activity)).filter((card) => /Quarterly report ready/.test(String(card.fallbackText)));

  beforeAll(async () => {
    await Promise.all([teams.start(), entra.start()]);
    for (const u of [robert, tom]) teams.connector.addMember({ id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId, email: u.email });
    ({ url: databaseUrl, close: closeDatabase } = await serverDatabase(backend, 'report'));
    server = await startServer({
      ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: databaseUrl, LOAD_DEMO_DATA: 'true', CYCLE_SCHEDULER_ENABLED: 'false',
      PUBLIC_HOSTNAME: HOSTNAME, TAB_OPENID_METADATA_URL: entra.openIdMetadataUrl,
    });
    for (const u of [robert, tom]) expect((await post(installation(u, teams.connector.serviceUrl))).status).toBe(200);
    await post(channelMessage(robert, teams.connector.serviceUrl, board, 'set board channel', { mentionBot: true }));
  });
  afterAll(async () => {
    await server?.stop();
    await Promise.all([teams.stop(), entra.stop()]);
    await closeDatabase();
  });

  it('refuses someone outside the performance team', async () => {
    expect((await post(message(tom, teams.connector.serviceUrl, 'report 2026/27 Q2'))).status).toBe(200);
    expect(String(lastTo(tom)?.text)).toMatch(/Only the performance team can make the quarterly report/);
  });

  it('turns down a month, saying the form of a quarter', async () => {
    await post(message(robert, teams.connector.serviceUrl, 'report 2026-09'));
    expect(String(lastTo(robert)?.text)).toMatch(/"2026-09" is a month: a report is for a financial quarter such as "2026\/27 Q2"/);
  });

  it('answers the admin with the report-ready card, and posts it to the Board channel', async () => {
    await post(message(robert, teams.connector.serviceUrl, 'report 2026/27 Q2'));
    const card = cardOf(lastTo(robert));
    const text = cardText(card);
    expect(text).toMatch(/Quarterly report ready: Q2 2026\/27 \(Jul–Sep 2026\)/);
    expect(text).toMatch(/\d+ red, \d+ amber, \d+ green/);
    expect(text).toContain('performance-report-2026-27-q2-committee.docx');
    expect(text).toContain('performance-report-2026-27-q2-data.xlsx');
    const open = (card.actions as { type: string; url: string }[])[0]!;
    expect(open.type).toBe('Action.OpenUrl');
    expect(open.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/[0-9a-f-]+\/scorecard\?context=/);
    const posted = await until('the Board card', () => (boardCards().length >= 1 ? boardCards() : null));
    expect(posted).toHaveLength(1);
    expect(String(posted[0]!.fallbackText)).toContain('performance-report-2026-27-q2-committee.docx');
  });

  it('makes the public edition with "public", posting nothing to the Board', async () => {
    await post(message(robert, teams.connector.serviceUrl, 'report 2026/27 Q2 public'));
    const text = cardText(cardOf(lastTo(robert)));
    expect(text).toMatch(/Public edition/);
    expect(text).toContain('performance-report-2026-27-q2-open-data.csv');
    expect(boardCards()).toHaveLength(1);
  });

  it('lists both packs on the Scorecard tab\'s Reports page and serves each file to a signed-in reader, and nothing without a token', async () => {
    const api = `${server.baseUrl}/api/tab/reports`;
    expect((await fetch(api)).status).toBe(401);
    const authorization = `Bearer ${await entra.accessToken(reader, { tenantId: TENANT_ID })}`;
    const response = await fetch(api, { headers: { authorization } });
    expect(response.status).toBe(200);
    const page = await response.json() as { quarters: { quarter: string; editions: { edition: string; files: { packId: string; name: string }[] }[] }[] };
    expect(page.quarters.map((q) => q.quarter)).toEqual(['2026/27 Q2']);
    const editions = page.quarters[0]!.editions;
    expect(editions.map((e) => e.edition)).toEqual(['committee', 'public']);
    const files = editions.flatMap((e) => e.files);
    expect(files.map((f) => f.name)).toEqual([
      'performance-report-2026-27-q2-committee.docx', 'performance-report-2026-27-q2-data.xlsx',
      'performance-report-2026-27-q2-public.html', 'performance-report-2026-27-q2-open-data.csv',
    ]);

    const fileUrl = (f: { packId: string; name: string }) => `${api}/file?pack=${encodeURIComponent(f.packId)}&name=${encodeURIComponent(f.name)}`;
    expect((await fetch(fileUrl(files[0]!))).status).toBe(401);
    expect((await fetch(`${api}/file?pack=${encodeURIComponent(files[0]!.packId)}&name=other.docx`, { headers: { authorization } })).status).toBe(404);
    for (const file of files) {
      const got = await fetch(fileUrl(file), { headers: { authorization } });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-disposition')).toBe(`attachment; filename="${file.name}"`);
      expect(got.headers.get('cache-control')).toBe('no-store');
      const bytes = new Uint8Array(await got.arrayBuffer());
      downloaded.set(`${file.packId}/${file.name}`, sha256(bytes));
      // Each file is what it says it is, read by a reader of its kind.
      if (file.name.endsWith('.docx')) expect((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value).toContain('Q2 2026/27');
      if (file.name.endsWith('.xlsx')) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
        expect(workbook.worksheets.length).toBeGreaterThan(0);
      }
      if (file.name.endsWith('.html')) expect(new TextDecoder().decode(bytes)).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
      if (file.name.endsWith('.csv')) expect(new TextDecoder().decode(bytes)).toMatch(/^\uFEFF?report_quarter,indicator_code,/);
    }
  });

  it('stored only the admin\'s two packs, each with its files, made by the admin', async () => {
    await server.stop();
    const database = await openDatabase(databaseUrl, { purpose: 'checking the report test' });
    try {
      const store = new Store(database.prisma);
      const packs = await store.repos.reportPacks.list();
      expect(packs.map((p) => p.edition).sort()).toEqual(['committee', 'public']);
      const admin = (await store.repos.people.findByEmail(robert.email))!;
      expect(packs.every((p) => p.generatedById === admin.id && p.files.length === 2 && p.files.every((f) => f.size > 0))).toBe(true);
      // What the tab served is what was stored, byte for byte.
      expect(downloaded.size).toBe(4);
      for (const [key, hash] of downloaded) {
        const [packId, name] = key.split('/') as [string, string];
        const stored = await store.repos.reportPacks.file(packId, name);
        expect(stored && sha256(stored.bytes)).toBe(hash);
      }
    } finally {
      await database.close();
    }
  });
});
