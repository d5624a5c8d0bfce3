/**
 * What the Scorecard tab's API sends: the view models of its three pages, already formatted for
 * people (UK dates and numbers, labels) with the raw numbers beside them for the chart. The browser
 * code imports these types only, so the two sides cannot drift apart.
 */
import type { Lens, Status, Travel } from '../../domain/types';
import type { DataQualityCardView } from '../../cards/data-quality/data-quality-view-models';
import type { SignalsView, XmrChartView } from '../variation/variation-views';

export interface ViewerView {
  readonly name: string;
  readonly email: string;
  readonly isAdmin: boolean;
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface StatusCountView {
  readonly status: Status;
  /** "Red", "Amber", "Green", "Data only", "Missing", "Due". */
  readonly label: string;
  readonly count: number;
}

export interface LensSummaryView {
  readonly lens: Lens;
  readonly label: string;
  readonly total: number;
  /** Every status, in a fixed order, zeros included. */
  readonly counts: readonly StatusCountView[];
}

/** A figure for a period with its target, status and direction of travel, raw and formatted. */
export interface StatusFiguresView {
  readonly value: number | null;
  readonly valueText: string | null;
  readonly target: number | null;
  readonly targetText: string | null;
  readonly status: Status;
  readonly statusLabel: string;
  /** "On target", "Within tolerance" … */
  readonly statusText: string;
  /**
   * Direction of travel against the comparator that fits the aggregation: the previous period, or for
   * a cumulative figure the same period last year (see travelOf).
   */
  readonly travel: Travel;
  readonly travelText: string;
  /** "1.2 points behind April last year; ahead of the profiled target of 45.0%". */
  readonly comparisonText: string;
  readonly sinceLastYear: Travel;
  readonly sinceLastYearText: string;
  /** The year to date by the aggregation against its target, "96.1% against 97.0%"; null when none. */
  readonly yearToDateText: string | null;
  /** The year-to-date figure alone, "96.1%", for the scorecard's column; null when none. */
  readonly yearToDateValueText: string | null;
  /** "estimate; not yet verified" (#16, reliabilityText); null when the figure is neither. */
  readonly qualityText?: string | null;
}

export interface IndicatorRowView extends StatusFiguresView {
  /** Variation and assurance beside the RAG, and the year-end forecast (#17); absent where not computed. */
  readonly signals?: SignalsView;
  readonly code: string;
  readonly title: string;
  readonly lens: Lens;
  readonly lensLabel: string;
  readonly directorate: string;
  readonly ownerId: string;
  readonly ownerName: string;
  /** The indicator's own period shown, "2026/27 Q2", and its short label, "Q2 2026/27". */
  readonly period: string;
  readonly periodLabel: string;
}

export interface ScorecardView {
  readonly viewer: ViewerView;
  /**
   * What was chosen: a month, "2026-10" and "October 2026", or a quarter, "2026/27 Q2" and
   * "Q2 2026/27 (Jul–Sep 2026)", which is shown as at its last month.
   */
  readonly month: string;
  readonly monthLabel: string;
  /** Every month and quarter with figures (and the month open for entry), newest first. */
  readonly months: readonly Option[];
  readonly quarters: readonly Option[];
  /** How quarterly and annual indicators are placed in a month's scorecard. */
  readonly asAtNote: string;
  readonly lenses: readonly LensSummaryView[];
  readonly indicators: readonly IndicatorRowView[];
  readonly filters: {
    readonly lenses: readonly Option[];
    readonly directorates: readonly Option[];
    readonly statuses: readonly Option[];
    readonly owners: readonly Option[];
  };
}

export interface TrendPointView {
  readonly period: string;
  /** "Oct 2026", "Q2 2026/27". */
  readonly label: string;
  readonly value: number | null;
  readonly valueText: string | null;
  readonly target: number | null;
  readonly targetText: string | null;
  readonly status: Status;
  readonly statusLabel: string;
}

export interface NarrativeEntryView {
  readonly remedialAction: string;
  /** "Yes", "No", "Not sure". */
  readonly likelyToRecoverText: string;
  readonly recoveryPeriod: string;
  readonly givenBy: string;
  readonly givenAtText: string;
  /** Which version of the value it was given for. */
  readonly valueVersion: number;
}

/** Thread commentary from the Performance Board's channel (issue #5 fills this in). */
export interface CommentaryView {
  readonly authorName: string;
  readonly postedAtText: string;
  readonly text: string;
}

/** The action plan for a red indicator and its approval (issue #5 fills this in). */
export interface ActionPlanView {
  readonly summary: string;
  readonly stateText: string;
  readonly decidedBy: string | null;
  readonly decidedAtText: string | null;
}

export interface VersionView {
  readonly version: number;
  readonly value: number;
  readonly valueText: string;
  /** "Corrected from 79.2%" for a correction; null for the first figure. */
  readonly changeText: string | null;
  /** Who entered it; null when the viewer may not see names. */
  readonly enteredBy: string | null;
  readonly enteredAtText: string;
  readonly enteredAt: string;
  /** "Teams card", "Register import" … */
  readonly sourceText: string;
  readonly note: string;
  /** This version's flags and sign-off in words (#16): "estimate; unusual, confirmed by the owner; verified by Nadia Rahman"; null for none. */
  readonly flagsText?: string | null;
}

export interface IndicatorPageView {
  readonly viewer: ViewerView;
  readonly code: string;
  readonly title: string;
  readonly definition: string;
  readonly kindLabel: string;
  readonly unitLabel: string;
  readonly polarityLabel: string;
  readonly frequencyLabel: string;
  readonly aggregationLabel: string;
  readonly lensLabel: string;
  readonly directorate: string;
  readonly people: {
    readonly owner: string;
    readonly delegates: readonly string[];
    readonly verifier: string | null;
    readonly director: string | null;
  };
  readonly period: string;
  readonly periodLabel: string;
  readonly current: StatusFiguresView & {
    readonly toleranceText: string;
    /** Monthly indicators: the quarter holding the month so far, "Q2 2026/27" and its figure; else null. */
    readonly quarterToDate: { readonly label: string; readonly text: string | null } | null;
  };
  /** The last 24 periods of the indicator's frequency, oldest first, ending with `period`. */
  readonly trend: readonly TrendPointView[];
  /** The XmR chart of the indicator's history up to the shown period (#17); absent where not computed. */
  readonly xmr?: XmrChartView;
  readonly narratives: readonly NarrativeEntryView[];
  readonly commentary: readonly CommentaryView[];
  readonly actionPlan: ActionPlanView | null;
  readonly history: {
    /** Whether this viewer sees who entered each version (see the README's Scorecard tab roles). */
    readonly namesShown: boolean;
    /** Oldest first. */
    readonly versions: readonly VersionView[];
  };
}

export interface MyIndicatorRowView {
  readonly code: string;
  readonly title: string;
  readonly periodLabel: string | null;
  readonly valueText: string | null;
  readonly targetText: string | null;
  readonly status: Status;
  readonly statusLabel: string;
  readonly statusText: string;
  readonly trendText: string;
}

export interface OutstandingRowView {
  readonly code: string;
  readonly title: string;
  readonly periodLabel: string;
  readonly what: string;
}

export interface MyPageView {
  readonly viewer: ViewerView;
  /** The period open for entry now, if any: "October 2026". */
  readonly openPeriodLabel: string | null;
  readonly outstanding: readonly OutstandingRowView[];
  readonly indicators: readonly MyIndicatorRowView[];
}

/** A file of a quarterly report pack, downloaded through the tab's API (#15). */
export interface ReportFileView {
  readonly packId: string;
  readonly name: string;
  /** "Committee report (Word)". */
  readonly description: string;
  /** "182 KB". */
  readonly sizeText: string;
}

/** The latest pack of one edition for a quarter. */
export interface ReportEditionView {
  readonly edition: 'committee' | 'public';
  /** "Committee edition" or "Public edition". */
  readonly label: string;
  /** "For Cabinet and Overview & Scrutiny: names staff." / "For the council's website: no staff names, public indicators only." */
  readonly audienceText: string;
  /** "Generated 20 Oct 2026, 10:30". */
  readonly generatedText: string;
  readonly files: readonly ReportFileView[];
  /** How many earlier packs of this edition for the quarter were replaced by this one. */
  readonly earlierCount: number;
}

export interface ReportQuarterView {
  /** "2026/27 Q2". */
  readonly quarter: string;
  /** "Q2 2026/27 (Jul–Sep 2026)". */
  readonly quarterLabel: string;
  readonly editions: readonly ReportEditionView[];
}

/** The Reports page: each quarter's packs, newest quarter first. */
export interface ReportsPageView {
  readonly viewer: ViewerView;
  readonly quarters: readonly ReportQuarterView[];
  /** How the performance team makes a pack (the page itself only lists them). */
  readonly howToGenerate: string;
}

/**
 * The Data quality page (#16), for the performance team: the chosen period's measures (the
 * data-quality card's view model, every figure already in words) and the periods to choose from.
 */
export interface DataQualityPageView {
  readonly viewer: ViewerView;
  /** The period shown: "2026-07". */
  readonly period: string;
  /** Months newest first ("2026-07" / "July 2026"), the period shown among them. */
  readonly periods: readonly Option[];
  readonly quality: DataQualityCardView;
}
