/**
 * Every card leaves through here (cardMessage for chats, threads and the outbox; the invoke
 * response for Action.Execute): a card over the budget Teams allows us (CARD_SIZE_LIMIT_BYTES) is
 * shortened, longest texts first, and says so at its top, instead of being refused by Teams. Card
 * builders keep their own lists short (the digest's "and N more"); this is the last guard, for
 * what people typed (a narrative, a note) being far longer than anyone planned for.
 */
import type { AdaptiveCard } from './adaptive-card';
import { CARD_SIZE_LIMIT_BYTES } from './card-contract';

export const SHORTENED_NOTE = 'Parts of this card were shortened to fit Teams\' size limit; the full text is kept and shown in the Scorecard tab.';

/** Texts are never cut below this many characters. */
const FLOOR = 200;

export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export function fitToBudget(card: AdaptiveCard, limit = CARD_SIZE_LIMIT_BYTES): AdaptiveCard {
  if (cardBytes(card) <= limit) return card;
  const copy = structuredClone(card) as unknown as Record<string, unknown>;
  const body = (copy.body as unknown[] | undefined) ?? [];
  copy.body = [{ type: 'TextBlock', text: SHORTENED_NOTE, wrap: true, isSubtle: true, size: 'Small' }, ...body];
  const texts = collectTexts(copy);
  // Halve the longest text until the card fits or every text is at the floor.
  for (let guard = 0; guard < 10_000 && cardBytes(copy) > limit; guard++) {
    const longest = texts.reduce((a, b) => (b.length() > a.length() ? b : a), texts[0]!);
    if (!longest || longest.length() <= FLOOR) break;
    longest.cut(Math.max(FLOOR, Math.floor(longest.length() / 2)));
  }
  return copy as unknown as AdaptiveCard;
}

interface TextSlot {
  length(): number;
  cut(to: number): void;
}

/** Every string a person could have made long: texts, input values, fact values, titles, fallback text. */
function collectTexts(node: unknown, slots: TextSlot[] = []): TextSlot[] {
  if (Array.isArray(node)) {
    for (const item of node) collectTexts(item, slots);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'value', 'title', 'fallbackText', 'placeholder']) {
      if (typeof record[key] === 'string') {
        slots.push({
          length: () => (record[key] as string).length,
          cut: (to) => (record[key] = `${(record[key] as string).slice(0, to - 1)}…`),
        });
      }
    }
    for (const [key, value] of Object.entries(record)) if (typeof value === 'object') collectTexts(value, slots);
  }
  return slots;
}
