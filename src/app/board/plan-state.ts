import type { ActionPlanRecord, PlanVersionRecord } from '../../db/repositories/action-plan-repository';
import type { PlanState } from '../../cards/board/board-view-models';

/** Where a plan stands, as the digest and the threads show it. */
export function planStateOf(plan: ActionPlanRecord | null | undefined): PlanState {
  if (!plan) return 'NONE';
  return latestVersionState(plan.versions.at(-1) ?? null);
}

/** A plan asked for but with no version yet is REQUESTED; otherwise its latest version's state. */
export function latestVersionState(latest: PlanVersionRecord | null): PlanState {
  return latest ? latest.state : 'REQUESTED';
}
