/**
 * The direction of travel and the figures to date of one status, formatted for the Scorecard tab's
 * rows and indicator page, so both say the same thing in the same words (#14).
 */
import { formatValue } from '../../domain/numbers';
import { travelArrow } from '../../domain/travel';
import type { FigureToDate, IndicatorStatus } from '../register-status';
import type { StatusFiguresView } from './tab-views';

export type TravelFields = Pick<
  StatusFiguresView,
  'travel' | 'travelText' | 'comparisonText' | 'sinceLastYear' | 'sinceLastYearText' | 'yearToDateText' | 'yearToDateValueText'
>;

export function travelFields(s: IndicatorStatus): TravelFields {
  return {
    travel: s.travel.short,
    travelText: travelArrow(s.travel.short),
    comparisonText: s.travel.comparisonText,
    sinceLastYear: s.travel.long,
    sinceLastYearText: travelArrow(s.travel.long),
    yearToDateText: toDateText(s, s.yearToDate),
    yearToDateValueText: s.yearToDate.figure.value === null ? null : formatValue(s.yearToDate.figure.value, s.indicator.unit, s.indicator.decimals),
  };
}

/**
 * "96.1% against 97.0%", "40 against 36 (not every period in)", or null when no period so far has a
 * value. A year to date with a gap is still shown, flagged, because its readers decide what to make of it.
 */
export function toDateText(s: IndicatorStatus, toDate: FigureToDate): string | null {
  const { figure, target } = toDate;
  if (figure.value === null) return null;
  const format = (n: number) => formatValue(n, s.indicator.unit, s.indicator.decimals);
  const against = target === null ? '' : ` against ${format(target)}`;
  return `${format(figure.value)}${against}${figure.complete ? '' : ' (not every period in)'}`;
}
