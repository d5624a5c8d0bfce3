/** A register file checked and turned into typed rows, ready to write. */
import type { Frequency, IndicatorKind, Role, Tolerance, Unit } from '../domain/types';
import type { IndicatorDefinition } from '../domain/indicator';

export interface PersonInput {
  /** Lower-case. */
  readonly email: string;
  readonly aadObjectId: string | null;
  readonly displayName: string | null;
}

export interface IndicatorInput extends IndicatorDefinition {
  readonly row: number;
  readonly allowAboveHundred: boolean;
  /** Months after its period that a figure arrives by design (reporting-lag.ts). */
  readonly lagMonths: number;
  /** Whether the council publishes it (the public edition of the quarterly report, #15). */
  readonly public: boolean;
  /** The largest believable change between periods, in percent, or null for none (#16). */
  readonly maxChangePercent: number | null;
  /** Whether the variation analysis applies to it (#17); a blank cell is yes. */
  readonly variationApplies: boolean;
  /** The period key, of its own frequency, where the process changed: the analysis rebases there (#17). */
  readonly variationBaselineFrom: string | null;
  /** The limits are fixed from the first N points after the baseline start (#17, at least 12), or null for all. */
  readonly variationBaselinePoints: number | null;
  readonly directorate: string;
  readonly service: string | null;
  readonly priority: string | null;
  readonly owner: PersonInput;
  readonly delegates: readonly PersonInput[];
  readonly verifier: PersonInput | null;
  readonly director: PersonInput | null;
  readonly tolerance: Tolerance | null;
}

export interface TargetInput {
  readonly sheet: 'Indicators' | 'Targets';
  readonly row: number;
  readonly code: string;
  readonly period: string;
  readonly financialYear: number;
  readonly value: number;
}

export interface ValueInput {
  readonly row: number;
  readonly code: string;
  readonly period: string;
  readonly financialYear: number;
  readonly value: number;
  readonly note: string;
}

/** A row of the People sheet: who, and every role the row names. */
export interface ListedPerson {
  readonly row: number;
  /** Lower-case; the person is in `people` under this email. */
  readonly email: string;
  readonly roles: readonly Role[];
}

export interface RegisterPlan {
  /** Everyone the file names, on any sheet, each described once. */
  readonly people: readonly PersonInput[];
  /** The People sheet's rows: their ADMIN and VIEWER roles are stated exactly (granted and revoked). */
  readonly listed: readonly ListedPerson[];
  readonly indicators: readonly IndicatorInput[];
  readonly targets: readonly TargetInput[];
  readonly values: readonly ValueInput[];
}

/** What the checks need to know of an indicator already in the database. */
export interface KnownIndicator {
  readonly code: string;
  readonly title: string;
  readonly kind: IndicatorKind;
  readonly unit: Unit;
  readonly decimals: number;
  readonly frequency: Frequency;
  readonly allowAboveHundred: boolean;
}
