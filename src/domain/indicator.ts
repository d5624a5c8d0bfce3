import type { Aggregation, Frequency, IndicatorKind, Lens, Polarity, Unit } from './types';

/** What defines an indicator in the register, wherever it comes from (a file, the database, the demo). */
export interface IndicatorDefinition {
  readonly code: string;
  readonly title: string;
  readonly definition: string;
  readonly kind: IndicatorKind;
  readonly unit: Unit;
  readonly decimals: number;
  readonly polarity: Polarity;
  readonly frequency: Frequency;
  readonly aggregation: Aggregation;
  readonly lens: Lens;
}
