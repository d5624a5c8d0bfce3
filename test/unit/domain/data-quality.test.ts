import { dataQuality, daysLate, type FigureRecord } from '../../../src/domain/data-quality';

const DEADLINE = new Date('2026-08-20T16:00:00Z');
const CLOSED = new Date('2026-08-28T16:00:00Z');
const figure = (overrides: Partial<FigureRecord>): FigureRecord => ({
  indicatorId: 'x', directorate: 'Resources', owner: 'Gareth Lewis', firstEnteredAt: new Date('2026-08-19T10:00:00Z'), correctedAt: [],
  currentEstimated: false, queries: 0, deadline: DEADLINE, closedAt: CLOSED, ...overrides,
});

describe('daysLate', () => {
  it.each([
    ['in by the deadline', '2026-08-20T16:00:00Z', 0],
    ['a minute late is a day late', '2026-08-20T16:01:00Z', 1],
    ['exactly a day late', '2026-08-21T16:00:00Z', 1],
    ['a day and an hour late', '2026-08-21T17:00:00Z', 2],
  ])('%s', (_case, at, days) => {
    expect(daysLate(new Date(at), DEADLINE)).toBe(days);
  });
});

describe('dataQuality', () => {
  const figures = [
    figure({ indicatorId: 'srv01', correctedAt: [new Date('2026-08-27T10:00:00Z'), new Date('2026-09-02T10:00:00Z')], queries: 2 }),
    figure({ indicatorId: 'fin01', owner: 'Sarah Whitfield', firstEnteredAt: new Date('2026-08-22T09:00:00Z'), currentEstimated: true }),
    figure({ indicatorId: 'env01', directorate: 'Place', owner: 'Tom Hargreaves', firstEnteredAt: new Date('2026-08-25T17:00:00Z') }),
    figure({ indicatorId: 'env02', directorate: 'Place', owner: 'Tom Hargreaves', firstEnteredAt: null }),
  ];
  const quality = dataQuality(figures);

  it('counts the whole register: on time, late by how long, missing, corrections after close, queries, estimates', () => {
    expect(quality.overall).toEqual({
      expected: 4, onTime: 1, late: 2, missing: 1, completenessPercent: 25, averageDaysLate: 4, mostDaysLate: 6,
      correctionsAfterClose: 1, queriesRaised: 2, estimatesOutstanding: 1,
    });
  });

  it('counts each directorate and each owner, in name order', () => {
    expect([...quality.byDirectorate.keys()]).toEqual(['Place', 'Resources']);
    expect(quality.byDirectorate.get('Place')).toMatchObject({ expected: 2, onTime: 0, late: 1, missing: 1, completenessPercent: 0, averageDaysLate: 6 });
    expect(quality.byDirectorate.get('Resources')).toMatchObject({ expected: 2, onTime: 1, late: 1, completenessPercent: 50, mostDaysLate: 2 });
    expect([...quality.byOwner.keys()]).toEqual(['Gareth Lewis', 'Sarah Whitfield', 'Tom Hargreaves']);
    expect(quality.byOwner.get('Gareth Lewis')).toMatchObject({ correctionsAfterClose: 1, queriesRaised: 2, late: 0 });
  });

  it('counts a figure of a period with no deadline as on time once in, and no correction after a close that has not happened', () => {
    const open = dataQuality([figure({ deadline: null, closedAt: null, firstEnteredAt: new Date('2027-01-01T00:00:00Z'), correctedAt: [new Date('2027-02-01T00:00:00Z')] })]);
    expect(open.overall).toMatchObject({ onTime: 1, late: 0, correctionsAfterClose: 0, completenessPercent: 100, averageDaysLate: null, mostDaysLate: null });
  });

  it('has no completeness to show when nothing was expected', () => {
    expect(dataQuality([]).overall).toMatchObject({ expected: 0, completenessPercent: null });
  });
});
