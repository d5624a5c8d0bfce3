/**
 * What the rest of the product asks of the quarterly report packs (#15): generate one (from the
 * figures held now, as at the quarter's end), list those generated, and fetch a file of one. The CLI,
 * the admin chat command, the Scorecard tab's Reports page and the Board's "pack ready" card all go
 * through this, so a pack is generated and stored in one way.
 */
import type { QuarterPeriod } from '../../domain/periods';
import type { ReportEdition } from './quarter-report-model';

export interface ReportPackFileSummary {
  readonly name: string;
  readonly mediaType: string;
  readonly description: string;
  readonly sizeBytes: number;
}

export interface ReportPackSummary {
  readonly id: string;
  /** "2026/27 Q2". */
  readonly quarter: string;
  /** "Q2 2026/27 (Jul–Sep 2026)". */
  readonly quarterLabel: string;
  readonly edition: ReportEdition;
  /** ISO timestamp. */
  readonly generatedAt: string;
  /** Person id of whoever asked for it; null from the command line. */
  readonly generatedById: string | null;
  readonly files: readonly ReportPackFileSummary[];
}

export interface ReportPackFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export interface ReportPacks {
  /** Builds the model, renders the edition's files and stores them as one pack (all or nothing). */
  generate(quarter: QuarterPeriod, edition: ReportEdition, generatedById: string | null): Promise<ReportPackSummary>;
  /** Every pack, newest quarter first, then newest generated first. */
  list(): Promise<ReportPackSummary[]>;
  file(packId: string, fileName: string): Promise<ReportPackFile | null>;
}
