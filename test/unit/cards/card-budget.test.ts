import { cardBytes, fitToBudget, SHORTENED_NOTE } from '../../../src/cards/card-budget';
import { adaptiveCard, textBlock } from '../../../src/cards/adaptive-card';
import { CARD_SIZE_LIMIT_BYTES } from '../../../src/cards/card-contract';
import { cardMessage } from '../../../src/cards/card-message';

describe('every card within the budget', () => {
  const small = adaptiveCard({ body: [textBlock('Hello')], fallbackText: 'Hello' });

  it('leaves a card under the budget exactly as it was', () => {
    expect(fitToBudget(small)).toBe(small);
  });

  it('shortens the longest texts of a card over the budget and says so at its top', () => {
    const huge = adaptiveCard({ body: [textBlock('Keep me'), textBlock('n'.repeat(300_000)), textBlock('m'.repeat(100_000))], fallbackText: 'A long card' });
    const fitted = fitToBudget(huge);
    expect(cardBytes(fitted)).toBeLessThanOrEqual(CARD_SIZE_LIMIT_BYTES);
    const texts = (fitted.body as unknown as { text: string }[]).map((b) => b.text);
    expect(texts[0]).toBe(SHORTENED_NOTE);
    expect(texts[1]).toBe('Keep me');
    expect(texts[2]!.endsWith('…')).toBe(true);
    expect(cardBytes(huge)).toBeGreaterThan(400_000); // the original is untouched
  });

  it('is applied to every card sent in a message', () => {
    const huge = adaptiveCard({ body: [textBlock('n'.repeat(300_000))], fallbackText: 'A long card' });
    expect(cardBytes(cardMessage(huge))).toBeLessThanOrEqual(CARD_SIZE_LIMIT_BYTES + 1024);
  });
});
