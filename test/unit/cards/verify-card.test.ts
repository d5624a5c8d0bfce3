import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes, type AdaptiveCard } from '../../../src/cards';
import {
  buildVerifyCard,
  COMMENT_MAX_LENGTH,
  VERIFY_VERBS,
  verifyInputIds,
  type VerifyCardView,
  type VerifyRowView,
} from '../../../src/cards/verification';
import {
  SAMPLE_VERIFIER_USER_ID,
  SAMPLE_VERIFY_CARD,
  SAMPLE_VERIFY_DONE,
  SAMPLE_VERIFY_ROW_ANSWERED_ERROR,
  SAMPLE_VERIFY_ROW_ESTIMATE,
  SAMPLE_VERIFY_ROW_QUERIED,
  SAMPLE_VERIFY_ROW_VERIFIED,
  sampleVerifyCardWithRows,
} from '../../../src/cards/verification/verification-samples';
import {
  actions,
  anyActions,
  elementsOfType,
  inputById,
  inputs,
  nextSibling,
  textBlockContaining,
  texts,
  type Json,
} from './card-walk';


/** The row container (separated) whose texts include the row heading of `code`. */
function rowOf(card: AdaptiveCard, code: string): Json {
  const found = elementsOfType(card, 'Container').filter(
    (c) => c.separator === true && texts(c).some((t) => t.startsWith(`${code} · `)),
  );
  if (found.length !== 1) throw new Error(`Expected one row for ${code}, found ${found.length}`);
  return found[0]!;
}

const card = buildVerifyCard(SAMPLE_VERIFY_CARD);
const done = buildVerifyCard(SAMPLE_VERIFY_DONE);
const versions = 'ind-env01:1,ind-srv02:1,ind-srv01:1,ind-srv06:1';
const data = { period: '2026-10', versions };

