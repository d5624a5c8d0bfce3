import { exceptionStep, needsNewPlan, periodsRunning, recoveryOverdue, type LatestException } from '../../../src/domain/board-exception';

const open = (lastPeriod: string, status = 'RED', worstStatus = status): LatestException => ({
  openedPeriod: '2026-09', lastPeriod, status, worstStatus, closedPeriod: null, closed: false,
});
const closed = (closedPeriod: string): LatestException => ({ ...open('2026-10'), closedPeriod, closed: true });

describe('following one exception', () => {
  it('opens an exception for a red or amber with nothing open, and nothing for anything else', () => {
    expect(exceptionStep('RED', '2026-10', null)).toEqual({ kind: 'open' });
    expect(exceptionStep('AMBER', '2026-10', null)).toEqual({ kind: 'open' });
    for (const status of ['GREEN', 'MISSING', 'DUE', 'DATA_ONLY']) expect(exceptionStep(status, '2026-10', null)).toEqual({ kind: 'none' });
  });

  it('continues an open exception in a later period, noting a worsening and the worst status', () => {
    expect(exceptionStep('RED', '2026-11', open('2026-10'))).toEqual({ kind: 'continue', worsened: false, worstStatus: 'RED' });
    expect(exceptionStep('RED', '2026-11', open('2026-10', 'AMBER'))).toEqual({ kind: 'continue', worsened: true, worstStatus: 'RED' });
    expect(exceptionStep('AMBER', '2026-11', open('2026-10', 'RED'))).toEqual({ kind: 'continue', worsened: false, worstStatus: 'RED' });
    expect(exceptionStep('AMBER', '2026-11', open('2026-10', 'AMBER'))).toEqual({ kind: 'continue', worsened: false, worstStatus: 'AMBER' });
    // A month missing in between does not end the problem.
    expect(exceptionStep('RED', '2027-01', open('2026-10'))).toMatchObject({ kind: 'continue' });
  });

  it('changes nothing for the period already in the exception or an earlier one (a digest run again)', () => {
    expect(exceptionStep('RED', '2026-10', open('2026-10'))).toEqual({ kind: 'alreadyUpdated' });
    expect(exceptionStep('GREEN', '2026-10', open('2026-10'))).toEqual({ kind: 'none' });
    expect(exceptionStep('RED', '2026-08', open('2026-10'))).toEqual({ kind: 'none' });
  });

  it('closes on green after the last period; a missing figure neither closes nor continues it', () => {
    expect(exceptionStep('GREEN', '2026-11', open('2026-10'))).toEqual({ kind: 'recovered' });
    expect(exceptionStep('MISSING', '2026-11', open('2026-10'))).toEqual({ kind: 'none' });
    expect(exceptionStep('DUE', '2026-11', open('2026-10'))).toEqual({ kind: 'none' });
  });

  it('opens a new exception only after the period the last one closed in', () => {
    expect(exceptionStep('RED', '2026-11', closed('2026-11'))).toEqual({ kind: 'none' });
    expect(exceptionStep('RED', '2026-10', closed('2026-11'))).toEqual({ kind: 'none' });
    expect(exceptionStep('RED', '2026-12', closed('2026-11'))).toEqual({ kind: 'open' });
    expect(exceptionStep('GREEN', '2026-12', closed('2026-11'))).toEqual({ kind: 'none' });
  });

  it('works for quarters as for months', () => {
    const quarter: LatestException = { ...open('2026/27 Q1'), openedPeriod: '2026/27 Q1' };
    expect(exceptionStep('RED', '2026/27 Q2', quarter)).toMatchObject({ kind: 'continue' });
    expect(exceptionStep('GREEN', '2026/27 Q2', quarter)).toEqual({ kind: 'recovered' });
    expect(periodsRunning('2026/27 Q1', '2026/27 Q3')).toBe(3);
  });
});

describe('recovery promised and plans asked', () => {
  it('is overdue only after the recovery period, not in it', () => {
    expect(recoveryOverdue('2026-11', '2026-10')).toBe(false);
    expect(recoveryOverdue('2026-11', '2026-11')).toBe(false);
    expect(recoveryOverdue('2026-11', '2026-12')).toBe(true);
    expect(recoveryOverdue(null, '2026-12')).toBe(false);
    expect(recoveryOverdue('not a period', '2026-12')).toBe(false);
  });

  it('asks a new plan when an exception worsens to red, or is red with none; never for an amber or a carried plan', () => {
    const continuing = (worsened: boolean) => ({ kind: 'continue' as const, worsened, worstStatus: 'RED' as const });
    expect(needsNewPlan(continuing(true), 'RED', true)).toBe(true);
    expect(needsNewPlan(continuing(false), 'RED', false)).toBe(true);
    expect(needsNewPlan(continuing(false), 'RED', true)).toBe(false);
    expect(needsNewPlan(continuing(false), 'AMBER', false)).toBe(false);
    expect(needsNewPlan({ kind: 'open' }, 'RED', false)).toBe(false);
  });

  it('counts the periods an exception has run, both ends included', () => {
    expect(periodsRunning('2026-10', '2026-10')).toBe(1);
    expect(periodsRunning('2026-10', '2026-12')).toBe(3);
    expect(periodsRunning('2026-11', '2027-02')).toBe(4);
  });
});
