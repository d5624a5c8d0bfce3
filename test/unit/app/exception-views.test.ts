import { promisedRecovery, runningFor, threadClosingView, threadUpdateView } from '../../../src/app/board/exception-views';
import type { ActionPlanRecord, PlanVersionRecord } from '../../../src/db/repositories/action-plan-repository';
import type { BoardExceptionRecord } from '../../../src/db/repositories/board-exception-repository';
import type { IndicatorRecord } from '../../../src/db/repositories/indicator-repository';
import type { IndicatorStatus } from '../../../src/app/register-status';

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const version = (n: number, state: PlanVersionRecord['state'], expectedRecovery: string, decidedAt: string | null): PlanVersionRecord => ({
  id: `v${n}`, planId: 'plan', version: n, expectedRecovery, likelySufficient: 'YES', submittedById: 'gareth', submittedAt: at('2026-11-01'),
  state, decidedById: decidedAt ? 'marcus' : null, decidedAt: decidedAt ? at(decidedAt) : null, decisionComment: null, actions: [],
});
const plan = (...versions: PlanVersionRecord[]): ActionPlanRecord => ({
  id: 'plan', indicatorId: 'srv01', period: '2026-10', ownerId: 'gareth', requestedAt: at('2026-10-20'), requestedBy: 'digest', exceptionId: 'exc', achievedAt: null, versions,
});
const exception = (fields: Partial<BoardExceptionRecord> = {}): BoardExceptionRecord => ({
  id: 'exc', indicatorId: 'srv01', openedPeriod: '2026-10', lastPeriod: '2026-11', status: 'RED', worstStatus: 'RED', threadId: 't', closedPeriod: null,
  closedAt: null, closedHow: null, recoveryBy: null, recoveryMissed: null, recoveryDecision: null, recoveryDecidedById: null, recoveryDecidedAt: null,
  createdAt: at('2026-11-20'), ...fields,
});
const srv01 = { id: 'srv01', code: 'SRV01', title: 'Days to process new claims', unit: 'DAYS', decimals: 1, ownerId: 'gareth' } as unknown as IndicatorRecord;
const status = (period: string, s: 'RED' | 'AMBER' | 'GREEN', figure: number): IndicatorStatus => ({
  indicator: srv01, period, figure, value: null, target: 20, tolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 }, status: s,
  travel: { short: 'IMPROVED', long: 'NOT_COMPARABLE', comparator: null, comparisonText: '' },
} as unknown as IndicatorStatus);

describe('the recovery month the Board holds the owner to', () => {
  it('is the approved version\'s, not a version waiting or sent back', () => {
    expect(promisedRecovery(plan(version(1, 'SENT_BACK', '2026-11', '2026-11-02'), version(2, 'SUBMITTED', '2026-12', null)), exception())).toBeNull();
    expect(promisedRecovery(plan(version(1, 'APPROVED', '2026-12', '2026-11-02'), version(2, 'SUBMITTED', '2027-02', null)), exception()))
      .toEqual({ planId: 'plan', version: 1, expectedRecovery: '2026-12' });
    expect(promisedRecovery(null, exception())).toBeNull();
  });

  it('is a new date the director accepted after the approval, until a later approval brings its own', () => {
    const accepted = exception({ recoveryBy: '2027-02', recoveryDecision: 'newDate', recoveryMissed: '2026-12', recoveryDecidedAt: at('2027-01-05') });
    expect(promisedRecovery(plan(version(1, 'APPROVED', '2026-12', '2026-11-02')), accepted)!.expectedRecovery).toBe('2027-02');
    expect(promisedRecovery(plan(version(1, 'APPROVED', '2026-12', '2026-11-02'), version(2, 'APPROVED', '2027-03', '2027-01-10')), accepted)!.expectedRecovery).toBe('2027-03');
  });
});

describe('what the thread is told', () => {
  it('updates with how long it has run, a change of status and the recovery month, overdue or not', () => {
    const approved = plan(version(1, 'APPROVED', '2026-12', '2026-11-02'));
    const november = threadUpdateView(status('2026-11', 'RED', 23.8) as IndicatorStatus & { status: 'RED' }, exception({ lastPeriod: '2026-10', status: 'AMBER' }), approved);
    expect(november).toMatchObject({
      periodLabel: 'November 2026', statusText: 'Red: 23.8 days against a target of 20.0 days',
      changeText: 'Red or amber for the 2nd month running (since October 2026); was Amber in October 2026.',
      planState: 'APPROVED', recoveryText: 'Expected to recover by December 2026', recoveryOverdue: false,
    });
    const january = threadUpdateView(status('2027-01', 'RED', 22.9) as IndicatorStatus & { status: 'RED' }, exception({ lastPeriod: '2026-12' }), approved);
    expect(january).toMatchObject({ changeText: 'Red or amber for the 4th month running (since October 2026).', recoveryText: 'Recovery was expected by December 2026: overdue', recoveryOverdue: true });
    // An amber nobody asked a plan for shows no plan line.
    expect(threadUpdateView(status('2026-11', 'AMBER', 21.5) as IndicatorStatus & { status: 'AMBER' }, exception({ status: 'AMBER', lastPeriod: '2026-10' }), null).planState).toBeNull();
  });

  it('closes with the span of months and the plan achieved', () => {
    expect(threadClosingView(status('2027-01', 'GREEN', 19.1), exception({ lastPeriod: '2026-12' }), plan())).toEqual({
      code: 'SRV01', title: 'Days to process new claims', periodLabel: 'January 2027', statusText: 'Green: 19.1 days against a target of 20.0 days',
      spanText: 'Red or amber for 3 months: October 2026 to December 2026.', planText: 'The action plan is marked achieved.',
    });
    expect(threadClosingView(status('2026-11', 'GREEN', 19.1), exception({ lastPeriod: '2026-10' }), null)).toMatchObject({
      spanText: 'Red or amber for 1 month: October 2026.', planText: null,
    });
  });

  it('counts months, quarters and years running', () => {
    expect(runningFor('2026-10', '2026-12')).toBe('3rd month running');
    expect(runningFor('2026/27 Q1', '2026/27 Q2')).toBe('2nd quarter running');
    expect(runningFor('2025/26', '2026/27')).toBe('2nd year running');
    expect(runningFor('2026-01', '2026-11')).toBe('11th month running');
  });
});
