/**
 * The organisation's UNVERIFIED_FIGURES choice applied to a read of the register (#16): under
 * AWAITING_VERIFICATION a rated figure whose current version its verifier has not signed off is
 * reported as awaiting verification, in the digest, the Scorecard tab and the quarterly report
 * alike. The owner's own card and the verifier's card still show the rating: they are the ones who
 * check it.
 */
import type { IndicatorStatus } from '../register-status';
import { reportedStatus, type UnverifiedFigures, type VerificationState } from '../../domain/verification';

/** `states` by indicator id, for the figures with a named verifier (as verificationStates reads them). */
export function withReportedStatuses(
  statuses: readonly IndicatorStatus[],
  states: ReadonlyMap<string, VerificationState>,
  policy: UnverifiedFigures,
): IndicatorStatus[] {
  if (policy === 'RATED') return [...statuses];
  return statuses.map((s) => {
    const status = reportedStatus(s.status, states.get(s.indicator.id) ?? null, policy);
    return status === s.status ? s : { ...s, status };
  });
}
