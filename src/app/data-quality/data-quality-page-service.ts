/**
 * The Scorecard tab's Data quality page (#16), for the performance team only: a period's
 * completeness, timeliness, corrections after close, queries and estimates, by directorate and by
 * owner (the card's view model, already in words), and the period's audit trail as a CSV.
 *
 * The page opens on the latest month whose reporting window has closed (its figures are final and
 * its lateness settled), else the latest month with figures. The picker offers the months the
 * scorecard offers (figures, or a window opened), newest first, at most two years of them.
 */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import { parsePeriod, periodKey, periodLabel, type Period } from '../../domain/periods';
import { reportMonths } from '../scorecard/report-months';
import { viewerView, type Viewer } from '../scorecard/tab-viewer';
import type { DataQualityPageView, Option } from '../scorecard/tab-views';
import { loadDataQuality } from './data-quality-report';
import { buildDataQualityView } from './data-quality-view';
import { auditTrailCsv } from './audit-trail-csv';

/** At most this many months in the picker: two years. */
export const DATA_QUALITY_MONTHS_OFFERED = 24;

export const PERFORMANCE_TEAM_ONLY = 'Only the performance team can see the data-quality measures and the audit trail.';

export const HOW_TO_WRITE_A_PERIOD = 'write a month as 2026-07, a quarter as "2026/27 Q2" or a year as 2026/27.';

/** Refused: the viewer is not in the performance team (403), or the period is not one (400). */
export class DataQualityRefusal extends Error {
  constructor(readonly reason: 'not-performance-team' | 'bad-period', message: string) {
    super(message);
  }
}

export interface AuditCsvFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export class DataQualityPageService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** `periodText`: the period asked for, or null for the default. */
  async page(viewer: Viewer, periodText: string | null): Promise<DataQualityPageView> {
    refuseUnlessPerformanceTeam(viewer);
    const asked = periodText === null ? null : readPeriod(periodText);
    const { months, defaultMonth } = await this.months();
    const period = asked ?? defaultMonth;
    const offered = months.slice(0, DATA_QUALITY_MONTHS_OFFERED);
    if (!offered.some((p) => periodKey(p) === periodKey(period))) offered.unshift(period);
    const quality = buildDataQualityView(await loadDataQuality(this.store, period), null);
    return {
      viewer: viewerView(viewer),
      period: periodKey(period),
      periods: offered.map(option),
      quality,
    };
  }

  /** The period's audit trail as a CSV file ("audit-2026-07.csv"), for internal audit. */
  async auditCsv(viewer: Viewer, periodText: string): Promise<AuditCsvFile> {
    refuseUnlessPerformanceTeam(viewer);
    const period = readPeriod(periodText);
    const { csv } = await auditTrailCsv(this.store, period);
    return { name: auditFileName(period), mediaType: 'text/csv; charset=utf-8', bytes: new TextEncoder().encode(csv) };
  }

  /** The months to choose from (newest first) and the one the page opens on. */
  private async months(): Promise<{ months: Period[]; defaultMonth: Period }> {
    const now = this.clock.now();
    const [windows, valuePeriods] = await Promise.all([this.store.repos.periods.list(), this.store.repos.values.periodsWithValues()]);
    const offered = reportMonths(windows, now, valuePeriods);
    const closed = new Set(windows.filter((w) => w.closedAt !== null && w.closedAt.getTime() <= now.getTime()).map((w) => w.period));
    const withValues = new Set(valuePeriods.flatMap((key) => {
      const parsed = parsePeriod(key);
      return parsed.ok && parsed.value.kind === 'MONTH' ? [periodKey(parsed.value)] : [];
    }));
    const months = [...offered.months];
    const defaultMonth =
      months.find((m) => closed.has(periodKey(m))) ?? months.find((m) => withValues.has(periodKey(m))) ?? offered.defaultMonth;
    return { months, defaultMonth };
  }
}

/** "audit-2026-07.csv", "audit-2026-27-Q2.csv": as the audit:export command names it. */
export function auditFileName(period: Period): string {
  return `audit-${periodKey(period).replace(/[/ ]+/g, '-')}.csv`;
}

function option(period: Period): Option {
  return { value: periodKey(period), label: periodLabel(period).split(' (')[0]! };
}

function refuseUnlessPerformanceTeam(viewer: Viewer): void {
  if (!viewer.isAdmin) throw new DataQualityRefusal('not-performance-team', PERFORMANCE_TEAM_ONLY);
}

function readPeriod(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new DataQualityRefusal('bad-period', `"${text.trim()}" is not a period: ${HOW_TO_WRITE_A_PERIOD}`);
  return parsed.value;
}
