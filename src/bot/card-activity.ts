import type { Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { cardMessage as plainCardMessage } from '../cards/card-message';

export { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/card-message';

/** A message carrying one Adaptive Card, with the card's fallback text as the message summary. */
export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  return plainCardMessage(card) as unknown as Partial<Activity>;
}
