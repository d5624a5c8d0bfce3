/** "What is outstanding for you": values due, narratives needed, missing values. */
import type { OutstandingItemView, OutstandingView } from './view-models';
import { adaptiveCard, container, joinParts, textBlock, toneColor, type AdaptiveCard, type CardElement } from './adaptive-card';
import { shown } from './shown-text';

export function buildOutstandingCard(view: OutstandingView): AdaptiveCard {
  const count = view.items.length;
  const body: CardElement[] = [
    textBlock('What is outstanding for you', { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(joinParts([view.personName, view.periodLabel ? `Open period: ${view.periodLabel}` : null]), {
      isSubtle: true,
      spacing: 'None',
      wrap: true,
    }),
  ];
  if (count === 0) {
    body.push(textBlock('Nothing outstanding — thank you.', { color: 'Good', weight: 'Bolder', wrap: true, spacing: 'Medium' }));
  } else {
    body.push(
      textBlock(count === 1 ? '1 thing needs your attention:' : `${count} things need your attention:`, { wrap: true, spacing: 'Medium' }),
      ...view.items.map(item),
    );
  }
  const fallbackText =
    count === 0
      ? `Nothing outstanding for ${view.personName} — thank you.`
      : `Outstanding for ${view.personName}: ${view.items.map((i) => `${i.code} (${i.periodLabel}) ${i.what}`).join('; ')}.`;
  return adaptiveCard({ body, fallbackText });
}

function item(entry: OutstandingItemView): CardElement {
  return container(
    [
      textBlock(`${entry.code} · ${shown(entry.title)}`, { weight: 'Bolder', wrap: true }),
      textBlock(joinParts([entry.periodLabel, entry.what], ' — '), {
        color: toneColor(entry.tone),
        spacing: 'None',
        wrap: true,
      }),
    ],
    { separator: true, spacing: 'Small' },
  );
}
