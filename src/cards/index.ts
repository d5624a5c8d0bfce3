/** The Adaptive Cards the bot sends: builders (view model in, card JSON out) and their types. */
export * from './adaptive-card';
export * from './card-contract';
export type * from './view-models';
export { buildEntryCard, LIKELY_TO_RECOVER_CHOICES, NOTE_MAX_LENGTH, REMEDIAL_ACTION_MAX_LENGTH } from './entry-card';
export { buildMyIndicatorsCard } from './my-indicators-card';
export { buildOutstandingCard } from './outstanding-card';
export { buildHelpCard } from './help-card';
export { buildNotRegisteredCard } from './not-registered-card';
export { buildJobProgressCard, JOB_STATE_ID, type JobProgressView, type JobProgressBarView, type JobCardState } from './job-progress-card';
export * from './board';
