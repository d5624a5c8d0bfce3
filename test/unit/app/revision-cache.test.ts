import { nextChangeOfTime, RevisionCache } from '../../../src/app/revision-cache';

const at = (iso: string) => new Date(iso);

describe('the revision cache', () => {
  it('answers while the revision is the same and the time is before the entry runs out', () => {
    const cache = new RevisionCache<string>();
    cache.set('2026-10', '7', at('2026-11-17T11:00:00Z'), 'answer');
    expect(cache.get('2026-10', '7', at('2026-11-17T10:59:59Z'))).toBe('answer');
    expect(cache.get('2026-10', '8', at('2026-11-17T10:30:00Z'))).toBeUndefined();
    expect(cache.get('2026-10', '7', at('2026-11-17T11:00:00Z'))).toBeUndefined();
    expect(cache.get('2026-09', '7', at('2026-11-17T10:30:00Z'))).toBeUndefined();
  });

  it('keeps only the newest entries when full', () => {
    const cache = new RevisionCache<number>(2);
    const until = at('2026-11-17T11:00:00Z');
    const now = at('2026-11-17T10:00:00Z');
    cache.set('a', '1', until, 1);
    cache.set('b', '1', until, 2);
    cache.set('c', '1', until, 3);
    expect([cache.get('a', '1', now), cache.get('b', '1', now), cache.get('c', '1', now)]).toEqual([undefined, 2, 3]);
  });
});

describe('the next change of time', () => {
  const now = at('2026-11-13T16:20:00Z');

  it('is the next deadline, opening or closing when one comes before the next hour', () => {
    const windows = [{ openedAt: at('2026-11-02T09:00:00Z'), deadline: at('2026-11-13T16:45:00Z'), closedAt: null }];
    expect(nextChangeOfTime(windows, now)).toEqual(at('2026-11-13T16:45:00Z'));
  });

  it('is the next whole hour otherwise, past instants not counting', () => {
    const windows = [{ openedAt: at('2026-11-02T09:00:00Z'), deadline: at('2026-11-13T17:30:00Z'), closedAt: at('2026-11-01T00:00:00Z') }];
    expect(nextChangeOfTime(windows, now)).toEqual(at('2026-11-13T17:00:00Z'));
    expect(nextChangeOfTime([], now)).toEqual(at('2026-11-13T17:00:00Z'));
  });
});
