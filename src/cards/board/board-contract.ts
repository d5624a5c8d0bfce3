/**
 * The Board cards' contract with the bot: the verbs of their Action.Execute actions and the ids of
 * the inputs they send back. The bot's route table maps each verb to one use case.
 */
export const BOARD_VERBS = {
  /** Thread message (amber): the director or the performance team asks the owner for a plan. */
  requestPlan: 'plan.request',
  /** Plan card: submit (or resubmit after a send back) the plan on the card. */
  submitPlan: 'plan.submit',
  /** Plan card: Universal Actions' refresh (shows the plan's current state). */
  refreshPlan: 'plan.refresh',
  /** Approval card: approve (decision 'approve') or send back (decision 'sendBack', with a comment). */
  decidePlan: 'plan.decide',
  /** Approval card: refresh, giving the director the deciding view and everyone else the read-only one. */
  refreshApproval: 'approval.refresh',
  /** Overdue reminder: the lead marks the action done. */
  completeAction: 'action.done',
  /** "Not recovered as expected": the director accepts a new date, asks for a revised plan, or escalates. */
  decideRecovery: 'recovery.decide',
  /** Thread update: the director (or the performance team) closes the exception before it is green. */
  closeException: 'exception.close',
} as const;
export type BoardVerb = (typeof BOARD_VERBS)[keyof typeof BOARD_VERBS];

/** Data the plan card's actions carry besides their inputs. */
export interface PlanActionData {
  readonly indicatorId: string;
  readonly period: string;
}

/** Data the approval card's actions carry besides their inputs. */
export interface ApprovalActionData {
  readonly planId: string;
  readonly version: number;
  readonly decision?: 'approve' | 'sendBack';
}

/** Data the "not recovered as expected" card's actions carry besides their inputs. */
export interface RecoveryActionData {
  readonly exceptionId: string;
  readonly planId: string;
  readonly version: number;
  readonly choice: RecoveryChoice;
}
export const RECOVERY_CHOICES = ['newDate', 'revisePlan', 'escalate'] as const;
export type RecoveryChoice = (typeof RECOVERY_CHOICES)[number];
export const recoveryInputIds = { newDate: 'recovery:newDate' } as const;

/** The most actions one plan holds (the card shows this many rows). */
export const MAX_PLAN_ACTIONS = 5;
export const PLAN_ACTION_DESCRIPTION_MAX_LENGTH = 500;
export const DECISION_COMMENT_MAX_LENGTH = 1000;

export const planInputIds = {
  lead: (index: number) => `action:${index}:lead`,
  due: (index: number) => `action:${index}:due`,
  description: (index: number) => `action:${index}:description`,
  expectedRecovery: 'plan:expectedRecovery',
  likelySufficient: 'plan:likelySufficient',
  decisionComment: 'decision:comment',
} as const;
