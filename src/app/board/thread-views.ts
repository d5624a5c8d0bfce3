/**
 * The first message of each red or amber indicator's thread: its figure against target and
 * tolerance, the last 12 periods, the owner's narrative and the owner @mentioned. Built for many
 * indicators at once (a digest) from data read once.
 */
import type { Store } from '../../db/store';
import type { ThreadCardView } from '../../cards/board/board-view-models';
import { formatValue } from '../../domain/numbers';
import { formatUkDateTime } from '../../domain/dates';
import { describeTolerance } from '../../domain/tolerance';
import { parsePeriod, periodLabel, periodShortLabel, trailingPeriods, type Period } from '../../domain/periods';
import { figureValues, groupBy, type IndicatorStatus } from '../register-status';
import { indicatorTrend } from '../scorecard/indicator-trend';
import { likelyToRecoverText, statusLabel } from '../scorecard/labels';
import type { Tolerance } from '../../domain/types';
import type { ActionPlanRecord } from '../../db/repositories/action-plan-repository';
import { planStateOf } from './plan-state';

/** How many periods a thread message charts. */
export const THREAD_TREND_LENGTH = 12;

export interface ThreadContext {
  readonly now: Date;
  readonly defaultTolerance: Tolerance;
  /** By person id: the Teams user id to @mention them with, where known. */
  readonly mentionIds: ReadonlyMap<string, string>;
  /** By "indicatorId|period". */
  readonly plans: ReadonlyMap<string, ActionPlanRecord>;
  /** By indicator id: whether its figure is a signal or within normal variation (#17, threadVariationText). */
  readonly variationTexts?: ReadonlyMap<string, string>;
}

/** The periods a thread charts: the twelve ending with the indicator's period. */
function trendOf(key: string): Period[] {
  const period = parsePeriod(key);
  return period.ok ? trailingPeriods(period.value, THREAD_TREND_LENGTH) : [];
}

export async function buildThreadViews(
  store: Store,
  statuses: readonly (IndicatorStatus & { readonly status: 'RED' | 'AMBER' })[],
  context: ThreadContext,
): Promise<ThreadCardView[]> {
  if (statuses.length === 0) return [];
  const ids = statuses.map((s) => s.indicator.id);
  const trendPeriods = new Map(statuses.map((s) => [s.indicator.id, trendOf(s.period)]));
  const [values, targets, windows, narratives, people] = await Promise.all([
    figureValues(store, statuses.map((s) => s.indicator), [...new Set([...trendPeriods.values()].flat())]),
    store.repos.targets.forIndicators(ids),
    store.repos.periods.list(),
    store.repos.narratives.latestFor(statuses.flatMap((s) => (s.value ? [s.value.id] : []))),
    store.repos.people.findByIds([...new Set(statuses.map((s) => s.indicator.ownerId))]),
  ]);
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  const valuesOf = groupBy(values, (v) => v.indicatorId);
  const targetsOf = groupBy(targets, (t) => t.indicatorId);
  const narrativeAuthors = await store.repos.people.findByIds([...new Set([...narratives.values()].map((n) => n.enteredById))]);
  const authorNames = new Map(narrativeAuthors.map((p) => [p.id, p.displayName]));

  return statuses.map((s): ThreadCardView => {
    const { indicator } = s;
    const period = parsePeriod(s.period);
    if (!period.ok) throw new Error(`bad period ${s.period}`);
    const format = (n: number | null) => (n === null ? 'no value' : formatValue(n, indicator.unit, indicator.decimals));
    const trend = indicatorTrend(
      {
        indicator, values: valuesOf.get(indicator.id) ?? [], targets: targetsOf.get(indicator.id) ?? [], windows,
        now: context.now, defaultTolerance: context.defaultTolerance,
      },
      trendPeriods.get(indicator.id)!,
    );
    const narrative = s.value ? narratives.get(s.value.id) : undefined;
    const plan = context.plans.get(`${indicator.id}|${s.period}`);
    const planState = plan || s.status === 'RED' ? planStateOf(plan) : null;
    const ownerName = names.get(indicator.ownerId) ?? 'Unknown';
    return {
      indicatorId: indicator.id,
      period: s.period,
      periodLabel: periodLabel(period.value),
      code: indicator.code,
      title: indicator.title,
      status: s.status,
      statusText: `${statusLabel(s.status)}: ${format(s.figure)} against a target of ${format(s.target)}`,
      variationText: context.variationTexts?.get(indicator.id) ?? null,
      valueText: format(s.figure),
      targetText: format(s.target),
      toleranceText: `Amber ${describeTolerance(s.tolerance, indicator.unit, indicator.decimals)}`,
      trend: s.travel.short,
      history: trend.map((point) => ({ label: periodShortLabel(point.period), value: point.figure, valueText: format(point.figure) })),
      narrative: narrative
        ? {
            remedialAction: narrative.remedialAction,
            likelyToRecoverText: likelyToRecoverText(narrative.likelyToRecover),
            recoveryPeriod: narrative.recoveryPeriod,
            givenBy: `${authorNames.get(narrative.enteredById) ?? 'Unknown'}, ${formatUkDateTime(narrative.enteredAt)}`,
          }
        : null,
      owner: { name: ownerName, teamsUserId: context.mentionIds.get(indicator.ownerId) ?? null },
      planState,
      canRequestPlan: s.status === 'AMBER' && !plan,
    };
  });
}
