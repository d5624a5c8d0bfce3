/**
 * The quarterly report pack's one model (#15): everything the committee edition (Word), the data
 * appendix (Excel) and the public edition (HTML page and open-data CSV) show, built once from a
 * snapshot of the register as at the quarter's end. Every renderer reads this and nothing else, so
 * the four files agree with each other, and the model's counts agree with the Scorecard tab's and
 * the Board digest's for the same quarter (a quarter is shown as at its last month, see as-at.ts).
 *
 * Plain data only: numbers raw and formatted, labels in words, no dates as Date objects, so a
 * renderer never formats a figure itself and the model can be written to JSON and compared.
 *
 * Staff names appear only in fields named `…Name` / `…Names` and in `narrative`, `commentary` and
 * `actions` (which quote staff); `publicEdition` (public-edition.ts) removes every one of them.
 */
import type { Aggregation, Lens, Status, Travel, Unit } from '../../domain/types';

export type ReportEdition = 'committee' | 'public';

/** Counts of the indicators in each status, every status present (zeros included). */
export interface ReportStatusCounts {
  readonly RED: number;
  readonly AMBER: number;
  readonly GREEN: number;
  readonly DATA_ONLY: number;
  readonly MISSING: number;
  readonly DUE: number;
  /** Figures held back until their verifier signs them off (UNVERIFIED_FIGURES=awaiting-verification). */
  readonly AWAITING_VERIFICATION: number;
  readonly total: number;
}

/** A group's counts this quarter and last quarter (null when there was no report last quarter). */
export interface ReportGroupCounts {
  /** The lens code, the priority's name or the directorate's name. */
  readonly key: string;
  /** What a reader sees: "People", "A greener district", "Resources". */
  readonly label: string;
  readonly quarter: ReportStatusCounts;
  /** The year to date figures rated against the year to date targets. */
  readonly yearToDate: ReportStatusCounts;
  readonly lastQuarter: ReportStatusCounts | null;
  /** "2 more green, 1 fewer red than Q1" or "No report for Q1 2026/27". */
  readonly changeText: string;
}

/** One figure, raw and formatted in the indicator's unit and precision. */
export interface ReportFigure {
  readonly value: number | null;
  /** "96.1%", "£1,204", "12.5 days"; "No figure" when value is null. */
  readonly text: string;
}

/** A point of an indicator's last twelve periods (of its own frequency), oldest first. */
export interface SparkPoint {
  /** periodKey: "2026-09", "2026/27 Q2", "2026/27". */
  readonly period: string;
  /** "Sep 2026", "Q2 2026/27". */
  readonly label: string;
  readonly value: number | null;
  readonly target: number | null;
  readonly status: Status;
}

import type { VariationCode } from '../variation/variation-views';

export interface ReportIndicator {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly definition: string;
  readonly kind: 'KPI' | 'PI' | 'DATA_ONLY';
  readonly unit: Unit;
  readonly decimals: number;
  readonly aggregation: Aggregation;
  /** "Higher is better", "Lower is better", "Close to target is best". */
  readonly polarityText: string;
  readonly lens: Lens;
  readonly lensLabel: string;
  readonly directorate: string;
  /** The corporate priority's name; "No corporate priority" when none is set. */
  readonly priority: string;
  /** Whether the council publishes it (register column `public`). */
  readonly public: boolean;
  /** Staff: removed from the public edition. */
  readonly ownerName: string | null;
  /** The indicator's own period shown as at the quarter's end: "2026-09", "2026/27 Q2", "2025/26". */
  readonly period: string;
  /** "Sep 2026", "Q2 2026/27", with "(reported a quarter late)" for a lagged figure. */
  readonly periodLabel: string;
  /** The figure rated as at the quarter's end: what the tab and the digest show. */
  readonly figure: ReportFigure;
  /** The quarter's figure by the aggregation (for monthly indicators, the three months together). */
  readonly quarterFigure: ReportFigure;
  /** The year to date by the aggregation, with its target; `complete` false when a period is missing. */
  readonly yearToDate: ReportFigure & { readonly target: ReportFigure; readonly complete: boolean; readonly status: Status };
  readonly target: ReportFigure;
  readonly status: Status;
  /** "Red", "Amber", "Green", "Data only", "Missing", "Due". */
  readonly statusLabel: string;
  /** "On target", "Within tolerance", "Off target" … */
  readonly statusText: string;
  /**
   * The status as at the last quarter's end; null when it had no reading then (new to the register).
   * Optional (added by the model's builder, #15) so that publicEdition can recount the last quarter
   * over the public indicators alone; a model without it has no last-quarter counts to recount.
   */
  readonly lastQuarterStatus?: Status | null;
  /** Against the last quarter, by the rule that fits the aggregation (travelOf). */
  readonly travelSinceLastQuarter: Travel;
  /** Against the same quarter last year. */
  readonly travelSinceLastYear: Travel;
  /** "Improved", "Worsened", "No change", "Not comparable", each with its reason where it helps. */
  readonly travelText: string;
  readonly sinceLastYearText: string;
  /** Twelve periods of the indicator's frequency ending with `period`, oldest first. */
  readonly sparkline: readonly SparkPoint[];
  /**
   * How far the figure shown can be relied on (#16), in words: "estimate", "not yet verified",
   * "queried by its verifier", joined with "; "; null when neither applies (or for a model built
   * before #16).
   */
  readonly qualityText?: string | null;
  /**
   * Variation beside RAG and the year-end forecast at the quarter's end (#17, in signals-view's
   * words); null where variation is not analysed and nothing adds up over the year, absent in a
   * model built before #17.
   */
  readonly signals?: ReportSignals | null;
}

