/**
 * The message that starts a red or amber indicator's thread in the Performance Board channel:
 * the figures, the last 12 periods, the owner's narrative, the owner @mentioned (so Teams tells
 * them), where the action plan stands and, for an amber, "Ask for an action plan".
 */
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  factSet,
  joinParts,
  mention,
  richTextBlock,
  textBlock,
  textRun,
  trendText,
  verticalBarChart,
  type AdaptiveCard,
  type CardElement,
  type Mention,
} from '../adaptive-card';
import { BOARD_VERBS } from './board-contract';
import type { ThreadCardView, ThreadNarrativeView } from './board-view-models';
import { indicatorHeading, planStateText, statusLine } from './board-parts';
import { shown } from '../shown-text';

export function buildThreadCard(view: ThreadCardView): AdaptiveCard {
  const ask = ownerAsk(view);
  const body: CardElement[] = [
    indicatorHeading(view.code, view.title),
    statusLine(view.status, view.statusText),
    textBlock(view.periodLabel, { isSubtle: true, spacing: 'None', wrap: true }),
    ...(view.variationText ? [textBlock(view.variationText, { wrap: true, spacing: 'Small' })] : []),
    factSet(
      [
        { title: 'Value', value: view.valueText },
        { title: 'Target', value: view.targetText },
        { title: 'Tolerance', value: view.toleranceText },
        { title: 'Trend', value: trendText(view.trend) || 'Not comparable with the last period' },
      ],
      { spacing: 'Medium' },
    ),
    ...trend(view),
  ];
  if (view.narrative) body.push(narrative(view.narrative));
  body.push(ask.element);
  if (view.planState) body.push(textBlock(planStateText(view.planState), { weight: 'Bolder', spacing: 'Small', wrap: true }));
  if (view.canRequestPlan) {
    body.push(
      actionSet(
        [executeAction(BOARD_VERBS.requestPlan, 'Ask for an action plan', { indicatorId: view.indicatorId, period: view.period })],
        { spacing: 'Medium' },
      ),
    );
  }
  return adaptiveCard({
    body,
    fallbackText: `${view.code} ${view.title}: ${view.statusText} (${view.periodLabel}).${view.variationText ? ` ${view.variationText}.` : ''} ${ask.plain}`,
    fullWidth: true,
    ...(ask.mention ? { mentions: [ask.mention] } : {}),
  });
}

interface OwnerAsk {
  readonly element: CardElement;
  readonly plain: string;
  readonly mention: Mention | null;
}

/**
 * The line asking the owner to reply in the thread. With a Teams user id the name is a real
 * @mention (Teams notifies them); without one it is just their name in bold.
 */
function ownerAsk(view: ThreadCardView): OwnerAsk {
  const { name, teamsUserId } = view.owner;
  const rest = view.narrative
    ? ', please reply here with progress on the remedial action.'
    : ', please add the remedial action in this thread: reply here.';
  const spacing = 'Medium' as const;
  if (teamsUserId) {
    const m = mention(teamsUserId, name);
    return { element: textBlock(`${m.text}${rest}`, { wrap: true, spacing }), plain: `${name}${rest}`, mention: m };
  }
  // A RichTextBlock, not markdown: the bold then shows the same in every client and in the renderer.
  return {
    element: richTextBlock([textRun(name, { weight: 'Bolder' }), textRun(rest)], { spacing }),
    plain: `${name}${rest}`,
    mention: null,
  };
}

/** The last periods as bars (the current one in its status colour), falling back to the figures as text. */
function trend(view: ThreadCardView): CardElement[] {
  if (view.history.length === 0) return [];
  const title = `Last ${view.history.length === 1 ? 'period' : `${view.history.length} periods`}`;
  // No-break spaces inside each "Nov 25 18.9 days", so lines wrap between periods, not within one.
  const points = view.history.map((p) => `${p.label} ${p.valueText}`.replace(/ /g, '\u00a0'));
  const listed = textBlock(`${title}: ${points.join(' · ')}`, {
    size: 'Small',
    wrap: true,
    spacing: 'Medium',
  });
  const last = view.history.length - 1;
  const bars = view.history.flatMap((p, i) =>
    p.value === null
      ? []
      : [{ x: p.label, y: p.value, color: i === last ? (view.status === 'RED' ? ('attention' as const) : ('warning' as const)) : ('neutral' as const) }],
  );
  // Nothing to draw: the text says it all.
  if (bars.length === 0) return [listed];
  return [verticalBarChart(bars, listed, { title, spacing: 'Medium' })];
}

function narrative(n: ThreadNarrativeView): CardElement {
  const items: CardElement[] = [
    textBlock(`Narrative from ${shown(n.givenBy)}`, { weight: 'Bolder', wrap: true }),
    textBlock(shown(n.remedialAction), { wrap: true, spacing: 'Small' }),
  ];
  const outlook = joinParts([
    n.likelyToRecoverText ? `Likely to be enough: ${n.likelyToRecoverText}` : null,
    n.recoveryPeriod ? `Expected to recover by: ${n.recoveryPeriod}` : null,
  ]);
  if (outlook !== '') items.push(textBlock(outlook, { size: 'Small', isSubtle: true, spacing: 'Small', wrap: true }));
  return container(items, { style: 'emphasis', spacing: 'Medium' });
}
