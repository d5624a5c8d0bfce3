/**
 * The quarterly report's model (#15) from a snapshot: pure, so every figure the four files show is
 * decided here, once, and tested without a database.
 *
 * Each indicator is shown as the Scorecard tab shows it for the quarter's last month (its status and
 * figure are the tab's), with the quarter's own figure by its aggregation beside it: for a monthly
 * indicator the quarter's months together (quarterFigureIn's rules: the latest for cumulative and
 * snapshot, the total for sum, the mean for average), for a quarterly one the quarter itself, for an
 * annual one its latest year ended by then.
 */
import { reliabilityText } from '../../domain/verification';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { ActionPlanRecord } from '../../db/repositories/action-plan-repository';
import type { CommentaryRecord } from '../../db/repositories/board-repository';
import type { Status, Travel } from '../../domain/types';
import {
  comparePeriods, financialYearLabel, monthsOfQuarter, nextPeriod, parsePeriod, periodKey, periodLabel, periodShortLabel,
  previousPeriod, quarterOfMonth, shortLabelOfKey, trailingPeriods, type Period,
} from '../../domain/periods';
import { formatValue } from '../../domain/numbers';
import { describeStatus, rateValue } from '../../domain/status';
import { travelOf, type TravelReading } from '../../domain/travel';
import { lensLabel, polarityLabel } from '../../domain/vocabulary';
import { lagText } from '../../domain/reporting-lag';
import { formatUkDate, formatUkDateTime } from '../../domain/dates';
import { statusLabel, likelyToRecoverText } from '../scorecard/labels';
import { indicatorPeriodAsAt } from '../scorecard/as-at';
import { planStateOf } from '../board/plan-state';
import type { IndicatorStatus } from '../register-status';
import { SPARKLINE_PERIODS, statusKey, type QuarterSnapshot } from './quarter-snapshot';
import type { QuarterReport, ReportAction, ReportException, ReportFigure, ReportIndicator, ReportSignals, SparkPoint } from './quarter-report-model';
import type { IndicatorSignals } from '../variation/indicator-signals';
import { signalsView } from '../variation/signals-view';
import { comparePriorities, NO_PRIORITY, reportCounts } from './report-counts';

/** One indicator's three readings: as at the quarter's end, the last quarter's end and a year before. */
interface Readings {
  readonly indicator: IndicatorRecord;
  readonly now: IndicatorStatus;
  readonly lastQuarter: IndicatorStatus | null;
  readonly lastYear: IndicatorStatus | null;
  readonly ytdStatus: Status;
}

