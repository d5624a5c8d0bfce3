/**
 * One indicator's page: its definition and people, the period's figure against target, the trend
 * of the last 24 periods, the owner's narratives, and every version of the period's value (who
 * changed what, when), with the Board's commentary from the indicator's thread and its action plan.
 */
import { registerSignals } from '../variation/register-signals';
import { xmrChartView } from '../variation/signals-view';
import { seriesTarget } from '../variation/indicator-signals';
import { DEFAULT_RUN_LENGTHS, type RunLengths } from '../../domain/variation-settings';
import { reliabilityText, reportedStatus, verificationState, type UnverifiedFigures } from '../../domain/verification';
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { ValueVersion } from '../../db/repositories/value-repository';
import type { Status, Tolerance } from '../../domain/types';
import {
  frequencyOfPeriod,
  labelOfKey,
  shortLabelOfKey,
  periodKey,
  periodLabel,
  periodShortLabel,
  trailingPeriods,
  type Period,
} from '../../domain/periods';
import { formatValue } from '../../domain/numbers';
import { formatUkDate, formatUkDateTime } from '../../domain/dates';
import { describeStatus } from '../../domain/status';
import { describeTolerance } from '../../domain/tolerance';
import { toDateText, travelFields } from './travel-views';
import { aggregationLabel, frequencyLabel, kindLabel, lensLabel, polarityLabel, unitLabel } from '../../domain/vocabulary';
import { registerStatus } from '../register-status';
import { periodAsAt } from './as-at';
import { reportMonths } from './report-months';
import { indicatorTrend } from './indicator-trend';
import { likelyToRecoverText, sourceText, statusLabel } from './labels';
import { seesWhoEntered, viewerView, type Viewer } from './tab-viewer';
import type { ActionPlanView, CommentaryView, IndicatorPageView, NarrativeEntryView, VersionView } from './tab-views';
import type { PlanVersionRecord } from '../../db/repositories/action-plan-repository';
import { latestVersionState } from '../board/plan-state';
import { planStateWord } from '../../cards/board';
import { threadAndPlanOf } from '../board/exception-of-period';

/** How many periods the trend chart covers: two years of months, six of quarters. */
export const TREND_LENGTH = 24;

export class PeriodNotOfIndicatorError extends Error {}

