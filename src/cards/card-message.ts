import type { AdaptiveCard } from './adaptive-card';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A message activity carrying one Adaptive Card, its fallback text as the notification summary. */
export interface CardMessage {
  readonly type: 'message';
  readonly summary: string;
  readonly text?: string;
  readonly attachments: readonly { readonly contentType: string; readonly content: AdaptiveCard }[];
}

export function cardMessage(card: AdaptiveCard, text?: string): CardMessage {
  return {
    type: 'message',
    summary: card.fallbackText,
    ...(text ? { text } : {}),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  };
}