describe('verify card, figures awaiting', () => {
  it('is an Adaptive Card 1.5 with $schema, full width and a fallbackText naming the period and progress', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(card.msteams).toEqual({ width: 'Full' });
    expect(card.fallbackText).toBe(
      'Figures to verify for October 2026: Verified 1 of 4. Open this card in Teams to verify or query them.',
    );
  });

  it('has the header: heading, verifier and progress, banner and the how-to line', () => {
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Figures to verify for October 2026', size: 'Large', weight: 'Bolder', style: 'heading' });
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'Priya Shah · Verified 1 of 4', isSubtle: true });
    const banner = textBlockContaining(card, 'Nothing was sent for SRV06');
    expect(banner.color).toBe('Attention');
    expect(elementsOfType(card, 'Container').find((c) => (c.items as Json[]).includes(banner))?.style).toBe('attention');
    expect(texts(card)).toContain(
      'For each figure choose Verify, or Query with a comment saying what to check; then select Send decisions. Verify all verifies every figure still awaiting verification.',
    );
  });

  it('shows each row: code and title, the figure with its flags and status in the status colour, target and last, who entered it', () => {
    const srv01 = rowOf(card, 'SRV01');
    expect(texts(srv01).slice(0, 4)).toEqual([
      'SRV01 · Days to process new Housing Benefit and Council Tax Support claims',
      '22.4 days (estimate) — Amber: within tolerance',
      'Target 20.0 days (lower is better) · Last: 21.9 days (Sep 2026)',
      'Entered by Gareth Lewis, 4 Nov 2026 10:12',
    ]);
    expect(textBlockContaining(srv01, '22.4 days (estimate)').color).toBe('Warning');
    expect(textBlockContaining(rowOf(card, 'SRV02'), '12.4 days — Red: outside tolerance').color).toBe('Attention');
    expect(textBlockContaining(rowOf(card, 'SRV06'), '74 (unusual, confirmed by the owner) — Data only').color).toBe('Default');
    expect(texts(rowOf(card, 'SRV06'))).toContain('No target (data only) · Last: 68 (Sep 2026)');
    expect(elementsOfType(card, 'Container').filter((c) => c.separator === true)).toHaveLength(4);
  });

  it('adds the status word when the status text lacks it', () => {
    const row: VerifyRowView = { ...SAMPLE_VERIFY_ROW_ESTIMATE, statusText: 'within tolerance' };
    expect(texts(buildVerifyCard({ ...SAMPLE_VERIFY_CARD, rows: [row] }))).toContain('22.4 days (estimate) — Amber: within tolerance');
  });

  it('shows a verified figure with a tick in green, and a queried one with a question mark in amber, without inputs', () => {
    const verified = textBlockContaining(card, 'Verified by Priya Shah, 5 Nov 2026 09:00');
    expect(verified).toMatchObject({ text: '✓ Verified by Priya Shah, 5 Nov 2026 09:00', color: 'Good' });
    const queried = textBlockContaining(card, 'Queried by Priya Shah, 5 Nov 2026 09:05');
    expect(queried.color).toBe('Warning');
    expect(queried.text).toBe(`? ${SAMPLE_VERIFY_ROW_QUERIED.stateText}`);
    for (const code of ['ENV01', 'SRV02']) expect(inputs(rowOf(card, code))).toEqual([]);
  });

  it('has a decision and a comment input for each awaiting figure only, each id once', () => {
    const ids = inputs(card).map((i) => String(i.id));
    expect(ids).toEqual([
      verifyInputIds.decision('ind-srv01'),
      verifyInputIds.comment('ind-srv01'),
      verifyInputIds.decision('ind-srv06'),
      verifyInputIds.comment('ind-srv06'),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    // Each row's inputs sit in that row.
    expect(inputs(rowOf(card, 'SRV01')).map((i) => i.id)).toEqual([verifyInputIds.decision('ind-srv01'), verifyInputIds.comment('ind-srv01')]);
  });

  it('lays out the decision: a compact Verify or Query choice, left for now unless chosen', () => {
    const decision = inputById(card, verifyInputIds.decision('ind-srv01'));
    expect(decision).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', label: 'Decision for SRV01', placeholder: 'Leave for now' });
    expect(decision.choices).toEqual([
      { title: 'Verify', value: 'VERIFY' },
      { title: 'Query', value: 'QUERY' },
    ]);
    expect(decision).not.toHaveProperty('value');
    expect(decision).not.toHaveProperty('isMultiSelect');
    // What was chosen on a refused submission stays chosen.
    expect(inputById(card, verifyInputIds.decision('ind-srv06')).value).toBe('QUERY');
  });

  it('lays out the comment: multiline, limited to COMMENT_MAX_LENGTH, kept as typed', () => {
    const comment = inputById(card, verifyInputIds.comment('ind-srv01'));
    expect(comment).toMatchObject({ type: 'Input.Text', label: 'Comment (needed for a query)', isMultiline: true, maxLength: COMMENT_MAX_LENGTH });
    expect(COMMENT_MAX_LENGTH).toBe(1000);
    expect(comment).not.toHaveProperty('value');
    const typed = 'Is the *estimate* from [the extract](https://example.org)?';
    const withComment = buildVerifyCard({ ...SAMPLE_VERIFY_CARD, rows: [{ ...SAMPLE_VERIFY_ROW_ESTIMATE, chosen: 'QUERY', comment: typed }] });
    expect(inputById(withComment, verifyInputIds.comment('ind-srv01')).value).toBe(typed);
  });

  it('shows a refused decision in place, right under its row inputs, and only there', () => {
    const comment = inputById(card, verifyInputIds.comment('ind-srv06'));
    const error = nextSibling(card, comment);
    expect(error).toMatchObject({
      type: 'TextBlock',
      text: '⚠ Choose Verify or Query, and say what to check in the comment.',
      color: 'Attention',
      weight: 'Bolder',
      size: 'Small',
      wrap: true,
    });
    expect(texts(rowOf(card, 'SRV06'))).toContain('⚠ Choose Verify or Query, and say what to check in the comment.');
    expect(nextSibling(card, inputById(card, verifyInputIds.comment('ind-srv01')))).toBeUndefined();
    expect(texts(card).filter((t) => t.startsWith('⚠ '))).toHaveLength(1);
  });

  it('shows the earlier query and reply, subtle, above the inputs of a figure awaiting again', () => {
    const row = rowOf(card, 'SRV06');
    const earlier = textBlockContaining(row, 'Queried earlier: is 74 right?');
    expect(earlier).toMatchObject({ isSubtle: true, text: SAMPLE_VERIFY_ROW_ANSWERED_ERROR.stateText });
    expect(nextSibling(card, earlier)).toBe(inputById(card, verifyInputIds.decision('ind-srv06')));
  });

  it('has "Send decisions" and "Verify all" with the period and every row\'s version, and Submit fallbacks', () => {
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Send decisions',
        verb: 'verify.decide',
        style: 'positive',
        data: { verb: 'verify.decide', ...data },
        fallback: { type: 'Action.Submit', title: 'Send decisions', style: 'positive', data: { verb: 'verify.decide', ...data } },
      },
      {
        type: 'Action.Execute',
        title: 'Verify all',
        verb: 'verify.all',
        data: { verb: 'verify.all', ...data },
        fallback: { type: 'Action.Submit', title: 'Verify all', data: { verb: 'verify.all', ...data } },
      },
    ]);
    expect(VERIFY_VERBS.decide).toBe('verify.decide');
    expect(VERIFY_VERBS.verifyAll).toBe('verify.all');
    // No buttons anywhere else on the card.
    expect(actions(card)).toHaveLength(2);
    expect(elementsOfType(card, 'ActionSet')).toEqual([]);
  });

  it('sends the version each row shows, a corrected figure included', () => {
    const corrected = buildVerifyCard({ ...SAMPLE_VERIFY_CARD, rows: [SAMPLE_VERIFY_ROW_VERIFIED, { ...SAMPLE_VERIFY_ROW_ESTIMATE, version: 3 }] });
    const expected = { period: '2026-10', versions: 'ind-env01:1,ind-srv01:3' };
    for (const a of actions(corrected)) {
      expect(a.data).toEqual({ verb: a.verb, ...expected });
      expect((a.fallback as Json).data).toEqual(a.data);
    }
    expect(corrected.refresh?.action.data).toEqual({ verb: 'verify.refresh', ...expected });
  });

  it('refreshes for the verifier with the period and versions', () => {
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'verify.refresh', data: { verb: 'verify.refresh', ...data } },
      userIds: [SAMPLE_VERIFIER_USER_ID],
    });
    expect(buildVerifyCard({ ...SAMPLE_VERIFY_CARD, refreshUserIds: [] })).not.toHaveProperty('refresh');
  });

  it('shows typed text (titles, comments in state texts, the banner) shown, never interpreted', () => {
    const row: VerifyRowView = {
      ...SAMPLE_VERIFY_ROW_QUERIED,
      title: 'Days *to* process [claims](https://evil.example)',
      stateText: 'Queried by Priya Shah: <at>Gareth</at> is **this** right?',
    };
    const shownCard = buildVerifyCard({ ...SAMPLE_VERIFY_CARD, rows: [row], banner: { tone: 'good', text: 'Sent _1_ query.' } });
    expect(texts(shownCard)).toContain('SRV02 · Days \\*to\\* process \\[claims\\](https://evil.example)');
    expect(texts(shownCard)).toContain('? Queried by Priya Shah: &lt;at>Gareth&lt;/at> is \\*\\*this\\*\\* right?');
    expect(texts(shownCard)).toContain('Sent \\_1\\_ query.');
  });
});

