import {
  adaptiveCard,
  ADAPTIVE_CARD_SCHEMA,
  cardSizeBytes,
  dateInput,
  donutChart,
  executeAction,
  lineChart,
  mention,
  verticalBarChart,
  MAX_REFRESH_USER_IDS,
  refreshFor,
  statusStyle,
  textBlock,
  toneColor,
  toneStyle,
  trendText,
} from '../../../src/cards';
import { STATUSES, TRAVEL } from '../../../src/domain/types';

describe('executeAction', () => {
  it('carries verb and data, with an Action.Submit fallback carrying the same verb and data', () => {
    const action = executeAction('entry.narrative', 'Save narrative for SRV01', { period: '2026-10', indicatorId: 'ind-srv01' });
    expect(action).toEqual({
      type: 'Action.Execute',
      title: 'Save narrative for SRV01',
      verb: 'entry.narrative',
      data: { verb: 'entry.narrative', period: '2026-10', indicatorId: 'ind-srv01' },
      fallback: {
        type: 'Action.Submit',
        title: 'Save narrative for SRV01',
        data: { verb: 'entry.narrative', period: '2026-10', indicatorId: 'ind-srv01' },
      },
    });
  });

  it('does not let data override the verb', () => {
    const action = executeAction('entry.submit', 'Submit values', { verb: 'something.else', period: '2026-10' });
    expect(action.data.verb).toBe('entry.submit');
    expect(action.fallback).toMatchObject({ data: { verb: 'entry.submit' } });
  });

  it('puts associatedInputs on both the action and its fallback when given', () => {
    const action = executeAction('plan.decide', 'Approve', { planId: 'p1' }, 'positive', 'none');
    expect(action).toMatchObject({ style: 'positive', associatedInputs: 'none' });
    expect(action.fallback).toMatchObject({ type: 'Action.Submit', style: 'positive', associatedInputs: 'none' });
    expect(executeAction('x', 'X')).not.toHaveProperty('associatedInputs');
  });

  it('puts the style on both the action and its fallback', () => {
    const action = executeAction('entry.submit', 'Submit values', { period: '2026-10' }, 'positive');
    expect(action.style).toBe('positive');
    expect(action.fallback).toMatchObject({ style: 'positive' });
  });
});

describe('refreshFor', () => {
  it('is undefined without user ids', () => {
    expect(refreshFor('entry.refresh', { period: '2026-10' }, [])).toBeUndefined();
  });

  it('is an Action.Execute with the verb in its data, for the given users', () => {
    expect(refreshFor('entry.refresh', { period: '2026-10' }, ['29:a', '29:b'])).toEqual({
      action: { type: 'Action.Execute', verb: 'entry.refresh', data: { verb: 'entry.refresh', period: '2026-10' } },
      userIds: ['29:a', '29:b'],
    });
  });

  it(`keeps at most ${MAX_REFRESH_USER_IDS} user ids (the Teams limit)`, () => {
    const ids = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const refresh = refreshFor('entry.refresh', { period: '2026-10' }, ids);
    expect(refresh?.userIds).toHaveLength(60);
    expect(refresh?.userIds[59]).toBe('29:user-59');
  });
});

describe('adaptiveCard', () => {
  it('is a version 1.5 AdaptiveCard with $schema and fallbackText', () => {
    const card = adaptiveCard({ body: [textBlock('Hello')], fallbackText: ' Hello ' });
    expect(card).toEqual({
      $schema: ADAPTIVE_CARD_SCHEMA,
      type: 'AdaptiveCard',
      version: '1.5',
      fallbackText: 'Hello',
      body: [{ type: 'TextBlock', text: 'Hello' }],
    });
    expect(ADAPTIVE_CARD_SCHEMA).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  });

  it('refuses an empty fallbackText', () => {
    expect(() => adaptiveCard({ body: [], fallbackText: '  ' })).toThrow(/fallbackText/);
  });

  it('leaves out empty actions and adds msteams width Full for wide cards', () => {
    const card = adaptiveCard({ body: [], fallbackText: 'x', actions: [], fullWidth: true });
    expect(card).not.toHaveProperty('actions');
    expect(card.msteams).toEqual({ width: 'Full' });
  });
});

