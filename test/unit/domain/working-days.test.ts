import { bankHolidays, easterSunday, isWorkingDay, nthWorkingDayAfterMonth } from '../../../src/domain/working-days';
import { ukLocalToInstant, ukDateOf } from '../../../src/domain/uk-time';

const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

describe('working days in England and Wales', () => {
  it.each([
    [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'],
  ])('Easter Sunday %i is %s', (year, expected) => {
    expect(iso(easterSunday(year))).toBe(expected);
  });

  it('knows the 2026 bank holidays, with Boxing Day moved to Monday 28 December', () => {
    expect(bankHolidays(2026).map(iso).sort()).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
  });

  it('moves Christmas and Boxing Day falling on a weekend (2027: Monday 27 and Tuesday 28)', () => {
    expect(bankHolidays(2027).map(iso).filter((d) => d.startsWith('2027-12'))).toEqual(['2027-12-27', '2027-12-28']);
  });

  it('counts weekends and bank holidays out', () => {
    expect(isWorkingDay({ year: 2026, month: 11, day: 23 })).toBe(true); // Monday
    expect(isWorkingDay({ year: 2026, month: 11, day: 22 })).toBe(false); // Sunday
    expect(isWorkingDay({ year: 2026, month: 12, day: 28 })).toBe(false); // Boxing Day substitute
  });

  it.each([
    [2026, 10, 1, '2026-11-02'], // 31 Oct is a Saturday
    [2026, 10, 3, '2026-11-04'],
    [2026, 10, 10, '2026-11-13'],
    [2026, 11, 3, '2026-12-03'],
    [2026, 12, 1, '2027-01-04'], // New Year's Day on a Friday
    [2027, 3, 1, '2027-04-01'],
    [2027, 3, 3, '2027-04-05'], // Easter Monday 2027 is 29 March, before month end
  ])('the working day after %i-%i number %i is %s', (year, month, n, expected) => {
    expect(iso(nthWorkingDayAfterMonth(year, month, n))).toBe(expected);
  });
});

describe('UK local time', () => {
  it('turns 09:00 UK time into the right instant in winter (GMT) and summer (BST)', () => {
    expect(ukLocalToInstant({ year: 2026, month: 11, day: 4 }, '09:00').toISOString()).toBe('2026-11-04T09:00:00.000Z');
    expect(ukLocalToInstant({ year: 2026, month: 7, day: 3 }, '09:00').toISOString()).toBe('2026-07-03T08:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    expect(ukLocalToInstant({ year: 2027, month: 3, day: 28 }, '09:00').toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(ukLocalToInstant({ year: 2026, month: 10, day: 25 }, '17:00').toISOString()).toBe('2026-10-25T17:00:00.000Z');
  });

  it('gives the UK date of an instant, which differs from UTC after 23:00 GMT in summer', () => {
    expect(iso(ukDateOf(new Date('2026-06-30T23:30:00Z')))).toBe('2026-07-01');
  });
});
