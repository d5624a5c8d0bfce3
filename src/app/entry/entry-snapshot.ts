/**
 * Everything an entry card shows for one person and period, read in one go: the indicators they
 * own or cover, each one's status now and last period, this period's value versions and narratives,
 * and who entered them.
 */
import type { Store } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { ValueVersion } from '../../db/repositories/value-repository';
import type { NarrativeRecord } from '../../db/repositories/narrative-repository';
import type { ReportingPeriodRecord } from '../../db/repositories/period-repository';
import type { Tolerance } from '../../domain/types';
import { frequencyOfPeriod, periodKey, previousPeriod, type Period } from '../../domain/periods';
import { registerStatus, type IndicatorStatus } from '../register-status';

export interface EntryRowSnapshot {
  readonly indicator: IndicatorRecord;
  readonly current: IndicatorStatus;
  readonly previous: IndicatorStatus | null;
  /** This period's versions, oldest first. */
  readonly versions: readonly ValueVersion[];
  /** The latest narrative given for any version of this period's value. */
  readonly narrative: NarrativeRecord | null;
}

export interface EntrySnapshot {
  readonly period: Period;
  /** The person's own indicators, or the performance team's correction of named ones. */
  readonly scope: 'own' | 'correction';
  readonly window: ReportingPeriodRecord | null;
  readonly isOpen: boolean;
  readonly rows: readonly EntryRowSnapshot[];
  readonly names: ReadonlyMap<string, string>;
}

/** Whose card: the person's own indicators, or (a correction) exactly these indicators. */
export interface EntryScope {
  readonly personId: string;
  readonly indicatorIds?: readonly string[];
}

export async function loadEntrySnapshot(
  store: Store,
  scope: EntryScope,
  period: Period,
  now: Date,
  defaultTolerance: Tolerance,
): Promise<EntrySnapshot> {
  const frequency = frequencyOfPeriod(period);
  const candidates = scope.indicatorIds
    ? await store.repos.indicators.findByIds([...scope.indicatorIds])
    : await store.repos.indicators.ownedOrDelegatedTo(scope.personId);
  const indicators = candidates.filter((i) => i.frequency === frequency && i.active);
  const ids = indicators.map((i) => i.id);
  const [window, current, previous, versions] = await Promise.all([
    store.repos.periods.find(periodKey(period)),
    registerStatus(store, { period, now, defaultTolerance, indicatorIds: ids }),
    registerStatus(store, { period: previousPeriod(period), now, defaultTolerance, indicatorIds: ids }),
    store.repos.values.versionsForPeriod(ids, periodKey(period)),
  ]);
  const narratives = await store.repos.narratives.latestFor(versions.map((v) => v.id));
  const personIds = new Set<string>([
    ...versions.flatMap((v) => (v.enteredById ? [v.enteredById] : [])),
    ...[...narratives.values()].map((n) => n.enteredById),
  ]);
  const names = new Map<string, string>();
  for (const id of personIds) {
    const person = await store.repos.people.findById(id);
    if (person) names.set(id, person.displayName);
  }
  const isOpen = isOpenAt(window, now);
  return {
    period,
    scope: scope.indicatorIds ? 'correction' : 'own',
    window,
    isOpen,
    names,
    rows: indicators.map((indicator) => {
      const own = versions.filter((v) => v.indicatorId === indicator.id);
      const narrative = own
        .map((v) => narratives.get(v.id))
        .filter((n): n is NarrativeRecord => n !== undefined)
        .sort((a, b) => b.enteredAt.getTime() - a.enteredAt.getTime())[0] ?? null;
      return {
        indicator,
        current: current.find((s) => s.indicator.id === indicator.id)!,
        previous: previous.find((s) => s.indicator.id === indicator.id) ?? null,
        versions: own,
        narrative,
      };
    }),
  };
}

export function isOpenAt(window: ReportingPeriodRecord | null, now: Date): boolean {
  if (!window?.openedAt || window.openedAt.getTime() > now.getTime()) return false;
  return !window.closedAt || window.closedAt.getTime() > now.getTime();
}