export class IndicatorPageService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: { readonly defaultTolerance: Tolerance; readonly unverifiedFigures?: UnverifiedFigures; readonly runLengths?: RunLengths },
  ) {}

  /**
   * The page for the indicator with this code, at `period` (one of its own frequency) or, when
   * null, at the period the default scorecard month shows. Null when there is no such active
   * indicator.
   */
  async page(viewer: Viewer, code: string, period: Period | null): Promise<IndicatorPageView | null> {
    const indicator = await this.store.repos.indicators.findByCode(code);
    if (!indicator || !indicator.active) return null;
    const now = this.clock.now();
    const windows = await this.store.repos.periods.list();
    if (period && frequencyOfPeriod(period) !== indicator.frequency) {
      throw new PeriodNotOfIndicatorError(`${indicator.code} is reported ${frequencyLabel(indicator.frequency).toLowerCase()}: "${periodKey(period)}" is not one of its periods`);
    }
    const shown = period ?? periodAsAt(reportMonths(windows, now, await this.store.repos.values.periodsWithValues()).defaultMonth, indicator.frequency);
    const key = periodKey(shown);

    const [statuses, values, targets, versions] = await Promise.all([
      registerStatus(this.store, { period: shown, now, defaultTolerance: this.settings.defaultTolerance, indicatorIds: [indicator.id] }),
      this.store.repos.values.currentFor([indicator.id]),
      this.store.repos.targets.forIndicators([indicator.id]),
      this.store.repos.values.history(indicator.id, key),
    ]);
    const status = statuses[0]!;
    const [narratives, audit, { thread, plan }, decisions, signals] = await Promise.all([
      this.store.repos.narratives.forValues(versions.map((v) => v.id)),
      this.store.repos.audit.forEntities('IndicatorValue', versions.map((v) => v.id)),
      threadAndPlanOf(this.store, indicator.id, key),
      // The shown period's versions (their sign-offs) and each period's current one (how it is reported).
      this.store.repos.verifications.historyFor([...new Set([...versions, ...values].map((v) => v.id))]),
      registerSignals(this.store.repos, [{ indicator, period: key }], this.settings.runLengths ?? DEFAULT_RUN_LENGTHS),
    ]);
    const commentary = thread ? await this.store.repos.board.commentaryFor([thread.id]) : [];
    const latestPlan = plan?.versions.at(-1) ?? null;
    const names = await this.namesOf([
      indicator.ownerId, ...indicator.delegateIds, indicator.verifierId, indicator.directorId,
      ...versions.map((v) => v.enteredById), ...narratives.map((n) => n.enteredById), latestPlan?.decidedById ?? null,
      ...[...decisions.values()].flat().map((d) => d.decidedById),
    ]);
    const stateOf = (valueId: string) => (indicator.verifierId ? verificationState(decisions.get(valueId) ?? []) : null);
    const policy = this.settings.unverifiedFigures ?? 'RATED';
    const currentValueOf = new Map(values.map((v) => [v.period, v.id]));
    const reported = (period: string, rated: Status): Status => {
      const valueId = currentValueOf.get(period);
      return valueId ? reportedStatus(rated, stateOf(valueId), policy) : rated;
    };
    const currentStatus = reported(key, status.status);
    const format = (n: number | null) => (n === null ? null : formatValue(n, indicator.unit, indicator.decimals));
    const trend = indicatorTrend(
      { indicator, values, targets, windows, now, defaultTolerance: this.settings.defaultTolerance },
      trailingPeriods(shown, TREND_LENGTH),
    );
    const namesShown = seesWhoEntered(viewer, indicator);
    const versionNumber = new Map(versions.map((v) => [v.id, v.version]));
    const auditActor = new Map(audit.map((entry) => [entry.entityId, entry.actorLabel]));

    return {
      viewer: viewerView(viewer),
      code: indicator.code,
      title: indicator.title,
      definition: indicator.definition,
      kindLabel: kindLabel(indicator.kind),
      unitLabel: unitLabel(indicator.unit),
      polarityLabel: polarityLabel(indicator.polarity),
      frequencyLabel: frequencyLabel(indicator.frequency),
      aggregationLabel: aggregationLabel(indicator.aggregation),
      lensLabel: lensLabel(indicator.lens),
      directorate: indicator.directorateName,
      people: {
        owner: names.get(indicator.ownerId) ?? 'Unknown',
        delegates: indicator.delegateIds.map((id) => names.get(id) ?? 'Unknown'),
        verifier: indicator.verifierId ? (names.get(indicator.verifierId) ?? 'Unknown') : null,
        director: indicator.directorId ? (names.get(indicator.directorId) ?? 'Unknown') : null,
      },
      period: key,
      periodLabel: periodLabel(shown),
      current: {
        value: status.figure,
        valueText: format(status.figure),
        target: status.target,
        targetText: format(status.target),
        toleranceText: toleranceText(indicator, status.tolerance),
        status: currentStatus,
        statusLabel: statusLabel(currentStatus),
        statusText: describeStatus(currentStatus),
        ...travelFields(status),
        qualityText: status.value ? reliabilityText(status.value.estimated, stateOf(status.value.id)) : null,
        quarterToDate: status.quarterToDate
          ? { label: shortLabelOfKey(status.quarterToDate.quarter), text: toDateText(status, status.quarterToDate) }
          : null,
      },
      xmr: xmrChartView(
        signals.get(indicator.id)!, indicator, seriesTarget(indicator.aggregation, new Map(targets.map((t) => [t.period, t.value])), shown),
      ),
      trend: trend.map((point) => ({
        period: periodKey(point.period),
        label: periodShortLabel(point.period),
        value: point.figure,
        valueText: format(point.figure),
        target: point.target,
        targetText: format(point.target),
        status: reported(periodKey(point.period), point.status),
        statusLabel: statusLabel(reported(periodKey(point.period), point.status)),
      })),
      narratives: narratives.map((n): NarrativeEntryView => ({
        remedialAction: n.remedialAction,
        likelyToRecoverText: likelyToRecoverText(n.likelyToRecover),
        recoveryPeriod: labelOfKey(n.recoveryPeriod),
        givenBy: names.get(n.enteredById) ?? 'Unknown',
        givenAtText: formatUkDateTime(n.enteredAt),
        valueVersion: versionNumber.get(n.valueId) ?? 0,
      })),
      commentary: commentary.map((c): CommentaryView => ({ authorName: c.authorName, postedAtText: formatUkDateTime(c.postedAt), text: c.text })),
      actionPlan: plan ? actionPlanView(latestPlan, names) : null,
      history: {
        namesShown,
        versions: versions.map((v, index): VersionView => ({
          version: v.version,
          value: v.value,
          valueText: format(v.value)!,
          changeText: changeText(versions[index - 1], v, format),
          enteredBy: namesShown ? enteredBy(v, names, auditActor) : null,
          enteredAtText: formatUkDateTime(v.enteredAt),
          enteredAt: v.enteredAt.toISOString(),
          sourceText: sourceText(v.source),
          note: v.note,
          flagsText: versionFlags(v, decisions.get(v.id) ?? [], names),
        })),
      },
    };
  }

  private async namesOf(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const people = await this.store.repos.people.findByIds(wanted);
    return new Map(people.map((p) => [p.id, p.displayName]));
  }
}

