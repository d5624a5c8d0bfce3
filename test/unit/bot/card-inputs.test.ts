import { decisionComment, entryNarrative, entryNarratives, entryValues, planSubmission, typedText, verifyDecisions, verifyVersions } from '../../../src/bot/card-inputs';
import { verifyInputIds } from '../../../src/cards/verification/verification-contract';
import { inputIds } from '../../../src/cards/card-contract';
import { planInputIds } from '../../../src/cards/board/board-contract';

describe('reading a card\'s inputs into typed commands', () => {
  it('reads every value input with its note, keeping empty ones as not given', () => {
    const inputs = {
      verb: 'entry.submit', period: '2026-10', [inputIds.value('a')]: '17.3', [inputIds.note('a')]: 'Back from leave', [inputIds.estimated('a')]: 'true',
      [inputIds.value('b')]: '', [inputIds.estimated('b')]: 'false', [inputIds.value('c')]: 42, [inputIds.confirmUnusual('c')]: '42',
    };
    expect(entryValues(inputs)).toEqual([
      { indicatorId: 'a', raw: '17.3', note: 'Back from leave', estimated: true, confirmed: '' },
      { indicatorId: 'b', raw: '', note: '', estimated: false, confirmed: '' },
      { indicatorId: 'c', raw: '42', note: '', estimated: false, confirmed: '42' },
    ]);
  });

  it('treats anything but text or a finite number as empty, so nothing odd reaches a use case', () => {
    expect([typedText({}), typedText(['17']), typedText(null), typedText(Number.NaN), typedText(true)]).toEqual(['', '', '', '', '']);
  });

  it('reads narratives only for rows where some part was typed', () => {
    const inputs = {
      [inputIds.value('a')]: '30', [inputIds.remedialAction('a')]: 'Agency staff', [inputIds.likelyToRecover('a')]: 'yes', [inputIds.recoveryPeriod('a')]: '2027-01',
      [inputIds.value('b')]: '5', [inputIds.remedialAction('b')]: '   ',
    };
    expect([...entryNarratives(inputs)]).toEqual([['a', { remedialAction: 'Agency staff', likelyToRecover: 'yes', recoveryPeriod: '2027-01' }]]);
    expect(entryNarrative(inputs, 'b')).toEqual({ remedialAction: '   ', likelyToRecover: '', recoveryPeriod: '' });
  });

  it('reads the plan card\'s five action rows and the decision comment', () => {
    const plan = planSubmission({ [planInputIds.lead(0)]: 'p1', [planInputIds.due(0)]: '2026-12-01', [planInputIds.description(0)]: 'Recruit', [planInputIds.expectedRecovery]: '2027-01', [planInputIds.likelySufficient]: 'YES' });
    expect(plan.actions).toHaveLength(5);
    expect(plan.actions[0]).toEqual({ lead: 'p1', due: '2026-12-01', description: 'Recruit' });
    expect(plan.actions[4]).toEqual({ lead: '', due: '', description: '' });
    expect(plan).toMatchObject({ expectedRecovery: '2027-01', likelySufficient: 'YES' });
    expect(decisionComment({ [planInputIds.decisionComment]: 'Add a date' })).toBe('Add a date');
    expect(decisionComment({})).toBe('');
  });
});

describe('the verifier card\'s inputs (#16)', () => {
  it('reads each row\'s decision and comment for the versions the card showed', () => {
    const inputs = {
      verb: 'verify.decide', period: '2026-10', versions: 'a:2,b:1,c:1',
      [verifyInputIds.decision('a')]: 'VERIFY', [verifyInputIds.decision('b')]: 'QUERY', [verifyInputIds.comment('b')]: 'Is this doubled?',
    };
    expect(verifyDecisions(inputs)).toEqual([
      { indicatorId: 'a', choice: 'VERIFY', comment: '' },
      { indicatorId: 'b', choice: 'QUERY', comment: 'Is this doubled?' },
      { indicatorId: 'c', choice: '', comment: '' },
    ]);
  });

  it.each([['', {}], ['a:0,b:x,:3,c:2', { c: 2 }], ['a:1,a:2', { a: 2 }], [42, {}]])('leaves out malformed versions (%p)', (versions, expected) => {
    expect({ ...verifyVersions({ versions }) }).toEqual(expected);
  });
});