export function buildQuarterReport(snapshot: QuarterSnapshot): QuarterReport {
  const { quarter } = snapshot;
  const at = (indicator: IndicatorRecord, period: Period) => snapshot.statuses.get(statusKey(indicator.id, periodKey(period))) ?? null;
  const readings: Readings[] = snapshot.indicators.flatMap((indicator) => {
    const now = at(indicator, indicatorPeriodAsAt(snapshot.asAtMonth, indicator));
    if (!now) return [];
    return [{
      indicator,
      now,
      lastQuarter: at(indicator, indicatorPeriodAsAt(snapshot.lastQuarterMonth, indicator)),
      lastYear: at(indicator, indicatorPeriodAsAt(snapshot.lastYearMonth, indicator)),
      ytdStatus: yearToDateStatus(now),
    }];
  });

  const priorityOf = (r: Readings) => (r.indicator.priorityId ? snapshot.priorities.get(r.indicator.priorityId) : undefined) ?? NO_PRIORITY;
  const lastQuarterLabel = periodShortLabel(previousPeriod(quarter));
  // As the digest decides it: a last quarter with no figure held at all had no report.
  const hadLastQuarter = readings.some((r) => r.lastQuarter?.value != null);

  const indicators = readings
    .map((r) => ({ reading: r, view: indicatorView(r, priorityOf(r), snapshot) }))
    .sort((a, b) => comparePriorities(a.view.priority, b.view.priority) || a.view.code.localeCompare(b.view.code));

  return {
    edition: 'committee',
    organisation: snapshot.organisation,
    quarter: periodKey(quarter),
    quarterLabel: periodLabel(quarter),
    lastQuarterLabel,
    financialYear: financialYearLabel(quarter.fyStart),
    asAtMonth: periodKey(snapshot.asAtMonth),
    generatedAt: snapshot.now.toISOString(),
    generatedText: `Generated ${formatUkDateTime(snapshot.now).replace(', ', ' at ')} from the figures held then.`,
    ...reportCounts(indicators.map((x) => x.view), { lastQuarterLabel, hadLastQuarter }),
    indicators: indicators.map((x) => x.view),
    exceptions: indicators
      .filter((x) => x.reading.now.status === 'RED' || x.reading.now.status === 'AMBER')
      .sort((a, b) => rank(a.reading.now.status) - rank(b.reading.now.status) || a.view.code.localeCompare(b.view.code))
      .map((x) => exceptionView(x.reading, snapshot)),
    dataOnly: indicators.filter((x) => x.view.status === 'DATA_ONLY').map((x) => x.view),
    missing: indicators.filter((x) => x.view.status === 'MISSING' || x.view.status === 'DUE').map((x) => x.view),
  };
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

function indicatorView(r: Readings, priority: string, snapshot: QuarterSnapshot): ReportIndicator {
  const { indicator, now } = r;
  const travel = quarterTravel(r);
  const period = parsed(now.period);
  return {
    id: indicator.id,
    code: indicator.code,
    title: indicator.title,
    definition: indicator.definition,
    kind: indicator.kind,
    unit: indicator.unit,
    decimals: indicator.decimals,
    aggregation: indicator.aggregation,
    polarityText: polarityLabel(indicator.polarity),
    lens: indicator.lens,
    lensLabel: lensLabel(indicator.lens),
    directorate: indicator.directorateName,
    priority,
    public: indicator.public,
    ownerName: snapshot.names.get(indicator.ownerId) ?? null,
    period: now.period,
    periodLabel: `${shortLabelOfKey(now.period)}${indicator.lagMonths > 0 ? ` (reported ${lagText(indicator.lagMonths)})` : ''}`,
    figure: figure(indicator, now.figure),
    quarterFigure: figure(indicator, quarterFigureOf(now)),
    yearToDate: {
      ...figure(indicator, now.yearToDate.figure.value),
      target: figure(indicator, now.yearToDate.target),
      complete: now.yearToDate.figure.complete,
      status: r.ytdStatus,
    },
    target: figure(indicator, now.target),
    status: now.status,
    lastQuarterStatus: r.lastQuarter?.status ?? null,
    statusLabel: statusLabel(now.status),
    statusText: describeStatus(now.status),
    travelSinceLastQuarter: travel.short,
    travelSinceLastYear: travel.long,
    travelText: travelText(travel.short, travel.comparisonText),
    qualityText: reliabilityText(now.value?.estimated ?? false, snapshot.verification?.get(indicator.id) ?? null),
    signals: reportSignals(snapshot.signals?.get(indicator.id), indicator),
    sinceLastYearText: travelText(travel.long, null),
    sparkline: trailingPeriods(period, SPARKLINE_PERIODS).map((p) => sparkPoint(snapshot, indicator, p)),
  };
}

/** The report's words for an indicator's signals: null where there is nothing to say (not analysed, nothing to forecast). */
function reportSignals(signals: IndicatorSignals | undefined, indicator: IndicatorRecord): ReportSignals | null {
  if (!signals) return null;
  const view = signalsView(signals, indicator);
  if (view.variation === 'NOT_ANALYSED' && view.forecastText === null) return null;
  const { variation, variationLabel, variationText, assuranceLabel, assuranceText, forecastText } = view;
  return { variation, variationLabel, variationText, assuranceLabel, assuranceText, forecastText };
}

/**
 * The quarter's figure by the aggregation: a monthly indicator's quarter (to the month shown; for a
 * figure reported a month late, the quarter so far), a quarterly or annual indicator's own figure.
 */
function quarterFigureOf(s: IndicatorStatus): number | null {
  return s.quarterToDate ? s.quarterToDate.figure.value : s.figure;
}

/**
 * Against the last quarter by the rule that fits the aggregation (travelOf): a monthly indicator's
 * quarter against the last quarter's (a cumulative one against the same quarter last year), a
 * quarterly indicator as the tab reads it (the quarter before), and an annual one against the year
 * before, since as at consecutive quarters it usually shows the same year.
 */
function quarterTravel(r: Readings): TravelReading {
  const { indicator, now } = r;
  if (!now.quarterToDate) return now.travel;
  return travelOf({
    aggregation: indicator.aggregation, polarity: indicator.polarity, unit: indicator.unit, decimals: indicator.decimals,
    period: quarterOfMonth(parsed(now.period) as Extract<Period, { kind: 'MONTH' }>),
    figure: quarterFigureOf(now),
    previousFigure: r.lastQuarter ? quarterFigureOf(r.lastQuarter) : null,
    lastYearFigure: r.lastYear ? quarterFigureOf(r.lastYear) : null,
    target: now.quarterToDate.target,
    targetProfiled: false,
  });
}

const TRAVEL_WORDS: Record<Travel, string> = { IMPROVED: 'Improved', WORSENED: 'Worsened', UNCHANGED: 'No change', NOT_COMPARABLE: 'Not comparable' };

function travelText(travel: Travel, reason: string | null): string {
  return reason ? `${TRAVEL_WORDS[travel]}: ${reason}` : TRAVEL_WORDS[travel];
}

/** The year to date rated against the year-to-date target, as a figure is rated against its target. */
function yearToDateStatus(s: IndicatorStatus): Status {
  const { indicator } = s;
  return rateValue({
    value: s.yearToDate.figure.value, target: s.yearToDate.target, tolerance: s.tolerance, polarity: indicator.polarity,
    kind: indicator.kind, decimals: indicator.decimals, deadlinePassed: s.deadlinePassed,
  });
}

function sparkPoint(snapshot: QuarterSnapshot, indicator: IndicatorRecord, period: Period): SparkPoint {
  const key = periodKey(period);
  const s = snapshot.statuses.get(statusKey(indicator.id, key));
  return { period: key, label: periodShortLabel(period), value: s?.figure ?? null, target: s?.target ?? null, status: s?.status ?? 'DUE' };
}

function figure(indicator: IndicatorRecord, value: number | null): ReportFigure {
  return { value, text: value === null ? 'No figure' : formatValue(value, indicator.unit, indicator.decimals) };
}

// ---------------------------------------------------------------------------------------------
// Exceptions
// ---------------------------------------------------------------------------------------------

function exceptionView(r: Readings, snapshot: QuarterSnapshot): ReportException {
  const { indicator, now } = r;
  const narrative = now.value ? snapshot.narratives.get(now.value.id) ?? null : null;
  const plan = snapshot.plans.get(statusKey(indicator.id, now.period)) ?? carriedPlan(r, snapshot);
  const latest = plan?.versions.at(-1) ?? null;
  const recovery = latest?.expectedRecovery || narrative?.recoveryPeriod || null;
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    title: indicator.title,
    status: now.status as 'RED' | 'AMBER',
    narrative: narrative?.remedialAction ?? null,
    likelyToRecoverText: narrative ? likelyToRecoverText(narrative.likelyToRecover) : null,
    commentary: commentarySummary(snapshot.commentary.get(indicator.id) ?? []),
    planStateText: planStateText(plan),
    recoveryText: recovery ? `Expected to recover by ${shortLabelOfKey(recovery)}` : null,
    actions: (latest?.actions ?? []).map((a): ReportAction => ({
      description: a.description,
      leadName: snapshot.names.get(a.leadId) ?? null,
      dueText: formatUkDate(a.dueDate),
      done: a.completedAt !== null,
    })),
    runningText: runningText(r, snapshot),
  };
}

