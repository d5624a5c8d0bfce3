/**
 * The typed boundary for what a card sends back: Action.Execute's invoke value
 * (`{ action: { type, verb, data } }`) and Action.Submit's message value (`{ verb, ...inputs }`).
 * Our cards only ever send a known verb and flat data of text and numbers; anything else (a verb
 * that is not a string or not ours, nested objects or arrays, a field of absurd length) is a
 * damaged or forged card, answered with one clear message and nothing saved. Field limits a person
 * can reach by typing (a note over 500 characters) are the use cases' business and shown on the
 * card in place; this is the cap beyond which nobody typed it.
 */
import { z } from 'zod';

export const DAMAGED_CARD = 'This card is out of date or damaged: nothing was saved. Type "submit" for a fresh one.';

/** No input on our cards takes more; longer is not typing. */
export const MAX_CARD_FIELD = 20_000;
const MAX_CARD_FIELDS = 400;

const field = z.union([z.string().max(MAX_CARD_FIELD), z.number().refine(Number.isFinite), z.boolean(), z.null()]);
const data = z
  .record(z.string().max(256), field)
  .refine((record) => Object.keys(record).length <= MAX_CARD_FIELDS, { message: 'too many fields' });
const verb = z.string().min(1).max(64);

const invokeValue = z.looseObject({
  action: z.looseObject({ type: z.string().max(64).optional(), verb, data: data.optional() }),
});
const submitValue = data.and(z.looseObject({ verb }));

export type CardData = Readonly<Record<string, string | number | boolean | null>>;
export type CardPayload = { readonly ok: true; readonly verb: string; readonly data: CardData } | { readonly ok: false };

/** An Action.Execute invoke's value, for one of `verbs`. */
export function readInvokePayload(value: unknown, verbs: ReadonlySet<string>): CardPayload {
  const parsed = invokeValue.safeParse(value);
  if (!parsed.success || !verbs.has(parsed.data.action.verb)) return { ok: false };
  return { ok: true, verb: parsed.data.action.verb, data: withoutPrototype(parsed.data.action.data ?? {}) };
}

/** An Action.Submit message's value (old clients), for one of `verbs`. */
export function readSubmitPayload(value: unknown, verbs: ReadonlySet<string>): CardPayload {
  const parsed = submitValue.safeParse(value);
  if (!parsed.success || !verbs.has(parsed.data.verb)) return { ok: false };
  return { ok: true, verb: parsed.data.verb, data: withoutPrototype(parsed.data) };
}

/** Data as a null-prototype record, so a key such as "__proto__" or "constructor" is only ever a key. */
function withoutPrototype(record: Readonly<Record<string, unknown>>): CardData {
  const clean = Object.create(null) as Record<string, string | number | boolean | null>;
  for (const [key, value] of Object.entries(record)) clean[key] = value as string | number | boolean | null;
  return clean;
}
