/** "my indicators" and "status": what a person is responsible for, and what they still owe. */
import type { Store } from '../db/store';
import type { Clock } from '../clock';
import type { MyIndicatorsView, OutstandingView, OutstandingItemView } from '../cards/view-models';
import type { Tolerance } from '../domain/types';
import { formatValue } from '../domain/numbers';
import { endDate, parsePeriod, periodKey, periodLabel, periodShortLabel, type MonthPeriod } from '../domain/periods';
import { deadlinePeriodOf, isCollectedIn, lagText, lastMonthOf, periodsCollectedIn } from '../domain/reporting-lag';
import { needsNarrative } from '../domain/narrative-owed';
import { describeStatus } from '../domain/status';
import { formatUkDate } from '../domain/dates';
import { registerStatus, type IndicatorStatus } from './register-status';

export interface PersonRef {
  readonly personId: string;
  readonly name: string;
}

export class MyWorkService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: { readonly defaultTolerance: Tolerance },
  ) {}

  /** Each indicator the person owns or covers, at its latest period with a value. */
  async myIndicators(person: PersonRef): Promise<MyIndicatorsView> {
    const indicators = await this.store.repos.indicators.ownedOrDelegatedTo(person.personId);
    const latest = new Map<string, string>();
    for (const value of await this.store.repos.values.currentFor(indicators.map((i) => i.id))) {
      const seen = latest.get(value.indicatorId);
      const a = parsePeriod(value.period);
      const b = seen ? parsePeriod(seen) : null;
      if (!seen || (a.ok && b?.ok && endDate(a.value) > endDate(b.value))) latest.set(value.indicatorId, value.period);
    }
    const statuses = await this.statusesAt(latest);
    return {
      personName: person.name,
      indicators: indicators.map((indicator) => {
        const status = statuses.get(indicator.id);
        const format = (n: number) => formatValue(n, indicator.unit, indicator.decimals);
        const period = latest.get(indicator.id);
        const parsed = period ? parsePeriod(period) : null;
        return {
          code: indicator.code,
          title: indicator.title,
          latestValueText: status?.figure != null ? format(status.figure) : null,
          latestPeriodLabel: parsed?.ok ? periodShortLabel(parsed.value) : null,
          status: status?.status ?? 'DUE',
          statusText: status ? describeStatus(status.status) : 'No value yet',
          trend: status?.travel.short ?? 'NOT_COMPARABLE',
          targetText: status?.target != null ? `Target ${format(status.target)}` : null,
        };
      }),
    };
  }

  /**
   * Values still owed in the periods open now, and narratives owed for red and amber values. Each
   * open window belongs to a month's cycle; what that cycle collects follows the reporting lag, so
   * a late-by-design figure is listed in the cycle that collects it and never in its own period's.
   */
  async outstanding(person: PersonRef): Promise<OutstandingView> {
    const now = this.clock.now();
    const windows = await this.store.repos.periods.openAt(now);
    const register = await this.store.repos.indicators.ownedOrDelegatedTo(person.personId);
    const mine = new Set(register.map((i) => i.id));
    const deadlineOf = new Map(windows.map((w) => [w.period, w.deadline]));
    const items: OutstandingItemView[] = [];
    let label: string | null = null;
    const cycleMonths = new Map<string, MonthPeriod>();
    for (const window of windows) {
      const period = parsePeriod(window.period);
      if (!period.ok) continue;
      label ??= periodLabel(period.value).split(' (')[0]!;
      const month = lastMonthOf(period.value);
      cycleMonths.set(periodKey(month), month);
    }
    const seen = new Set<string>();
    for (const month of cycleMonths.values()) {
      for (const period of periodsCollectedIn(month, register)) {
        const key = periodKey(period);
        const statuses = (await registerStatus(this.store, {
          period, now, defaultTolerance: this.settings.defaultTolerance, indicatorIds: [...mine],
        })).filter((s) => isCollectedIn(month, s.indicator, period) && !seen.has(`${s.indicator.id}|${key}`));
        if (statuses.length === 0) continue;
        const versions = await this.store.repos.values.versionsForPeriod([...mine], key);
        const narratives = await this.store.repos.narratives.latestFor(versions.map((v) => v.id));
        const withNarrative = new Set(versions.filter((v) => narratives.has(v.id)).map((v) => v.indicatorId));
        const short = periodShortLabel(period);
        for (const s of statuses) {
          seen.add(`${s.indicator.id}|${key}`);
          const deadline = deadlineOf.get(periodKey(deadlinePeriodOf(period, s.indicator.lagMonths))) ?? null;
          const periodText = s.indicator.lagMonths > 0 ? `${short} (reported ${lagText(s.indicator.lagMonths)})` : short;
          if (s.value === null) {
            items.push({
              code: s.indicator.code, title: s.indicator.title, periodLabel: periodText, tone: s.status === 'MISSING' ? 'attention' : 'warning',
              what: deadline ? `Value due by ${formatUkDate(deadline)}` : 'Value due',
            });
          } else if (needsNarrative(s.status) && !withNarrative.has(s.indicator.id)) {
            items.push({
              code: s.indicator.code, title: s.indicator.title, periodLabel: periodText, tone: s.status === 'RED' ? 'attention' : 'warning',
              what: `Narrative ${s.deadlinePassed ? 'owed' : 'needed'}: ${describeStatus(s.status).toLowerCase()}`,
            });
          }
        }
      }
    }
    return { personName: person.name, periodLabel: label, items };
  }

  private async statusesAt(periodByIndicator: ReadonlyMap<string, string>): Promise<Map<string, IndicatorStatus>> {
    const byPeriod = new Map<string, string[]>();
    for (const [indicatorId, period] of periodByIndicator) byPeriod.set(period, [...(byPeriod.get(period) ?? []), indicatorId]);
    const result = new Map<string, IndicatorStatus>();
    for (const [key, ids] of byPeriod) {
      const period = parsePeriod(key);
      if (!period.ok) continue;
      const statuses = await registerStatus(this.store, {
        period: period.value, now: this.clock.now(), defaultTolerance: this.settings.defaultTolerance, indicatorIds: ids,
      });
      for (const s of statuses) result.set(s.indicator.id, s);
    }
    return result;
  }
}
