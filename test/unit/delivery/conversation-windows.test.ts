import { ConversationWindows } from '../../../src/delivery/conversation-windows';
import { TEAMS_PER_CONVERSATION } from '../../../src/delivery/teams-limits';

function countWithin(times: number[], from: number, lengthMs: number): number {
  return times.filter((t) => t >= from && t <= from + lengthMs).length;
}

/** Every window of each limit's length, starting at each request, holds no more than the limit. */
function respectsTeamsLimits(times: number[]): boolean {
  return TEAMS_PER_CONVERSATION.every((limit) => times.every((t) => countWithin(times, t, limit.perMs) <= limit.requests));
}

function sendAsFastAsAllowed(windows: ConversationWindows, key: string, count: number, from = 0): number[] {
  const times: number[] = [];
  let now = from;
  for (let i = 0; i < count; i++) {
    now = windows.earliest(key, now);
    windows.book(key, now);
    times.push(now);
  }
  return times;
}

describe('per-conversation windows (7 a second, 8 in two, 60 in thirty, 1800 an hour)', () => {
  it('lets 7 go at once, then holds the 8th and 9th to the 1 s and 2 s windows', () => {
    const windows = new ConversationWindows();
    const times = sendAsFastAsAllowed(windows, 'a:chat', 9);
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBe(1_001);
    expect(times[8]).toBe(2_001);
  });

  it('keeps a long run within every window, the 30 s one included', () => {
    const windows = new ConversationWindows();
    const times = sendAsFastAsAllowed(windows, 'a:chat', 150);
    expect(respectsTeamsLimits(times)).toBe(true);
    // 60 in 30 s is the binding limit over a long run: about 2 a second.
    const rate = times.length / ((times.at(-1)! - times[0]!) / 1000);
    expect(rate).toBeGreaterThan(1.9);
    expect(rate).toBeLessThan(2.5);
  });

  it('holds to 1800 an hour', () => {
    const windows = new ConversationWindows([{ requests: 1800, perMs: 3_600_000 }]);
    const times = sendAsFastAsAllowed(windows, 'a:chat', 1801);
    expect(times[1799]).toBe(0);
    expect(times[1800]).toBe(3_600_001);
  });

  it('keeps conversations apart', () => {
    const windows = new ConversationWindows();
    sendAsFastAsAllowed(windows, 'a:one', 8);
    expect(windows.earliest('a:two', 0)).toBe(0);
    expect(windows.earliest('a:one', 0)).toBeGreaterThan(1_000);
  });

  it('counts a two-request message twice', () => {
    const windows = new ConversationWindows();
    windows.book('user:29:x', 0, 2);
    for (let i = 0; i < 5; i++) windows.book('user:29:x', 0);
    expect(windows.earliest('user:29:x', 0)).toBe(1_001);
  });

  it('forgets conversations that have been quiet for an hour', () => {
    const windows = new ConversationWindows();
    windows.book('a:old', 0);
    windows.book('a:new', 3_000_000);
    windows.forgetIdle(3_600_001);
    expect(windows.size).toBe(1);
  });
});
