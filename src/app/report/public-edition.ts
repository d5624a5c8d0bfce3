/**
 * The public edition of the quarterly report (#15): only the indicators the council publishes (the
 * register's `public` column) and no staff. Everything is recounted over the indicators kept, so the
 * public page's counts, completeness and lists describe what it shows and nothing it hides.
 *
 * What goes: owners' and action leads' names; the Board's commentary, which quotes and names staff;
 * and the owners' narratives, which are free text written by staff and may name colleagues ("while
 * the team leader is on leave"), so nothing the report cannot check is published. What stays: the
 * figures, the plan's state, when recovery is expected, and the actions themselves with their due
 * dates, because what the council is doing about a problem is what the public wants to know.
 */
import { parsePeriod, periodShortLabel, previousPeriod } from '../../domain/periods';
import type { QuarterReport, ReportException, ReportIndicator } from './quarter-report-model';
import { reportCounts } from './report-counts';

export function publicEdition(report: QuarterReport): QuarterReport {
  const indicators = report.indicators.filter((x) => x.public).map(withoutStaff);
  const kept = new Set(indicators.map((x) => x.id));
  return {
    ...report,
    edition: 'public',
    ...reportCounts(indicators, { lastQuarterLabel: lastQuarterLabelOf(report), hadLastQuarter: report.overall.lastQuarter !== null }),
    indicators,
    exceptions: report.exceptions.filter((e) => kept.has(e.indicatorId)).map(exceptionWithoutStaff),
    dataOnly: indicators.filter((x) => x.status === 'DATA_ONLY'),
    missing: indicators.filter((x) => x.status === 'MISSING' || x.status === 'DUE'),
  };
}

function withoutStaff(indicator: ReportIndicator): ReportIndicator {
  return { ...indicator, ownerName: null };
}

function exceptionWithoutStaff(exception: ReportException): ReportException {
  return {
    ...exception,
    narrative: null,
    commentary: null,
    actions: exception.actions.map((action) => ({ ...action, leadName: null })),
  };
}

/** The label the committee edition compared with ("Q1 2026/27"), worked out again if it was left empty. */
function lastQuarterLabelOf(report: QuarterReport): string {
  if (report.lastQuarterLabel) return report.lastQuarterLabel;
  const quarter = parsePeriod(report.quarter);
  return quarter.ok ? periodShortLabel(previousPeriod(quarter.value)) : 'the last quarter';
}
