/**
 * The Board's thread and action plan for an indicator's period, as the Scorecard tab shows them:
 * the period's own or, for a later period of a continuing exception, the exception's one thread
 * and the plan it carries.
 */
import type { Store } from '../../db/store';
import type { BoardThreadRecord } from '../../db/repositories/board-repository';
import type { ActionPlanRecord } from '../../db/repositories/action-plan-repository';

export async function threadAndPlanOf(store: Store, indicatorId: string, period: string): Promise<{ thread: BoardThreadRecord | null; plan: ActionPlanRecord | null }> {
  const repos = store.repos;
  const [thread, plan] = await Promise.all([repos.board.thread(indicatorId, period), repos.actionPlans.find(indicatorId, period)]);
  if (thread && plan) return { thread, plan };
  const exception = await repos.exceptions.covering(indicatorId, period);
  if (!exception) return { thread, plan };
  const [carried, ownThread] = await Promise.all([
    plan ? Promise.resolve([plan]) : repos.actionPlans.forExceptions([exception.id]),
    thread || !exception.threadId ? Promise.resolve(thread ? [thread] : []) : repos.board.threadsByIds([exception.threadId]),
  ]);
  return { thread: ownThread[0] ?? null, plan: carried.at(-1) ?? null };
}