describe('verify card, nothing awaiting', () => {
  it('has no inputs, no actions and no how-to line when every figure is verified', () => {
    expect(inputs(done)).toEqual([]);
    expect(done).not.toHaveProperty('actions');
    expect(actions(done)).toEqual([]);
    expect(texts(done).some((t) => t.startsWith('For each figure choose'))).toBe(false);
    expect(texts(done).filter((t) => t.startsWith('✓ Verified by Priya Shah'))).toHaveLength(2);
    // Still refreshed: the refresh action is the only Action.* left.
    expect(anyActions(done).map((a) => a.verb)).toEqual(['verify.refresh']);
  });

  it('shows the good banner', () => {
    const banner = textBlockContaining(done, 'Verified 2 figures.');
    expect(banner.color).toBe('Good');
    expect(elementsOfType(done, 'Container').find((c) => (c.items as Json[]).includes(banner))?.style).toBe('good');
    expect(done.fallbackText).toBe('Figures to verify for October 2026: Verified 2 of 2. Open this card in Teams to verify or query them.');
  });

  it('has no inputs or actions when the only figures are verified or queried', () => {
    const waiting = buildVerifyCard({ ...SAMPLE_VERIFY_CARD, rows: [SAMPLE_VERIFY_ROW_VERIFIED, SAMPLE_VERIFY_ROW_QUERIED] });
    expect(inputs(waiting)).toEqual([]);
    expect(waiting).not.toHaveProperty('actions');
  });

  it('says there is nothing to verify when there are no rows', () => {
    const empty = buildVerifyCard({ ...SAMPLE_VERIFY_CARD, rows: [], progressText: 'Verified 0 of 0', banner: null });
    expect(inputs(empty)).toEqual([]);
    expect(empty).not.toHaveProperty('actions');
    expect(texts(empty)).toContain('You have no figures to verify for October 2026.');
    expect(empty.refresh?.action.data).toEqual({ verb: 'verify.refresh', period: '2026-10', versions: '' });
  });
});

