/** The Performance Board's cards: builders (view model in, card JSON out), their contract and view models. */
export * from './board-contract';
export type * from './board-view-models';
export { buildDigestCard, DIGEST_LIST_LIMITS, SCORECARD_POINTER, type DigestListLimits } from './digest-card';
export { buildThreadCard } from './thread-card';
export { buildPlanCard } from './plan-card';
export { buildApprovalCard } from './approval-card';
export { buildOverdueReminderCard } from './overdue-reminder-card';
export { LIKELY_SUFFICIENT_CHOICES, planStateWord } from './board-parts';
export { buildThreadUpdateCard, buildThreadClosingCard, buildRecoveryCheckCard } from './exception-cards';
