import { latestQuery, queryCommentProblem, reportedStatus, verificationState, verifiedText, type VerificationEntry } from '../../../src/domain/verification';
import { STATUSES } from '../../../src/domain/types';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 5, 9, minute));
const entry = (decision: VerificationEntry['decision'], comment = '', minute = 0): VerificationEntry => ({ decision, comment, decidedById: 'p', decidedAt: at(minute) });

describe('verificationState: a version\'s latest decision counts', () => {
  it.each<[string, VerificationEntry[], ReturnType<typeof verificationState>]>([
    ['nothing decided', [], 'AWAITING'],
    ['verified', [entry('VERIFIED')], 'VERIFIED'],
    ['queried', [entry('QUERIED', 'doubled?')], 'QUERIED'],
    ['queried, then confirmed by its owner: before the verifier again', [entry('QUERIED', 'doubled?'), entry('CONFIRMED_BY_OWNER', 'right', 1)], 'AWAITING'],
    ['queried, confirmed, then verified', [entry('QUERIED', 'doubled?'), entry('CONFIRMED_BY_OWNER', '', 1), entry('VERIFIED', '', 2)], 'VERIFIED'],
    ['queried again after a confirmation', [entry('QUERIED', 'a'), entry('CONFIRMED_BY_OWNER', '', 1), entry('QUERIED', 'b', 2)], 'QUERIED'],
  ])('%s', (_case, decisions, state) => {
    expect(verificationState(decisions)).toBe(state);
  });
});

describe('latestQuery', () => {
  it('is the newest query, kept after the owner answers it', () => {
    expect(latestQuery([entry('QUERIED', 'first'), entry('CONFIRMED_BY_OWNER', '', 1), entry('QUERIED', 'second', 2), entry('CONFIRMED_BY_OWNER', '', 3)])?.comment).toBe('second');
    expect(latestQuery([entry('VERIFIED')])).toBeNull();
  });
});

describe('queryCommentProblem', () => {
  it('needs a comment saying what to check, of at most 1,000 characters', () => {
    expect(queryCommentProblem('   ')).toMatch(/Say what to check/);
    expect(queryCommentProblem('x'.repeat(1001))).toMatch(/1,000 characters or fewer/);
    expect(queryCommentProblem(' Is the tonnage doubled? ')).toBeNull();
    expect(queryCommentProblem('x'.repeat(1000))).toBeNull();
  });
});

describe('verifiedText', () => {
  it('counts the verified among the figures with a verifier', () => {
    expect(verifiedText(['VERIFIED', 'AWAITING', 'QUERIED', 'VERIFIED'])).toBe('Verified 2 of 4');
    expect(verifiedText([])).toBe('Verified 0 of 0');
  });
});

describe('reportedStatus: the organisation\'s UNVERIFIED_FIGURES choice', () => {
  it('holds back only a colour, and only of a figure its named verifier has not verified', () => {
    const held = (state: Parameters<typeof reportedStatus>[1]) => STATUSES.map((s) => reportedStatus(s, state, 'AWAITING_VERIFICATION'));
    expect(held('AWAITING')).toEqual(['AWAITING_VERIFICATION', 'AWAITING_VERIFICATION', 'AWAITING_VERIFICATION', 'DATA_ONLY', 'MISSING', 'DUE', 'AWAITING_VERIFICATION']);
    expect(held('QUERIED')).toEqual(held('AWAITING'));
    expect(held('VERIFIED')).toEqual([...STATUSES]);
    // No named verifier: nobody can sign it off, so it is rated.
    expect(held(null)).toEqual([...STATUSES]);
  });

  it('changes nothing when the council rates figures as they come in', () => {
    for (const state of ['AWAITING', 'QUERIED', 'VERIFIED', null] as const) {
      expect(STATUSES.map((s) => reportedStatus(s, state, 'RATED'))).toEqual([...STATUSES]);
    }
  });
});
