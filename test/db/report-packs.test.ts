/**
 * Quarterly report packs in the database (#15), on both backends: a pack is generated from the
 * model, stored whole with its files (bytes stored are the bytes fetched), kept for every
 * generation, never changed, never half-stored, and a committee pack announces itself to the Board
 * channel through the outbox, once. Holds with the real renderers as with placeholders: it checks
 * names, media types, sizes and bytes, never the files' contents.
 */
import { describeEachDatabase } from '../support/test-database';
import { quarterPeriod } from '../../src/domain/periods';
import { ReportPackService, REPORT_READY_PURPOSE, type ReportRenderers } from '../../src/app/report/report-pack-service';
import { reportRenderers } from '../../src/app/report/report-renderers';
import type { Clock } from '../../src/clock';

const T0 = new Date('2026-10-20T10:15:00Z');
const Q2 = quarterPeriod(2026, 2);
const clockAt = (date: Date): Clock => ({ now: () => date });
const settings = { defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 5 } as const, teamsAppId: '5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21' };
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EXCEL = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDatabase('report packs', (db) => {
  const service = (renderers: ReportRenderers = reportRenderers, at = T0) => new ReportPackService(db().store, clockAt(at), settings, renderers);

  it('stores a committee pack (Word report and Excel appendix) and serves back the very bytes it rendered', async () => {
    // In the pack's order (Word, then Excel), whichever of the two threads finishes first.
    const rendered: Uint8Array[] = [];
    const spying: ReportRenderers = {
      ...reportRenderers,
      renderCommitteeReport: async (m) => { const f = await reportRenderers.renderCommitteeReport(m); rendered[0] = f.bytes; return f; },
      renderDataAppendix: async (m) => { const f = await reportRenderers.renderDataAppendix(m); rendered[1] = f.bytes; return f; },
    };
    const pack = await service(spying).generate(Q2, 'committee', null);
    expect(pack).toMatchObject({ quarter: '2026/27 Q2', quarterLabel: 'Q2 2026/27 (Jul–Sep 2026)', edition: 'committee', generatedAt: T0.toISOString(), generatedById: null });
    expect(pack.files.map((f) => [f.name, f.mediaType])).toEqual([
      ['performance-report-2026-27-q2-committee.docx', WORD],
      ['performance-report-2026-27-q2-data.xlsx', EXCEL],
    ]);
    for (const [i, summary] of pack.files.entries()) {
      const file = await service().file(pack.id, summary.name);
      expect(file).not.toBeNull();
      expect(file!.bytes.byteLength).toBeGreaterThan(0);
      expect(file!.bytes.byteLength).toBe(summary.sizeBytes);
      expect(Buffer.from(file!.bytes).equals(Buffer.from(rendered[i]!))).toBe(true);
      expect(file!.mediaType).toBe(summary.mediaType);
    }
    expect(await service().file(pack.id, 'performance-report-2026-27-q2-public.html')).toBeNull();
    expect(await service().file('no-such-pack', 'performance-report-2026-27-q2-committee.docx')).toBeNull();
  });

  it('stores a public pack as the web page and the open-data CSV, made from the public edition of the model', async () => {
    const editions: string[] = [];
    const watching: ReportRenderers = { ...reportRenderers, renderPublicPage: (m) => { editions.push(m.edition); return reportRenderers.renderPublicPage(m); } };
    const pack = await service(watching).generate(Q2, 'public', null);
    expect(editions).toEqual(['public']);
    expect(pack.edition).toBe('public');
    expect(pack.files.map((f) => f.name)).toEqual(['performance-report-2026-27-q2-public.html', 'performance-report-2026-27-q2-open-data.csv']);
    expect(pack.files[0]!.mediaType).toMatch(/^text\/html/);
    expect(pack.files[1]!.mediaType).toMatch(/^text\/csv/);
  });

  it('keeps every generation, listed newest quarter first, then newest generated first', async () => {
    const first = await service(reportRenderers, T0).generate(Q2, 'committee', null);
    const q1 = await service(reportRenderers, new Date('2026-10-21T09:00:00Z')).generate(quarterPeriod(2026, 1), 'public', null);
    const again = await service(reportRenderers, new Date('2026-10-22T09:00:00Z')).generate(Q2, 'committee', null);
    const listed = await service().list();
    expect(listed.map((p) => p.id)).toEqual([again.id, first.id, q1.id]);
    expect(listed[0]!.files.map((f) => f.sizeBytes)).toEqual(again.files.map((f) => f.sizeBytes));
    expect(listed[2]).toMatchObject({ quarter: '2026/27 Q1', quarterLabel: 'Q1 2026/27 (Apr–Jun 2026)', edition: 'public' });
  });

  it('never stores half a pack: a renderer that fails leaves nothing behind', async () => {
    const failing: ReportRenderers = { ...reportRenderers, renderDataAppendix: async () => { throw new Error('Excel broke'); } };
    await expect(service(failing).generate(Q2, 'committee', null)).rejects.toThrow('Excel broke');
    const failingWrite: ReportRenderers = {
      ...reportRenderers,
      // Two files of one name break the (pack, name) key part-way through the write.
      renderDataAppendix: async (m) => ({ ...(await reportRenderers.renderDataAppendix(m)), name: (await reportRenderers.renderCommitteeReport(m)).name }),
    };
    await expect(service(failingWrite).generate(Q2, 'committee', null)).rejects.toThrow();
    expect(await service().list()).toEqual([]);
    expect((await db().database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM report_pack_file'))[0]!.n).toBe(0);
  });

  it('will not let a stored pack or its files be changed or deleted', async () => {
    const pack = await service().generate(Q2, 'committee', null);
    const { sql } = db().database;
    await expect(sql.query(`UPDATE report_pack_file SET bytes = '\\x00'::bytea`)).rejects.toThrow(/report_pack_file is append-only: UPDATE/);
    await expect(sql.query(`DELETE FROM report_pack_file`)).rejects.toThrow(/report_pack_file is append-only: DELETE/);
    await expect(sql.query(`UPDATE report_pack SET quarter = '2025/26 Q4'`)).rejects.toThrow(/report_pack is append-only: UPDATE/);
    await expect(sql.query(`DELETE FROM report_pack`)).rejects.toThrow(/report_pack is append-only: DELETE/);
    expect((await service().list()).map((p) => p.id)).toEqual([pack.id]);
  });

  it('puts one "report ready" card for the Board channel in the outbox for a committee pack, none for a public one', async () => {
    const { store } = db();
    // No Board channel yet: the pack is stored, no card.
    await service().generate(Q2, 'committee', null);
    await store.repos.board.setChannel({ teamId: '19:team@thread.tacv2', channelId: '19:board@thread.tacv2', serviceUrl: 'https://smba.example/', tenantId: 'tenant', setById: null, setAt: T0 });
    const generated = await service().generateWithCard(Q2, 'committee', null);
    expect(generated.boardCardQueued).toBe(true);
    const publicPack = await service().generateWithCard(Q2, 'public', null);
    expect(publicPack.boardCardQueued).toBe(false);
    const cards = await db().database.sql.query<{ dedupe_key: string; recipient: string; activity: { summary: string; attachments: { content: { actions: { url: string }[] } }[] } }>(
      `SELECT dedupe_key, recipient, activity FROM outbox_message WHERE purpose = $1`, [REPORT_READY_PURPOSE],
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]!.dedupe_key).toBe(`${REPORT_READY_PURPOSE}|board|${generated.summary.id}`);
    expect(cards[0]!.recipient).toBe('channel:19:board@thread.tacv2');
    expect(cards[0]!.activity.summary).toContain('Quarterly report ready: Q2 2026/27 (Jul–Sep 2026)');
    expect(cards[0]!.activity.summary).toContain('performance-report-2026-27-q2-committee.docx');
    expect(cards[0]!.activity.attachments[0]!.content.actions[0]!.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21\/scorecard\?context=/);
  });
});
