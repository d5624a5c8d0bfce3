import { loadDemoData } from '../../src/demo/load-demo-data';
import { anonymisePerson, placeholderFor } from '../../src/app/people/anonymise-person';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { describeEachDatabase } from '../support/test-database';
import { outboxMessage } from '../support/outbox-fixtures';

const TODAY = new Date('2026-11-23T10:00:00Z');

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describeEachDatabase('anonymising a leaver', (db) => {
  const auditLog = () => db().database.sql.query<AuditRow>('SELECT id::text AS id, at, actor_id, actor_label, action, entity_type, entity_id, "before", "after" FROM audit_log ORDER BY audit_log.id');

  /** The demo register, and Gareth's traces: his own actions, another's action about him, his chat. */
  async function withALeaver() {
    const { store } = db();
    await loadDemoData(store, TODAY);
    const gareth = (await store.repos.people.findByEmail(DEMO_PEOPLE.benefitsManager.email))!;
    const robert = (await store.repos.people.findByEmail(DEMO_PEOPLE.performanceLead.email))!;
    await store.repos.audit.record([
      { actorId: gareth.id, actorLabel: gareth.displayName, action: 'value.submitted', entityType: 'IndicatorValue', entityId: 'v1', after: { value: 17.3, by: `${gareth.displayName} <${gareth.email}>` } },
      { actorId: robert.id, actorLabel: robert.displayName, action: 'person.updated', entityType: 'Person', entityId: gareth.id, before: { displayName: gareth.displayName, email: gareth.email, note: 'said "hi"' }, after: { displayName: gareth.displayName, team: 'Benefits' } },
    ]);
    await store.repos.conversations.save({
      kind: 'PERSONAL', conversationId: 'a:personal-29:gareth', serviceUrl: 'https://smba.trafficmanager.net/uk/', tenantId: 't', botId: 'b',
      teamsUserId: '29:gareth', aadObjectId: gareth.aadObjectId, personId: gareth.id, teamId: null, channelId: null,
    });
    await store.repos.outbox.enqueue([
      { ...outboxMessage(1), dedupeKey: 'prompt|gareth', recipient: gareth.id, activity: { type: 'message', text: `Hello ${gareth.displayName}` } },
      { ...outboxMessage(2), dedupeKey: 'escalation|robert', recipient: robert.id, activity: { type: 'message', text: `${gareth.displayName} (${gareth.email}) is late` } },
    ], TODAY);
    return { gareth, robert };
  }

  it('replaces their name, email and Entra id, removes their roles and chats, and lists what to reassign', async () => {
    const { store } = db();
    const { gareth } = await withALeaver();
    expect(await store.repos.people.rolesOf(gareth.id)).not.toEqual([]);

    const outcome = await anonymisePerson(store, DEMO_PEOPLE.benefitsManager.email.toUpperCase(), 'people:anonymise (run by ops)');
    const placeholder = placeholderFor(gareth.id);
    expect(placeholder).toMatch(/^Former employee [0-9a-f]{6}$/);
    expect(outcome).toMatchObject({ kind: 'anonymised', placeholder, email: `anonymised-${gareth.id}@invalid`, conversationsRemoved: 1 });
    if (outcome.kind !== 'anonymised') throw new Error('not anonymised');
    expect(outcome.rolesRemoved).toBeGreaterThan(0);
    expect(outcome.indicatorsToReassign.filter((i) => i.links.includes('owner')).map((i) => i.code)).toEqual(['SRV01', 'SRV02']);

    expect(await store.repos.people.findByEmail(DEMO_PEOPLE.benefitsManager.email)).toBeNull();
    expect(await store.repos.people.findByAadObjectId(DEMO_PEOPLE.benefitsManager.aadObjectId)).toBeNull();
    expect(await store.repos.people.findByEmail(outcome.email)).toMatchObject({ id: gareth.id, email: outcome.email, displayName: placeholder, aadObjectId: null });
    expect(await store.repos.people.rolesOf(gareth.id)).toEqual([]);
    expect(await store.repos.conversations.personalFor(gareth.id)).toBeNull();
    // What was waiting for them is never sent; their name leaves every recorded message.
    expect(outcome.messages).toEqual({ blocked: 1, scrubbed: 2 });
    const messages = await store.repos.outbox.list({});
    expect(messages.find((m) => m.dedupeKey === 'prompt|gareth')).toMatchObject({ status: 'BLOCKED', activity: { text: `Hello ${placeholder}` } });
    expect(messages.find((m) => m.dedupeKey === 'escalation|robert')).toMatchObject({ status: 'PENDING', activity: { text: `${placeholder} (${placeholder}) is late` } });
    // Their indicators stay theirs until the performance team reassigns them.
    expect((await store.repos.indicators.findByCode('SRV01'))!.ownerId).toBe(gareth.id);
  });

  it('takes their name out of the audit log and keeps the chain of who did what', async () => {
    const { store } = db();
    const { gareth, robert } = await withALeaver();
    const before = await auditLog();
    const outcome = await anonymisePerson(store, gareth.email, 'people:anonymise (run by ops)');
    if (outcome.kind !== 'anonymised') throw new Error('not anonymised');
    const after = await auditLog();

    // The same rows, in the same order, the same ids, times, actions, entities and actors; one more at the end.
    const chain = (rows: AuditRow[]) => rows.map(({ id, at, actor_id, action, entity_type, entity_id }) => ({ id, at, actor_id, action, entity_type, entity_id }));
    expect(chain(after.slice(0, -1))).toEqual(chain(before));
    expect(after.at(-1)).toMatchObject({
      actor_label: 'people:anonymise (run by ops)', actor_id: null, action: 'person.anonymised', entity_type: 'Person', entity_id: gareth.id,
      after: { displayName: outcome.placeholder },
    });

    // The name, email and Entra id are nowhere in the log; the placeholder stands in for them.
    const everything = JSON.stringify(after);
    for (const trace of [gareth.displayName, gareth.email, gareth.aadObjectId!]) expect(everything).not.toContain(trace);
    const own = after.filter((row) => row.actor_id === gareth.id);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((row) => row.actor_label === outcome.placeholder)).toBe(true);
    expect(own.find((row) => row.action === 'value.submitted')!.after).toEqual({ value: 17.3, by: `${outcome.placeholder} <${outcome.placeholder}>` });
    // Another's row about them: that actor's name stays, only the leaver's goes (and the JSON stays valid).
    const aboutThem = after.find((row) => row.action === 'person.updated')!;
    expect(aboutThem).toMatchObject({ actor_id: robert.id, actor_label: robert.displayName });
    expect(aboutThem.before).toEqual({ displayName: outcome.placeholder, email: outcome.placeholder, note: 'said "hi"' });
    expect(outcome.auditRowsChanged).toBe(after.slice(0, -1).filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i])).length);
  });

  it('leaves the audit log append-only for everything else, the anonymiser\'s switch included', async () => {
    const { database } = db();
    await withALeaver();
    await expect(database.sql.query('UPDATE audit_log SET actor_label = $1', ['someone'])).rejects.toThrow(/audit_log is append-only: UPDATE/);
    await expect(database.sql.query('DELETE FROM audit_log')).rejects.toThrow(/audit_log is append-only: DELETE/);
    // Even with the switch on, only actor_label, before and after may change; never what was done, nor when.
    await expect(database.sql.transaction(async (tx) => {
      await tx.query(`SELECT set_config('perfbot.anonymising', 'on', true)`);
      await tx.query(`UPDATE audit_log SET action = 'nothing.happened'`);
    })).rejects.toThrow(/audit_log is append-only: UPDATE/);
    await expect(database.sql.query('DELETE FROM indicator_value')).rejects.toThrow(/indicator_value is append-only: DELETE/);
  });

  it('takes their name out of the Board\'s commentary: their own replies and others\' naming them', async () => {
    const { store, database } = db();
    const { gareth, robert } = await withALeaver();
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!;
    await store.repos.board.addThreads([{ indicatorId: srv01.id, period: '2026-10', channelId: '19:board', outboxMessageId: 'thread-srv01', status: 'RED' }]);
    const [thread] = await store.repos.board.threadsFor('2026-10');
    const reply = (id: string, author: typeof gareth, text: string) => store.repos.board.addCommentary({
      threadId: thread!.id, teamsMessageId: id, authorId: author.id, authorName: author.displayName, authorAadObjectId: author.aadObjectId,
      text, postedAt: new Date(TODAY.getTime() + Number(id.slice(-1)) * 60_000),
    });
    await reply('m1', gareth, 'Two agency assessors start on Monday.');
    await reply('m2', robert, `Thanks ${gareth.displayName}: please copy ${gareth.email} into the plan.`);
    await reply('m3', robert, 'The Board will look again in December.');
    const before = await store.repos.board.commentaryFor([thread!.id]);

    const outcome = await anonymisePerson(store, gareth.email, 'people:anonymise (run by ops)');
    if (outcome.kind !== 'anonymised') throw new Error('not anonymised');
    const after = await store.repos.board.commentaryFor([thread!.id]);

    expect(outcome.commentaryChanged).toBe(2);
    // The same replies, in the same thread and order, at the same times, by the same author ids.
    const record = (rows: typeof before) => rows.map(({ id, threadId, teamsMessageId, authorId, postedAt }) => ({ id, threadId, teamsMessageId, authorId, postedAt }));
    expect(record(after)).toEqual(record(before));
    expect(after[0]).toMatchObject({ authorId: gareth.id, authorName: outcome.placeholder, authorAadObjectId: null, text: 'Two agency assessors start on Monday.' });
    expect(after[1]).toMatchObject({ authorName: robert.displayName, authorAadObjectId: robert.aadObjectId, text: `Thanks ${outcome.placeholder}: please copy ${outcome.placeholder} into the plan.` });
    expect(after[2]).toEqual(before[2]);
    for (const trace of [gareth.displayName, gareth.email, gareth.aadObjectId!]) expect(JSON.stringify(after)).not.toContain(trace);

    // Still append-only for everything else, the anonymiser's switch included.
    await expect(database.sql.query('UPDATE board_commentary SET text = $1', ['edited'])).rejects.toThrow(/board_commentary is append-only: UPDATE/);
    await expect(database.sql.transaction(async (tx) => {
      await tx.query(`SELECT set_config('perfbot.anonymising', 'on', true)`);
      await tx.query(`UPDATE board_commentary SET posted_at = posted_at + interval '1 day'`);
    })).rejects.toThrow(/board_commentary is append-only: UPDATE/);
    await expect(database.sql.query('DELETE FROM board_commentary')).rejects.toThrow(/board_commentary is append-only: DELETE/);
  });

  it('refuses an email no one in the register has, changing nothing', async () => {
    const { store } = db();
    await withALeaver();
    const before = await auditLog();
    expect(await anonymisePerson(store, 'nobody@fenmarsh.gov.uk', 'people:anonymise (run by ops)')).toEqual({ kind: 'unknown-person' });
    expect(await auditLog()).toEqual(before);
  });
});
