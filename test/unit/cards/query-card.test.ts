import { shown } from '../../../src/cards/shown-text';
import { buildQueryCard, COMMENT_MAX_LENGTH, VERIFY_VERBS, verifyInputIds, type QueryCardView } from '../../../src/cards/verification';
import { SAMPLE_QUERY_ANSWERED, SAMPLE_QUERY_CORRECTED, SAMPLE_QUERY_OPEN } from '../../../src/cards/verification/verification-samples';
import { actions, anyActions, elementsOfType, inputById, inputs, textBlockContaining, texts, type Json } from './card-walk';


const open = buildQueryCard(SAMPLE_QUERY_OPEN);
const answered = buildQueryCard(SAMPLE_QUERY_ANSWERED);
const corrected = buildQueryCard(SAMPLE_QUERY_CORRECTED);

describe('query card, open', () => {
  it('is an Adaptive Card 1.5 with $schema and a fallbackText saying who queried what', () => {
    expect(open.type).toBe('AdaptiveCard');
    expect(open.version).toBe('1.5');
    expect(open.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(open.fallbackText).toBe(
      "SRV02: your figure for October 2026 (12.4 days) was queried by Priya Shah: Is 12.4 days right? It is well above September's 8.3 days. Does it include the changes held back during the system upgrade? Open this card in Teams to correct or confirm it.",
    );
  });

  it('has the heading, the query in a warning box and the figure', () => {
    expect(open.body[0]).toMatchObject({ type: 'TextBlock', text: "SRV02's figure for October 2026 was queried", weight: 'Bolder', style: 'heading', wrap: true });
    expect(texts(open)).toContain('Days to process Housing Benefit change events');
    const asked = textBlockContaining(open, 'Priya Shah asked, 5 Nov 2026 09:05:');
    const box = elementsOfType(open, 'Container').find((c) => (c.items as Json[]).includes(asked))!;
    expect(box.style).toBe('warning');
    expect(texts(box)).toEqual(['Priya Shah asked, 5 Nov 2026 09:05:', SAMPLE_QUERY_OPEN.comment]);
    // The comment is shown, never interpreted: a figure starting a line would read as a numbered list.
    const startsWithFigure = buildQueryCard({ ...SAMPLE_QUERY_OPEN, comment: '12.4 days is high.' });
    expect(texts(startsWithFigure)).toContain('12\\.4 days is high.');
    expect(texts(open)).toContain('Your figure: 12.4 days');
    expect(texts(open)).toContain('Correct the figure on your entry card, or confirm it is right (you can add a reply).');
  });

  it('has one input, the optional reply', () => {
    expect(inputs(open).map((i) => i.id)).toEqual([verifyInputIds.reply]);
    expect(inputById(open, verifyInputIds.reply)).toMatchObject({
      type: 'Input.Text',
      label: 'Reply (optional)',
      isMultiline: true,
      maxLength: COMMENT_MAX_LENGTH,
    });
    expect(inputById(open, verifyInputIds.reply)).not.toHaveProperty('isRequired');
  });

  it('has "Correct the figure" and "The figure is right" with the value id, and Submit fallbacks', () => {
    const data = { valueId: 'val-srv02-2026-10-v1' };
    expect(open.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Correct the figure',
        verb: 'query.correct',
        data: { verb: 'query.correct', ...data },
        fallback: { type: 'Action.Submit', title: 'Correct the figure', data: { verb: 'query.correct', ...data } },
      },
      {
        type: 'Action.Execute',
        title: 'The figure is right',
        verb: 'query.confirm',
        style: 'positive',
        data: { verb: 'query.confirm', ...data },
        fallback: { type: 'Action.Submit', title: 'The figure is right', style: 'positive', data: { verb: 'query.confirm', ...data } },
      },
    ]);
    expect([VERIFY_VERBS.correctQueried, VERIFY_VERBS.confirmQueried]).toEqual(['query.correct', 'query.confirm']);
    expect(actions(open)).toHaveLength(2);
    expect(open).not.toHaveProperty('refresh');
  });

  it('shows the comment shown, never interpreted, and clips it to 200 characters in the fallback text', () => {
    const comment = `Is **this** [right](https://evil.example)? ${'It is far from last month. '.repeat(12)}`;
    const card = buildQueryCard({ ...SAMPLE_QUERY_OPEN, comment });
    expect(texts(card)).toContain(
      `Is \\*\\*this\\*\\* \\[right\\](https://evil.example)? ${'It is far from last month. '.repeat(12)}`,
    );
    // The fallback text is the notification's plain-text summary: clipped, not escaped.
    const quoted = card.fallbackText.slice(card.fallbackText.indexOf('Priya Shah: ') + 'Priya Shah: '.length, card.fallbackText.indexOf(' Open this card'));
    expect(quoted).toHaveLength(200);
    expect(quoted).toBe(`${comment.slice(0, 199)}…`);
  });

  it('ends the quoted comment with one full stop', () => {
    expect(buildQueryCard({ ...SAMPLE_QUERY_OPEN, comment: 'Please check the count' }).fallbackText).toContain(
      'queried by Priya Shah: Please check the count. Open this card in Teams to correct or confirm it.',
    );
    expect(buildQueryCard({ ...SAMPLE_QUERY_CORRECTED }).fallbackText).toContain('Is 15.2% a typing slip for 51.2%? Please check. Open this card');
  });

  it('shows the banner like the entry card', () => {
    const card = buildQueryCard({ ...SAMPLE_QUERY_OPEN, banner: { tone: 'attention', text: 'Nothing was sent: try again.' } });
    const banner = textBlockContaining(card, 'Nothing was sent: try again.');
    expect(banner).toMatchObject({ color: 'Attention', weight: 'Bolder' });
    expect(elementsOfType(card, 'Container').find((c) => (c.items as Json[]).includes(banner))?.style).toBe('attention');
  });
});

describe('query card, answered or corrected', () => {
  it.each([
    ['answered', answered, SAMPLE_QUERY_ANSWERED],
    ['corrected', corrected, SAMPLE_QUERY_CORRECTED],
  ] as const)('%s: says where the query stands, in green, and asks nothing more', (_name, card, view: QueryCardView) => {
    expect(textBlockContaining(card, view.stateText!).color).toBe('Good');
    expect(inputs(card)).toEqual([]);
    expect(anyActions(card)).toEqual([]);
    expect(card).not.toHaveProperty('actions');
    expect(texts(card).some((t) => t.startsWith('Correct the figure on your entry card'))).toBe(false);
    // The query itself stays on the card.
    expect(texts(card)).toContain(shown(view.comment));
  });

  it('shows the owner\'s reply as typed text, and the good banner', () => {
    expect(texts(answered)).toContain(SAMPLE_QUERY_ANSWERED.stateText);
    expect(textBlockContaining(answered, 'Sent to Priya Shah').color).toBe('Good');
    const replied = buildQueryCard({ ...SAMPLE_QUERY_ANSWERED, stateText: 'You confirmed the figure: it is *right*' });
    expect(texts(replied)).toContain('You confirmed the figure: it is \\*right\\*');
    expect(texts(corrected)).toContain('Corrected to 51.2% (version 2); Priya Shah will verify it.');
    expect(texts(corrected)[0]).toBe("ENV01's figure for September 2026 was queried");
  });
});
