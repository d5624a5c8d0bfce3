import {
  BOARD_VERBS,
  buildPlanCard,
  CARD_SIZE_LIMIT_BYTES,
  cardSizeBytes,
  MAX_PLAN_ACTIONS,
  PLAN_ACTION_DESCRIPTION_MAX_LENGTH,
  planInputIds,
  type PlanCardView,
} from '../../../src/cards';
import {
  SAMPLE_PLAN_APPROVED,
  SAMPLE_PLAN_DRAFT,
  SAMPLE_PLAN_ERRORS,
  SAMPLE_PLAN_SENT_BACK,
  SAMPLE_PLAN_SUBMITTED,
} from '../../../src/cards/board/board-samples';
import {
  actions,
  anyActions,
  containerHolding,
  elementsOfType,
  inputById,
  inputs,
  nextSibling,
  textBlockContaining,
  texts,
  type Json,
} from './card-walk';

const draft = buildPlanCard(SAMPLE_PLAN_DRAFT);
const errors = buildPlanCard(SAMPLE_PLAN_ERRORS);
const sentBack = buildPlanCard(SAMPLE_PLAN_SENT_BACK);
const submitted = buildPlanCard(SAMPLE_PLAN_SUBMITTED);
const approved = buildPlanCard(SAMPLE_PLAN_APPROVED);

const rowIds = (i: number) => [planInputIds.lead(i), planInputIds.due(i), planInputIds.description(i)];
const allIds = [
  ...Array.from({ length: MAX_PLAN_ACTIONS }, (_, i) => rowIds(i)).flat(),
  planInputIds.expectedRecovery,
  planInputIds.likelySufficient,
];

