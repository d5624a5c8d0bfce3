import { clockFor, startingClock, systemClock } from '../../../src/clock';

describe('the starting clock', () => {
  it('reads the start instant when made, then runs on with real time', () => {
    let real = Date.parse('2026-12-02T07:00:00Z');
    const clock = startingClock(new Date('2026-11-17T10:00:00Z'), () => new Date(real));
    expect(clock.now().toISOString()).toBe('2026-11-17T10:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-11-17T10:01:30.000Z');
    real += 3 * 86_400_000;
    expect(clock.now().toISOString()).toBe('2026-11-20T10:01:30.000Z');
  });

  it('runs on from its start whatever the real time is, even before the start', () => {
    let real = Date.parse('2020-01-01T00:00:00Z');
    const clock = startingClock(new Date('2027-02-01T00:30:00Z'), () => new Date(real));
    real += 1_000;
    expect(clock.now().toISOString()).toBe('2027-02-01T00:30:01.000Z');
  });

  it('is the system clock when no start is set, and warns when one is', () => {
    const warnings: string[] = [];
    expect(clockFor(null, (m) => warnings.push(m))).toBe(systemClock);
    expect(warnings).toEqual([]);
    const clock = clockFor(new Date('2026-11-17T10:00:00Z'), (m) => warnings.push(m));
    expect(Math.abs(clock.now().getTime() - Date.parse('2026-11-17T10:00:00Z'))).toBeLessThan(60_000);
    expect(warnings).toEqual([expect.stringMatching(/CLOCK_START is set: the clock started at 2026-11-17T10:00:00\.000Z/)]);
  });
});
