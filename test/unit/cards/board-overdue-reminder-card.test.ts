import { BOARD_VERBS, buildOverdueReminderCard, CARD_SIZE_LIMIT_BYTES, cardSizeBytes } from '../../../src/cards';
import { SAMPLE_OVERDUE_DONE, SAMPLE_OVERDUE_REMINDER } from '../../../src/cards/board/board-samples';
import { anyActions, elementsOfType, inputs, textBlockContaining, texts, type Json } from './card-walk';

const reminder = buildOverdueReminderCard(SAMPLE_OVERDUE_REMINDER);
const done = buildOverdueReminderCard(SAMPLE_OVERDUE_DONE);

describe('overdue reminder card', () => {
  it('shows the action, how overdue it is, the indicator and its owner', () => {
    expect(texts(reminder).slice(0, 3)).toEqual([
      'An action is overdue',
      SAMPLE_OVERDUE_REMINDER.description,
      'Due 11 Dec 2026, 3 days overdue',
    ]);
    expect(textBlockContaining(reminder, '3 days overdue').color).toBe('Attention');
    expect(elementsOfType(reminder, 'FactSet')[0]!.facts).toEqual([
      { title: 'Indicator', value: 'SRV01 · Days to process new Housing Benefit and Council Tax Support claims' },
      { title: 'Owner', value: 'Gareth Lewis' },
    ]);
  });

  it('offers "Mark as done" with the action id while the action is open', () => {
    const data = { verb: BOARD_VERBS.completeAction, actionId: 'action-srv01-2026-10-3' };
    expect(reminder.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Mark as done',
        verb: 'action.done',
        style: 'positive',
        data,
        fallback: { type: 'Action.Submit', title: 'Mark as done', style: 'positive', data },
      },
    ]);
    expect(inputs(reminder)).toEqual([]);
    expect(reminder.fallbackText).toBe(
      `Overdue action for SRV01 ${SAMPLE_OVERDUE_REMINDER.title}: ${SAMPLE_OVERDUE_REMINDER.description} — due 11 Dec 2026, 3 days overdue. Open this card in Teams to mark it as done.`,
    );
  });

  it('once done, says who did it and when, and offers nothing more', () => {
    expect(texts(done)[0]).toBe('Action done');
    const line = textBlockContaining(done, 'Done 14 Dec 2026 by Nadia Rahman');
    expect(line.color).toBe('Good');
    expect(anyActions(done)).toEqual([]);
    expect(done).not.toHaveProperty('actions');
    expect(done.fallbackText).toMatch(/^Done 14 Dec 2026 by Nadia Rahman: /);
    // The due date no longer shouts.
    expect(textBlockContaining(done, '3 days overdue')).not.toHaveProperty('color');
  });

  it('shows the banner in its tone, under the heading', () => {
    const banner = textBlockContaining(done, 'Thank you');
    expect(banner.color).toBe('Good');
    const box = elementsOfType(done, 'Container').find((c) => (c.items as Json[]).includes(banner));
    expect(box?.style).toBe('good');
    expect(texts(done)[1]).toBe(SAMPLE_OVERDUE_DONE.banner!.text);
    expect(texts(reminder).some((t) => t.startsWith('Thank you'))).toBe(false);
  });

  it(`is small: under ${CARD_SIZE_LIMIT_BYTES} bytes`, () => {
    expect(cardSizeBytes(reminder)).toBeLessThan(4 * 1024);
    expect(cardSizeBytes(done)).toBeLessThan(4 * 1024);
  });
});
