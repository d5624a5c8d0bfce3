/** The director's "not recovered as expected" card, as it stands before and after their decision. */
import type { BoardExceptionRecord } from '../../db/repositories/board-exception-repository';
import type { Banner } from '../../cards/view-models';
import type { RecoveryCheckView } from '../../cards/board/board-view-models';
import { labelOfKey, parsePeriod } from '../../domain/periods';
import type { IndicatorStatus } from '../register-status';
import { statusSentence, type RecoveryPromise } from './exception-views';
import { recoveryChoices } from './plan-context';

export function recoveryCheckView(input: {
  readonly status: IndicatorStatus;
  readonly exception: BoardExceptionRecord;
  readonly promise: RecoveryPromise;
  readonly ownerName: string;
  /** Who decided, once the decision for this missed month is recorded. */
  readonly decidedBy: string | null;
  readonly missed?: string;
  readonly typedNewDate?: string | null;
  readonly newDateError?: string | null;
  readonly banner?: Banner | null;
}): RecoveryCheckView {
  const { status: s, exception } = input;
  const missed = input.missed ?? input.promise.expectedRecovery;
  const period = parsePeriod(s.period);
  return {
    exceptionId: exception.id,
    planId: input.promise.planId,
    version: input.promise.version,
    code: s.indicator.code,
    title: s.indicator.title,
    periodLabel: labelOfKey(s.period),
    status: s.status === 'RED' ? 'RED' : 'AMBER',
    statusText: statusSentence(s),
    expectedRecoveryLabel: labelOfKey(missed),
    ownerName: input.ownerName,
    recoveryChoices: period.ok ? recoveryChoices(period.value) : [],
    typedNewDate: input.typedNewDate ?? null,
    newDateError: input.newDateError ?? null,
    decisionText: input.decidedBy && exception.recoveryMissed === missed ? decisionText(exception, input.decidedBy) : null,
    banner: input.banner ?? null,
  };
}

function decisionText(exception: BoardExceptionRecord, by: string): string {
  switch (exception.recoveryDecision) {
    case 'newDate':
      return `${by} accepted a new date: back on target by ${labelOfKey(exception.recoveryBy ?? '')}.`;
    case 'revisePlan':
      return `${by} asked the owner for a revised plan.`;
    default:
      return `${by} escalated this to the Board.`;
  }
}
