/**
 * View model of the data-quality card (#16): the month's measures for the performance team, every
 * figure already in words and numbers formatted for UK readers, so the builder only lays them out.
 */

/** One row of the measures: the register, a directorate or an owner. */
export interface QualityRowView {
  /** "All indicators", "Place", "Tom Hargreaves" */
  readonly name: string;
  /** "3 of 4 (75.0%)": figures in by the deadline of those expected; "none expected" when 0. */
  readonly completenessText: string;
  /** Completeness as a number 0..100 for the colour (null when none expected). */
  readonly completenessPercent: number | null;
  /** "2 late: 4.0 days on average, 6 at most"; "none late". */
  readonly timelinessText: string;
  /** "1 missing"; "none missing". */
  readonly missingText: string;
  readonly correctionsAfterClose: number;
  readonly queriesRaised: number;
  readonly estimatesOutstanding: number;
}

export interface DataQualityCardView {
  /** Canonical period key: "2026-07". */
  readonly period: string;
  /** "July 2026" */
  readonly periodLabel: string;
  /** "Deadline Thursday 20 August 2026, 17:00; closed 28 August 2026" or "No reporting window: history loaded from a file". */
  readonly windowText: string;
  readonly overall: QualityRowView;
  /** In name order. */
  readonly byDirectorate: readonly QualityRowView[];
  /** Owners with anything to act on (late, missing, corrections after close, queries or estimates), worst completeness first. */
  readonly ownersToFollowUp: readonly QualityRowView[];
  /** How many owners are not listed because everything of theirs was in on time and clean. */
  readonly ownersAllClean: number;
  /** A link to the tab's Data quality page (deep link), or null when the tab's app id is not set. */
  readonly tabUrl: string | null;
}
