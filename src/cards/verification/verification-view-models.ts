/**
 * View models of the verification cards (#16): everything formatted for UK readers and decided by
 * the app layer, so the builders only lay things out.
 */
import type { Banner } from '../view-models';
import type { Status } from '../../domain/types';

/** Where one figure stands with its verifier. */
export type VerificationStateView = 'AWAITING' | 'VERIFIED' | 'QUERIED';

export interface VerifyRowView {
  readonly indicatorId: string;
  readonly code: string;
  readonly title: string;
  /** The value version the row shows (sent back with a decision). */
  readonly version: number;
  /** "95.0 days" */
  readonly valueText: string;
  /** "(estimate; unusual, confirmed by the owner)": the value's flags in words, or null for none. */
  readonly flagsText: string | null;
  readonly status: Status;
  /** "Red: outside tolerance" */
  readonly statusText: string;
  /** "Last: 21.9 days (Sep 2026)"; null when there is none. */
  readonly lastValueText: string | null;
  /** "Target 20.0 days (lower is better)"; null for data only. */
  readonly targetText: string | null;
  /** "Entered by Gareth Lewis, 4 Nov 2026 10:12" (with "corrected, version 2" when version > 1). */
  readonly enteredText: string;
  readonly state: VerificationStateView;
  /** For VERIFIED: "Verified by Priya Shah, 5 Nov 2026 09:00"; for QUERIED: "Queried by Priya Shah, 5 Nov 2026 09:00: <comment>"; for AWAITING after an answered query: "Queried earlier: <comment>. Gareth Lewis replied: <reply>"; else null. */
  readonly stateText: string | null;
  /** What was chosen on a refused submission, kept in place. */
  readonly chosen: 'VERIFY' | 'QUERY' | null;
  readonly comment: string;
  /** Why this row's decision was refused, shown in place. */
  readonly error: string | null;
}

export interface VerifyCardView {
  /** Canonical period key: "2026-10". */
  readonly period: string;
  /** "October 2026" */
  readonly periodLabel: string;
  /** The verifier's name. */
  readonly personName: string;
  /** "Verified 1 of 3" */
  readonly progressText: string;
  readonly rows: readonly VerifyRowView[];
  readonly banner: Banner | null;
  /** Teams user ids for Universal Actions' user-specific refresh; empty for none. */
  readonly refreshUserIds: readonly string[];
}

/** The card in the owner's chat when their figure is queried. */
export interface QueryCardView {
  /** The queried version's id (the card's actions carry it). */
  readonly valueId: string;
  readonly code: string;
  readonly title: string;
  /** "October 2026" */
  readonly periodLabel: string;
  /** "95.0 days" */
  readonly valueText: string;
  readonly verifierName: string;
  readonly comment: string;
  /** "5 Nov 2026 09:00" */
  readonly queriedAtText: string;
  /** OPEN: the owner can still answer. ANSWERED: they confirmed it. CORRECTED: a newer version exists. */
  readonly state: 'OPEN' | 'ANSWERED' | 'CORRECTED';
  /** For ANSWERED: "You confirmed the figure on 5 Nov 2026 10:00: <reply>"; for CORRECTED: "Corrected to 59.0 days (version 3); Priya Shah will verify it." */
  readonly stateText: string | null;
  readonly banner: Banner | null;
}
