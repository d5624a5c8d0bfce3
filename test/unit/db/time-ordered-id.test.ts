import { timeOrderedId } from '../../../src/db/time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids', () => {
  it('are version 7 UUIDs, each new one sorting after the one before, also within a millisecond', () => {
    const at = Date.parse('2026-11-17T10:00:00Z');
    // 5,000 in the same millisecond: past the 4,096 the counter holds, so it borrows the next one.
    const ids = [...Array.from({ length: 5_000 }, () => timeOrderedId(at)), timeOrderedId(at + 1), timeOrderedId(at + 60_000)];
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.replace(/-/g, '').slice(0, 12)).toBe(at.toString(16).padStart(12, '0'));
  });

  it('never go backwards when the clock does', () => {
    const at = Date.parse('2026-11-17T10:00:00Z') + 120_000;
    const first = timeOrderedId(at);
    expect(timeOrderedId(at - 5_000) > first).toBe(true);
  });
});
