/**
 * What each card shows, decided by the use cases and already formatted for people (UK dates and
 * numbers, labels). Card builders only lay these out; they never compute a status or format a
 * number themselves.
 */
import type { Status, Travel } from '../domain/types';
import type { LikelyToRecover } from './card-contract';

export type Tone = 'good' | 'warning' | 'attention' | 'default';

/** A message across the top of a card: "Saved 3 values", "Nothing was stored: fix 2 values". */
export interface Banner {
  readonly tone: Tone;
  readonly text: string;
}

export interface NarrativeView {
  /** True when the value is red or amber and the narrative is still owed. */
  readonly required: boolean;
  readonly remedialAction: string;
  readonly likelyToRecover: LikelyToRecover | null;
  /** Free text as typed, e.g. "2027-01" or "by January". */
  readonly recoveryPeriod: string;
  /** Who gave it and when, once stored: "Gareth Lewis, 4 Nov 2026 10:12". */
  readonly givenBy: string | null;
  readonly error: string | null;
}

export interface EntryRowView {
  readonly indicatorId: string;
  readonly code: string;
  readonly title: string;
  /** "days", "%", "£", "minutes", "number" ... */
  readonly unitLabel: string;
  /** "Target 20.0 days (lower is better)"; null for data only. */
  readonly targetText: string | null;
  /** "Last: 21.9 days (Sep 2026)"; null when there is none. */
  readonly lastValueText: string | null;
  readonly trend: Travel;
  /** Client-side limits for Input.Number (the server checks again). */
  readonly min: number | null;
  readonly max: number | null;
  /** What the value input shows: the current value, or the text of a refused submission. */
  readonly inputValue: string;
  readonly note: string;
  /** What the estimate toggle shows: the stored figure's flag, or what was sent with a refused submission. */
  readonly estimated: boolean;
  /**
   * A figure unusual for the indicator, asked about before anything is stored (#16): one sentence
   * per reason, and the figure that "This figure is right" confirms.
   */
  readonly unusual: { readonly questions: readonly string[]; readonly confirmValue: string } | null;
  /** Once a value is stored for the period. */
  readonly saved: {
    readonly valueText: string; // "22.4 days"
    readonly status: Status;
    readonly statusText: string; // "Amber: within tolerance"
    readonly byText: string; // "Gareth Lewis, 4 Nov 2026 10:12"
    readonly version: number;
    /** An estimate, to be replaced by the actual figure. */
    readonly estimated: boolean;
    /** Unusual for the indicator, and confirmed by whoever entered it. */
    readonly unusualConfirmed: boolean;
  } | null;
  /** Shown for red and amber values. */
  readonly narrative: NarrativeView | null;
  /** The reason this row's value was refused, shown in place under the input. */
  readonly error: string | null;
}

export interface EntryCardView {
  readonly period: string; // "2026-10"
  readonly periodLabel: string; // "October 2026"
  readonly personName: string; // whose card: "Gareth Lewis"
  /** "Due by Friday 20 November 2026, 17:00"; null if no deadline is set. */
  readonly deadlineText: string | null;
  /** OPEN: inputs and Submit. CLOSED: read-only, saying the period is closed. */
  readonly state: 'OPEN' | 'CLOSED';
  readonly rows: readonly EntryRowView[];
  readonly banner: Banner | null;
  /** Teams user ids (29:...) for Universal Actions' user-specific refresh; empty for none. */
  readonly refreshUserIds: readonly string[];
  /** The performance team's correction card: the one indicator it corrects (its actions carry it). */
  readonly correctionOf?: string | null;
}

export interface IndicatorSummaryView {
  readonly code: string;
  readonly title: string;
  readonly latestValueText: string | null; // "22.4 days"
  readonly latestPeriodLabel: string | null; // "Oct 2026"
  readonly status: Status;
  readonly statusText: string;
  readonly trend: Travel;
  readonly targetText: string | null;
}

export interface MyIndicatorsView {
  readonly personName: string;
  readonly indicators: readonly IndicatorSummaryView[];
}

export interface OutstandingItemView {
  readonly code: string;
  readonly title: string;
  readonly periodLabel: string;
  /** "Value due by 20 Nov 2026", "Narrative needed: red", "Missing since 21 Oct 2026". */
  readonly what: string;
  readonly tone: Tone;
}

export interface OutstandingView {
  readonly personName: string;
  readonly periodLabel: string | null; // the open period, if any
  readonly items: readonly OutstandingItemView[];
}

export interface HelpCommandView {
  readonly command: string; // "my indicators"
  readonly description: string;
}

export interface HelpView {
  /** "Hello Gareth": null when the person is unknown. */
  readonly greeting: string | null;
  readonly commands: readonly HelpCommandView[];
  /** A line under the list, e.g. "You typed \"hepl\", which is not a command." */
  readonly note: string | null;
}

export interface NotRegisteredView {
  readonly userName: string | null;
  /** Who to contact: "the Performance Team (performance@fenmarsh.gov.uk)". */
  readonly contact: string;
}
