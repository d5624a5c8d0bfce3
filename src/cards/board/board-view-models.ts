/**
 * What the Performance Board's cards show, decided by the Board's use cases and already formatted
 * for people. The builders in this folder only lay these out (and, for the digest, summarise to
 * stay under Teams' size limit); they never compute a status or format a number.
 */
import type { Status, Travel } from '../../domain/types';
import type { LikelyToRecover } from '../card-contract';
import type { Banner } from '../view-models';

/** Where a red (or asked-for amber) indicator's action plan stands. */
export type PlanState = 'NONE' | 'REQUESTED' | 'SUBMITTED' | 'APPROVED' | 'SENT_BACK';

export interface StatusCountsView {
  readonly green: number;
  readonly amber: number;
  readonly red: number;
  readonly dataOnly: number;
  readonly missing: number;
  /** Not yet rated: the period is still open and the value has not come in. */
  readonly due: number;
  /** Held back until the verifier signs the figure off (UNVERIFIED_FIGURES=awaiting-verification, #16). */
  readonly awaiting: number;
}

/** One row of the counts table: a scorecard lens ("Our Customers") or a directorate. */
export interface DigestGroupView {
  readonly name: string;
  readonly counts: StatusCountsView;
}

/** A red or amber indicator in the digest. */
export interface DigestAttentionView {
  readonly code: string;
  readonly title: string;
  readonly status: Extract<Status, 'RED' | 'AMBER'>;
  readonly owner: string;
  /** "24.6 days against 20.0 days" */
  readonly valueAgainstTarget: string;
  readonly trend: Travel;
  /** What the trend compared with: "3 days worse than Sep 2026", "1.2 points behind October last year". */
  readonly comparisonText: string;
  /**
   * "3rd month running; was Amber in Sep 2026": how long its exception has run (from the second
   * period) and a change of status; null when neither applies.
   */
  readonly changeText: string | null;
  /** Null for ambers nobody has asked a plan for. */
  readonly planState: PlanState | null;
  /** A red or amber figure still without its narrative after the deadline: marked "narrative owed". */
  readonly narrativeOwed?: boolean;
  /** A figure its named verifier has not yet verified (#16): marked "not yet verified". */
  readonly unverified?: boolean;
  /** A figure its owner marked as an estimate (#16): marked "estimate". */
  readonly estimated?: boolean;
}

/**
 * One indicator's quarter and year-to-date figures in a quarter-end digest, each by its aggregation
 * against the target for the same span: "18 days against 20 days".
 */
export interface DigestQuarterFigureView {
  readonly code: string;
  readonly title: string;
  readonly quarterText: string | null;
  readonly yearToDateText: string | null;
}

/** The quarter-end section of the digest (June, September, December, March); null in other months. */
export interface DigestQuarterView {
  /** "Q2 2026/27" */
  readonly quarterLabel: string;
  readonly figures: readonly DigestQuarterFigureView[];
}

/**
 * A celebrated success: a green indicator that improved by the rule fitting its aggregation (a
 * cumulative one against the same point last year), the ones that moved most first.
 */
export interface DigestImprovementView {
  readonly code: string;
  readonly title: string;
  readonly owner: string;
  /** "Red to Green", or "Green, improving". */
  readonly statusChange: string;
  /** "24.6 days to 18.1 days (Sep to Oct 2026)" */
  readonly movement: string;
}

export interface DigestMissingView {
  readonly code: string;
  readonly title: string;
  readonly owner: string;
  /** The period key it is missing for, when it is not the digest's month (a quarter, a year). */
  readonly periodLabel: string;
}

export interface OverdueActionView {
  readonly code: string;
  readonly description: string;
  readonly lead: string;
  /** "due 14 Nov 2026, 9 days overdue" */
  readonly dueText: string;
}

export interface DigestCardView {
  readonly period: string; // "2026-10"
  readonly periodLabel: string; // "October 2026"
  /** The periods the counts cover: "October 2026 and Q2 2026/27". */
  readonly coverageText: string;
  /** "Verified 17 of 19 figures with a verifier" (#16); null when no figure has a verifier. */
  readonly verificationText?: string | null;
  readonly previousPeriodLabel: string | null; // "September 2026"
  readonly totals: StatusCountsView;
  /** The same counts for the previous period, for "change against last period"; null when none. */
  readonly previousTotals: StatusCountsView | null;
  readonly byLens: readonly DigestGroupView[];
  readonly byDirectorate: readonly DigestGroupView[];
  /** Reds first, then ambers, each by code. */
  readonly attention: readonly DigestAttentionView[];
  readonly improvements: readonly DigestImprovementView[];
  readonly quarter: DigestQuarterView | null;
  readonly missing: readonly DigestMissingView[];
  readonly overdueActions: readonly OverdueActionView[];
  /** Exceptions whose promised recovery month has passed while still red or amber. */
  readonly recoveryOverdue: readonly DigestRecoveryOverdueView[];
  /** New special causes this period (#17, statistical process control beside RAG); absent before #17's snapshot. */
  readonly signals?: DigestSignalsView;
  /** "Posted 23 Nov 2026 09:00. Values corrected after this show in the Scorecard tab." */
  readonly footnote: string;
}

