/**
 * The data-quality measures on both databases (#16), against a fixture counted by hand: four
 * monthly indicators for July 2026 (deadline 20 August 16:00, closed 28 August 16:00).
 *
 *   SRV01 (Resources, Gareth Lewis): in on 19 August; corrected on 27 August and again on
 *         2 September (after the close: one correction after close); queried once.
 *   FIN01 (Resources, Sarah Whitfield): first in on 22 August 09:00 (1 day 17 hours late: 2 days),
 *         as an estimate, still the current version.
 *   ENV01 (Place, Tom Hargreaves): first in on 25 August 17:00 (5 days 1 hour late: 6 days).
 *   ENV02 (Place, Tom Hargreaves): never in.
 *   ENV03 (Place, quarterly): not a July figure, so not counted.
 */
import { importRegister } from '../../src/app/import-register';
import { loadDataQuality } from '../../src/app/data-quality/data-quality-report';
import { parsePeriod, type Period } from '../../src/domain/periods';
import { describeEachDatabase } from '../support/test-database';
import { DIRECTOR, indicatorCells, registerFile } from '../support/register-fixtures';

const JULY = (parsePeriod('2026-07') as { ok: true; value: Period }).value;
const TOM = { owner_email: 'tom.hargreaves@fenmarsh.gov.uk', owner_aad_object_id: '3e4f5061-7283-49a4-b5c6-d7e8f9011223', directorate: 'Place', lens: 'Environment' };

describeEachDatabase('data-quality measures', (db) => {
  beforeEach(async () => {
    const { store } = db();
    await importRegister(store, registerFile({
      Indicators: [
        indicatorCells(),
        indicatorCells({ code: 'FIN01', title: 'Council Tax collected', owner_email: 'sarah.whitfield@fenmarsh.gov.uk', owner_aad_object_id: '2d3e4f50-6172-4839-a4b5-c6d7e8f90112' }),
        indicatorCells({ code: 'ENV01', title: 'Missed bins', ...TOM }),
        indicatorCells({ code: 'ENV02', title: 'Fly-tips cleared', ...TOM }),
        indicatorCells({ code: 'ENV03', title: 'Recycling rate', frequency: 'quarterly', ...TOM }),
      ],
    }), { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    await store.repos.periods.save({ period: '2026-07', openedAt: new Date('2026-08-03T08:00:00Z'), deadline: new Date('2026-08-20T16:00:00Z'), closedAt: new Date('2026-08-28T16:00:00Z') });
    const id = async (code: string) => (await store.repos.indicators.findByCode(code))!.id;
    const value = async (code: string, version: number, at: string, estimated = false) => ({
      indicatorId: await id(code), period: '2026-07', financialYear: 2026, version, value: 10 + version, note: '', source: 'CARD' as const,
      enteredById: null, enteredAt: new Date(at), estimated,
    });
    await store.repos.values.appendNumbered([
      await value('SRV01', 1, '2026-08-19T10:00:00Z'),
      await value('SRV01', 2, '2026-08-27T10:00:00Z'),
      await value('SRV01', 3, '2026-09-02T10:00:00Z'),
      await value('FIN01', 1, '2026-08-22T09:00:00Z', true),
      await value('ENV01', 1, '2026-08-25T17:00:00Z'),
      // A figure for another month counts for that month only.
      { ...(await value('ENV02', 1, '2026-07-19T10:00:00Z')), period: '2026-06' },
    ]);
    const first = (await store.repos.values.versionsForPeriod([await id('SRV01')], '2026-07'))[0]!;
    const marcus = (await store.repos.people.findByEmail(DIRECTOR.email))!;
    await store.repos.verifications.record([{ valueId: first.id, decision: 'QUERIED', comment: 'Backlog in?', decidedById: marcus.id, decidedAt: new Date('2026-08-21T09:00:00Z') }]);
  });

  it('counts the whole register as counted by hand', async () => {
    const { quality } = await loadDataQuality(db().store, JULY);
    expect(quality.overall).toEqual({
      expected: 4, onTime: 1, late: 2, missing: 1, completenessPercent: 25, averageDaysLate: 4, mostDaysLate: 6,
      correctionsAfterClose: 1, queriesRaised: 1, estimatesOutstanding: 1,
    });
  });

  it('counts each directorate and each owner as counted by hand', async () => {
    const { quality } = await loadDataQuality(db().store, JULY);
    expect(Object.fromEntries(quality.byDirectorate)).toEqual({
      Place: { expected: 2, onTime: 0, late: 1, missing: 1, completenessPercent: 0, averageDaysLate: 6, mostDaysLate: 6, correctionsAfterClose: 0, queriesRaised: 0, estimatesOutstanding: 0 },
      Resources: { expected: 2, onTime: 1, late: 1, missing: 0, completenessPercent: 50, averageDaysLate: 2, mostDaysLate: 2, correctionsAfterClose: 1, queriesRaised: 1, estimatesOutstanding: 1 },
    });
    expect([...quality.byOwner.keys()]).toEqual(['Gareth Lewis', 'Sarah Whitfield', 'Tom Hargreaves']);
    expect(quality.byOwner.get('Gareth Lewis')).toMatchObject({ expected: 1, onTime: 1, correctionsAfterClose: 1, queriesRaised: 1 });
    expect(quality.byOwner.get('Sarah Whitfield')).toMatchObject({ expected: 1, late: 1, mostDaysLate: 2, estimatesOutstanding: 1 });
    expect(quality.byOwner.get('Tom Hargreaves')).toMatchObject({ expected: 2, late: 1, missing: 1, mostDaysLate: 6 });
  });

  it('counts a corrected estimate as outstanding no longer', async () => {
    const { store } = db();
    const fin01 = (await store.repos.indicators.findByCode('FIN01'))!.id;
    await store.repos.values.appendNumbered([{ indicatorId: fin01, period: '2026-07', financialYear: 2026, version: 2, value: 12.5, note: 'actual', source: 'CARD', enteredById: null, enteredAt: new Date('2026-08-24T09:00:00Z') }]);
    expect((await loadDataQuality(store, JULY)).quality.overall).toMatchObject({ estimatesOutstanding: 0, correctionsAfterClose: 1 });
  });
});
