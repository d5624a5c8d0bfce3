import { buildHelpCard } from '../../../src/cards';
import { SAMPLE_HELP } from '../../../src/cards/samples';
import { anyActions, elementsOfType, inputs, texts } from './card-walk';

describe('help card', () => {
  const card = buildHelpCard(SAMPLE_HELP);

  it('greets the person and lists each command (bold FactSet title) with its description', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(texts(card)[0]).toBe('Hello Gareth');
    const facts = elementsOfType(card, 'FactSet');
    expect(facts).toHaveLength(1);
    expect(facts[0]!.facts).toEqual(SAMPLE_HELP.commands.map((c) => ({ title: c.command, value: c.description })));
    expect(inputs(card)).toEqual([]);
    expect(anyActions(card)).toEqual([]);
  });

  it('shows the note under the list', () => {
    const all = texts(card);
    expect(all[all.length - 1]).toBe('You typed "hepl", which is not a command.');
    expect(card.fallbackText).toContain('"my indicators" (The indicators you own or cover, with their latest status.)');
    expect(card.fallbackText).toMatch(/^Hello Gareth\./);
  });

  it('says Hello without a name and leaves out a missing note', () => {
    const plain = buildHelpCard({ ...SAMPLE_HELP, greeting: null, note: null });
    expect(texts(plain)[0]).toBe('Hello');
    expect(texts(plain).some((t) => t.includes('hepl'))).toBe(false);
    expect(plain.fallbackText.startsWith('Commands: ')).toBe(true);
  });
});
