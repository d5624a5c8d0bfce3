/**
 * The demo works on any day: loaded at each awkward instant (the 1st just after midnight, in GMT and
 * in BST, the end of March, the night the clocks go back, the 2nd of January, and 2 December, the
 * day this was first seen failing), exactly one month is open for entry, the month before today; its
 * entry card holds the owner's indicators; and the month before it is closed.
 */
import { loadDemoData } from '../../src/demo/load-demo-data';
import { EntryService } from '../../src/app/entry/entry-service';
import { DEMO_INDICATORS } from '../../src/demo/demo-indicators';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { parsePeriod } from '../../src/domain/periods';
import { describeEachDatabase } from '../support/test-database';

const INSTANTS: [string, string, string][] = [
  // [instant, the month open for entry, the month before it]
  ['2027-02-01T00:30:00Z', '2027-01', '2026-12'], // 00:30 on the 1st (GMT)
  ['2026-10-01T00:30:00+01:00', '2026-09', '2026-08'], // 00:30 on the 1st in BST: still 30 September in UTC
  ['2027-03-31T12:00:00+01:00', '2027-02', '2027-01'], // 31 March
  ['2026-10-25T01:30:00Z', '2026-09', '2026-08'], // the night the clocks go back: the second 01:30 (GMT)
  ['2027-01-02T10:00:00Z', '2026-12', '2026-11'], // 2 January
  ['2026-12-02T07:00:00Z', '2026-11', '2026-10'], // 2 December
];

const settings = { defaultTolerance: { kind: 'PERCENT_OF_TARGET' as const, percent: 10 } };
const garethsMonthly = DEMO_INDICATORS
  .filter((i) => i.owner.email === DEMO_PEOPLE.benefitsManager.email && i.frequency === 'MONTHLY')
  .map((i) => i.code)
  .sort();

describeEachDatabase('the demo loaded on an awkward day', (db) => {
  it.each(INSTANTS)('at %s, leaves %s open (and only it) with the entry card, and %s closed', async (instant, openMonth, monthBefore) => {
    const now = new Date(instant);
    const { store } = db();
    await loadDemoData(store, now);

    const open = (await store.repos.periods.openAt(now)).map((w) => w.period).filter((p) => {
      const parsed = parsePeriod(p);
      return parsed.ok && parsed.value.kind === 'MONTH';
    });
    expect(open).toEqual([openMonth]);
    const before = (await store.repos.periods.find(monthBefore))!;
    expect(before.closedAt).toBeInstanceOf(Date);
    expect(before.closedAt!.getTime()).toBeLessThanOrEqual(now.getTime());

    const person = (await store.repos.people.findByEmail(DEMO_PEOPLE.benefitsManager.email))!;
    const entry = new EntryService(store, { now: () => now }, settings);
    const cards = await entry.openCards({ personId: person.id, name: person.displayName, teamsUserId: null });
    const card = cards.find((c) => c.period === openMonth);
    expect(card?.state).toBe('OPEN');
    expect(garethsMonthly.length).toBeGreaterThan(0);
    expect(card!.rows.map((r) => r.code).sort()).toEqual(garethsMonthly);
  });
});
