/**
 * Every card parsed by the adaptivecards package's own parser (the same code the render script
 * runs in Chromium). Its UMD build parses in Node without a DOM; its lib/ build is ES modules,
 * which Jest does not load, hence the require of dist/.
 */
import type * as AdaptiveCardsModule from 'adaptivecards';
import {
  buildDigestCard,
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
  SAMPLE_ENTRY_UNUSUAL,
  SAMPLE_HELP,
  SAMPLE_MY_INDICATORS,
  SAMPLE_MY_INDICATORS_EMPTY,
  SAMPLE_NOT_REGISTERED,
  SAMPLE_OUTSTANDING,
  SAMPLE_OUTSTANDING_EMPTY,
  SAMPLE_OUTSTANDING_REMINDER,
  sampleEntryViewWithRows,
} from '../../../src/cards/samples';
import { sampleDigestForRegister } from '../../../src/cards/board/board-samples';
import { boardSampleCards, dataQualitySampleCards, jobSampleCards, reportSampleCards, verificationSampleCards } from '../../../scripts/render-cards';
import { buildVerifyCard } from '../../../src/cards/verification';
import { SAMPLE_VERIFY_CARD, sampleVerifyCardWithRows } from '../../../src/cards/verification/verification-samples';
import { buildDataQualityCard } from '../../../src/cards/data-quality';
import { sampleDataQualityLarge } from '../../../src/cards/data-quality/data-quality-samples';
import { inputs, visits, type Json } from './card-walk';

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
  ['entry card, an unusual figure asked about', buildEntryCard(SAMPLE_ENTRY_UNUSUAL)],
  // #16: the verifier's card, the owner's query card and the data-quality card, in every state.
  ...[...verificationSampleCards(), ...dataQualitySampleCards()].map(({ name, card }): [string, AdaptiveCard] => [name, card]),
  ['verify card, 40 rows', buildVerifyCard(sampleVerifyCardWithRows(40))],
  ['verify card, no rows', buildVerifyCard({ ...SAMPLE_VERIFY_CARD, rows: [] })],
  ['data quality, a large council', buildDataQualityCard(sampleDataQualityLarge())],
  ['my indicators', buildMyIndicatorsCard(SAMPLE_MY_INDICATORS)],
  ['my indicators, none', buildMyIndicatorsCard(SAMPLE_MY_INDICATORS_EMPTY)],
  ['outstanding', buildOutstandingCard(SAMPLE_OUTSTANDING)],
  ['outstanding, nothing', buildOutstandingCard(SAMPLE_OUTSTANDING_EMPTY)],
  ['outstanding, a reminder with a lagged figure and a narrative owed', buildOutstandingCard(SAMPLE_OUTSTANDING_REMINDER)],
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

const boardCards: [string, AdaptiveCard][] = [
  ...boardSampleCards().map(({ name, card }): [string, AdaptiveCard] => [name, card]),
  ['Board digest, 5000 indicators', buildDigestCard(sampleDigestForRegister(5000))],
];

const chartsOf = (card: AdaptiveCard): Json[] => visits(card).filter((v) => String(v.node.type).startsWith('Chart.')).map((v) => v.node);

/**
 * The Board's cards use Teams' Chart.* elements, which this parser (like iOS Teams) does not know.
 * Its one message per chart says it falls back; nothing else may be reported.
 */
describe('the adaptivecards parser, Performance Board cards', () => {
  it('has cards with charts to check', () => {
    expect(boardCards.filter(([, card]) => chartsOf(card).length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it.each(boardCards)('parses the %s card with no message but one "fallback will be used" per chart', (_name, card) => {
    const expected = chartsOf(card).map((c) => `parse: Unknown element type "${String(c.type)}". Fallback will be used if present.`);
    expect(parserMessages(card)).toEqual(expected);
  });

  it.each(boardCards)('reads back the %s card with the same elements, each chart replaced by its fallback', (_name, card) => {
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card as unknown as object, new AC.SerializationContext(AC.Versions.v1_5));
    const back = parsed.toJSON() as { body?: unknown[]; actions?: unknown[] };
    expect(back.body?.length ?? 0).toBe(card.body.length);
    expect(back.actions?.length ?? 0).toBe(card.actions?.length ?? 0);
    // Input ids from the card's elements: a mention's "id" (a Teams user id) is not an input.
    expect(parsed.getAllInputs().map((i) => i.id)).toEqual(inputs(card).map((i) => i.id));
    const json = JSON.stringify(back);
    expect(json).not.toContain('"Chart.');
    for (const chart of chartsOf(card)) expect(json).toContain(JSON.stringify((chart.fallback as Json).text));
  });
});

/** The progress cards of long steps: plain elements only (the bar is coloured columns), every state. */
describe('the adaptivecards parser, job progress cards', () => {
  const jobCards = jobSampleCards().map(({ name, card }): [string, AdaptiveCard] => [name, card]);

  it.each(jobCards)('parses the %s card without a message', (_name, card) => {
    expect(parserMessages(card)).toEqual([]);
  });

  it.each(jobCards)('reads back the %s card with the same elements, the bar\'s columns included', (_name, card) => {
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card as unknown as object, new AC.SerializationContext(AC.Versions.v1_5));
    const back = parsed.toJSON() as { body?: unknown[] };
    expect(back.body?.length ?? 0).toBe(card.body.length);
    const columns = (json: unknown) => visits(json as Json).filter((v) => v.node.type === 'Column').map((v) => [v.node.style, v.node.width, v.node.minHeight]);
    expect(columns(back)).toEqual(columns(card));
  });
});

/** The "Quarterly report ready" card (#15): plain elements and an Action.OpenUrl, every sample. */
describe('the adaptivecards parser, report ready cards', () => {
  it.each(reportSampleCards().map(({ name, card }): [string, AdaptiveCard] => [name, card]))('parses the %s card without a message', (_name, card) => {
    expect(parserMessages(card)).toEqual([]);
  });
});