describe('verify card size', () => {
  const forty = sampleVerifyCardWithRows(40);
  const fortyCard = buildVerifyCard(forty);
  const bytes = cardSizeBytes(fortyCard);

  it('the 40-row sample is all awaiting, with long titles, 1000-character comments, errors and 60 refresh ids', () => {
    expect(forty.rows).toHaveLength(40);
    expect(forty.rows.every((r) => r.state === 'AWAITING')).toBe(true);
    expect(forty.rows.filter((r) => r.comment.length === COMMENT_MAX_LENGTH).length).toBeGreaterThanOrEqual(10);
    expect(forty.rows.filter((r) => r.error).length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...forty.rows.map((r) => r.title.length))).toBeGreaterThan(70);
    expect(fortyCard.refresh?.userIds).toHaveLength(60);
    expect(inputs(fortyCard)).toHaveLength(80);
    expect(Object.keys((fortyCard.actions?.[0] as unknown as Json).data as Json)).toEqual(['period', 'versions', 'verb']);
  });

  // 40 rows, 10 with 1000-character comments, 60 refresh ids: 65,583 bytes when written (80% of the limit).
  it(`keeps a 40-row verify card under ${CARD_SIZE_LIMIT_BYTES} bytes (it is ${bytes} bytes), still the full card`, () => {
    expect(bytes).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    expect(texts(fortyCard).filter((t) => t.startsWith('Entered by '))).toHaveLength(40);
  });

  it('leaves out the "Entered by" lines when the full card would be too big', () => {
    // 28 of the 40 rows with a 1000-character comment: about 83 KB with the lines, 79 KB without.
    const long = forty.rows.find((r) => r.comment.length === COMMENT_MAX_LENGTH)!.comment;
    const heavy: VerifyCardView = { ...forty, rows: forty.rows.map((r, i) => (i < 28 ? { ...r, chosen: 'QUERY', comment: long } : r)) };
    const compact = buildVerifyCard(heavy);
    const compactBytes = cardSizeBytes(compact);
    expect(compactBytes).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    expect(texts(compact).some((t) => t.startsWith('Entered by '))).toBe(false);
    // What was left out would have taken it over the limit.
    const left = heavy.rows.reduce((n, r) => n + JSON.stringify({ type: 'TextBlock', text: r.enteredText }).length, 0);
    expect(compactBytes + left).toBeGreaterThan(CARD_SIZE_LIMIT_BYTES);
    // Everything else stays: every input, the values, the actions.
    expect(inputs(compact)).toHaveLength(80);
    expect(inputById(compact, verifyInputIds.comment(heavy.rows[0]!.indicatorId)).value).toBe(long);
    expect(compact.actions?.map((a) => (a as unknown as Json).verb)).toEqual([VERIFY_VERBS.decide, VERIFY_VERBS.verifyAll]);
  });
});