export interface ReportSignals {
  /** "Common cause", "Concern", "Improvement", "Special cause", "Too few points", "Not analysed". */
  readonly variationLabel: string;
  readonly variation: VariationCode;
  /** "Special cause of concern: 7 points in a row below the average". */
  readonly variationText: string;
  /** "Consistently met", …; null without limits to judge by. */
  readonly assuranceLabel: string | null;
  readonly assuranceText: string | null;
  /** "Forecast year-end 1,234 (range …)"; null when the measure does not add up over the year. */
  readonly forecastText: string | null;
}

export interface ReportAction {
  readonly description: string;
  /** Staff: removed from the public edition. */
  readonly leadName: string | null;
  /** "31 Oct 2026". */
  readonly dueText: string;
  readonly done: boolean;
}

/** A red or amber indicator: why, what is being done and what the Board said. */
export interface ReportException {
  readonly indicatorId: string;
  readonly code: string;
  readonly title: string;
  readonly status: 'RED' | 'AMBER';
  /** The owner's latest narrative for the period, or null when none was given. */
  readonly narrative: string | null;
  /** "Yes", "No", "Unsure" or null. */
  readonly likelyToRecoverText: string | null;
  /** A summary of the Board's commentary in the indicator's thread (null when none). */
  readonly commentary: string | null;
  /** "Approved 14 Oct 2026", "Awaiting approval", "Sent back", "Not yet submitted", "No plan". */
  readonly planStateText: string;
  /** "Expected to recover by Dec 2026", or null. */
  readonly recoveryText: string | null;
  readonly actions: readonly ReportAction[];
  /** "3rd quarter running" / "New this quarter". */
  readonly runningText: string;
}

export interface ReportCompleteness {
  /** Indicators whose figure was due by the quarter's end (every status except DUE). */
  readonly expected: number;
  readonly withFigure: number;
  /** 0 to 100, one decimal. */
  readonly percent: number;
  /** "94.0% of figures in (47 of 50)". */
  readonly text: string;
}

export interface QuarterReport {
  readonly edition: ReportEdition;
  /** The organisation's name, from the register. */
  readonly organisation: string;
  /** periodKey of the quarter: "2026/27 Q2". */
  readonly quarter: string;
  /** "Q2 2026/27 (Jul–Sep 2026)". */
  readonly quarterLabel: string;
  /** The last quarter's label, "Q1 2026/27". */
  readonly lastQuarterLabel: string;
  /** "2026/27". */
  readonly financialYear: string;
  /** The month the quarter is shown as at, "2026-09". */
  readonly asAtMonth: string;
  /** ISO timestamp of when the pack was generated (from the injected clock). */
  readonly generatedAt: string;
  /** "Generated 3 Dec 2026 at 10:15 from the figures held then." */
  readonly generatedText: string;
  readonly completeness: ReportCompleteness;
  /** The whole register's counts. */
  readonly overall: ReportGroupCounts;
  readonly byLens: readonly ReportGroupCounts[];
  readonly byPriority: readonly ReportGroupCounts[];
  readonly byDirectorate: readonly ReportGroupCounts[];
  /**
   * Every active indicator in the register as at the quarter's end, by priority then code: the
   * Excel appendix lists them all. `dataOnly` and `missing` repeat the ones the Word report lists
   * apart from the rated ones.
   */
  readonly indicators: readonly ReportIndicator[];
  readonly exceptions: readonly ReportException[];
  /** DATA_ONLY indicators, listed apart. */
  readonly dataOnly: readonly ReportIndicator[];
  /** MISSING (and DUE) indicators, listed apart. */
  readonly missing: readonly ReportIndicator[];
}
