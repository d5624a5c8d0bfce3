/**
 * A whole month of the cycle with a fake clock: the scheduler's ticks open December 2026 (a quarter
 * end, so the quarterly indicator is collected too), remind, escalate and close, and the outbox holds
 * exactly the expected messages to the expected people; repeating ticks and steps adds nothing.
 */
import { importRegister } from '../../src/app/import-register';
import { EntryService } from '../../src/app/entry/entry-service';
import { CycleService } from '../../src/app/cycle/cycle-service';
import { CycleScheduler } from '../../src/app/cycle/cycle-scheduler';
import { registerStatus } from '../../src/app/register-status';
import { inputIds } from '../../src/cards/card-contract';
import { monthPeriod } from '../../src/domain/periods';
import { createLogger } from '../../src/logging/logger';
import { describeEachDatabase } from '../support/test-database';
import { indicatorCells, registerFile } from '../support/register-fixtures';
import type { Store } from '../../src/db/store';
import { fromCard } from '../support/card-commands';

const calendar = {
  openWorkingDay: 3, openTime: '09:00', reminderWorkingDays: [6, 8], deadlineWorkingDay: 10, deadlineTime: '17:00',
  escalateVerifierWorkingDay: 11, escalateDirectorWorkingDay: 13, closeWorkingDay: 15, digestWorkingDay: 16,
};
const tolerance = { kind: 'PERCENT_OF_TARGET' as const, percent: 10 };
const email = (name: string) => `${name.toLowerCase().replace(' ', '.')}@fenmarsh.gov.uk`;

const register = registerFile({
  Indicators: [
    indicatorCells({ code: 'SRV01', owner_email: email('Gareth Lewis'), owner_aad_object_id: '', director_email: email('Marcus Webb'), director_aad_object_id: '' }),
    indicatorCells({ code: 'FIN01', title: 'Council Tax collected', unit: '%', polarity: 'higher', aggregation: 'cumulative', target: '98.6',
      owner_email: email('Sarah Whitfield'), owner_aad_object_id: '', delegate_emails: email('Chloe Evans'), director_email: email('Marcus Webb'), director_aad_object_id: '' }),
    indicatorCells({ code: 'SRV03', title: 'Major planning applications in 13 weeks', unit: '%', polarity: 'higher', frequency: 'quarterly', target: '60',
      owner_email: email('Daniel Okafor'), owner_aad_object_id: '', verifier_email: email('Nadia Rahman'), director_email: email('Marcus Webb'), director_aad_object_id: '' }),
  ],
});

