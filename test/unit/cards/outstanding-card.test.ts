import { buildOutstandingCard } from '../../../src/cards';
import { SAMPLE_OUTSTANDING, SAMPLE_OUTSTANDING_EMPTY, SAMPLE_OUTSTANDING_REMINDER } from '../../../src/cards/samples';
import { anyActions, elementsOfType, inputs, textBlockContaining, texts } from './card-walk';

describe('outstanding card', () => {
  const card = buildOutstandingCard(SAMPLE_OUTSTANDING);

  it('is a 1.5 card headed "What is outstanding for you", with the person and open period', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(texts(card).slice(0, 3)).toEqual([
      'What is outstanding for you',
      'Gareth Lewis · Open period: October 2026',
      '3 things need your attention:',
    ]);
    expect(inputs(card)).toEqual([]);
    expect(anyActions(card)).toEqual([]);
  });

  it('lists each item with its period and what is needed, coloured by tone', () => {
    expect(elementsOfType(card, 'Container')).toHaveLength(3);
    expect(textBlockContaining(card, 'October 2026 — Value due by 20 Nov 2026').color).toBe('Default');
    expect(textBlockContaining(card, 'October 2026 — Narrative needed: amber').color).toBe('Warning');
    expect(textBlockContaining(card, 'June 2026 — Missing since 21 Jul 2026').color).toBe('Attention');
    expect(texts(card)).toContain('CUS04 · Calls lost (abandoned)');
  });

  it('has a fallbackText with every item', () => {
    expect(card.fallbackText).toBe(
      'Outstanding for Gareth Lewis: FIN01 (October 2026) Value due by 20 Nov 2026; SRV01 (October 2026) Narrative needed: amber; CUS04 (June 2026) Missing since 21 Jul 2026.',
    );
  });

  it("shows a reminder's late-by-design figure with its period, and a narrative owed", () => {
    const reminder = buildOutstandingCard(SAMPLE_OUTSTANDING_REMINDER);
    expect(textBlockContaining(reminder, 'Q1 2026/27 (reported a quarter late) — Value due by 14 Oct 2026').color).toBe('Warning');
    expect(textBlockContaining(reminder, 'September 2026 — Narrative owed for the red figure').color).toBe('Attention');
  });

  it('thanks the person when nothing is outstanding', () => {
    const empty = buildOutstandingCard(SAMPLE_OUTSTANDING_EMPTY);
    expect(textBlockContaining(empty, 'Nothing outstanding — thank you').color).toBe('Good');
    expect(elementsOfType(empty, 'Container')).toEqual([]);
    expect(empty.fallbackText).toBe('Nothing outstanding for Gareth Lewis — thank you.');
  });

  it('leaves the period out when no period is open', () => {
    const none = buildOutstandingCard({ ...SAMPLE_OUTSTANDING_EMPTY, periodLabel: null });
    expect(texts(none)[1]).toBe('Gareth Lewis');
  });
});
