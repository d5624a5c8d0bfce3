/**
 * The import's progress on the terminal, for files big enough to keep a person waiting: one line
 * rewritten in place on a terminal ("Writing values 24,000 / 60,000"), or an occasional plain line
 * when the output goes to a file or a CI log, where carriage returns would pile up. Small files
 * (under SHOW_FROM_ROWS rows) import in a moment and show nothing. It writes to stderr, so the
 * command's report on stdout stays clean for anyone reading it with a script.
 */
import type { ImportProgress } from '../app/import-register';

/** Where the line goes: process.stderr, or a stand-in in tests. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  /** A dry run writes and rolls back: its line says so. */
  readonly dryRun?: boolean;
  /** Files with fewer rows show no progress. */
  readonly showFromRows?: number;
  /** Milliseconds, for pacing; performance.now unless a test gives its own. */
  readonly now?: () => number;
}

export const SHOW_FROM_ROWS = 2_000;
/** A terminal's line is rewritten at most this often (a batch can take less). */
const TTY_EVERY_MS = 100;
/** Without a terminal, a line within a step at most this often. */
const PLAIN_EVERY_MS = 5_000;
/** Files this big take a second or more to read: say so before reading them. */
export const SAY_READING_FROM_BYTES = 512 * 1024;

const number = (n: number): string => n.toLocaleString('en-GB');

export class ImportProgressLine {
  private shown = false;
  private lineOpen = false;
  private lastStep = '';
  private lastAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(
    private readonly out: ProgressOutput,
    private readonly options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Before the file is read, which for a big workbook takes a while of its own. */
  reading(fileName: string, bytes: number): void {
    if (bytes < SAY_READING_FROM_BYTES) return;
    this.show('reading', `Reading ${fileName} (${(bytes / 1024 / 1024).toFixed(1)} MB)…`, true);
  }

  report(progress: ImportProgress): void {
    if (progress.step === 'checking') {
      this.shown = progress.rows >= (this.options.showFromRows ?? SHOW_FROM_ROWS);
      if (this.shown) this.show('checking', `Checking ${number(progress.rows)} rows…`, true);
      return;
    }
    if (!this.shown) return;
    const verb = this.options.dryRun ? 'Trying (dry run)' : 'Writing';
    const finished = progress.done === progress.total;
    this.show(progress.what, `${verb} ${progress.what} ${number(progress.done)} / ${number(progress.total)}`, finished);
  }

  /** Ends the line on a terminal, so that what the command prints next starts at the left. */
  finish(): void {
    if (this.lineOpen) this.out.write('\r\x1b[K');
    this.lineOpen = false;
  }

  /** `important` lines (a step's first and last) are shown whatever the pace. */
  private show(step: string, text: string, important: boolean): void {
    const now = this.now();
    const due = now - this.lastAt >= (this.out.isTTY ? TTY_EVERY_MS : PLAIN_EVERY_MS);
    if (step === this.lastStep && !important && !due) return;
    this.lastStep = step;
    this.lastAt = now;
    if (this.out.isTTY) {
      this.out.write(`\r${text}\x1b[K`);
      this.lineOpen = true;
    } else {
      this.out.write(`${text}\n`);
    }
  }
}
