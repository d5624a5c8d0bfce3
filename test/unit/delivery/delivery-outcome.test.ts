import { backoffDelay, decideOutcome, retryAfterMs, DEFAULT_RETRY_POLICY, THROTTLED_TRIES_FACTOR, type RetryPolicy } from '../../../src/delivery/delivery-outcome';
import { describeSendFailure, failureSummary } from '../../../src/delivery/send-failure';
import { connectorError, networkError } from '../../support/delivery/fake-messenger';

const NOW = new Date('2026-11-04T09:00:00Z');
const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 6 };
const half = () => 0.5;
const decide = (error: Error, attempt = 1, random = half) => decideOutcome(describeSendFailure(error), attempt, policy, NOW, random);

describe('what happens after a failed send', () => {
  it.each(['BotDisabledByAdmin', 'MessageWritesBlocked', 'BotNotInConversationRoster'])('403 %s: blocked, never tried again', (code) => {
    expect(decide(connectorError(403, code))).toEqual({ kind: 'blocked', reason: expect.stringContaining(`403 ${code}`) });
  });

  it('404 BotNotInConversationRoster is blocked too', () => {
    expect(decide(connectorError(404, 'BotNotInConversationRoster')).kind).toBe('blocked');
  });

  it('429: tried again when Retry-After says, in seconds or as a date, 1 s when it says nothing', () => {
    expect(decide(connectorError(429, 'Throttled', { 'Retry-After': '7' }))).toMatchObject({ kind: 'retry', delayMs: 7_000, throttled: true });
    const inTwelve = new Date(NOW.getTime() + 12_000).toUTCString();
    expect(decide(connectorError(429, undefined, { 'Retry-After': inTwelve }))).toMatchObject({ kind: 'retry', delayMs: 12_000 });
    expect(decide(connectorError(429))).toMatchObject({ kind: 'retry', delayMs: 1_000 });
  });

  it('429 counts as a try, but a throttled message gets three times the tries before it is given up', () => {
    const throttled = connectorError(429, undefined, { 'retry-after': '1' });
    expect(decide(throttled, policy.maxAttempts).kind).toBe('retry');
    expect(decide(throttled, policy.maxAttempts * THROTTLED_TRIES_FACTOR - 1).kind).toBe('retry');
    expect(decide(throttled, policy.maxAttempts * THROTTLED_TRIES_FACTOR)).toMatchObject({ kind: 'dead', reason: expect.stringContaining('throttled') });
  });

  it.each([412, 500, 502, 503, 504, 408, 401])('%d: tried again with backoff, given up after the last try', (status) => {
    expect(decide(connectorError(status), 1)).toMatchObject({ kind: 'retry', throttled: false, delayMs: 2_500 });
    expect(decide(connectorError(status), policy.maxAttempts - 1).kind).toBe('retry');
    expect(decide(connectorError(status), policy.maxAttempts)).toMatchObject({ kind: 'dead', reason: expect.stringMatching(/gave up after 6 tries; last: \d{3}/) });
  });

  it('a dropped connection or an unexpected error is tried again too', () => {
    expect(decide(networkError('ECONNRESET'))).toMatchObject({ kind: 'retry', reason: expect.stringContaining('no response ECONNRESET') });
    expect(decide(networkError('ECONNREFUSED')).kind).toBe('retry');
    expect(decide(new TypeError('token request failed')).kind).toBe('retry');
  });

  it.each([
    [400, 'BadArgument'],
    [404, 'ConversationNotFound'],
    [413, 'MessageSizeTooBig'],
    [403, 'Forbidden'],
  ])('%d %s: dead at once, since the same request would fail again', (status, code) => {
    expect(decide(connectorError(status, code), 1)).toEqual({ kind: 'dead', reason: expect.stringContaining(`${status} ${code}`) });
  });
});

describe('backoff with full jitter', () => {
  it('doubles the ceiling each try from the base, up to the cap, and stays between zero and it', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((attempt) => backoffDelay(attempt, policy, () => 0.999999) + 1);
    expect(ceilings).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000, 300_000]);
    for (let attempt = 1; attempt <= 10; attempt++) {
      for (const r of [0, 0.1, 0.5, 0.9]) {
        const delay = backoffDelay(attempt, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceilings[attempt - 1]!);
      }
    }
  });

  it('spreads retries across the whole range', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 2000 }, () => backoffDelay(3, policy, random));
    expect(Math.min(...delays)).toBeLessThan(1_000);
    expect(Math.max(...delays)).toBeGreaterThan(19_000);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(9_000);
    expect(mean).toBeLessThan(11_000);
  });
});

describe('Retry-After', () => {
  it('reads seconds, fractions and HTTP dates, and is never negative or absurd', () => {
    expect(retryAfterMs('3', NOW, policy)).toBe(3_000);
    expect(retryAfterMs('0.25', NOW, policy)).toBe(250);
    expect(retryAfterMs(new Date(NOW.getTime() - 5_000).toUTCString(), NOW, policy)).toBe(0);
    expect(retryAfterMs('86400', NOW, policy)).toBe(policy.maxRetryAfterMs);
    expect(retryAfterMs('soon', NOW, policy)).toBe(1_000);
    expect(retryAfterMs(null, NOW, policy)).toBe(1_000);
  });
});

describe('reading a failure', () => {
  it('takes the status, the Bot Framework code and Retry-After from a RestError', () => {
    const failure = describeSendFailure(connectorError(429, 'Throttled', { 'Retry-After': '2' }));
    expect(failure).toEqual({ status: 429, code: 'Throttled', retryAfter: '2', message: 'Throttled from Teams' });
    expect(failureSummary(failure)).toBe('429 Throttled: Throttled from Teams');
  });

  it('finds the code in the body when the error does not carry it, and copes with plain headers and non-errors', () => {
    expect(describeSendFailure({ statusCode: 403, response: { bodyAsText: '{"error":{"code":"MessageWritesBlocked"}}', headers: { 'Retry-After': '1' } } })).toMatchObject({ status: 403, code: 'MessageWritesBlocked', retryAfter: '1' });
    expect(describeSendFailure('boom')).toEqual({ status: null, code: null, retryAfter: null, message: 'boom' });
  });

  it('keeps the summary to one line of at most 500 characters', () => {
    const summary = failureSummary(describeSendFailure(new Error(`a\nb ${'x'.repeat(1000)}`)));
    expect(summary).not.toContain('\n');
    expect(summary.length).toBe(500);
  });
});
