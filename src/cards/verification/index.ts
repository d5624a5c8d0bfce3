/** The verification cards (#16): builders (view model in, card JSON out), their contract and view models. */
export * from './verification-contract';
export type * from './verification-view-models';
export { buildVerifyCard, VERIFY_CHOICES } from './verify-card';
export { buildQueryCard, QUERY_FALLBACK_COMMENT_LIMIT } from './query-card';
