import { GlobalPacer } from '../../../src/delivery/global-pacer';

/** The most start times within any one-second window, closed at both ends. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! > 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Books `count` requests as fast as the pacer allows, asking at the moments given. */
function saturate(pacer: GlobalPacer, count: number, askAt: (i: number, previous: number) => number = (_, previous) => previous, cost = 1): number[] {
  const times: number[] = [];
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const at = pacer.earliest(askAt(i, previous), cost);
    times.push(...pacer.book(at, cost));
    previous = at;
  }
  return times;
}

describe('the global pacer', () => {
  it('spaces requests evenly at 1000/rate ms, so 48 a second go out at 48 a second', () => {
    const times = saturate(new GlobalPacer(48), 480);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 48 - 1e-9);
    const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    expect(rate).toBeGreaterThan(47.5);
    expect(rate).toBeLessThanOrEqual(48);
  });

  it.each([1, 7, 10, 48, 50])('never lets a one-second window hold more than %d, however the requests are asked for', (rate) => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pacer = new GlobalPacer(rate);
    // Bursts, pauses and trickles: ask at a random moment up to a second after the last start.
    const times = saturate(pacer, 600, (_, previous) => previous + (random() < 0.5 ? 0 : random() * 1000));
    expect(busiestSecond(times)).toBeLessThanOrEqual(rate);
  });

  it('does not catch up with a burst after being idle', () => {
    const pacer = new GlobalPacer(10);
    const first = saturate(pacer, 10);
    const later = saturate(pacer, 10, () => first.at(-1)! + 5_000);
    expect(later[1]! - later[0]!).toBeCloseTo(100);
  });

  it('books a two-request message (create a chat, then write) as two slots', () => {
    const pacer = new GlobalPacer(50);
    const times = pacer.book(pacer.earliest(0, 2), 2);
    expect(times).toEqual([0, 20]);
    expect(pacer.earliest(0)).toBe(40);
  });

  it('after a 429 gives every request a breather of the Retry-After, at most a quarter of a second', () => {
    const pacer = new GlobalPacer(48);
    pacer.book(0);
    pacer.throttled(100, 3_000);
    expect(pacer.earliest(100)).toBe(350);
    pacer.throttled(400, 100);
    expect(pacer.earliest(400)).toBe(500);
  });

  it('holds everything until a pause is over', () => {
    const pacer = new GlobalPacer(48);
    pacer.book(0);
    pacer.pauseUntil(3_000);
    expect(pacer.earliest(100)).toBe(3_000);
    pacer.pauseUntil(1_000); // an earlier pause does not shorten a later one
    expect(pacer.earliest(100)).toBe(3_000);
    expect(pacer.earliest(4_000)).toBe(4_000);
  });

  it('handles less than one request a second', () => {
    const times = saturate(new GlobalPacer(0.5), 5);
    expect(times).toEqual([0, 2000, 4000, 6000, 8000]);
  });
});

describe('the global pacer when a request starts late', () => {
  it('keeps the planned slot for a little lateness, so the rate does not drift', () => {
    const pacer = new GlobalPacer(50);
    pacer.bookStarted(0, 0);
    pacer.bookStarted(20, 29); // 9 ms late: within half a spacing
    expect(pacer.earliest(29)).toBe(40);
  });

  it('takes the real start for more, so the next one cannot bunch up behind it', () => {
    const pacer = new GlobalPacer(50);
    pacer.bookStarted(0, 0);
    pacer.bookStarted(20, 65); // 45 ms late
    expect(pacer.earliest(65)).toBe(85);
  });

  it('never lets a window hold more than the rate plus one however late requests start', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pacer = new GlobalPacer(48);
    const started: number[] = [];
    let now = 0;
    for (let i = 0; i < 1000; i++) {
      const planned = pacer.earliest(now);
      const late = random() < 0.2 ? random() * 60 : random() * 3;
      now = planned + late;
      pacer.bookStarted(planned, now);
      started.push(now);
    }
    expect(busiestSecond(started)).toBeLessThanOrEqual(49);
  });
});
