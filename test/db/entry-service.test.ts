import { importRegister } from '../../src/app/import-register';
import { EntryService, type Submitter } from '../../src/app/entry/entry-service';
import { inputIds } from '../../src/cards/card-contract';
import { describeEachDatabase } from '../support/test-database';
import { smallRegister } from '../support/register-fixtures';
import { fromCard } from '../support/card-commands';

const NOW = new Date('2026-06-10T10:00:00Z');
const clock = { now: () => NOW };
const settings = { defaultTolerance: { kind: 'PERCENT_OF_TARGET' as const, percent: 10 } };

describeEachDatabase('the entry card use cases', (db) => {
  let service: EntryService;
  let gareth: Submitter;
  let chloe: Submitter;
  let srv01: string;

  beforeEach(async () => {
    const { store } = db();
    await importRegister(store, smallRegister(), { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    await store.repos.periods.save({ period: '2026-05', openedAt: new Date('2026-06-03T08:00:00Z'), deadline: new Date('2026-06-20T16:00:00Z'), closedAt: null });
    await store.repos.periods.save({ period: '2026-04', openedAt: new Date('2026-05-03T08:00:00Z'), deadline: new Date('2026-05-20T16:00:00Z'), closedAt: new Date('2026-05-28T16:00:00Z') });
    const person = async (email: string): Promise<Submitter> => {
      const p = (await store.repos.people.findByEmail(email))!;
      return { personId: p.id, name: p.displayName, teamsUserId: null };
    };
    gareth = await person('gareth.lewis@fenmarsh.gov.uk');
    chloe = await person('chloe.evans@fenmarsh.gov.uk');
    srv01 = (await store.repos.indicators.findByCode('SRV01'))!.id;
    service = new EntryService(store, clock, settings);
  });

  it('offers a card only for periods open now, with only the person\'s own indicators', async () => {
    const cards = await service.openCards(gareth);
    expect(cards.map((c) => [c.period, c.state, c.rows.map((r) => r.code)])).toEqual([['2026-05', 'OPEN', ['SRV01']]]);
    expect(cards[0]!.rows[0]).toMatchObject({ saved: { valueText: '21.9 days', status: 'AMBER', version: 1 }, narrative: { required: true } });
  });

  it('corrects a value as a new version, and does not repeat a narrative the card sends back unchanged', async () => {
    const narrative = { [inputIds.remedialAction(srv01)]: 'Agency assessors', [inputIds.likelyToRecover(srv01)]: 'UNSURE', [inputIds.recoveryPeriod(srv01)]: '2026-09' };
    const first = await service.submitValues(fromCard({ submitter: gareth, period: '2026-05', inputs: { [inputIds.value(srv01)]: '23.0', ...narrative } }));
    expect(first.banner).toEqual({ tone: 'good', text: 'Saved 1 value.' });
    expect(first.rows[0]).toMatchObject({ saved: { valueText: '23.0 days', status: 'RED', version: 2 }, narrative: { required: false, givenBy: expect.stringMatching(/^Gareth Lewis/) } });

    const again = await service.submitValues(fromCard({ submitter: gareth, period: '2026-05', inputs: { [inputIds.value(srv01)]: '23', ...narrative } }));
    expect(again.banner?.text).toBe('No changes: these values were already stored.');
    const { database } = db();
    expect(await database.sql.query(`SELECT count(*)::int AS n FROM value_narrative`)).toEqual([{ n: 1 }]);
    expect(await db().store.repos.audit.count({ action: 'narrative.given' })).toBe(1);
    expect(await db().store.repos.audit.count({ action: 'value.corrected' })).toBe(1);
  });

  it('lets a named delegate submit, recorded as them', async () => {
    const fin01 = (await db().store.repos.indicators.findByCode('FIN01'))!.id;
    const view = await service.submitValues(fromCard({ submitter: chloe, period: '2026-05', inputs: { [inputIds.value(fin01)]: '19.9' } }));
    expect(view.rows[0]).toMatchObject({ code: 'FIN01', saved: { byText: expect.stringMatching(/^Chloe Evans/) } });
    expect(await db().store.repos.values.latest(fin01, '2026-05')).toMatchObject({ value: 19.9, enteredById: chloe.personId, source: 'CARD' });
  });

  it('stores nothing for a closed period, says so, and audits the attempt', async () => {
    const view = await service.submitValues(fromCard({ submitter: gareth, period: '2026-04', inputs: { [inputIds.value(srv01)]: '12' } }));
    expect(view.state).toBe('CLOSED');
    expect(view.banner?.text).toMatch(/April 2026 is closed for entry, so nothing was stored/);
    expect(await db().store.repos.values.latest(srv01, '2026-04')).toMatchObject({ value: 18.5, version: 1 });
    expect(await db().store.repos.audit.count({ action: 'submission.refused' })).toBe(1);
  });

  it('stores none of a submission when one value is refused, keeping what was typed', async () => {
    const fin01 = (await db().store.repos.indicators.findByCode('FIN01'))!.id;
    // Gareth owns SRV01 but not FIN01: the whole submission is refused.
    const view = await service.submitValues(fromCard({ submitter: gareth, period: '2026-05', inputs: { [inputIds.value(srv01)]: '19', [inputIds.value(fin01)]: '20' } }));
    expect(view.banner?.text).toMatch(/Nothing was stored: you are not the owner or a named delegate/);
    expect(await db().store.repos.values.latest(srv01, '2026-05')).toMatchObject({ value: 21.9, version: 1 });
    expect(await db().store.repos.values.latest(fin01, '2026-05')).toBeNull();

    const invalid = await service.submitValues(fromCard({ submitter: gareth, period: '2026-05', inputs: { [inputIds.value(srv01)]: '19.25' } }));
    expect(invalid.rows[0]).toMatchObject({ inputValue: '19.25', error: expect.stringMatching(/SRV01/) });
    expect(await db().store.repos.values.latest(srv01, '2026-05')).toMatchObject({ version: 1 });
  });

  describe('an unusual figure is asked about before it is stored (#16)', () => {
    const submit = (inputs: Record<string, unknown>) => service.submitValues(fromCard({ submitter: gareth, period: '2026-05', inputs }));

    it('asks about a jump beyond the register\'s limit, stores it only once confirmed for that figure, and stores a corrected one as usual', async () => {
      const { database, store } = db();
      await database.sql.query(`UPDATE indicator SET max_change_percent = 25 WHERE code = 'SRV01'`);

      // 95 typed for 19 (April was 18.5): asked, nothing stored, what was typed kept.
      const asked = await submit({ [inputIds.value(srv01)]: '95', [inputIds.note(srv01)]: 'typed fast' });
      expect(asked.banner).toEqual({ tone: 'warning', text: expect.stringMatching(/^Nothing was stored: one figure is unusual for its indicator/) });
      expect(asked.rows[0]).toMatchObject({ inputValue: '95', note: 'typed fast', unusual: { confirmValue: '95' } });
      expect(asked.rows[0]!.unusual!.questions).toEqual([expect.stringMatching(/^SRV01 .*: 95\.0 days is 414% away from the period before \(18\.5 days\), more than the 25% the register expects at most/)]);
      expect(await store.repos.values.latest(srv01, '2026-05')).toMatchObject({ value: 21.9, version: 1 });

      // A confirmation given for another figure is not one for this figure.
      expect((await submit({ [inputIds.value(srv01)]: '95', [inputIds.confirmUnusual(srv01)]: '59' })).rows[0]!.unusual).not.toBeNull();
      expect(await store.repos.values.latest(srv01, '2026-05')).toMatchObject({ version: 1 });

      // Confirmed: stored with the flag, audited with it, and not asked about again.
      const confirmed = await submit({ [inputIds.value(srv01)]: '95', [inputIds.confirmUnusual(srv01)]: '95' });
      expect(confirmed.banner?.text).toMatch(/^Saved 1 value\./);
      expect(confirmed.rows[0]).toMatchObject({ unusual: null, saved: { valueText: '95.0 days', version: 2, unusualConfirmed: true, estimated: false } });
      const stored = (await store.repos.values.latest(srv01, '2026-05'))!;
      expect(stored).toMatchObject({ value: 95, version: 2, unusualConfirmed: true });
      expect(await store.repos.audit.forEntity('IndicatorValue', stored.id)).toEqual([
        expect.objectContaining({ action: 'value.corrected', after: expect.objectContaining({ value: 95, unusualConfirmed: true }) }),
      ]);
      const resent = await submit({ [inputIds.value(srv01)]: '95' });
      expect(resent.banner?.text).toMatch(/^No changes: these values were already stored\./);
      expect(resent.rows[0]!.unusual).toBeNull();

      // Corrected to 19.5: usual again, stored as the next version without the flag.
      const corrected = await submit({ [inputIds.value(srv01)]: '19.5' });
      expect(corrected.rows[0]).toMatchObject({ unusual: null, saved: { valueText: '19.5 days', version: 3, unusualConfirmed: false } });
    });

    it('asks about a figure far outside the indicator\'s own history, judged by its process limits', async () => {
      const { store } = db();
      // Two years of figures between 18 and 20 days before April 2026.
      const months = Array.from({ length: 24 }, (_, i) => { const m = (3 + i) % 12 + 1; const y = 2024 + Math.floor((3 + i) / 12); return `${y}-${String(m).padStart(2, '0')}`; });
      await store.repos.values.appendNumbered(months.map((period, i) => ({
        indicatorId: srv01, period, financialYear: Number(period.slice(0, 4)) - (Number(period.slice(5)) < 4 ? 1 : 0), version: 1,
        value: 18 + (i % 3), note: '', source: 'IMPORT' as const, enteredById: null,
      })));
      const asked = await submit({ [inputIds.value(srv01)]: '35' });
      expect(asked.rows[0]!.unusual!.questions).toEqual([expect.stringMatching(/35\.0 days is above what it usually reports \(\d+\.\d days to \d+\.\d days, from its last 24 figures\)/)]);
      expect(await store.repos.values.latest(srv01, '2026-05')).toMatchObject({ version: 1 });
      // 20.5 is within them: stored without a question.
      expect((await submit({ [inputIds.value(srv01)]: '20.5' })).rows[0]).toMatchObject({ unusual: null, saved: { version: 2 } });
    });

    it('stores an estimate as such, and the actual figure later as the next version without the flag', async () => {
      const { store } = db();
      const estimate = await submit({ [inputIds.value(srv01)]: '21.9', [inputIds.estimated(srv01)]: 'true' });
      expect(estimate.rows[0]).toMatchObject({ estimated: true, saved: { valueText: '21.9 days', version: 2, estimated: true } });
      expect(await store.repos.values.latest(srv01, '2026-05')).toMatchObject({ value: 21.9, version: 2, estimated: true });
      const actual = await submit({ [inputIds.value(srv01)]: '22.1', [inputIds.estimated(srv01)]: 'false' });
      expect(actual.rows[0]).toMatchObject({ estimated: false, saved: { version: 3, estimated: false } });
    });
  });

  it('gives the performance team a correction card for one indicator of a closed period, and stores the correction as a new version', async () => {
    const admin: Submitter = { ...chloe, isAdmin: true };
    const card = await service.correctionCard(admin, 'srv01', '2026-04');
    expect(card).toMatchObject({ period: '2026-04', state: 'OPEN', correctionOf: srv01, banner: { text: expect.stringMatching(/Correction by the performance team/) } });
    expect(card.rows.map((r) => r.code)).toEqual(['SRV01']);

    const saved = await service.submitValues(fromCard({ submitter: admin, period: '2026-04', correctionOf: srv01, inputs: { [inputIds.value(srv01)]: '17.5' } }));
    expect(saved.banner).toEqual({ tone: 'good', text: 'Saved 1 value.' });
    expect(await db().store.repos.values.latest(srv01, '2026-04')).toMatchObject({ value: 17.5, version: 2, enteredById: chloe.personId });
    expect(await db().store.repos.audit.count({ action: 'value.corrected' })).toBe(1);
  });

  it('refuses a correction card, and a correction submitted from one, to someone not in the performance team', async () => {
    await expect(service.correctionCard(gareth, 'SRV01', '2026-04')).rejects.toThrow(/Only the performance team can correct figures/);
    await expect(service.submitValues(fromCard({ submitter: gareth, period: '2026-04', correctionOf: srv01, inputs: { [inputIds.value(srv01)]: '12' } })))
      .rejects.toThrow(/Only the performance team can correct figures/);
    expect(await db().store.repos.values.latest(srv01, '2026-04')).toMatchObject({ value: 18.5, version: 1 });
    expect(await db().store.repos.audit.count({ action: 'submission.refused' })).toBe(2);
  });

  it('names the periods an indicator has when a correction names one of another frequency or an unknown code', async () => {
    const admin: Submitter = { ...chloe, isAdmin: true };
    await expect(service.correctionCard(admin, 'SRV01', '2026/27 Q1')).rejects.toThrow(/SRV01 is monthly: name one of its periods, such as 2026-10/);
    await expect(service.correctionCard(admin, 'NOPE1', '2026-04')).rejects.toThrow(/There is no indicator "NOPE1"/);
  });
});
