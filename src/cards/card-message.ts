import type { AdaptiveCard } from './adaptive-card';
import { fitToBudget } from './card-budget';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A message activity carrying one Adaptive Card, its fallback text as the notification summary. */
export interface CardMessage {
  readonly type: 'message';
  readonly summary: string;
  readonly text?: string;
  readonly attachments: readonly { readonly contentType: string; readonly content: AdaptiveCard }[];
}

/** Every card sent in a message goes through here, and so through the size budget (card-budget.ts). */
export function cardMessage(card: AdaptiveCard, text?: string): CardMessage {
  const fitted = fitToBudget(card);
  return {
    type: 'message',
    summary: fitted.fallbackText,
    ...(text ? { text } : {}),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: fitted }],
  };
}
