/**
 * #14 parts 2 and 5 on the real cycle: a quarterly recycling rate that arrives a quarter late is
 * asked for by September's cycle (run in October), not June's; until then it is Due, nobody is
 * reminded or escalated about it, and June's close does not count it Missing; after September's
 * close it is Missing. A red value without a narrative is chased like a missing value.
 */
import { importRegister } from '../../src/app/import-register';
import { EntryService } from '../../src/app/entry/entry-service';
import { CycleService, type StepName } from '../../src/app/cycle/cycle-service';
import { registerStatus } from '../../src/app/register-status';
import { inputIds } from '../../src/cards/card-contract';
import { monthPeriod, quarterPeriod, type MonthPeriod } from '../../src/domain/periods';
import type { CycleStepKind } from '../../src/domain/cycle-calendar';
import { describeEachDatabase } from '../support/test-database';
import { indicatorCells, registerFile } from '../support/register-fixtures';
import { fromCard } from '../support/card-commands';
import type { Store } from '../../src/db/store';
import { MyWorkService } from '../../src/app/my-work-service';
import { loadBoardSnapshot } from '../../src/app/board/board-snapshot';
import { buildDigestView } from '../../src/app/board/digest-view';

const calendar = {
  openWorkingDay: 3, openTime: '09:00', reminderWorkingDays: [6, 8], deadlineWorkingDay: 10, deadlineTime: '17:00',
  escalateVerifierWorkingDay: 11, escalateDirectorWorkingDay: 13, closeWorkingDay: 15, digestWorkingDay: 16,
};
const tolerance = { kind: 'PERCENT_OF_TARGET' as const, percent: 10 };
const email = (name: string) => `${name.toLowerCase().replace(' ', '.')}@fenmarsh.gov.uk`;

const register = registerFile({
  Indicators: [
    indicatorCells({ code: 'SRV01', owner_email: email('Gareth Lewis'), owner_aad_object_id: '', director_email: email('Marcus Webb'), director_aad_object_id: '' }),
    indicatorCells({
      code: 'ENV01', title: 'Household waste reused, recycled or composted', unit: '%', polarity: 'higher', frequency: 'quarterly',
      target: '52.5', lag_months: '3', owner_email: email('Daniel Okafor'), owner_aad_object_id: '', verifier_email: email('Nadia Rahman'),
      director_email: email('Marcus Webb'), director_aad_object_id: '',
    }),
  ],
});

const JUNE = monthPeriod(2026, 6);
const SEPTEMBER = monthPeriod(2026, 9);
const Q1 = quarterPeriod(2026, 1);