describe('adaptiveCard with mentions', () => {
  const gareth = mention('29:gareth', 'Gareth Lewis');

  it('builds a Teams mention from an id and a name', () => {
    expect(gareth).toEqual({ type: 'mention', text: '<at>Gareth Lewis</at>', mentioned: { id: '29:gareth', name: 'Gareth Lewis' } });
  });

  it('puts the mentions in msteams.entities, beside the width', () => {
    const card = adaptiveCard({ body: [textBlock(`${gareth.text}, please reply.`)], fallbackText: 'x', mentions: [gareth], fullWidth: true });
    expect(card.msteams).toEqual({ width: 'Full', entities: [gareth] });
    const narrow = adaptiveCard({ body: [textBlock(`${gareth.text}, please reply.`)], fallbackText: 'x', mentions: [gareth] });
    expect(narrow.msteams).toEqual({ entities: [gareth] });
    expect(adaptiveCard({ body: [], fallbackText: 'x', mentions: [] })).not.toHaveProperty('msteams');
  });

  it('refuses a mention whose text is not in the card: Teams would show nothing', () => {
    expect(() => adaptiveCard({ body: [textBlock('Gareth Lewis, please reply.')], fallbackText: 'x', mentions: [gareth] })).toThrow(
      /<at>Gareth Lewis<\/at>/,
    );
  });
});

describe('dateInput', () => {
  it('is an Input.Date with yyyy-mm-dd value, min and max', () => {
    expect(dateInput('due', { label: 'Due', value: '2026-12-14', min: '2026-11-23', max: '2027-03-31' })).toEqual({
      type: 'Input.Date',
      id: 'due',
      label: 'Due',
      value: '2026-12-14',
      min: '2026-11-23',
      max: '2027-03-31',
    });
  });
});

describe('charts', () => {
  const fallback = textBlock('Green 11 · Amber 3 · Red 3');

  it('are Teams Chart.* elements, each carrying its fallback element', () => {
    expect(donutChart([{ legend: 'Red 3', value: 3, color: 'attention' }], fallback, { title: 'Status' })).toEqual({
      type: 'Chart.Donut',
      title: 'Status',
      data: [{ legend: 'Red 3', value: 3, color: 'attention' }],
      fallback,
    });
    expect(verticalBarChart([{ x: 'Oct 26', y: 24.6 }], fallback, { xAxisTitle: 'Month' })).toEqual({
      type: 'Chart.VerticalBar',
      xAxisTitle: 'Month',
      data: [{ x: 'Oct 26', y: 24.6 }],
      fallback,
    });
    expect(lineChart([{ legend: 'SRV01', values: [{ x: '2026-10-01', y: 24.6 }] }], fallback)).toEqual({
      type: 'Chart.Line',
      data: [{ legend: 'SRV01', values: [{ x: '2026-10-01', y: 24.6 }] }],
      fallback,
    });
  });
});

describe('cardSizeBytes', () => {
  it('counts UTF-8 bytes of the JSON, not characters', () => {
    const ascii = adaptiveCard({ body: [textBlock('a')], fallbackText: 'x' });
    const arrow = adaptiveCard({ body: [textBlock('▲')], fallbackText: 'x' });
    expect(cardSizeBytes(ascii)).toBe(JSON.stringify(ascii).length);
    // '▲' is one UTF-16 character but three UTF-8 bytes.
    expect(cardSizeBytes(arrow) - cardSizeBytes(ascii)).toBe(2);
  });
});

describe('statusStyle', () => {
  it.each([
    ['RED', 'Red', 'Attention'],
    ['AMBER', 'Amber', 'Warning'],
    ['GREEN', 'Green', 'Good'],
    ['DATA_ONLY', 'Data only', 'Default'],
    ['MISSING', 'Missing', 'Attention'],
    ['DUE', 'Due', 'Accent'],
  ] as const)('%s is "%s" in %s', (status, label, color) => {
    expect(statusStyle(status)).toEqual({ label, color });
  });

  it('gives every status its own word, so colour is never the only signal', () => {
    const labels = STATUSES.map((s) => statusStyle(s).label);
    expect(new Set(labels).size).toBe(STATUSES.length);
  });
});

describe('trendText', () => {
  it.each([
    ['IMPROVED', '▲ Improved'],
    ['WORSENED', '▼ Worsened'],
    ['UNCHANGED', '► No change'],
    ['NOT_COMPARABLE', ''],
  ] as const)('%s is "%s"', (travel, text) => {
    expect(trendText(travel)).toBe(text);
  });

  it('always includes a word when there is an arrow', () => {
    for (const t of TRAVEL) {
      const text = trendText(t);
      if (text !== '') expect(text).toMatch(/^[▲▼►] [A-Z][a-z]+/);
    }
  });
});

describe('tones', () => {
  it('map to text colours and container styles', () => {
    expect([toneColor('good'), toneColor('warning'), toneColor('attention'), toneColor('default')]).toEqual([
      'Good',
      'Warning',
      'Attention',
      'Default',
    ]);
    expect([toneStyle('good'), toneStyle('warning'), toneStyle('attention'), toneStyle('default')]).toEqual([
      'good',
      'warning',
      'attention',
      'emphasis',
    ]);
  });
});
