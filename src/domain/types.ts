/**
 * The vocabulary of the performance register, shared by every layer.
 *
 * Pure TypeScript: no framework, database or Teams imports anywhere under src/domain. The string
 * values match the Prisma enums one for one, so rows map to domain objects without translation
 * tables.
 */

export const INDICATOR_KINDS = ['KPI', 'PI', 'DATA_ONLY'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const UNITS = ['PERCENT', 'NUMBER', 'CURRENCY', 'DAYS', 'MINUTES', 'RATE', 'RATIO'] as const;
export type Unit = (typeof UNITS)[number];

/** HIGHER: higher is better. LOWER: lower is better. GOALPOST: stay close to the target. */
export const POLARITIES = ['HIGHER', 'LOWER', 'GOALPOST'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const FREQUENCIES = ['MONTHLY', 'QUARTERLY', 'ANNUAL'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * How an indicator's period values make up its year-to-date and quarterly figures.
 * CUMULATIVE: each value entered is already the year-to-date figure (Council Tax collected so far).
 * SUM: values add up (fly-tips reported). AVERAGE: mean of the periods (days to process claims).
 * SNAPSHOT: the latest value stands (households in temporary accommodation).
 * ROLLING12: the figure is the sum of the last twelve months (four quarters) of values, so each
 * month is a rolling annual figure (working days lost to sickness per FTE).
 */
export const AGGREGATIONS = ['CUMULATIVE', 'SUM', 'AVERAGE', 'SNAPSHOT', 'ROLLING12'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** North Kesteven's balanced scorecard lenses. */
export const LENSES = ['PEOPLE', 'FINANCE', 'CUSTOMERS', 'ENVIRONMENT', 'SERVICES'] as const;
export type Lens = (typeof LENSES)[number];

/**
 * OWNER, DELEGATE, VERIFIER and DIRECTOR follow from the indicators a person is named on. ADMIN is
 * the performance team; VIEWER is someone in the register who only reads (a councillor, an auditor).
 */
export const ROLES = ['OWNER', 'DELEGATE', 'VERIFIER', 'DIRECTOR', 'ADMIN', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * RED / AMBER / GREEN: rated against target and tolerance.
 * DATA_ONLY: no target (or kind DATA_ONLY), never rated.
 * MISSING: no value and the deadline has passed.
 * DUE: no value yet, but the deadline has not passed.
 * AWAITING_VERIFICATION: a figure its verifier has not signed off, where the organisation reports
 * those uncoloured (UNVERIFIED_FIGURES, #16). rateValue never returns it: reportedStatus does.
 */
export const STATUSES = ['RED', 'AMBER', 'GREEN', 'DATA_ONLY', 'MISSING', 'DUE', 'AWAITING_VERIFICATION'] as const;
export type Status = (typeof STATUSES)[number];

/** ABSOLUTE: in the indicator's own unit. PERCENT_OF_TARGET: a percentage of |target|. */
export type Tolerance =
  | { readonly kind: 'ABSOLUTE'; readonly amount: number }
  | { readonly kind: 'PERCENT_OF_TARGET'; readonly percent: number };

/** Direction of travel, judged by polarity: better, worse or the same at the indicator's precision. */
export const TRAVEL = ['IMPROVED', 'WORSENED', 'UNCHANGED', 'NOT_COMPARABLE'] as const;
export type Travel = (typeof TRAVEL)[number];

/** The owner's judgement, in a red or amber narrative, of whether the remedial action will be enough. */
export const LIKELY_TO_RECOVER = ['YES', 'NO', 'UNSURE'] as const;
export type LikelyToRecover = (typeof LIKELY_TO_RECOVER)[number];
