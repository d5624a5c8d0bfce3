/**
 * The Board's digest for a month, from a snapshot of the register: counts by status (by lens and
 * by directorate) with the change since the month before, the reds and ambers, the biggest
 * improvements, what is still missing and the overdue actions. Pure: the snapshot is loaded
 * elsewhere, so this is tested directly and benchmarked on a register of any size.
 */
import type { Status } from '../../domain/types';
import { LENSES } from '../../domain/types';
import { formatValue } from '../../domain/numbers';
import { formatUkDate, formatUkDateTime } from '../../domain/dates';
import { parsePeriod, periodKey, periodLabel, periodShortLabel, previousPeriod, quarterOfMonth, shortLabelOfKey } from '../../domain/periods';
import { worthCelebrating } from '../../domain/travel';
import { lagNote } from '../../domain/reporting-lag';
import { lensLabel } from '../../domain/vocabulary';
import { daysOverdue } from '../../domain/action-plan';
import type { IndicatorStatus } from '../register-status';
import type {
  DigestAttentionView,
  DigestCardView,
  DigestGroupView,
  DigestImprovementView,
  DigestMissingView,
  DigestQuarterView,
  DigestRecoveryOverdueView,
  DigestSignalsView,
  DigestSignalView,
  OverdueActionView,
  StatusCountsView,
} from '../../cards/board/board-view-models';
import { verifiedText } from '../../domain/verification';
import type { BoardSnapshot } from './board-snapshot';
import type { SignalsNowAndBefore } from '../variation/register-signals';
import { describeVariation } from '../../domain/xmr-chart';
import type { ActionPlanRecord } from '../../db/repositories/action-plan-repository';
import { statusLabel } from '../scorecard/labels';
import { planStateOf } from './plan-state';
import { needsPlanWithoutAsking } from '../../domain/action-plan';
import { isoDay } from './uk-today';
import { toDateText } from '../scorecard/travel-views';

/** How many improvements the digest celebrates. */
export const IMPROVEMENTS_SHOWN = 5;

const RANK: Partial<Record<Status, number>> = { RED: 0, AMBER: 1, GREEN: 2 };

/** What the digest knows of the exceptions it follows (see exception-digest.ts). */
export interface DigestExceptions {
  /** By indicator id: the plan an open exception carries over from an earlier period. */
  readonly carriedPlans: ReadonlyMap<string, ActionPlanRecord>;
  readonly recoveryOverdue: readonly DigestRecoveryOverdueView[];
  /** By indicator id, for an exception continuing from an earlier period: "3rd month running". */
  readonly runningText: ReadonlyMap<string, string>;
}

const NO_EXCEPTIONS: DigestExceptions = { carriedPlans: new Map(), recoveryOverdue: [], runningText: new Map() };