/** An exception still open at the period carries its plan from the period it was asked for. */
function carriedPlan(r: Readings, snapshot: QuarterSnapshot): ActionPlanRecord | null {
  const exception = coveringException(r, snapshot);
  return exception ? snapshot.carriedPlans.get(r.indicator.id) ?? null : null;
}

function coveringException(r: Readings, snapshot: QuarterSnapshot) {
  const exception = snapshot.exceptions.get(r.indicator.id);
  // Period keys of one frequency sort as text in time order.
  return exception && exception.openedPeriod <= r.now.period && exception.lastPeriod >= r.now.period ? exception : null;
}

function planStateText(plan: ActionPlanRecord | null): string {
  switch (planStateOf(plan)) {
    case 'NONE':
      return 'No plan';
    case 'REQUESTED':
      return 'Not yet submitted';
    case 'SUBMITTED':
      return 'Awaiting approval';
    case 'SENT_BACK':
      return 'Sent back';
    case 'APPROVED': {
      const decided = plan?.versions.at(-1)?.decidedAt;
      return decided ? `Approved ${formatUkDate(decided)}` : 'Approved';
    }
  }
}

/**
 * The latest word and how much was said: "3 comments from the Board; the latest, from Helen
 * Ashworth on 14 Oct 2026: …". The latest rather than all, because a committee reads the report.
 */
