/**
 * The balanced scorecard for a month: every active indicator at the period its frequency shows as
 * at that month (see as-at.ts), counted by lens and status, with the rows the tab filters in the
 * browser. One call gives the whole page, so filtering costs no further requests.
 */
import { verificationStates } from '../verification/verification-states';
import { reliabilityText, type UnverifiedFigures } from '../../domain/verification';
import { withReportedStatuses } from '../verification/reported-statuses';
import { registerSignals } from '../variation/register-signals';
import { signalsView } from '../variation/signals-view';
import { DEFAULT_RUN_LENGTHS, type RunLengths } from '../../domain/variation-settings';
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { Status, Tolerance } from '../../domain/types';
import { FREQUENCIES, LENSES } from '../../domain/types';
import { comparePeriods, periodKey, periodLabel, shortLabelOfKey, type Period } from '../../domain/periods';
import { formatValue } from '../../domain/numbers';
import { describeStatus } from '../../domain/status';
import { travelFields } from './travel-views';
import { lensLabel } from '../../domain/vocabulary';
import { registerStatuses, type IndicatorStatus } from '../register-status';
import { indicatorPeriodAsAt, periodAsAt } from './as-at';
import { lagText } from '../../domain/reporting-lag';
import { asAtMonth, reportMonths, type ScorecardChoice } from './report-months';
import { STATUS_ORDER, statusLabel } from './labels';
import { viewerView, type Viewer } from './tab-viewer';
import { nextChangeOfTime, RevisionCache } from '../revision-cache';
import type { IndicatorRowView, LensSummaryView, Option, ScorecardView } from './tab-views';

export const AS_AT_NOTE =
  'Monthly indicators are shown for the month chosen, quarterly and annual indicators for their latest quarter or year ended by then.';

/** A quarter's scorecard is its last month's, which shows the quarter itself for quarterly indicators. */
const quarterNote = (lastMonth: string): string =>
  `A quarter is shown as at its last month, ${lastMonth}: monthly indicators for that month, quarterly indicators for the quarter, annual indicators for their latest year ended by then.`;

export class ScorecardService {
  /** Every reader sees the same scorecard but for who they are, so it is computed once a revision. */
  private readonly cache = new RevisionCache<Omit<ScorecardView, 'viewer'>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: { readonly defaultTolerance: Tolerance; readonly unverifiedFigures?: UnverifiedFigures; readonly runLengths?: RunLengths },
  ) {}

  /** The scorecard for a month or quarter; the latest reported month when `choice` is null. */
  async scorecard(viewer: Viewer, choice: ScorecardChoice | null): Promise<ScorecardView> {
    return (await this.scorecardTimed(viewer, choice)).view;
  }

  /**
   * The scorecard, and how long its signals (#17: the whole register's history read and analysed)
   * took when it was computed rather than kept: the tab's API reports it as Server-Timing, which is
   * how the benchmark reads it from the whole HTTP answer. Null when the answer was kept.
   */
  async scorecardTimed(viewer: Viewer, choice: ScorecardChoice | null): Promise<{ view: ScorecardView; signalsMs: number | null }> {
    const now = this.clock.now();
    const key = choice ? periodKey(choice) : 'latest';
    const revision = await this.store.repos.registerRevision.current();
    const cached = this.cache.get(key, revision, now);
    if (cached) return { view: { viewer: viewerView(viewer), ...cached }, signalsMs: null };
    const { view, validUntil, signalsMs } = await this.compute(choice, now);
    this.cache.set(key, revision, validUntil, view);
    return { view: { viewer: viewerView(viewer), ...view }, signalsMs };
  }

  private async compute(choice: ScorecardChoice | null, now: Date): Promise<{ view: Omit<ScorecardView, 'viewer'>; validUntil: Date; signalsMs: number }> {
    const [windows, valuePeriods] = await Promise.all([this.store.repos.periods.list(), this.store.repos.values.periodsWithValues()]);
    const offered = reportMonths(windows, now, valuePeriods);
    const chosen = choice ?? offered.defaultMonth;
    const month = asAtMonth(chosen);
    // Each indicator at its own period: a late-by-design figure at the latest one collected by then.
    const register = await this.store.repos.indicators.active();
    const periods = [...new Map([...FREQUENCIES.map((frequency) => periodAsAt(month, frequency)), ...register.map((i) => indicatorPeriodAsAt(month, i))]
      .map((p) => [periodKey(p), p])).values()];
    const perPeriod = await registerStatuses(this.store, { periods, now, defaultTolerance: this.settings.defaultTolerance });
    const rated = perPeriod.flat().filter((s) => s.period === periodKey(indicatorPeriodAsAt(month, s.indicator)));
    const verified = new Map((await verificationStates(this.store.repos, rated)).map((f) => [f.status.indicator.id, f.state]));
    const policy = this.settings.unverifiedFigures ?? 'RATED';
    const statuses = withReportedStatuses(rated, verified, policy);
    // "Awaiting verification" is counted and offered only where the council holds such figures back.
    const statusesShown = STATUS_ORDER.filter((status) => status !== 'AWAITING_VERIFICATION' || policy === 'AWAITING_VERIFICATION');
    const owners = new Map(
      (await this.store.repos.people.findByIds([...new Set(statuses.map((s) => s.indicator.ownerId))])).map((p) => [p.id, p.displayName]),
    );
    // Timed for Server-Timing only: how long the answer took never changes what it says.
    const signalsStarted = performance.now();
    const signals = await registerSignals(this.store.repos, statuses, this.settings.runLengths ?? DEFAULT_RUN_LENGTHS);
    const signalsMs = performance.now() - signalsStarted;
    const rows = statuses
      .map((s) => {
        const mine = signals.get(s.indicator.id);
        return {
          ...toRow(s, owners.get(s.indicator.ownerId) ?? 'Unknown'),
          qualityText: reliabilityText(s.value?.estimated ?? false, verified.get(s.indicator.id) ?? null),
          ...(mine ? { signals: signalsView(mine, s.indicator) } : {}),
        };
      })
      .sort(byLensThenCode);

    const view = {
      month: periodKey(chosen),
      monthLabel: periodLabel(chosen),
      // A period asked for by URL that has no figures is still offered, so the picker shows it chosen.
      months: options('MONTH', offered.months, chosen),
      quarters: options('QUARTER', offered.quarters, chosen),
      asAtNote: chosen.kind === 'QUARTER' ? quarterNote(periodLabel(month)) : AS_AT_NOTE,
      lenses: LENSES.map((lens) => lensSummary(lens, rows, statusesShown)),
      indicators: rows,
      filters: {
        lenses: LENSES.map((lens) => ({ value: lens, label: lensLabel(lens) })),
        directorates: distinct(rows.map((r) => ({ value: r.directorate, label: r.directorate }))),
        statuses: statusesShown.map((status) => ({ value: status, label: statusLabel(status) })),
        owners: distinct(rows.map((r) => ({ value: r.ownerId, label: r.ownerName }))),
      },
    };
    return { view, validUntil: nextChangeOfTime(windows, now), signalsMs };
  }
}