/** The digest's "signals" section: special causes new this period, so the Board reacts to signals, not noise. */
export interface DigestSignalsView {
  readonly concern: readonly DigestSignalView[];
  readonly improvement: readonly DigestSignalView[];
  /** Special causes already signalled before this period and still going on, by code: "CUS04 (concern)". */
  readonly continuing: readonly string[];
  /** How many indicators had enough history to be analysed: "18 of 20 indicators analysed". */
  readonly analysedText: string;
}

export interface DigestSignalView {
  readonly code: string;
  readonly title: string;
  /** The RAG beside it, in words: "Red", "Green". */
  readonly statusLabel: string;
  /** "Special cause of concern: 7 points in a row below the average". */
  readonly text: string;
}

/** One point of the last 12 periods' trend in a thread message. */
export interface ThreadTrendPoint {
  /** "Nov 25", "Q3 25/26" */
  readonly label: string;
  readonly value: number | null;
  /** "21.9 days", or "no value" */
  readonly valueText: string;
}

/** The owner's narrative given with the value on the entry card. */
export interface ThreadNarrativeView {
  readonly remedialAction: string;
  /** "Yes", "No", "Not sure" */
  readonly likelyToRecoverText: string;
  readonly recoveryPeriod: string;
  /** "Gareth Lewis, 4 Nov 2026 10:12" */
  readonly givenBy: string;
}

/** The message that starts an indicator's thread in the Board channel. */
export interface ThreadCardView {
  readonly indicatorId: string;
  readonly period: string;
  readonly periodLabel: string;
  readonly code: string;
  readonly title: string;
  readonly status: Extract<Status, 'RED' | 'AMBER'>;
  /** "Red: 24.6 days is 23% worse than target" */
  readonly statusText: string;
  /** Whether the figure is a signal or within normal variation (#17); null or absent where not analysed. */
  readonly variationText?: string | null;
  readonly valueText: string;
  readonly targetText: string;
  /** "Amber within 10% of target" */
  readonly toleranceText: string;
  readonly trend: Travel;
  /** Oldest first, up to 12 points, ending with this period. */
  readonly history: readonly ThreadTrendPoint[];
  readonly narrative: ThreadNarrativeView | null;
  /** Mentioned by name; with a Teams user id (29:...) the name is a real @mention. */
  readonly owner: { readonly name: string; readonly teamsUserId: string | null };
  readonly planState: PlanState | null;
  /** Amber without a plan: offers the director or the performance team "Ask for an action plan". */
  readonly canRequestPlan: boolean;
}

/** One action of a plan as the owner edits it: inputs keep what was typed when the card comes back with errors. */
export interface PlanActionInputView {
  /** A person's id from `leadChoices`, or '' when not chosen. */
  readonly lead: string;
  /** yyyy-mm-dd, or '' */
  readonly due: string;
  readonly description: string;
  /** Why this action was refused, shown under it. */
  readonly error: string | null;
}

export interface PlanActionView {
  readonly lead: string;
  /** "14 Dec 2026" */
  readonly dueText: string;
  readonly description: string;
  /** "Done 2 Dec 2026", "Overdue", or null. */
  readonly progressText: string | null;
}

export interface ChoiceView {
  readonly title: string;
  readonly value: string;
}

/** The owner's action plan card: a form while DRAFT or SENT_BACK, read-only once submitted or approved. */
export interface PlanCardView {
  readonly indicatorId: string;
  readonly period: string;
  readonly periodLabel: string;
  readonly code: string;
  readonly title: string;
  /** "Red: 24.6 days against a target of 20.0 days" */
  readonly statusText: string;
  readonly status: Extract<Status, 'RED' | 'AMBER'>;
  readonly state: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'SENT_BACK';
  /** The version on show (1, 2 ...); null for a plan not yet submitted. */
  readonly version: number | null;
  readonly directorName: string | null;
  /** While SENT_BACK: who sent it back, when, and why. */
  readonly sentBack: { readonly byText: string; readonly comment: string } | null;
  /** While APPROVED: "Sarah Jones, 25 Nov 2026 14:03". */
  readonly approvedByText: string | null;
  /** The form's inputs (DRAFT, SENT_BACK): filled rows then empty ones, up to the maximum. */
  readonly actionInputs: readonly PlanActionInputView[];
  /** What was submitted (SUBMITTED, APPROVED). */
  readonly actions: readonly PlanActionView[];
  readonly leadChoices: readonly ChoiceView[];
  readonly recoveryChoices: readonly ChoiceView[];
  /** A period key from recoveryChoices, or ''. */
  readonly expectedRecovery: string;
  readonly expectedRecoveryText: string | null;
  readonly likelySufficient: LikelyToRecover | null;
  readonly errors: { readonly expectedRecovery: string | null; readonly likelySufficient: string | null };
  readonly banner: Banner | null;
}

