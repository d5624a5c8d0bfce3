import { monthSchedule, reportingPeriodsFor } from '../../../src/domain/cycle-calendar';
import { monthPeriod, periodKey } from '../../../src/domain/periods';

const settings = {
  openWorkingDay: 3, openTime: '09:00', reminderWorkingDays: [6, 8], deadlineWorkingDay: 10, deadlineTime: '17:00',
  escalateVerifierWorkingDay: 11, escalateDirectorWorkingDay: 13, closeWorkingDay: 15, digestWorkingDay: 16,
};

describe('the cycle calendar', () => {
  it("lays out October 2026's cycle in November, at UK local times", () => {
    const schedule = monthSchedule(monthPeriod(2026, 10), settings);
    expect(schedule.deadline.toISOString()).toBe('2026-11-13T17:00:00.000Z');
    expect(schedule.steps.map((s) => [s.runKey, s.at.toISOString()])).toEqual([
      ['scheduled|open|2026-10', '2026-11-04T09:00:00.000Z'],
      ['scheduled|remind-1|2026-10', '2026-11-09T09:00:00.000Z'],
      ['scheduled|remind-2|2026-10', '2026-11-11T09:00:00.000Z'],
      ['scheduled|escalate-verifier|2026-10', '2026-11-16T09:00:00.000Z'],
      ['scheduled|escalate-director|2026-10', '2026-11-18T09:00:00.000Z'],
      ['scheduled|close|2026-10', '2026-11-20T17:00:00.000Z'],
      ['scheduled|digest|2026-10', '2026-11-23T09:00:00.000Z'],
    ]);
  });

  it('runs in British Summer Time when the clocks have gone forward', () => {
    const schedule = monthSchedule(monthPeriod(2027, 3), settings);
    expect(schedule.steps[0]!.at.toISOString()).toBe('2027-04-05T08:00:00.000Z'); // 09:00 BST
  });

  it('collects quarterly indicators only at quarter ends, annual ones only in March', () => {
    expect(reportingPeriodsFor(monthPeriod(2026, 10)).map(periodKey)).toEqual(['2026-10']);
    expect(reportingPeriodsFor(monthPeriod(2026, 12)).map(periodKey)).toEqual(['2026-12', '2026/27 Q3']);
    expect(reportingPeriodsFor(monthPeriod(2027, 3)).map(periodKey)).toEqual(['2027-03', '2026/27 Q4', '2026/27']);
  });
});