describe('plan card, a form (DRAFT and SENT_BACK)', () => {
  it(`has ${MAX_PLAN_ACTIONS} action rows (lead, due date, description) and the two questions, each id once`, () => {
    for (const card of [draft, errors, sentBack]) expect(inputs(card).map((i) => i.id)).toEqual(allIds);
    // Fewer rows in the view: padded with empty rows.
    const short = buildPlanCard({ ...SAMPLE_PLAN_DRAFT, actionInputs: SAMPLE_PLAN_DRAFT.actionInputs.slice(0, 1) });
    expect(inputs(short).map((i) => i.id)).toEqual(allIds);
    expect(inputById(short, planInputIds.lead(4))).not.toHaveProperty('value');
  });

  it('chooses the lead from leadChoices (a compact list; a type-ahead one for many people)', () => {
    const lead = inputById(draft, planInputIds.lead(0));
    expect(lead).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', value: SAMPLE_PLAN_DRAFT.actionInputs[0]!.lead, label: 'Lead for action 1' });
    expect(lead.choices).toEqual(SAMPLE_PLAN_DRAFT.leadChoices);
    const many = Array.from({ length: 40 }, (_, i) => ({ title: `Person ${i}`, value: `p${i}` }));
    expect(inputById(buildPlanCard({ ...SAMPLE_PLAN_DRAFT, leadChoices: many }), planInputIds.lead(0)).style).toBe('filtered');
  });

  it('takes the due date in an Input.Date, keeping a yyyy-mm-dd value and dropping anything else', () => {
    expect(inputById(draft, planInputIds.due(0))).toMatchObject({ type: 'Input.Date', value: '2026-12-14', label: 'Due date for action 1' });
    expect(inputById(draft, planInputIds.due(1))).not.toHaveProperty('value');
    const typed = buildPlanCard({ ...SAMPLE_PLAN_DRAFT, actionInputs: [{ ...SAMPLE_PLAN_DRAFT.actionInputs[0]!, due: '14/12/2026' }] });
    expect(inputById(typed, planInputIds.due(0))).not.toHaveProperty('value');
  });

  it(`takes each description in a multiline input of at most ${PLAN_ACTION_DESCRIPTION_MAX_LENGTH} characters`, () => {
    for (let i = 0; i < MAX_PLAN_ACTIONS; i++) {
      expect(inputById(draft, planInputIds.description(i))).toMatchObject({
        type: 'Input.Text',
        isMultiline: true,
        maxLength: PLAN_ACTION_DESCRIPTION_MAX_LENGTH,
      });
    }
    expect(inputById(draft, planInputIds.description(0)).value).toBe(SAMPLE_PLAN_DRAFT.actionInputs[0]!.description);
  });

  it('requires the first action and the two questions in the client, with a label and an error message; the other rows are optional', () => {
    for (const id of [...rowIds(0), planInputIds.expectedRecovery, planInputIds.likelySufficient]) {
      const input = inputById(draft, id);
      expect(input.isRequired).toBe(true);
      expect(input.label).toBeTruthy();
      expect(input.errorMessage).toBeTruthy();
    }
    for (let i = 1; i < MAX_PLAN_ACTIONS; i++) for (const id of rowIds(i)) expect(inputById(draft, id)).not.toHaveProperty('isRequired');
    expect(texts(draft)).toEqual(expect.arrayContaining(['Action 1', 'Action 2 (optional)', 'Action 5 (optional)']));
  });

  it('asks for the expected recovery from recoveryChoices and whether the plan is enough (Yes, No, Not sure)', () => {
    const recovery = inputById(sentBack, planInputIds.expectedRecovery);
    expect(recovery).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', value: '2027-01' });
    expect(recovery.choices).toEqual(SAMPLE_PLAN_SENT_BACK.recoveryChoices);
    const likely = inputById(sentBack, planInputIds.likelySufficient);
    expect(likely).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', value: 'YES' });
    expect(likely.choices).toEqual([
      { title: 'Yes', value: 'YES' },
      { title: 'No', value: 'NO' },
      { title: 'Not sure', value: 'UNSURE' },
    ]);
    expect(inputById(draft, planInputIds.expectedRecovery)).not.toHaveProperty('value');
    expect(inputById(draft, planInputIds.likelySufficient)).not.toHaveProperty('value');
  });

  it('has one action, "Submit plan", with indicator and period, and a Submit fallback', () => {
    const data = { verb: BOARD_VERBS.submitPlan, indicatorId: 'ind-srv01', period: '2026-10' };
    expect(draft.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Submit plan',
        verb: 'plan.submit',
        style: 'positive',
        data,
        fallback: { type: 'Action.Submit', title: 'Submit plan', style: 'positive', data },
      },
    ]);
  });

  it('shows the banner at the top, in its tone', () => {
    const banner = textBlockContaining(errors, 'Nothing was submitted');
    expect(banner.color).toBe('Attention');
    const box = elementsOfType(errors, 'Container').find((c) => (c.items as Json[]).includes(banner));
    expect(box?.style).toBe('attention');
    expect(texts(errors).indexOf(String(banner.text))).toBe(3); // heading, status, subtitle, banner
  });

  it("shows each refused row's reason in place, at the end of that row, and only there", () => {
    for (const i of [1, 2]) {
      const rowBox = containerHolding(errors, planInputIds.lead(i));
      const last = (rowBox.items as Json[]).at(-1)!;
      expect(last).toMatchObject({ type: 'TextBlock', color: 'Attention', text: `⚠ ${SAMPLE_PLAN_ERRORS.actionInputs[i]!.error}` });
      expect(rowBox.style).toBe('attention');
    }
    for (const i of [0, 3, 4]) {
      const rowBox = containerHolding(errors, planInputIds.lead(i));
      expect(texts(rowBox).some((t) => t.startsWith('⚠'))).toBe(false);
      expect(rowBox).not.toHaveProperty('style');
    }
  });

  it('shows the refused answers right under their questions', () => {
    expect(nextSibling(errors, inputById(errors, planInputIds.expectedRecovery))).toMatchObject({
      color: 'Attention',
      text: `⚠ ${SAMPLE_PLAN_ERRORS.errors.expectedRecovery}`,
    });
    expect(nextSibling(errors, inputById(errors, planInputIds.likelySufficient))).toMatchObject({
      color: 'Attention',
      text: `⚠ ${SAMPLE_PLAN_ERRORS.errors.likelySufficient}`,
    });
    expect(nextSibling(draft, inputById(draft, planInputIds.likelySufficient))).toBeUndefined();
    expect(texts(draft).some((t) => t.startsWith('⚠'))).toBe(false);
  });

  it('keeps what was typed in a refused form', () => {
    const typed = SAMPLE_PLAN_ERRORS.actionInputs[2]!;
    expect(inputById(errors, planInputIds.lead(2)).value).toBe(typed.lead);
    expect(inputById(errors, planInputIds.due(2)).value).toBe(typed.due);
    expect(inputById(errors, planInputIds.description(2)).value).toBe(typed.description);
    expect(inputById(errors, planInputIds.lead(1))).not.toHaveProperty('value');
  });

  it('shows who sent it back and why, prominently, and offers to resubmit as the next version', () => {
    const by = textBlockContaining(sentBack, 'Sent back by Marcus Webb, 25 Nov 2026 14:03');
    expect(by.color).toBe('Attention');
    const box = elementsOfType(sentBack, 'Container').find((c) => (c.items as Json[]).includes(by))!;
    expect(box.style).toBe('attention');
    expect(texts(box)).toContain(SAMPLE_PLAN_SENT_BACK.sentBack!.comment);
    expect(actions(sentBack).map((a) => a.title)).toEqual(['Resubmit plan (version 2)']);
    expect(sentBack.fallbackText).toContain('was sent back by Marcus Webb, 25 Nov 2026 14:03');
  });
});