/** The approval card: sent to the director, and posted in the indicator's thread for the Board. */
export interface ApprovalCardView {
  readonly planId: string;
  readonly version: number;
  readonly indicatorId: string;
  readonly period: string;
  readonly periodLabel: string;
  readonly code: string;
  readonly title: string;
  readonly statusText: string;
  readonly ownerName: string;
  readonly directorName: string;
  /** "Gareth Lewis, 24 Nov 2026 10:12" */
  readonly submittedText: string;
  readonly actions: readonly PlanActionView[];
  readonly expectedRecoveryText: string;
  /** "Yes", "No", "Not sure" */
  readonly likelySufficientText: string;
  /** SUPERSEDED: a later version was submitted; this one can no longer be decided. */
  readonly state: 'SUBMITTED' | 'APPROVED' | 'SENT_BACK' | 'SUPERSEDED';
  readonly decision: { readonly byText: string; readonly comment: string } | null;
  /** The user-specific view for the director (or an admin): Approve and Send back with a comment. */
  readonly canDecide: boolean;
  /** What the comment input showed when a send back was refused for want of a comment. */
  readonly comment: string;
  readonly commentError: string | null;
  /** A note at the top, e.g. why this viewer cannot decide. */
  readonly banner: Banner | null;
  /** Teams user ids (29:...) who get the deciding view on refresh: the director and the admins. */
  readonly refreshUserIds: readonly string[];
}

/** The card an action's lead gets when the action is overdue. */
export interface OverdueReminderView {
  readonly actionId: string;
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly dueText: string;
  readonly ownerName: string;
  /** "Done 2 Dec 2026 by Gareth Lewis" once marked done; null while open. */
  readonly doneText: string | null;
  readonly banner: Banner | null;
}

/** The month's update posted into a continuing exception's thread. */
export interface ThreadUpdateView {
  readonly exceptionId: string;
  readonly code: string;
  readonly title: string;
  readonly periodLabel: string;
  readonly status: Extract<Status, 'RED' | 'AMBER'>;
  /** "Red: 24.6 days against a target of 20.0 days" */
  readonly statusText: string;
  /** Whether the figure is a signal or within normal variation (#17); null or absent where not analysed. */
  readonly variationText?: string | null;
  readonly trend: Travel;
  /** "Red for the 3rd month running (since September 2026); was Amber in October." */
  readonly changeText: string;
  readonly planState: PlanState | null;
  /** "Expected to recover by December 2026", "Recovery was expected by October 2026: overdue". */
  readonly recoveryText: string | null;
  readonly recoveryOverdue: boolean;
}

/** The last message in an exception's thread: the indicator is back on target. */
export interface ThreadClosingView {
  readonly code: string;
  readonly title: string;
  readonly periodLabel: string;
  /** "Green: 18.1 days against a target of 20.0 days" */
  readonly statusText: string;
  /** "Red or amber for 3 months, September to November 2026." */
  readonly spanText: string;
  /** "The action plan is marked achieved." or null when there was none. */
  readonly planText: string | null;
}

/** The director's card when a plan's recovery month has passed and the figure is still red or amber. */
export interface RecoveryCheckView {
  readonly exceptionId: string;
  readonly planId: string;
  readonly version: number;
  readonly code: string;
  readonly title: string;
  readonly periodLabel: string;
  readonly status: Extract<Status, 'RED' | 'AMBER'>;
  readonly statusText: string;
  /** "October 2026" */
  readonly expectedRecoveryLabel: string;
  readonly ownerName: string;
  /** Periods a new recovery date may be (for "accept a new date"). */
  readonly recoveryChoices: readonly ChoiceView[];
  readonly typedNewDate: string | null;
  readonly newDateError: string | null;
  /** Set once decided: "Nadia Hussain accepted a new date: January 2027." */
  readonly decisionText: string | null;
  readonly banner: Banner | null;
}

/** A digest line under "Recovery overdue". */
export interface DigestRecoveryOverdueView {
  readonly code: string;
  readonly title: string;
  readonly owner: string;
  /** "expected by October 2026, still Red in November 2026" */
  readonly text: string;
}
