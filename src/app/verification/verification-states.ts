/**
 * Where each figure with a named verifier stands (#16), for the cycle's steps and reports: its
 * current version's verification state, read in one query for all of them.
 */
import type { Repositories } from '../../db/store';
import type { IndicatorStatus } from '../register-status';
import { verificationState, type VerificationState } from '../../domain/verification';

export interface VerifiedFigure {
  readonly status: IndicatorStatus;
  readonly verifierId: string;
  readonly state: VerificationState;
}

/** Of these statuses, those with a figure and a named verifier, each with its state, in the order given. */
export async function verificationStates(repos: Pick<Repositories, 'verifications'>, statuses: readonly IndicatorStatus[]): Promise<VerifiedFigure[]> {
  const toVerify = statuses.filter((s) => s.value !== null && s.indicator.verifierId !== null);
  const decisions = await repos.verifications.historyFor(toVerify.map((s) => s.value!.id));
  return toVerify.map((status) => ({ status, verifierId: status.indicator.verifierId!, state: verificationState(decisions.get(status.value!.id) ?? []) }));
}