/** The plan's latest version in a sentence, with where its approval stands. */
function actionPlanView(latest: PlanVersionRecord | null, names: ReadonlyMap<string, string>): ActionPlanView {
  if (!latest) return { summary: 'Asked for; the owner has not submitted it yet.', stateText: capitalise(planStateWord('REQUESTED')), decidedBy: null, decidedAtText: null };
  const actions = `${latest.actions.length} ${latest.actions.length === 1 ? 'action' : 'actions'}`;
  const summary = `Version ${latest.version}: ${actions}, expected to recover by ${labelOfKey(latest.expectedRecovery)}; likely to be enough: ${likelyToRecoverText(latest.likelySufficient)}. ` +
    latest.actions.map((a) => `${a.description} (${names.get(a.leadId) ?? 'lead unknown'}, by ${formatUkDate(a.dueDate)}${a.completedAt ? ', done' : ''})`).join('; ');
  return {
    summary,
    stateText: `${capitalise(planStateWord(latestVersionState(latest)))}${latest.decisionComment ? `: ${latest.decisionComment}` : ''}`,
    decidedBy: latest.decidedById ? (names.get(latest.decidedById) ?? 'Unknown') : null,
    decidedAtText: latest.decidedAt ? formatUkDateTime(latest.decidedAt) : null,
  };
}

function toleranceText(indicator: IndicatorRecord, tolerance: Tolerance): string {
  if (indicator.kind === 'DATA_ONLY') return 'Not rated: data only';
  const text = describeTolerance(tolerance, indicator.unit, indicator.decimals);
  return indicator.tolerance === null ? `${capitalise(text)} (the organisation's default)` : capitalise(text);
}

function changeText(previous: ValueVersion | undefined, current: ValueVersion, format: (n: number) => string | null): string | null {
  if (!previous) return null;
  return previous.value === current.value ? 'Note changed, figure unchanged' : `Corrected from ${format(previous.value)}`;
}

/** The person who entered it; for imports, the audit log's actor ("import register.xlsx"). */
function enteredBy(v: ValueVersion, names: ReadonlyMap<string, string>, auditActor: ReadonlyMap<string, string>): string {
  if (v.enteredById) return names.get(v.enteredById) ?? 'Unknown';
  return auditActor.get(v.id) ?? sourceText(v.source);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A version's flags and what its verifier decided, in words (#16); null for none. */
function versionFlags(
  v: { estimated: boolean; unusualConfirmed: boolean }, decided: readonly { decision: string; decidedById: string }[], names: ReadonlyMap<string, string>,
): string | null {
  const latest = decided.at(-1);
  const by = (id: string) => names.get(id) ?? 'Unknown';
  const parts = [
    v.estimated ? 'estimate' : null,
    v.unusualConfirmed ? 'unusual, confirmed by the owner' : null,
    latest?.decision === 'VERIFIED' ? `verified by ${by(latest.decidedById)}` : latest?.decision === 'QUERIED' ? `queried by ${by(latest.decidedById)}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join('; ') : null;
}
