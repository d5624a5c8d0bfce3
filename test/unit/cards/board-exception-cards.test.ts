import { BOARD_VERBS, CARD_SIZE_LIMIT_BYTES, cardSizeBytes } from '../../../src/cards';
import { buildRecoveryCheckCard, buildThreadClosingCard, buildThreadUpdateCard, recoveryInputIds } from '../../../src/cards/board';
import {
  SAMPLE_RECOVERY_CHECK,
  SAMPLE_RECOVERY_CHECK_DECIDED,
  SAMPLE_RECOVERY_CHECK_ERROR,
  SAMPLE_THREAD_CLOSING,
  SAMPLE_THREAD_UPDATE,
  SAMPLE_THREAD_UPDATE_OVERDUE,
} from '../../../src/cards/board/board-samples';
import { actions as actionsOf, anyActions, inputById, textBlockContaining, texts } from './card-walk';

describe('the thread update of a continuing exception', () => {
  const card = buildThreadUpdateCard(SAMPLE_THREAD_UPDATE);

  it('says which month, the status, how long it has run and the plan with its recovery month', () => {
    expect(texts(card)).toEqual(expect.arrayContaining([
      'Update for November 2026',
      'Red or amber for the 2nd month running (since October 2026).',
      'Expected to recover by January 2027',
    ]));
    expect(card.fallbackText).toMatch(/^SRV01 .*November 2026: Red: 23\.8 days/);
  });

  it('offers the director "Close this exception"', () => {
    expect(actionsOf(card)).toMatchObject([{ title: 'Close this exception', verb: BOARD_VERBS.closeException, data: { exceptionId: 'exception-srv01-2026-10' } }]);
  });

  it('marks a recovery month that has passed', () => {
    const overdue = buildThreadUpdateCard(SAMPLE_THREAD_UPDATE_OVERDUE);
    expect(textBlockContaining(overdue, 'Recovery was expected by January 2027: overdue').color).toBe('Attention');
    expect(textBlockContaining(card, 'Expected to recover by').color).toBeUndefined();
  });
});

describe('the closing update', () => {
  it('says the indicator is back on target, for how long it was not, and that the plan is achieved', () => {
    const card = buildThreadClosingCard(SAMPLE_THREAD_CLOSING);
    expect(texts(card)).toEqual(expect.arrayContaining([
      'Back on target in January 2027',
      'Red or amber for 3 months: October 2026 to December 2026.',
      'The action plan is marked achieved.',
    ]));
    expect(buildThreadClosingCard({ ...SAMPLE_THREAD_CLOSING, planText: null }).fallbackText).not.toMatch(/achieved/);
  });
});

describe('the "not recovered as expected" card', () => {
  it('offers the three choices, each with the exception, plan and version', () => {
    const card = buildRecoveryCheckCard(SAMPLE_RECOVERY_CHECK);
    const actions = actionsOf(card) as unknown as { title: string; verb: string; data: Record<string, unknown> }[];
    expect(actions.map((a) => [a.title, a.data.choice])).toEqual([
      ['Accept date', 'newDate'],
      ['Revise plan', 'revisePlan'],
      ['Escalate', 'escalate'],
    ]);
    for (const a of actions) {
      expect(a.verb).toBe(BOARD_VERBS.decideRecovery);
      expect(a.data).toMatchObject({ exceptionId: 'exception-srv01-2026-10', planId: 'plan-srv01-2026-10', version: 2 });
    }
    expect((inputById(card, recoveryInputIds.newDate) as { choices: unknown[] }).choices).toHaveLength(3);
  });

  it('shows a missing date in place, and once decided shows the decision without choices', () => {
    expect(textBlockContaining(buildRecoveryCheckCard(SAMPLE_RECOVERY_CHECK_ERROR), SAMPLE_RECOVERY_CHECK_ERROR.newDateError!).color).toBe('Attention');
    const decided = buildRecoveryCheckCard(SAMPLE_RECOVERY_CHECK_DECIDED);
    expect(texts(decided)).toEqual(expect.arrayContaining([SAMPLE_RECOVERY_CHECK_DECIDED.decisionText]));
    expect(anyActions(decided)).toEqual([]);
    expect(decided.fallbackText).toMatch(/accepted a new date/);
  });

  it('stays within the size limit', () => {
    for (const card of [buildRecoveryCheckCard(SAMPLE_RECOVERY_CHECK), buildThreadUpdateCard(SAMPLE_THREAD_UPDATE), buildThreadClosingCard(SAMPLE_THREAD_CLOSING)]) {
      expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES / 4);
    }
  });
});
