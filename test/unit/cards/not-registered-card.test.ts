import { buildNotRegisteredCard } from '../../../src/cards';
import { SAMPLE_NOT_REGISTERED } from '../../../src/cards/samples';
import { anyActions, inputs, texts } from './card-walk';

describe('not registered card', () => {
  const card = buildNotRegisteredCard(SAMPLE_NOT_REGISTERED);

  it('explains politely that the person is not in the register and who to contact', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    const all = texts(card);
    expect(all[0]).toBe('Hello Sam Turner');
    expect(all.join(' ')).toMatch(/You are not in the register, so I have nothing to ask you for\./);
    expect(all.join(' ')).toContain('please contact the Performance Team (performance@fenmarsh.gov.uk).');
    expect(card.fallbackText).toContain('performance@fenmarsh.gov.uk');
    expect(card.fallbackText).toMatch(/^Hello Sam Turner\./);
    expect(inputs(card)).toEqual([]);
    expect(anyActions(card)).toEqual([]);
  });

  it('greets without a name when the name is unknown', () => {
    expect(texts(buildNotRegisteredCard({ ...SAMPLE_NOT_REGISTERED, userName: null }))[0]).toBe('Hello');
  });
});