function commentarySummary(rows: readonly CommentaryRecord[]): string | null {
  const latest = rows.at(-1);
  if (!latest) return null;
  const text = latest.text.length > 280 ? `${latest.text.slice(0, 279).trimEnd()}…` : latest.text;
  const count = rows.length === 1 ? '1 comment from the Board' : `${rows.length} comments from the Board`;
  return `${count}; the latest, from ${latest.authorName} on ${formatUkDate(latest.postedAt)}: ${text}`;
}

/**
 * How long the problem has run: counted from the Board exception's first period when one covers the
 * figure (one exception per problem), otherwise from whether it was red or amber last quarter too.
 */
function runningText(r: Readings, snapshot: QuarterSnapshot): string {
  const shown = parsed(r.now.period);
  const exception = coveringException(r, snapshot);
  const opened = exception ? parsePeriod(exception.openedPeriod) : null;
  if (opened?.ok && opened.value.kind === shown.kind) {
    const count = periodsBetween(opened.value, shown);
    if (shown.kind === 'MONTH') {
      const quarterStart = monthsOfQuarter(snapshot.quarter)[0]!;
      return comparePeriods(opened.value, quarterStart) >= 0 ? 'New this quarter' : `${count} months running`;
    }
    const noun = shown.kind === 'QUARTER' ? 'quarter' : 'year';
    return count <= 1 ? `New this ${noun}` : `${ordinal(count)} ${noun} running`;
  }
  const before = r.lastQuarter?.status;
  return before === 'RED' || before === 'AMBER' ? 'Red or amber last quarter too' : 'New this quarter';
}

/** Periods from `from` to `to` inclusive (at most a few years' worth). */
function periodsBetween(from: Period, to: Period): number {
  let count = 1;
  for (let p = from; comparePeriods(p, to) < 0 && count < 1000; p = nextPeriod(p)) count++;
  return count;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const RANK: Partial<Record<Status, number>> = { RED: 0, AMBER: 1 };
const rank = (status: Status) => RANK[status] ?? 9;

function parsed(key: string): Period {
  const result = parsePeriod(key);
  if (!result.ok) throw new Error(`A stored period key did not read back: ${key}`);
  return result.value;
}

