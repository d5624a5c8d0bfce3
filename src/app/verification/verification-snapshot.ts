/**
 * What a verifier's card shows for one period (#16): each indicator they verify that has a figure
 * for the period, its status now and last period, what was decided of its current version, and
 * the names of who entered and decided.
 */
import type { Store } from '../../db/store';
import type { VerificationRecord } from '../../db/repositories/verification-repository';
import type { Tolerance } from '../../domain/types';
import { periodKey, previousPeriod, type Period } from '../../domain/periods';
import { registerStatuses, type IndicatorStatus } from '../register-status';

export interface VerifyRowSnapshot {
  /** The period's status, with its current value version (never null here). */
  readonly current: IndicatorStatus;
  readonly previous: IndicatorStatus | null;
  /** Decisions of the current version, oldest first. */
  readonly decisions: readonly VerificationRecord[];
  /** Decisions of earlier versions of the period's value (a query answered by a correction), oldest first. */
  readonly earlierQueries: readonly VerificationRecord[];
}

export interface VerifySnapshot {
  readonly period: Period;
  readonly rows: readonly VerifyRowSnapshot[];
  readonly names: ReadonlyMap<string, string>;
}

export async function loadVerifySnapshot(store: Store, verifierId: string, period: Period, now: Date, defaultTolerance: Tolerance, onlyIds?: readonly string[]): Promise<VerifySnapshot> {
  const mine = await store.repos.indicators.active({ verifiedBy: [verifierId], ...(onlyIds ? { ids: onlyIds } : {}) });
  if (mine.length === 0) return { period, rows: [], names: new Map() };
  const [current, previous] = await registerStatuses(store, { periods: [period, previousPeriod(period)], now, defaultTolerance, indicatorIds: mine.map((i) => i.id) });
  const withValue = current!.filter((s) => s.value !== null);
  const previousById = new Map(previous!.map((s) => [s.indicator.id, s]));
  const versions = await store.repos.values.versionsForPeriod(withValue.map((s) => s.indicator.id), periodKey(period));
  const decisions = await store.repos.verifications.historyFor(versions.map((v) => v.id));
  const rows = withValue
    .sort((a, b) => a.indicator.code.localeCompare(b.indicator.code))
    .map((status): VerifyRowSnapshot => {
      const earlier = versions.filter((v) => v.indicatorId === status.indicator.id && v.id !== status.value!.id);
      return {
        current: status,
        previous: previousById.get(status.indicator.id) ?? null,
        decisions: decisions.get(status.value!.id) ?? [],
        earlierQueries: earlier.flatMap((v) => decisions.get(v.id) ?? []).filter((d) => d.decision === 'QUERIED'),
      };
    });
  const personIds = new Set<string>();
  for (const row of rows) {
    if (row.current.value!.enteredById) personIds.add(row.current.value!.enteredById);
    for (const d of [...row.decisions, ...row.earlierQueries]) personIds.add(d.decidedById);
  }
  const people = await store.repos.people.findByIds([...personIds]);
  return { period, rows, names: new Map(people.map((p) => [p.id, p.displayName])) };
}