describeEachDatabase('a month of the cycle', (db) => {
  let now: Date;
  const clock = { now: () => now };
  let store: Store;
  let scheduler: CycleScheduler;
  let cycle: CycleService;
  let entry: EntryService;
  const ids = new Map<string, string>();

  /** The outbox as "purpose to person (period)", sorted (one step's messages share a timestamp). */
  async function outbox(): Promise<string[]> {
    const rows = await store.repos.outbox.list();
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.recipient))) names.set(id, (await store.repos.people.findById(id))!.displayName);
    return rows.map((r) => `${r.purpose} to ${names.get(r.recipient)} (${r.period})`).sort();
  }

  async function tickAt(iso: string): Promise<string[]> {
    now = new Date(iso);
    return scheduler.tick();
  }

  beforeEach(async () => {
    store = db().store;
    now = new Date('2027-01-04T08:00:00Z');
    await importRegister(store, register, { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    // Everyone has installed the app except Sarah, so her indicator's prompts go to her delegate.
    for (const name of ['Gareth Lewis', 'Chloe Evans', 'Daniel Okafor', 'Nadia Rahman', 'Marcus Webb']) {
      const person = (await store.repos.people.findByEmail(email(name)))!;
      ids.set(name, person.id);
      await store.repos.conversations.save({
        kind: 'PERSONAL', conversationId: `a:${person.id}`, serviceUrl: 'https://smba.example/uk/', tenantId: 'tenant', botId: '28:bot',
        teamsUserId: `29:${person.id}`, aadObjectId: null, personId: person.id, teamId: null, channelId: null,
      });
    }
    ids.set('Sarah Whitfield', (await store.repos.people.findByEmail(email('Sarah Whitfield')))!.id);
    entry = new EntryService(store, clock, { defaultTolerance: tolerance });
    cycle = new CycleService(store, clock, entry, { calendar, defaultTolerance: tolerance });
    scheduler = new CycleScheduler(store, clock, cycle, 'test-instance', createLogger({ logLevel: 'silent' }));
  });

  it('opens, reminds, escalates and closes on the calendar, telling the right people, never twice', async () => {
    expect(await tickAt('2027-01-06T08:55:00Z')).toEqual([]); // open is at 09:00 on the 3rd working day (1 Jan is a holiday)

    expect(await tickAt('2027-01-06T09:05:00Z')).toEqual(['scheduled|open|2026-12']);
    expect(await outbox()).toEqual([
      'prompt to Chloe Evans (2026-12)',
      'prompt to Daniel Okafor (2026/27 Q3)',
      'prompt to Gareth Lewis (2026-12)',
    ]);
    expect(await store.repos.periods.find('2026/27 Q3')).toMatchObject({ closedAt: null, deadline: new Date('2027-01-15T17:00:00Z') });
    const prompt = (await store.repos.outbox.list({ purpose: 'prompt' }))[0]!.activity as { attachments: { content: { actions: { verb: string }[] } }[] };
    expect(prompt.attachments[0]!.content.actions[0]!.verb).toBe('entry.submit');

    // Ticking again, and an admin running open again, record nothing new.
    expect(await tickAt('2027-01-06T09:10:00Z')).toEqual([]);
    expect(await cycle.runOnDemand({ step: 'open', month: monthPeriod(2026, 12), trigger: 'chat', actor: 'Nadia Rahman' }, 'test')).toMatchObject({ queued: 0, alreadyQueued: 3 });

    // Gareth submits; Chloe and Daniel do not.
    now = new Date('2027-01-08T11:00:00Z');
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!.id;
    await entry.submitValues(fromCard({ submitter: { personId: ids.get('Gareth Lewis')!, name: 'Gareth Lewis', teamsUserId: null }, period: '2026-12', inputs: { [inputIds.value(srv01)]: '18.2' } }));

    expect(await tickAt('2027-01-11T09:05:00Z')).toEqual(['scheduled|remind-1|2026-12']);
    expect(await tickAt('2027-01-13T09:05:00Z')).toEqual(['scheduled|remind-2|2026-12']);
    const reminders = (await outbox()).filter((m) => m.startsWith('remind'));
    expect(reminders).toEqual([
      'remind-1 to Chloe Evans (2026-12)', 'remind-1 to Daniel Okafor (2026/27 Q3)',
      'remind-2 to Chloe Evans (2026-12)', 'remind-2 to Daniel Okafor (2026/27 Q3)',
    ]);
    const reminderText = (await store.repos.outbox.list({ purpose: 'remind-1' })).find((m) => m.recipient === ids.get('Chloe Evans'))!.activity.text;
    expect(reminderText).toBe('Reminder: FIN01 for December 2026 is still due.');

    expect(await tickAt('2027-01-18T09:05:00Z')).toEqual(['scheduled|escalate-verifier|2026-12']);
    expect(await tickAt('2027-01-20T09:05:00Z')).toEqual(['scheduled|escalate-director|2026-12']);
    const escalations = await store.repos.outbox.list({ purpose: 'escalate-director', period: '2026-12' });
    expect((await outbox()).filter((m) => m.startsWith('escalate'))).toEqual([
      'escalate-director to Marcus Webb (2026-12)',
      'escalate-director to Marcus Webb (2026/27 Q3)',
      'escalate-verifier to Nadia Rahman (2026/27 Q3)',
    ]);
    expect(escalations[0]!.activity.text).toMatch(/FIN01 Council Tax collected: Sarah Whitfield/);
    expect(escalations[0]!.activity.text).not.toMatch(/SRV01/);

    expect(await tickAt('2027-01-22T17:05:00Z')).toEqual(['scheduled|close|2026-12']);
    expect((await store.repos.periods.find('2026-12'))!.closedAt).toEqual(new Date('2027-01-22T17:05:00Z'));
    const december = await registerStatus(store, { period: monthPeriod(2026, 12), now, defaultTolerance: tolerance });
    expect(december.map((s) => [s.indicator.code, s.status])).toEqual([['FIN01', 'MISSING'], ['SRV01', 'GREEN']]);

    // After close, the delegate can no longer submit; an admin still can.
    const fin01 = (await store.repos.indicators.findByCode('FIN01'))!.id;
    const chloe = { personId: ids.get('Chloe Evans')!, name: 'Chloe Evans', teamsUserId: null };
    expect((await entry.submitValues(fromCard({ submitter: chloe, period: '2026-12', inputs: { [inputIds.value(fin01)]: '80.1' } }))).state).toBe('CLOSED');
    const late = await entry.submitValues(fromCard({ submitter: { ...chloe, isAdmin: true }, period: '2026-12', inputs: { [inputIds.value(fin01)]: '80.1' } }));
    expect(late.banner?.text).toMatch(/^Saved 1 value\. FIN01 is off target/);

    // The whole month again, and every step on demand: nothing new is recorded.
    const before = (await outbox()).length;
    for (const iso of ['2027-01-06T09:05:00Z', '2027-01-13T09:05:00Z', '2027-01-22T17:05:00Z']) expect(await tickAt(iso)).toEqual([]);
    for (const step of ['open', 'escalate', 'close'] as const) {
      expect(await cycle.runOnDemand({ step, month: monthPeriod(2026, 12), trigger: 'cli', actor: 'test' }, 'test')).toMatchObject({ queued: 0 });
    }
    expect((await outbox()).length).toBe(before);
    expect(before).toBe(10);

    const status = (await cycle.status(monthPeriod(2026, 12))).lines.join('\n');
    expect(status).toMatch(/- open: ran 6 Jan 2027, 09:05/);
    expect(status).toMatch(/- close: ran 22 Jan 2027, 17:05; on demand 1×/);
    expect(status).toMatch(/2026-12: prompts 0 sent, 2 pending, 0 failed; .* owners submitted 2 of 2/);
  });

  it('escalates figures awaiting their verifier, and the close records what was never verified (#16)', async () => {
    await db().database.sql.query(`UPDATE indicator SET verifier_id = $1 WHERE code = 'SRV01'`, [ids.get('Nadia Rahman')]);
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!.id;
    expect(await tickAt('2027-01-06T09:05:00Z')).toEqual(['scheduled|open|2026-12']);
    now = new Date('2027-01-08T11:00:00Z');
    await entry.submitValues(fromCard({ submitter: { personId: ids.get('Gareth Lewis')!, name: 'Gareth Lewis', teamsUserId: null }, period: '2026-12', inputs: { [inputIds.value(srv01)]: '18.2' } }));

    now = new Date('2027-01-18T09:05:00Z');
    const escalated = await cycle.runOnDemand({ step: 'escalate', level: 'verifier', month: monthPeriod(2026, 12), trigger: 'chat', actor: 'Nadia Rahman' }, 'test');
    expect(escalated.queued).toBeGreaterThan(0);
    const [toVerify] = await store.repos.outbox.list({ purpose: 'escalate-verify', period: '2026-12' });
    expect(toVerify).toMatchObject({ recipient: ids.get('Nadia Rahman') });
    expect(toVerify!.activity.text).toMatch(/^\*\*December 2026 figures awaiting your verification\*\* .*\n\n- SRV01 Days to process new Housing Benefit claims\n\nSend "verify"/s);

    now = new Date('2027-01-22T17:05:00Z');
    // The performance team (here Nadia) gets each closing period's data-quality card.
    const withTeam = new CycleService(store, clock, entry, { calendar, defaultTolerance: tolerance, performanceTeamIds: async () => [ids.get('Nadia Rahman')!] });
    const closed = await withTeam.runOnDemand({ step: 'close', month: monthPeriod(2026, 12), trigger: 'chat', actor: 'Nadia Rahman' }, 'test');
    expect(closed.unverified).toEqual(['SRV01 2026-12']);
    expect((await outbox()).filter((m) => m.startsWith('data-quality'))).toEqual(['data-quality to Nadia Rahman (2026-12)', 'data-quality to Nadia Rahman (2026/27 Q3)']);
    const [december] = await store.repos.outbox.list({ purpose: 'data-quality', period: '2026-12' });
    // SRV01 in on time; FIN01 never in.
    expect(december!.activity.text).toBe('Data quality for December 2026, as it closed: 1 of 2 (50.0%) in by the deadline.');
    const audit = (await store.repos.audit.forEntity('Period', '2026-12')).find((a) => a.action === 'period.closed');
    expect(audit).toMatchObject({ action: 'period.closed', after: expect.objectContaining({ unverified: ['SRV01 2026-12'] }) });
  });

  it('after an outage, runs what is due but skips reminders overtaken by later steps', async () => {
    expect(await tickAt('2027-01-06T09:05:00Z')).toEqual(['scheduled|open|2026-12']);
    // Down from 8 to 19 January: both reminders and the verifier escalation are overtaken.
    expect(await tickAt('2027-01-20T09:30:00Z')).toEqual(['scheduled|escalate-director|2026-12']);
    expect((await outbox()).filter((m) => m.startsWith('remind'))).toEqual([]);
  });

  it('lets only one of two schedulers sharing the database run each step', async () => {
    const other = new CycleScheduler(store, clock, cycle, 'other-instance', createLogger({ logLevel: 'silent' }));
    now = new Date('2027-01-06T09:05:00Z');
    const [a, b] = await Promise.all([scheduler.tick(), other.tick()]);
    expect([...a, ...b]).toEqual(['scheduled|open|2026-12']);
    expect((await outbox()).length).toBe(3);
  });
});
