import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';

/** A message carrying one Adaptive Card, with the card's fallback text as the message summary. */
export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = card.fallbackText;
  return activity;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
