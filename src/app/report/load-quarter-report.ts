/**
 * The quarterly report's model for a quarter (#15), committee edition: the snapshot as at the
 * quarter's end, built into the model. The public edition is publicEdition() of this.
 */
import type { Store } from '../../db/store';
import type { UnverifiedFigures } from '../../domain/verification';
import type { RunLengths } from '../../domain/variation-settings';
import type { Tolerance } from '../../domain/types';
import type { QuarterPeriod } from '../../domain/periods';
import type { QuarterReport } from './quarter-report-model';
import { loadQuarterSnapshot } from './quarter-snapshot';
import { buildQuarterReport } from './build-quarter-report';

/**
 * Nothing in the register names the council yet, so the report says "The council" unless the caller
 * gives a name (the wiring can pass one from configuration when there is one).
 */
export const DEFAULT_ORGANISATION = 'The council';

export interface QuarterReportOptions {
  readonly now: Date;
  readonly defaultTolerance: Tolerance;
  readonly organisation?: string;
  readonly unverifiedFigures?: UnverifiedFigures;
  readonly runLengths?: RunLengths;
}

export async function loadQuarterReport(
  store: Store,
  quarter: QuarterPeriod,
  options: QuarterReportOptions,
): Promise<QuarterReport> {
  const snapshot = await loadQuarterSnapshot(store, quarter, {
    now: options.now,
    defaultTolerance: options.defaultTolerance,
    unverifiedFigures: options.unverifiedFigures ?? 'RATED',
    ...(options.runLengths ? { runLengths: options.runLengths } : {}),
    organisation: options.organisation ?? DEFAULT_ORGANISATION,
  });
  return buildQuarterReport(snapshot);
}
