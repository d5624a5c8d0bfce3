import { daysOverdue, isCalendarDate, mayDecidePlan, validatePlan, type PlanRules } from '../../../src/domain/action-plan';

const rules: PlanRules = {
  leadIds: new Set(['p-gareth', 'p-chloe']),
  recoveryPeriods: ['2026-12', '2027-01', '2027-02'],
  today: '2026-11-23',
  maxDescriptionLength: 40,
};
const blank = { lead: '', due: '', description: '' };

describe('validatePlan', () => {
  it('accepts filled rows, skips blank ones, and trims what was typed', () => {
    const result = validatePlan(
      {
        actions: [{ lead: 'p-gareth', due: '2026-12-18', description: '  Overtime for assessors ' }, blank, { lead: 'p-chloe', due: '2026-11-23', description: 'Clear backlog' }],
        expectedRecovery: '2027-01',
        likelySufficient: 'YES',
      },
      rules,
    );
    expect(result).toEqual({
      ok: true,
      plan: {
        actions: [
          { leadId: 'p-gareth', dueDate: '2026-12-18', description: 'Overtime for assessors' },
          { leadId: 'p-chloe', dueDate: '2026-11-23', description: 'Clear backlog' },
        ],
        expectedRecovery: '2027-01',
        likelySufficient: 'YES',
      },
    });
  });

  it('says what to fix on each partly filled row, in place', () => {
    const result = validatePlan(
      {
        actions: [
          { lead: '', due: '2026-12-01', description: 'Recruit' },
          { lead: 'p-stranger', due: '2026-11-01', description: '' },
          { lead: 'p-gareth', due: '31/12/2026', description: 'x'.repeat(41) },
          blank,
        ],
        expectedRecovery: '2027-01',
        likelySufficient: 'UNSURE',
      },
      rules,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.rows).toEqual([
      'Choose who leads it.',
      'Say what the action is, choose a lead from the list and give a due date from today on.',
      'Shorten the description to 40 characters (it has 41) and give the due date as a date, for example 2026-12-18.',
      null,
    ]);
    expect(result.errors.form).toBeNull();
  });

  it('needs at least one action, a recovery period from the list and a likely-to-be-enough answer', () => {
    const result = validatePlan({ actions: [blank, blank], expectedRecovery: '2030-01', likelySufficient: 'PERHAPS' }, rules);
    expect(result).toEqual({
      ok: false,
      errors: {
        rows: [null, null],
        expectedRecovery: 'Choose the period by which the figure should be back on target.',
        likelySufficient: 'Say whether the actions are likely to be enough.',
        form: 'Add at least one action: what, who leads it and by when.',
      },
    });
  });
});

describe('dates and deciders', () => {
  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('counts whole days overdue, across month ends, and none on the due day', () => {
    expect(daysOverdue('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysOverdue('2026-11-24', '2026-11-23')).toBe(0);
    expect(daysOverdue('2026-10-30', '2026-11-02')).toBe(3);
  });

  it('lets the director or an admin decide, and nobody else', () => {
    expect(mayDecidePlan('p-sarah', 'p-sarah', false)).toBe(true);
    expect(mayDecidePlan('p-robert', 'p-sarah', true)).toBe(true);
    expect(mayDecidePlan('p-gareth', 'p-sarah', false)).toBe(false);
    expect(mayDecidePlan('p-gareth', null, false)).toBe(false);
  });
});
