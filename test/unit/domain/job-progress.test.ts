import {
  barShares, expectedMessages, measuredRate, percentSettled, secondsLeft, withSample, type Sample,
} from '../../../src/domain/job-progress';

const counts = (sent: number, failed: number, waiting: number) => ({ sent, failed, waiting });

describe('expected messages', () => {
  it('is the outbox\'s count once recording has finished, even below the recipients (some needed nothing)', () => {
    expect(expectedMessages({ recorded: 2000, toRecord: 2000, finished: true }, counts(1500, 3, 480))).toBe(1983);
  });

  it('counts each recipient not yet dealt with while recording', () => {
    expect(expectedMessages({ recorded: 400, toRecord: 2000, finished: false }, counts(300, 0, 100))).toBe(2000);
  });

  it('counts what an earlier run recorded, which this run records nothing of', () => {
    expect(expectedMessages({ recorded: 10, toRecord: 2000, finished: false }, counts(2000, 0, 0))).toBe(2000);
    expect(expectedMessages(null, counts(7, 1, 2))).toBe(10);
  });
});

describe('measured rate', () => {
  const at = (s: number, count: number): Sample => ({ atMs: s * 1000, count });

  it('is the rise per second between the oldest and newest sample of the window', () => {
    expect(measuredRate([at(0, 0), at(2, 90), at(4, 190)])).toBe(47.5);
  });

  it('forgets samples older than the window, so a slow start does not weigh for ever', () => {
    expect(measuredRate([at(0, 0), at(20, 100), at(30, 600)], 15_000)).toBe(50);
  });

  it('claims nothing from under a second, from a single sample, or when nothing moved', () => {
    expect(measuredRate([])).toBeNull();
    expect(measuredRate([at(5, 10)])).toBeNull();
    expect(measuredRate([at(5, 10), at(5.5, 40)])).toBeNull();
    expect(measuredRate([at(0, 40), at(10, 40)])).toBeNull();
  });

  it('keeps only the samples the window needs', () => {
    let samples: Sample[] = [];
    for (let s = 0; s <= 60; s += 2) samples = withSample(samples, at(s, s * 48));
    expect(samples.length).toBeLessThanOrEqual(10);
    expect(samples.at(-1)).toEqual(at(60, 2880));
    expect(measuredRate(samples)).toBe(48);
  });
});

describe('seconds left', () => {
  it('is what is left to settle at the sending rate', () => {
    expect(secondsLeft({ toRecord: 0, toSettle: 1200 }, { recording: null, sending: 48 })).toBe(25);
  });

  it('is the slower of recording and sending while both are going on', () => {
    // 1,600 recipients at 15 a second outlast 1,900 messages at 48 a second.
    expect(secondsLeft({ toRecord: 1600, toSettle: 1900 }, { recording: 15, sending: 48 })).toBe(107);
    expect(secondsLeft({ toRecord: 100, toSettle: 1900 }, { recording: 500, sending: 50 })).toBe(38);
  });

  it('is 0 when nothing is left, and unknown while a rate it needs is', () => {
    expect(secondsLeft({ toRecord: 0, toSettle: 0 }, { recording: null, sending: null })).toBe(0);
    expect(secondsLeft({ toRecord: 0, toSettle: 5 }, { recording: 10, sending: null })).toBeNull();
    expect(secondsLeft({ toRecord: 5, toSettle: 5 }, { recording: null, sending: 10 })).toBeNull();
  });
});

describe('bar shares', () => {
  it('are whole percentages of the expected, summing to 100', () => {
    expect(barShares(counts(900, 20, 1080), 2000)).toEqual({ sent: 45, failed: 1, rest: 54 });
    expect(barShares(counts(0, 0, 0), 2000)).toEqual({ sent: 0, failed: 0, rest: 100 });
  });

  it('show a part above nothing as at least 1', () => {
    expect(barShares(counts(1, 1, 1998), 2000)).toEqual({ sent: 1, failed: 1, rest: 98 });
  });

  it('are full only when everything has settled, and then full', () => {
    expect(barShares(counts(1999, 0, 1), 2000)).toEqual({ sent: 99, failed: 0, rest: 1 });
    expect(barShares(counts(1998, 1, 1), 2000)).toEqual({ sent: 98, failed: 1, rest: 1 });
    expect(barShares(counts(1997, 3, 0), 2000)).toEqual({ sent: 99, failed: 1, rest: 0 });
    expect(percentSettled(counts(1997, 3, 0), 2000)).toBe(100);
    expect(percentSettled(counts(1999, 0, 1), 2000)).toBe(99);
  });

  it('show an empty bar when nothing is expected', () => {
    expect(barShares(counts(0, 0, 0), 0)).toEqual({ sent: 0, failed: 0, rest: 100 });
  });
});