describeEachDatabase('reporting lag and narratives owed in the cycle', (db) => {
  let now: Date;
  const clock = { now: () => now };
  let store: Store;
  let cycle: CycleService;
  let entry: EntryService;
  const ids = new Map<string, string>();

  /** The outbox as "purpose to person (period)", sorted. */
  async function outbox(purpose?: string): Promise<string[]> {
    const rows = await store.repos.outbox.list(purpose ? { purpose } : {});
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.recipient))) names.set(id, (await store.repos.people.findById(id))!.displayName);
    return rows.map((r) => `${r.purpose} to ${names.get(r.recipient)} (${r.period})`).sort();
  }

  /** Runs a step of a month's cycle a minute after the calendar says it is due. */
  async function step(month: MonthPeriod, kind: CycleStepKind, round = 1) {
    const scheduled = cycle.schedule(month).steps.find((s) => s.kind === kind && s.round === round)!;
    now = new Date(scheduled.at.getTime() + 60_000);
    const name: StepName = kind.startsWith('escalate') ? 'escalate' : (kind as StepName);
    const level = kind === 'escalate-verifier' ? 'verifier' : kind === 'escalate-director' ? 'director' : undefined;
    return cycle.run({ step: name, month, trigger: 'scheduled', actor: 'scheduler', round, ...(level ? { level } : {}) });
  }

  const envStatus = async () => (await registerStatus(store, { period: Q1, now, defaultTolerance: tolerance }))[0]!.status;

  beforeEach(async () => {
    store = db().store;
    now = new Date('2026-07-01T08:00:00Z');
    await importRegister(store, register, { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    for (const name of ['Gareth Lewis', 'Daniel Okafor', 'Nadia Rahman', 'Marcus Webb']) {
      const person = (await store.repos.people.findByEmail(email(name)))!;
      ids.set(name, person.id);
      await store.repos.conversations.save({
        kind: 'PERSONAL', conversationId: `a:${person.id}`, serviceUrl: 'https://smba.example/uk/', tenantId: 'tenant', botId: '28:bot',
        teamsUserId: `29:${person.id}`, aadObjectId: null, personId: person.id, teamId: null, channelId: null,
      });
    }
    entry = new EntryService(store, clock, { defaultTolerance: tolerance });
    cycle = new CycleService(store, clock, entry, { calendar, defaultTolerance: tolerance });
  });

  it('keeps the lagged register column', async () => {
    expect((await store.repos.indicators.findByCode('ENV01'))!.lagMonths).toBe(3);
    expect((await store.repos.indicators.findByCode('SRV01'))!.lagMonths).toBe(0);
  });

  it("asks for recycling's Q1 in September's cycle, not June's, and counts it Missing only after September's close", async () => {
    // June's cycle collects June, and recycling's figure for last year's Q4 (a quarter late): not Q1.
    await step(JUNE, 'open');
    expect(await outbox('prompt')).toEqual(['prompt to Daniel Okafor (2025/26 Q4)', 'prompt to Gareth Lewis (2026-06)']);
    await step(JUNE, 'remind', 1);
    await step(JUNE, 'escalate-verifier');
    await step(JUNE, 'escalate-director');
    expect((await outbox()).filter((m) => m.includes('2026/27 Q1'))).toEqual([]);
    const juneClose = await step(JUNE, 'close');
    expect(juneClose.missing).toEqual(['ENV01 2025/26 Q4', 'SRV01 2026-06']);
    expect(await envStatus()).toBe('DUE');

    // September's cycle (run in October) asks for Q1, saying it is reported a quarter late.
    await step(SEPTEMBER, 'open');
    expect((await outbox('prompt')).filter((m) => m.includes('Daniel'))).toEqual(['prompt to Daniel Okafor (2025/26 Q4)', 'prompt to Daniel Okafor (2026/27 Q1)']);
    const prompt = (await store.repos.outbox.list({ purpose: 'prompt', period: '2026/27 Q1' }))[0]!;
    expect((prompt.activity as { text?: string }).text).toMatch(/Q1 2026\/27.*reported a quarter late/);
    expect(await envStatus()).toBe('DUE');

    await step(SEPTEMBER, 'remind', 1);
    expect((await outbox('remind-1')).filter((m) => !m.includes('2025/26 Q4'))).toEqual(['remind-1 to Daniel Okafor (2026/27 Q1)', 'remind-1 to Gareth Lewis (2026-06)', 'remind-1 to Gareth Lewis (2026-09)']);
    const danielsReminder = (await store.repos.outbox.list({ purpose: 'remind-1', period: '2026/27 Q1' }))[0]!;
    expect(JSON.stringify(danielsReminder.activity)).toContain('Q1 2026/27 (reported a quarter late) — Value due by');
    await step(SEPTEMBER, 'escalate-verifier');
    expect((await outbox('escalate-verifier')).filter((m) => !m.includes('2025/26 Q4'))).toEqual(['escalate-verifier to Nadia Rahman (2026/27 Q1)']);
    expect(await envStatus()).toBe('MISSING'); // September's deadline has passed

    const septemberClose = await step(SEPTEMBER, 'close');
    expect(septemberClose.missing).toEqual(expect.arrayContaining(['ENV01 2026/27 Q1']));
    expect(await envStatus()).toBe('MISSING');
  });

  it('lets the owner enter the lagged figure in the collecting cycle, after its own quarter has closed', async () => {
    await step(JUNE, 'open');
    await step(JUNE, 'close');
    await step(SEPTEMBER, 'open');
    now = new Date(now.getTime() + 3_600_000);
    const env01 = (await store.repos.indicators.findByCode('ENV01'))!.id;
    const card = await entry.submitValues(fromCard({
      submitter: { personId: ids.get('Daniel Okafor')!, name: 'Daniel Okafor', teamsUserId: null }, period: '2026/27 Q1', inputs: { [inputIds.value(env01)]: '53.1' },
    }));
    expect(card.state).toBe('OPEN');
    expect(await envStatus()).toBe('GREEN');
    await step(SEPTEMBER, 'remind', 1);
    expect((await outbox('remind-1')).filter((m) => m.includes('Daniel'))).toEqual([]);
  });

  it('chases a red value without a narrative: reminded before the deadline, escalated after, listed in status', async () => {
    await step(SEPTEMBER, 'open');
    now = new Date(now.getTime() + 3_600_000);
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!.id;
    await entry.submitValues(fromCard({
      submitter: { personId: ids.get('Gareth Lewis')!, name: 'Gareth Lewis', teamsUserId: null }, period: '2026-09', inputs: { [inputIds.value(srv01)]: '30' },
    }));

    await step(SEPTEMBER, 'remind', 1);
    const reminder = (await store.repos.outbox.list({ purpose: 'remind-1', period: '2026-09' })).find((m) => m.recipient === ids.get('Gareth Lewis'))!;
    expect((reminder.activity as { text?: string }).text).toBe('Reminder: SRV01 (narrative) for September 2026 is still due.');
    expect(JSON.stringify(reminder.activity)).toContain('Narrative needed for the red figure');

    await step(SEPTEMBER, 'escalate-director');
    const escalation = (await store.repos.outbox.list({ purpose: 'escalate-director', period: '2026-09' }))[0]!;
    expect((escalation.activity as { text?: string }).text).toMatch(/SRV01 Days to process new Housing Benefit claims \(narrative owed\): Gareth Lewis/);

    const status = await cycle.status(SEPTEMBER);
    expect(status.lines.join('\n')).toMatch(/narratives outstanding for red or amber figures: SRV01 \(owed\)/);
    expect(status.lines.join('\n')).toMatch(/values outstanding: ENV01/);
  });

  it("shows the lagged figure in the digest at the period collected, saying so, and marks a narrative owed", async () => {
    await step(SEPTEMBER, 'open');
    now = new Date(now.getTime() + 3_600_000);
    const env01 = (await store.repos.indicators.findByCode('ENV01'))!.id;
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!.id;
    await entry.submitValues(fromCard({
      submitter: { personId: ids.get('Daniel Okafor')!, name: 'Daniel Okafor', teamsUserId: null }, period: '2026/27 Q1', inputs: { [inputIds.value(env01)]: '49.0' },
    }));
    await entry.submitValues(fromCard({
      submitter: { personId: ids.get('Gareth Lewis')!, name: 'Gareth Lewis', teamsUserId: null }, period: '2026-09', inputs: { [inputIds.value(srv01)]: '30' },
    }));
    await step(SEPTEMBER, 'close');

    const digest = buildDigestView(await loadBoardSnapshot(store, SEPTEMBER, now, tolerance));
    const env = digest.attention.find((a) => a.code === 'ENV01')!;
    expect(env.valueAgainstTarget).toBe('49.0% against 52.5% (figure for Q1 2026/27, reported a quarter late)');
    expect(env.narrativeOwed).toBe(true);
    expect(digest.attention.find((a) => a.code === 'SRV01')!.narrativeOwed).toBe(true);
    // Q2 is not collected until December's cycle: not shown as Missing in September's digest.
    expect(digest.missing.map((m) => m.code)).toEqual([]);
  });

  it("lists in the owner's status what the cycle collects, the lagged quarter included, never the quarter not yet due", async () => {
    const myWork = new MyWorkService(store, clock, { defaultTolerance: tolerance });
    const daniel = { personId: ids.get('Daniel Okafor')!, name: 'Daniel Okafor' };
    await step(SEPTEMBER, 'open'); // opens September and Q2; collects recycling's Q1
    const items = (await myWork.outstanding(daniel)).items;
    expect(items.map((i) => [i.code, i.periodLabel])).toEqual([['ENV01', 'Q1 2026/27 (reported a quarter late)']]);
  });
});