describe('plan card, read-only (SUBMITTED and APPROVED)', () => {
  it('has no inputs and no actions', () => {
    for (const card of [submitted, approved]) {
      expect(inputs(card)).toEqual([]);
      expect(anyActions(card)).toEqual([]);
      expect(card).not.toHaveProperty('actions');
    }
  });

  it('lists the actions with lead, due date and progress', () => {
    expect(texts(submitted)).toEqual(
      expect.arrayContaining([
        `1. ${SAMPLE_PLAN_SUBMITTED.actions[0]!.description}`,
        'Lead: Chloe Evans · Due 14 Dec 2026',
        `3. ${SAMPLE_PLAN_SUBMITTED.actions[2]!.description}`,
      ]),
    );
    expect(texts(approved)).toContain('Lead: Gareth Lewis · Due 30 Nov 2026 · Done 28 Nov 2026');
    // An overdue action stands out.
    expect(textBlockContaining(approved, 'Due 11 Dec 2026 · Overdue')).toMatchObject({ color: 'Attention', weight: 'Bolder' });
  });

  it('shows the expected recovery and whether the plan is likely to be enough', () => {
    expect(elementsOfType(submitted, 'FactSet')[0]!.facts).toEqual([
      { title: 'Expected recovery', value: 'January 2027' },
      { title: 'Likely to be enough', value: 'Yes' },
    ]);
  });

  it('says who it waits for, or who approved it', () => {
    expect(texts(submitted)).toContain('Submitted. Waiting for Marcus Webb to approve it.');
    expect(texts(approved)).toContain('Approved by Marcus Webb, 27 Nov 2026 09:41');
    expect(texts(approved)[2]).toBe('Action plan for October 2026 · version 2');
    const noDirector: PlanCardView = { ...SAMPLE_PLAN_SUBMITTED, directorName: null };
    expect(texts(buildPlanCard(noDirector))).toContain('Submitted. Waiting for the director to approve it.');
  });

  it('has a fallbackText saying where the plan stands', () => {
    expect(submitted.fallbackText).toMatch(/is submitted and waiting for Marcus Webb to approve it\.$/);
    expect(approved.fallbackText).toMatch(/was approved by Marcus Webb, 27 Nov 2026 09:41\.$/);
  });
});

describe('plan card size', () => {
  it(`every state is under ${CARD_SIZE_LIMIT_BYTES} bytes, even with every description at its longest`, () => {
    const longest = 'x'.repeat(PLAN_ACTION_DESCRIPTION_MAX_LENGTH);
    const full = buildPlanCard({
      ...SAMPLE_PLAN_ERRORS,
      actionInputs: Array.from({ length: MAX_PLAN_ACTIONS }, () => ({ ...SAMPLE_PLAN_ERRORS.actionInputs[2]!, description: longest })),
    });
    for (const card of [draft, errors, sentBack, submitted, approved, full]) expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    expect(cardSizeBytes(full)).toBeLessThan(20 * 1024);
  });
});
