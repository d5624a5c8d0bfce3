/** The domain layer in one import: vocabulary, periods, numbers and the rules built on them. */
export * from './types';
export * from './result';
export * from './periods';
export * from './numbers';
export * from './tolerance';
export * from './status';
export * from './travel';
export * from './aggregation';
export * from './validation';
export * from './vocabulary';
export * from './indicator';
export * from './formula-text';
export * from './reporting-lag';
export * from './narrative-owed';
export * from './variation';
export * from './unusual-value';
export * from './verification';
