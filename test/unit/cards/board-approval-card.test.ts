import {
  BOARD_VERBS,
  buildApprovalCard,
  CARD_SIZE_LIMIT_BYTES,
  cardSizeBytes,
  DECISION_COMMENT_MAX_LENGTH,
  planInputIds,
  type AdaptiveCard,
} from '../../../src/cards';
import {
  SAMPLE_APPROVAL_APPROVED,
  SAMPLE_APPROVAL_COMMENT_ERROR,
  SAMPLE_APPROVAL_DIRECTOR,
  SAMPLE_APPROVAL_READ_ONLY,
  SAMPLE_APPROVAL_SENT_BACK,
  SAMPLE_APPROVAL_SUPERSEDED,
  SAMPLE_TEAMS_IDS,
} from '../../../src/cards/board/board-samples';
import { actions, elementsOfType, inputById, inputs, nextSibling, textBlockContaining, texts, visitOf, type Json } from './card-walk';

const director = buildApprovalCard(SAMPLE_APPROVAL_DIRECTOR);
const readOnly = buildApprovalCard(SAMPLE_APPROVAL_READ_ONLY);
const commentError = buildApprovalCard(SAMPLE_APPROVAL_COMMENT_ERROR);
const approved = buildApprovalCard(SAMPLE_APPROVAL_APPROVED);
const sentBack = buildApprovalCard(SAMPLE_APPROVAL_SENT_BACK);
const superseded = buildApprovalCard(SAMPLE_APPROVAL_SUPERSEDED);
const all: [string, AdaptiveCard][] = [
  ['director', director],
  ['read-only', readOnly],
  ['comment error', commentError],
  ['approved', approved],
  ['sent back', sentBack],
  ['superseded', superseded],
];

const decide = (decision: 'approve' | 'sendBack', version = 1) => ({
  verb: BOARD_VERBS.decidePlan,
  planId: 'plan-srv01-2026-10',
  version,
  decision,
});

describe('approval card, every state', () => {
  it.each(all)('%s: shows the plan: owner, submitted, recovery, likely enough and the actions', (_name, card) => {
    expect(texts(card)[0]).toBe('SRV01 · Days to process new Housing Benefit and Council Tax Support claims');
    const facts = elementsOfType(card, 'FactSet')[0]!.facts as Json[];
    expect(facts.map((f) => f.title)).toEqual(['Owner', 'Submitted by', 'Expected recovery', 'Likely to be enough']);
    expect(facts[0]!.value).toBe('Gareth Lewis');
    expect(texts(card)).toContain('Actions');
    expect(texts(card).filter((t) => /^\d\. /.test(t)).length).toBeGreaterThanOrEqual(3);
  });

  it.each(all)('%s: refreshes for the director and the performance team, so each sees their own view', (_name, card) => {
    const version = card === approved ? 2 : 1;
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'approval.refresh', data: { verb: 'approval.refresh', planId: 'plan-srv01-2026-10', version } },
      userIds: [SAMPLE_TEAMS_IDS.marcus, SAMPLE_TEAMS_IDS.robert, SAMPLE_TEAMS_IDS.nadia],
    });
  });

  it.each(all)(`%s: is under ${CARD_SIZE_LIMIT_BYTES} bytes with a fallbackText`, (_name, card) => {
    expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    expect(card.fallbackText).toMatch(/^Action plan for SRV01 .+ from Gareth Lewis: .+/);
  });

  it('has no refresh without user ids', () => {
    expect(buildApprovalCard({ ...SAMPLE_APPROVAL_DIRECTOR, refreshUserIds: [] })).not.toHaveProperty('refresh');
  });
});

