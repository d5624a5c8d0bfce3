/**
 * Data-quality measures for one reporting period (#16): are the figures accurate, complete and on
 * time, as the frameworks ask. Counted per directorate and per owner, and for the whole register:
 *
 *   - expected: figures due for the period (active indicators of its frequency);
 *   - on time: figures whose first version was in by the deadline (completeness = on time / expected);
 *   - late: figures first entered after the deadline, with the average and the longest number of
 *     days after it (whole days, rounded up: an hour late is a day late);
 *   - missing: figures not in at all;
 *   - corrections after close: versions after the first entered once the period had closed;
 *   - queries raised: the verifier's queries on any version of the period's figures;
 *   - estimates outstanding: figures whose current version is an estimate.
 *
 * A figure whose period has no deadline (history loaded without a reporting window) is counted as
 * on time when it is in: there was nothing to be late for.
 */

export interface FigureRecord {
  readonly indicatorId: string;
  readonly directorate: string;
  readonly owner: string;
  /** When its first version was entered; null when there is none. */
  readonly firstEnteredAt: Date | null;
  /** When each later version (2, 3 ...) was entered. */
  readonly correctedAt: readonly Date[];
  readonly currentEstimated: boolean;
  readonly queries: number;
  /** The deadline its figure was due by (a lagged figure's is its collecting month's); null for none. */
  readonly deadline: Date | null;
  /** When its period closed for entry; null while open. */
  readonly closedAt: Date | null;
}

export interface QualityCounts {
  readonly expected: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  /** on time / expected, as a percentage to one decimal place; null when nothing was expected. */
  readonly completenessPercent: number | null;
  /** Of the late figures: the average and the most days after the deadline; null when none was late. */
  readonly averageDaysLate: number | null;
  readonly mostDaysLate: number | null;
  readonly correctionsAfterClose: number;
  readonly queriesRaised: number;
  readonly estimatesOutstanding: number;
}

export interface DataQuality {
  readonly overall: QualityCounts;
  /** By directorate name, in name order. */
  readonly byDirectorate: ReadonlyMap<string, QualityCounts>;
  /** By owner, in name order. */
  readonly byOwner: ReadonlyMap<string, QualityCounts>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function dataQuality(figures: readonly FigureRecord[]): DataQuality {
  const group = (key: (f: FigureRecord) => string) => {
    const groups = new Map<string, FigureRecord[]>();
    for (const figure of figures) {
      const list = groups.get(key(figure)) ?? [];
      list.push(figure);
      groups.set(key(figure), list);
    }
    return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en-GB')).map(([name, list]) => [name, counts(list)]));
  };
  return { overall: counts(figures), byDirectorate: group((f) => f.directorate), byOwner: group((f) => f.owner) };
}

/** Whole days after the deadline, rounded up; 0 when in by it. */
export function daysLate(enteredAt: Date, deadline: Date): number {
  return Math.max(0, Math.ceil((enteredAt.getTime() - deadline.getTime()) / DAY_MS));
}

function counts(figures: readonly FigureRecord[]): QualityCounts {
  const lateBy = figures
    .filter((f) => f.firstEnteredAt !== null && f.deadline !== null && f.firstEnteredAt.getTime() > f.deadline.getTime())
    .map((f) => daysLate(f.firstEnteredAt!, f.deadline!));
  const missing = figures.filter((f) => f.firstEnteredAt === null).length;
  const onTime = figures.length - missing - lateBy.length;
  return {
    expected: figures.length,
    onTime,
    late: lateBy.length,
    missing,
    completenessPercent: figures.length === 0 ? null : Math.round((onTime / figures.length) * 1000) / 10,
    averageDaysLate: lateBy.length === 0 ? null : Math.round((lateBy.reduce((a, b) => a + b, 0) / lateBy.length) * 10) / 10,
    mostDaysLate: lateBy.length === 0 ? null : Math.max(...lateBy),
    correctionsAfterClose: figures.reduce((n, f) => n + (f.closedAt ? f.correctedAt.filter((at) => at.getTime() > f.closedAt!.getTime()).length : 0), 0),
    queriesRaised: figures.reduce((n, f) => n + f.queries, 0),
    estimatesOutstanding: figures.filter((f) => f.currentEstimated).length,
  };
}
