/**
 * A few answers computed from the register, each kept while the register's revision is unchanged
 * (see RegisterRevisionRepository) and until the instant when the passing of time alone could
 * change it (a deadline passing, a window opening or closing, a new day). Asking costs one small
 * query for the revision; the Scorecard tab's 1,000 rows are computed once per change, not per
 * reader. The oldest entry goes when it is full.
 */
export class RevisionCache<T> {
  private readonly entries = new Map<string, { readonly revision: string; readonly validUntil: number; readonly value: T }>();

  constructor(private readonly capacity = 8) {}

  get(key: string, revision: string, now: Date): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision || now.getTime() >= entry.validUntil) return undefined;
    return entry.value;
  }

  set(key: string, revision: string, validUntil: Date, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { revision, validUntil: validUntil.getTime(), value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * The first instant after `now` at which an answer that depends on these windows and the date could
 * change with no change to the data: a window's opening, deadline or closing, or the next whole hour
 * (days, and the implied deadlines of months never opened, turn over on hours).
 */
export function nextChangeOfTime(windows: readonly { openedAt: Date | null; deadline: Date | null; closedAt: Date | null }[], now: Date): Date {
  const nextHour = Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000;
  const instants = windows
    .flatMap((w) => [w.openedAt, w.deadline, w.closedAt])
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime());
  return new Date(Math.min(nextHour, ...instants));
}
