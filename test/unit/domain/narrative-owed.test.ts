import { narrativeChase, needsNarrative } from '../../../src/domain/narrative-owed';
import { STATUSES } from '../../../src/domain/types';

describe('narratives owed', () => {
  it('needs a narrative for red and amber only', () => {
    expect(STATUSES.filter(needsNarrative)).toEqual(['RED', 'AMBER']);
  });

  it('is needed before the deadline and owed after it, for a red or amber value without one', () => {
    expect(narrativeChase({ status: 'RED', hasValue: true, hasNarrative: false, deadlinePassed: false })).toBe('needed');
    expect(narrativeChase({ status: 'AMBER', hasValue: true, hasNarrative: false, deadlinePassed: true })).toBe('owed');
  });

  it('is not chased once given, for green or data-only figures, or without a value', () => {
    expect(narrativeChase({ status: 'RED', hasValue: true, hasNarrative: true, deadlinePassed: true })).toBe('none');
    expect(narrativeChase({ status: 'GREEN', hasValue: true, hasNarrative: false, deadlinePassed: true })).toBe('none');
    expect(narrativeChase({ status: 'DATA_ONLY', hasValue: true, hasNarrative: false, deadlinePassed: true })).toBe('none');
    expect(narrativeChase({ status: 'MISSING', hasValue: false, hasNarrative: false, deadlinePassed: true })).toBe('none');
  });
});
