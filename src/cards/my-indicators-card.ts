/**
 * "My indicators": a table-like list of the indicators a person owns or covers, with the latest
 * value, its status (word and colour), the direction of travel and the target.
 */
import type { IndicatorSummaryView, MyIndicatorsView } from './view-models';
import {
  adaptiveCard,
  column,
  columnSet,
  joinParts,
  statusStyle,
  textBlock,
  trendText,
  type AdaptiveCard,
  type CardElement,
  type ColumnSet,
} from './adaptive-card';
import { shown } from './shown-text';

/** Relative column widths: indicator, latest value, status. */
const WIDTHS = [5, 3, 2] as const;

export function buildMyIndicatorsCard(view: MyIndicatorsView): AdaptiveCard {
  const count = view.indicators.length;
  const body: CardElement[] = [
    textBlock('Your indicators', { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(joinParts([view.personName, count === 1 ? '1 indicator' : `${count} indicators`]), {
      isSubtle: true,
      spacing: 'None',
      wrap: true,
    }),
  ];
  if (count === 0) {
    body.push(textBlock('You do not own or cover any indicators in the register yet.', { wrap: true, spacing: 'Medium' }));
  } else {
    body.push(headerRow(), ...view.indicators.map(indicatorRow));
  }
  const fallbackText =
    count === 0
      ? `Your indicators (${view.personName}): you do not own or cover any indicators in the register yet.`
      : `Your indicators (${view.personName}): ${view.indicators
          .map((i) => `${i.code} ${statusStyle(i.status).label}`)
          .join(', ')}.`;
  return adaptiveCard({ body, fallbackText, fullWidth: true });
}

function headerRow(): ColumnSet {
  const heading = (text: string) => textBlock(text, { weight: 'Bolder', size: 'Small', isSubtle: true, wrap: true });
  return columnSet(
    [
      column([heading('Indicator')], { width: WIDTHS[0] }),
      column([heading('Latest')], { width: WIDTHS[1] }),
      column([heading('Status')], { width: WIDTHS[2] }),
    ],
    { spacing: 'Medium' },
  );
}

function indicatorRow(indicator: IndicatorSummaryView): ColumnSet {
  const { label, color } = statusStyle(indicator.status);
  const trend = trendText(indicator.trend);
  const statusItems: CardElement[] = [textBlock(label, { color, weight: 'Bolder', wrap: true })];
  if (trend !== '') statusItems.push(textBlock(trend, { size: 'Small', isSubtle: true, spacing: 'None', wrap: true }));
  return columnSet(
    [
      column(
        [
          textBlock(`${indicator.code} · ${shown(indicator.title)}`, { weight: 'Bolder', wrap: true }),
          textBlock(indicator.targetText ?? 'No target (data only)', { size: 'Small', isSubtle: true, spacing: 'None', wrap: true }),
        ],
        { width: WIDTHS[0] },
      ),
      column(
        [
          textBlock(indicator.latestValueText ?? 'No value yet', { wrap: true, ...(indicator.latestValueText ? {} : { isSubtle: true }) }),
          ...(indicator.latestPeriodLabel
            ? [textBlock(indicator.latestPeriodLabel, { size: 'Small', isSubtle: true, spacing: 'None', wrap: true })]
            : []),
        ],
        { width: WIDTHS[1] },
      ),
      column(statusItems, { width: WIDTHS[2] }),
    ],
    { separator: true, spacing: 'Small' },
  );
}
