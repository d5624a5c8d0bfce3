import { readInvokePayload, readSubmitPayload, MAX_CARD_FIELD } from '../../../src/bot/card-payload';

const verbs = new Set(['entry.submit', 'plan.decide']);
const invoke = (action: unknown) => readInvokePayload({ action, trigger: 'manual' }, verbs);

describe('what a card sends back, read at the boundary', () => {
  it('reads a known verb and flat data of text and numbers', () => {
    expect(invoke({ type: 'Action.Execute', verb: 'entry.submit', data: { verb: 'entry.submit', period: '2026-10', 'value:a': '17.3', 'value:b': 8.5 } }))
      .toEqual({ ok: true, verb: 'entry.submit', data: { verb: 'entry.submit', period: '2026-10', 'value:a': '17.3', 'value:b': 8.5 } });
    expect(readSubmitPayload({ verb: 'plan.decide', planId: 'p1', version: 1 }, verbs)).toMatchObject({ ok: true, verb: 'plan.decide' });
  });

  it.each([
    ['a verb on Object\'s prototype', { verb: '__proto__' }],
    ['constructor', { verb: 'constructor' }],
    ['hasOwnProperty', { verb: 'hasOwnProperty' }],
    ['toString', { verb: 'toString' }],
    ['an unknown verb', { verb: 'entry.delete' }],
    ['a verb in an array', { verb: ['entry.submit'] }],
    ['no verb', {}],
    ['a note as an object', { verb: 'entry.submit', data: { 'note:a': { text: 'x' } } }],
    ['a note as an array', { verb: 'entry.submit', data: { 'note:a': ['x'] } }],
    ['a field longer than anyone types', { verb: 'entry.submit', data: { 'note:a': 'x'.repeat(MAX_CARD_FIELD + 1) } }],
    ['data as a string', { verb: 'entry.submit', data: 'entry.submit' }],
  ])('refuses %s', (_case, action) => {
    expect(invoke(action)).toEqual({ ok: false });
  });

  it.each([
    ['an empty value', {}],
    ['a string value', 'entry.submit'],
    ['action null', { action: null }],
    ['nothing', undefined],
  ])('refuses an invoke with %s', (_case, value) => {
    expect(readInvokePayload(value, verbs)).toEqual({ ok: false });
  });

  it('keeps "__proto__" and "constructor" in the data as plain keys, never as the record\'s prototype', () => {
    const payload = readSubmitPayload(JSON.parse('{"verb":"entry.submit","__proto__":"x","constructor":"y"}'), verbs);
    expect(payload.ok).toBe(true);
    if (!payload.ok) return;
    expect(Object.getPrototypeOf(payload.data)).toBeNull();
    expect(payload.data.constructor).toBe('y');
  });
});