export function buildDigestView(snapshot: BoardSnapshot, exceptions: DigestExceptions = NO_EXCEPTIONS): DigestCardView {
  const { current, previous, names } = snapshot;
  const owner = (s: IndicatorStatus) => names.get(s.indicator.ownerId) ?? 'Unknown';
  const hadPrevious = [...previous.values()].some((s) => s.value !== null);
  const codeOf = new Map(current.map((s) => [s.indicator.id, s.indicator.code]));
  return {
    period: periodKey(snapshot.month),
    periodLabel: periodLabel(snapshot.month),
    coverageText: coverageText(snapshot),
    verificationText: verificationText(snapshot),
    previousPeriodLabel: hadPrevious ? periodLabel(previousPeriod(snapshot.month)) : null,
    totals: countStatuses(current),
    previousTotals: hadPrevious ? countStatuses([...previous.values()]) : null,
    byLens: LENSES.map((lens) => ({ name: lensLabel(lens), counts: countStatuses(current.filter((s) => s.indicator.lens === lens)) })).filter(
      (group) => total(group.counts) > 0,
    ),
    byDirectorate: groupBy(current, (s) => s.indicator.directorateName),
    attention: current
      .filter((s): s is IndicatorStatus & { status: 'RED' | 'AMBER' } => s.status === 'RED' || s.status === 'AMBER')
      .sort((a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9) || a.indicator.code.localeCompare(b.indicator.code))
      .map((s): DigestAttentionView => {
        const plan = snapshot.plans.get(`${s.indicator.id}|${s.period}`) ?? exceptions.carriedPlans.get(s.indicator.id);
        const before = previous.get(s.indicator.id);
        return {
          code: s.indicator.code,
          title: s.indicator.title,
          status: s.status,
          owner: owner(s),
          valueAgainstTarget: `${format(s, s.figure)} against ${format(s, s.target)}${lagged(s)}`,
          trend: s.travel.short,
          comparisonText: s.travel.comparisonText,
          changeText: [
            exceptions.runningText.get(s.indicator.id) ?? null,
            before && before.period !== s.period && before.status !== s.status && isRated(before.status) ? `was ${statusLabel(before.status)} in ${shortLabelOfKey(before.period)}` : null,
          ].filter((part): part is string => part !== null).join('; ') || null,
          planState: plan || needsPlanWithoutAsking(s.status) ? planStateOf(plan) : null,
          narrativeOwed: snapshot.narrativesOwed.has(s.indicator.id),
          unverified: (snapshot.verification?.get(s.indicator.id) ?? 'VERIFIED') !== 'VERIFIED',
          estimated: s.value?.estimated ?? false,
        };
      }),
    improvements: improvements(snapshot).slice(0, IMPROVEMENTS_SHOWN),
    ...(snapshot.signals ? { signals: newSignals(snapshot, snapshot.signals) } : {}),
    quarter: quarterEndFigures(snapshot),
    missing: current
      .filter((s) => s.status === 'MISSING')
      .map((s): DigestMissingView => ({ code: s.indicator.code, title: s.indicator.title, owner: owner(s), periodLabel: shortLabelOfKey(s.period) })),
    overdueActions: snapshot.overdueActions.map((action): OverdueActionView => {
      const days = daysOverdue(isoDay(action.dueDate), snapshot.today);
      return {
        code: codeOf.get(action.indicatorId) ?? '',
        description: action.description,
        lead: names.get(action.leadId) ?? 'Unknown',
        dueText: `due ${formatUkDate(action.dueDate)}, ${days} ${days === 1 ? 'day' : 'days'} overdue`,
      };
    }),
    recoveryOverdue: exceptions.recoveryOverdue,
    footnote: `Posted ${formatUkDateTime(snapshot.now)}. Figures corrected after this show in the Scorecard tab.`,
  };
}

export function countStatuses(statuses: readonly IndicatorStatus[]): StatusCountsView {
  const count = (status: Status) => statuses.filter((s) => s.status === status).length;
  return { green: count('GREEN'), amber: count('AMBER'), red: count('RED'), dataOnly: count('DATA_ONLY'), missing: count('MISSING'), due: count('DUE'), awaiting: count('AWAITING_VERIFICATION') };
}

function total(counts: StatusCountsView): number {
  return counts.green + counts.amber + counts.red + counts.dataOnly + counts.missing + counts.due + counts.awaiting;
}

function groupBy(statuses: readonly IndicatorStatus[], key: (s: IndicatorStatus) => string): DigestGroupView[] {
  const groups = new Map<string, IndicatorStatus[]>();
  for (const s of statuses) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, members]) => ({ name, counts: countStatuses(members) }));
}

/**
 * Special causes new this period (#17): an indicator whose figure for the period is a special
 * cause of concern (or of improvement) that was not already one at the period before. A run that
 * reached its length this month is new; one that goes on is named once more, briefly, among those
 * continuing, so the Board hears of it in full once. An indicator with no figure for the period says
 * nothing new. GOALPOST measures' signals are neither better nor worse and stay in the tab.
 */
function newSignals(snapshot: BoardSnapshot, signals: ReadonlyMap<string, SignalsNowAndBefore>): DigestSignalsView {
  const concern: DigestSignalView[] = [];
  const improvement: DigestSignalView[] = [];
  const continuing: string[] = [];
  let analysed = 0;
  for (const s of [...snapshot.current].sort((a, b) => a.indicator.code.localeCompare(b.indicator.code))) {
    const mine = signals.get(s.indicator.id);
    if (mine?.now.variation?.kind !== 'ANALYSED') continue;
    analysed += 1;
    if (periodKey(mine.now.variation.latest.period) !== s.period) continue;
    const now = mine.now.variation.latest.variation;
    if (now !== 'SPECIAL_CAUSE_CONCERN' && now !== 'SPECIAL_CAUSE_IMPROVEMENT') continue;
    const before = mine.before.variation?.kind === 'ANALYSED' ? mine.before.variation.latest.variation : null;
    if (now === before) {
      continuing.push(`${s.indicator.code} (${now === 'SPECIAL_CAUSE_CONCERN' ? 'concern' : 'improvement'})`);
      continue;
    }
    const item = { code: s.indicator.code, title: s.indicator.title, statusLabel: statusLabel(s.status), text: describeVariation(mine.now.variation) };
    (now === 'SPECIAL_CAUSE_CONCERN' ? concern : improvement).push(item);
  }
  return { concern, improvement, continuing, analysedText: `${analysed} of ${snapshot.current.length} indicators had enough history to analyse` };
}

