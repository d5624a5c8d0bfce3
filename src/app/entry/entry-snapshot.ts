/**
 * Everything an entry card shows for one person and period, read in one statement: the indicators
 * they own or cover, each one's status now and last period (with the period's current value), its
 * latest narrative, and who entered them.
 */
import type { Store } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { ValueVersion } from '../../db/repositories/value-repository';
import type { RegisterState } from '../../db/repositories/register-state-repository';
import type { NarrativeRecord } from '../../db/repositories/narrative-repository';
import type { ReportingPeriodRecord } from '../../db/repositories/period-repository';
import type { Tolerance } from '../../domain/types';
import { periodKey, previousPeriod, type Period } from '../../domain/periods';
import { deadlinePeriodOf } from '../../domain/reporting-lag';
import { loadStatusInputs, rateStatuses, withCurrentVersions, type IndicatorStatus, type StatusInputs } from '../register-status';

export interface EntryRowSnapshot {
  readonly indicator: IndicatorRecord;
  readonly current: IndicatorStatus;
  readonly previous: IndicatorStatus | null;
  /** The latest narrative given for any version of this period's value (its current version is current.value). */
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
  /** The scope it was read for, and what it was computed from (see withNewVersions). */
  readonly scopeAsked: EntryScope;
  readonly parts: SnapshotParts;
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
  const [snapshot] = await loadEntrySnapshots(store, [scope], period, now, defaultTolerance);
  return snapshot!;
}

/**
 * Many people's snapshots for one period from one set-based read (the open step's prompts for every
 * owner): the indicators any of them covers, their statuses now and last period, this period's
 * narratives, and the names of who entered them, then sliced per person in memory.
 * One snapshot per scope, in order.
 */
export async function loadEntrySnapshots(
  store: Store,
  scopes: readonly EntryScope[],
  period: Period,
  now: Date,
  defaultTolerance: Tolerance,
): Promise<EntrySnapshot[]> {
  const named = scopes.flatMap((s) => s.indicatorIds ?? []);
  const covering = scopes.filter((s) => !s.indicatorIds).map((s) => s.personId);
  const periods = [period, previousPeriod(period)];
  // The period's reporting window, narratives and enterers' names come with the state read: one statement.
  const [byCover, byId] = await Promise.all([
    covering.length > 0 ? loadStatusInputs(store, { periods, now, defaultTolerance, coveredBy: covering, entryPeriod: period }) : null,
    named.length > 0 ? loadStatusInputs(store, { periods, now, defaultTolerance, indicatorIds: named, entryPeriod: period }) : null,
  ]);
  const state = mergeStates([byCover, byId]);
  const window = state.windows.get(periodKey(period)) ?? null;
  const parts: SnapshotParts = { inputs: state, window, narratives: state.narratives, names: state.names, now, defaultTolerance };
  return assemble(parts, scopes, period);
}

/**
 * The snapshot as it stands once these new versions are stored (by `enteredBy`, named `name`),
 * computed from what was read, not read again: a submit answers with its card at the cost of
 * its writes alone. Only for versions of this snapshot's period.
 */
export function withNewVersions(snapshot: EntrySnapshot, saved: readonly ValueVersion[], enteredBy: { id: string; name: string }): EntrySnapshot {
  const { parts } = snapshot;
  const names = new Map(parts.names);
  names.set(enteredBy.id, enteredBy.name);
  const next: SnapshotParts = { ...parts, inputs: withCurrentVersions(parts.inputs, saved), names };
  return assemble(next, [snapshot.scopeAsked], snapshot.period)[0]!;
}

/** What a snapshot is computed from, kept so that a change can be applied without reading again. */
interface SnapshotParts {
  readonly inputs: StatusInputs;
  readonly window: ReportingPeriodRecord | null;
  /** By indicator id: the latest narrative of the period's value. */
  readonly narratives: ReadonlyMap<string, NarrativeRecord>;
  readonly names: ReadonlyMap<string, string>;
  readonly now: Date;
  readonly defaultTolerance: Tolerance;
}

function mergeStates(parts: readonly (RegisterState | null)[]): RegisterState {
  const present = parts.filter((p): p is RegisterState => p !== null);
  if (present.length === 1) return present[0]!;
  const distinct = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];
  return {
    indicators: distinct(present.flatMap((p) => [...p.indicators]), (i) => i.id),
    values: distinct(present.flatMap((p) => [...p.values]), (v) => v.id),
    targets: distinct(present.flatMap((p) => [...p.targets]), (t) => `${t.indicatorId}|${t.period}`),
    windows: new Map(present.flatMap((p) => [...p.windows])),
    narratives: new Map(present.flatMap((p) => [...p.narratives])),
    names: new Map(present.flatMap((p) => [...p.names])),
  };
}

function assemble(parts: SnapshotParts, scopes: readonly EntryScope[], period: Period): EntrySnapshot[] {
  const [currentList, previousList] = rateStatuses(parts.inputs, { periods: [period, previousPeriod(period)], now: parts.now, defaultTolerance: parts.defaultTolerance });
  const current = indexById(currentList!);
  const previous = indexById(previousList!);
  const { narratives } = parts;
  const isOpen = isOpenAt(parts.window, parts.now);
  const byCoverer = new Map<string, IndicatorStatus[]>();
  for (const status of current.values()) {
    for (const personId of new Set([status.indicator.ownerId, ...status.indicator.delegateIds])) {
      const list = byCoverer.get(personId);
      if (list) list.push(status);
      else byCoverer.set(personId, [status]);
    }
  }

  return scopes.map((scope): EntrySnapshot => {
    const mine = scope.indicatorIds
      ? scope.indicatorIds.flatMap((id) => current.get(id) ?? [])
      : byCoverer.get(scope.personId) ?? [];
    const rows = [...mine]
      .sort((a, b) => a.indicator.code.localeCompare(b.indicator.code))
      .map((status): EntryRowSnapshot => ({
        indicator: status.indicator, current: status, previous: previous.get(status.indicator.id) ?? null, narrative: narratives.get(status.indicator.id) ?? null,
      }));
    const names = new Map<string, string>();
    for (const row of rows) {
      for (const id of [row.current.value?.enteredById, row.narrative?.enteredById]) {
        const name = id ? parts.names.get(id) : undefined;
        if (id && name) names.set(id, name);
      }
    }
    // A figure that arrives late by design is entered in the window of the month that collects it,
    // after its own period has closed (reporting-lag.ts); its owner's card is open while that one is.
    const laggedOpen = !isOpen && rows.some((row) => {
      if (row.indicator.lagMonths <= 0) return false;
      return isOpenAt(parts.inputs.windows.get(periodKey(deadlinePeriodOf(period, row.indicator.lagMonths))) ?? null, parts.now);
    });
    return { period, scope: scope.indicatorIds ? 'correction' : 'own', scopeAsked: scope, window: parts.window, isOpen: isOpen || laggedOpen, names, rows, parts };
  });
}

function indexById(statuses: readonly IndicatorStatus[]): Map<string, IndicatorStatus> {
  return new Map(statuses.map((s) => [s.indicator.id, s]));
}

export function isOpenAt(window: ReportingPeriodRecord | null, now: Date): boolean {
  if (!window?.openedAt || window.openedAt.getTime() > now.getTime()) return false;
  return !window.closedAt || window.closedAt.getTime() > now.getTime();
}