describe('approval card, the deciding view', () => {
  it("says it waits for the director's decision", () => {
    expect(texts(director)).toContain("Waiting for Marcus Webb's decision.");
    expect(director.fallbackText).toMatch(/Waiting for Marcus Webb's decision\.$/);
  });

  it('has Approve, sending no inputs so no comment is asked for', () => {
    const [approve] = director.actions as unknown as Json[];
    expect(approve).toEqual({
      type: 'Action.Execute',
      title: 'Approve',
      verb: 'plan.decide',
      data: decide('approve'),
      style: 'positive',
      associatedInputs: 'none',
      fallback: { type: 'Action.Submit', title: 'Approve', data: decide('approve'), style: 'positive', associatedInputs: 'none' },
    });
  });

  it('puts the required comment and "Send back" behind a "Send back with a comment" ShowCard', () => {
    const show = (director.actions as unknown as Json[])[1]!;
    expect(show).toMatchObject({ type: 'Action.ShowCard', title: 'Send back with a comment' });
    const inner = show.card as Json;
    const comment = inputById(inner, planInputIds.decisionComment);
    expect(comment).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, maxLength: DECISION_COMMENT_MAX_LENGTH });
    expect(comment.label).toContain('Gareth Lewis will see this');
    expect(comment.errorMessage).toBeTruthy();
    expect(comment).not.toHaveProperty('value');
    expect(inner.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Send back',
        verb: 'plan.decide',
        data: decide('sendBack'),
        style: 'destructive',
        fallback: { type: 'Action.Submit', title: 'Send back', data: decide('sendBack'), style: 'destructive' },
      },
    ]);
    // The comment is only in the ShowCard: one input in the whole card.
    expect(inputs(director)).toHaveLength(1);
    expect(visitOf(director, comment).keys).toContain('card');
  });

  it('shows the comment inline, with the reason right under it, when a send back was refused', () => {
    const comment = inputById(commentError, planInputIds.decisionComment);
    expect(visitOf(commentError, comment).keys).not.toContain('card');
    expect(visitOf(commentError, comment).keys[0]).toBe('body');
    expect(nextSibling(commentError, comment)).toMatchObject({ color: 'Attention', text: `⚠ ${SAMPLE_APPROVAL_COMMENT_ERROR.commentError}` });
    expect(actions(commentError).map((a) => [a.type, a.title, (a.data as Json).decision])).toEqual([
      ['Action.Execute', 'Approve', 'approve'],
      ['Action.Execute', 'Send back', 'sendBack'],
    ]);
    expect(elementsOfType(commentError, 'Action.ShowCard')).toEqual([]);
    expect(textBlockContaining(commentError, 'The plan was not sent back').color).toBe('Attention');
  });

  it('keeps a comment that was typed', () => {
    const card = buildApprovalCard({ ...SAMPLE_APPROVAL_COMMENT_ERROR, comment: 'Not enough' });
    expect(inputById(card, planInputIds.decisionComment).value).toBe('Not enough');
  });
});

describe('approval card, read-only views', () => {
  it.each([
    ['read-only', readOnly],
    ['approved', approved],
    ['sent back', sentBack],
    ['superseded (even for the director)', superseded],
  ] as const)('%s: has no inputs and no actions', (_name, card) => {
    expect(inputs(card)).toEqual([]);
    expect(actions(card)).toEqual([]);
    expect(card).not.toHaveProperty('actions');
  });

  it('tells a viewer who cannot decide why, in the banner', () => {
    expect(textBlockContaining(readOnly, 'Only Marcus Webb').text).toBe(SAMPLE_APPROVAL_READ_ONLY.banner!.text);
    expect(texts(readOnly)).toContain("Waiting for Marcus Webb's decision.");
  });

  it('says who approved it, with their comment', () => {
    const line = textBlockContaining(approved, 'Approved by');
    expect(line.text).toBe('Approved by Marcus Webb, 27 Nov 2026 09:41: Thank you. Please report the backlog weekly in this thread.');
    expect(line.color).toBe('Good');
    expect(texts(approved)).toContain('Action plan, version 2 · October 2026');
  });

  it('says who sent it back and why', () => {
    const line = textBlockContaining(sentBack, 'Sent back by');
    expect(line.text).toBe(`Sent back by Marcus Webb, 25 Nov 2026 14:03: ${SAMPLE_APPROVAL_SENT_BACK.decision!.comment}`);
    expect(line.color).toBe('Attention');
  });

  it('says a superseded version can no longer be decided', () => {
    expect(texts(superseded)).toContain('Superseded by a later version: only the latest version can be decided.');
  });
});