/**
 * Green indicators that improved by the rule fitting their aggregation (worthCelebrating), biggest
 * first: a change of status into green (Red to Green) outranks any movement within it; then the move
 * against the comparator (the previous period, or for a cumulative figure the same point last year) as
 * a share of target. A quarterly or annual figure already shown last month is not celebrated again.
 */
function improvements(snapshot: BoardSnapshot): DigestImprovementView[] {
  const scored: { score: number; view: DigestImprovementView }[] = [];
  for (const s of snapshot.current) {
    const comparator = s.travel.comparator;
    if (!worthCelebrating(s.status, s.travel) || comparator === null || s.figure === null) continue;
    const before = snapshot.previous.get(s.indicator.id);
    if (before && before.period === s.period) continue;
    const now = RANK.GREEN!;
    const then = before ? RANK[before.status] : undefined;
    const rose = then !== undefined && then < now;
    const scale = Math.abs(s.target ?? comparator.figure) || 1;
    const score = (rose ? now - then : 0) * 1000 + Math.min(999, (Math.abs(s.figure - comparator.figure) / scale) * 100);
    scored.push({
      score,
      view: {
        code: s.indicator.code,
        title: s.indicator.title,
        owner: snapshot.names.get(s.indicator.ownerId) ?? 'Unknown',
        statusChange: rose ? `${statusLabel(before!.status)} to ${statusLabel(s.status)}` : `${statusLabel(s.status)}, improving`,
        movement: `${format(s, comparator.figure)} to ${format(s, s.figure)} (${periodShortLabel(comparator.period)} to ${shortLabelOfKey(s.period)})`,
      },
    });
  }
  return scored.sort((a, b) => b.score - a.score || a.view.code.localeCompare(b.view.code)).map((entry) => entry.view);
}

/**
 * At a quarter end (the digest for June, September, December or March), each monthly and quarterly
 * indicator's figure for the quarter and for the year to date, by its aggregation (#14): the Board
 * reports quarterly, and a month's figure alone says little about a quarter of a SUM or AVERAGE.
 */
function quarterEndFigures(snapshot: BoardSnapshot): DigestQuarterView | null {
  const quarter = quarterOfMonth(snapshot.month);
  if (snapshot.month.month !== [6, 9, 12, 3][quarter.quarter - 1]) return null;
  const quarterKey = periodKey(quarter);
  const figures = snapshot.current
    .filter((s) => s.period === periodKey(snapshot.month) || s.period === quarterKey)
    .map((s) => ({
      code: s.indicator.code,
      title: s.indicator.title,
      // A quarterly indicator's own figure is its quarter's figure.
      quarterText: s.quarterToDate ? toDateText(s, s.quarterToDate) : toDateText(s, { figure: { value: s.figure, periodsCounted: 1, complete: true }, target: s.target }),
      yearToDateText: toDateText(s, s.yearToDate),
    }))
    .filter((f) => f.quarterText !== null || f.yearToDateText !== null)
    .sort((a, b) => a.code.localeCompare(b.code));
  return { quarterLabel: periodShortLabel(quarter), figures };
}

function coverageText(snapshot: BoardSnapshot): string {
  const used = new Set(snapshot.current.map((s) => s.period));
  const parts = snapshot.periods.filter((p) => used.has(periodKey(p))).map((p) => periodShortLabel(p));
  return parts.length > 0 ? `Indicators as at ${periodLabel(snapshot.month)}: ${parts.join(', ')}` : 'No active indicators';
}

/** " (figure for Q1 2026/27, reported a quarter late)" for a figure that arrives late by design. */
function lagged(s: IndicatorStatus): string {
  const period = parsePeriod(s.period);
  return s.indicator.lagMonths > 0 && period.ok ? ` (${lagNote(period.value, s.indicator.lagMonths)})` : '';
}

function isRated(status: Status): boolean {
  return RANK[status] !== undefined;
}

function format(s: IndicatorStatus, n: number | null): string {
  return n === null ? 'no target' : formatValue(n, s.indicator.unit, s.indicator.decimals);
}

/** "Verified 2 of 5 figures with a verifier", or null when none has one (#16). */
function verificationText(snapshot: BoardSnapshot): string | null {
  const states = [...(snapshot.verification?.values() ?? [])];
  if (states.length === 0) return null;
  return `${verifiedText(states)} figures with a verifier`;
}