/** The picker's options for one kind of period, newest first, with the chosen one among them if of that kind. */
function options(kind: ScorecardChoice['kind'], periods: readonly Period[], chosen: ScorecardChoice): Option[] {
  const missing = chosen.kind === kind && !periods.some((p) => periodKey(p) === periodKey(chosen));
  const list = missing ? [...periods, chosen].sort((a, b) => comparePeriods(b, a)) : periods;
  return list.map((p) => ({ value: periodKey(p), label: periodLabel(p) }));
}

function toRow(s: IndicatorStatus, ownerName: string): IndicatorRowView {
  const { indicator } = s;
  const format = (n: number | null) => (n === null ? null : formatValue(n, indicator.unit, indicator.decimals));
  return {
    code: indicator.code,
    title: indicator.title,
    lens: indicator.lens,
    lensLabel: lensLabel(indicator.lens),
    directorate: indicator.directorateName,
    ownerId: indicator.ownerId,
    ownerName,
    period: s.period,
    periodLabel: `${shortLabelOfKey(s.period)}${indicator.lagMonths > 0 ? ` (reported ${lagText(indicator.lagMonths)})` : ''}`,
    value: s.figure,
    valueText: format(s.figure),
    target: s.target,
    targetText: format(s.target),
    status: s.status,
    statusLabel: statusLabel(s.status),
    statusText: describeStatus(s.status),
    ...travelFields(s),
  };
}

function lensSummary(lens: LensSummaryView['lens'], rows: readonly IndicatorRowView[], statuses: readonly Status[]): LensSummaryView {
  const mine = rows.filter((r) => r.lens === lens);
  return {
    lens,
    label: lensLabel(lens),
    total: mine.length,
    counts: statuses.map((status) => ({ status, label: statusLabel(status), count: mine.filter((r) => r.status === status).length })),
  };
}

function byLensThenCode(a: IndicatorRowView, b: IndicatorRowView): number {
  return LENSES.indexOf(a.lens) - LENSES.indexOf(b.lens) || a.code.localeCompare(b.code);
}

function distinct(options: readonly Option[]): Option[] {
  const seen = new Map<string, Option>();
  for (const option of options) if (!seen.has(option.value)) seen.set(option.value, option);
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
}
