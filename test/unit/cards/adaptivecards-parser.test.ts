/**
 * Every card parsed by the adaptivecards package's own parser (the same code the render script
 * runs in Chromium). Its UMD build parses in Node without a DOM; its lib/ build is ES modules,
 * which Jest does not load, hence the require of dist/.
 */
import type * as AdaptiveCardsModule from 'adaptivecards';
import {
  buildEntryCard,
  buildHelpCard,
  buildMyIndicatorsCard,
  buildNotRegisteredCard,
  buildOutstandingCard,
  type AdaptiveCard,
} from '../../../src/cards';
import {
  SAMPLE_ENTRY_CLOSED,
  SAMPLE_ENTRY_OPEN,
  SAMPLE_HELP,
  SAMPLE_MY_INDICATORS,
  SAMPLE_MY_INDICATORS_EMPTY,
  SAMPLE_NOT_REGISTERED,
  SAMPLE_OUTSTANDING,
  SAMPLE_OUTSTANDING_EMPTY,
  sampleEntryViewWithRows,
} from '../../../src/cards/samples';

const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/** The parser's messages (unknown elements, invalid values) and its validation messages. */
function parserMessages(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json as object, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i++) messages.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) messages.push(`validate: ${e.message}`);
  return messages;
}

const cards: [string, AdaptiveCard][] = [
  ['entry card, open', buildEntryCard(SAMPLE_ENTRY_OPEN)],
  ['entry card, closed', buildEntryCard(SAMPLE_ENTRY_CLOSED)],
  ['entry card, 40 rows', buildEntryCard(sampleEntryViewWithRows(40))],
  ['my indicators', buildMyIndicatorsCard(SAMPLE_MY_INDICATORS)],
  ['my indicators, none', buildMyIndicatorsCard(SAMPLE_MY_INDICATORS_EMPTY)],
  ['outstanding', buildOutstandingCard(SAMPLE_OUTSTANDING)],
  ['outstanding, nothing', buildOutstandingCard(SAMPLE_OUTSTANDING_EMPTY)],
  ['help', buildHelpCard(SAMPLE_HELP)],
  ['not registered', buildNotRegisteredCard(SAMPLE_NOT_REGISTERED)],
];

describe('the adaptivecards parser', () => {
  it('reports unknown elements, invalid values and duplicate ids (so the checks below can fail)', () => {
    const messages = parserMessages({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Chart.Donut' },
        { type: 'TextBlock', text: 'x', color: 'Purple' },
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
      ],
    });
    expect(messages.some((m) => m.includes('Unknown element type "Chart.Donut"'))).toBe(true);
    expect(messages.some((m) => m.includes('Purple'))).toBe(true);
    expect(messages.some((m) => /duplicate/i.test(m))).toBe(true);
  });

  it.each(cards)('parses the %s card without a message', (_name, card) => {
    expect(parserMessages(card)).toEqual([]);
  });

  it.each(cards)('reads back the %s card with the same elements', (_name, card) => {
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card as unknown as object, new AC.SerializationContext(AC.Versions.v1_5));
    const back = parsed.toJSON() as { body?: unknown[]; actions?: unknown[] };
    expect(back.body?.length ?? 0).toBe(card.body.length);
    expect(back.actions?.length ?? 0).toBe(card.actions?.length ?? 0);
    expect(parsed.getAllInputs().map((i) => i.id)).toEqual(
      JSON.stringify(card).match(/"id":"[^"]+"/g)?.map((m) => m.slice(6, -1)) ?? [],
    );
  });
});
