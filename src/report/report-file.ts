/**
 * One file of a quarterly report pack, as every renderer returns it and as the pack is stored and
 * downloaded (#15). Renderers are pure functions of the report model (quarter-report-model.ts):
 * `(model) => ReportFile` (or a promise of one), with no database, clock or file system.
 */
export interface ReportFile {
  /** The file's name when downloaded: "performance-report-2026-27-q2-committee.docx". */
  readonly name: string;
  /** "application/vnd.openxmlformats-officedocument.wordprocessingml.document" … */
  readonly mediaType: string;
  /** What a reader sees beside the link: "Committee report (Word)". */
  readonly description: string;
  readonly bytes: Uint8Array;
}

/** "2026/27 Q2" → "2026-27-q2", for file names. */
export function quarterSlug(quarterKey: string): string {
  return quarterKey.replace('/', '-').replace(/\s+/g, '-').toLowerCase();
}
