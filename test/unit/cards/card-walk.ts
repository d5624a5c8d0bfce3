/** Walking card JSON in tests: find elements, inputs, actions and text wherever they are nested. */
import type { AdaptiveCard } from '../../../src/cards';

export type Json = { readonly [key: string]: unknown };

export interface Visit {
  readonly node: Json;
  /** The object whose array (items, columns, actions, body, ...) holds this node, if any. */
  readonly parent: Json | null;
  /** The array holding the node and the node's index in it. */
  readonly siblings: readonly unknown[] | null;
  readonly index: number;
  /** Property names from the card down to this node, e.g. ["body", "items", "fallback"]. */
  readonly keys: readonly string[];
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object with a string `type` in the card (elements, columns, actions, fallbacks), depth first. */
export function visits(card: AdaptiveCard | Json): Visit[] {
  const out: Visit[] = [];
  const go = (value: unknown, parent: Json | null, siblings: readonly unknown[] | null, index: number, keys: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => go(v, parent, value, i, keys));
      return;
    }
    if (!isObject(value)) return;
    if (typeof value.type === 'string') out.push({ node: value, parent, siblings, index, keys });
    for (const [k, v] of Object.entries(value)) {
      if (k === 'data') continue; // action data is payload, not card structure
      go(v, value, null, -1, [...keys, k]);
    }
  };
  go(card as unknown, null, null, -1, []);
  return out.filter((v) => v.node !== (card as unknown));
}

export const elementsOfType = (card: AdaptiveCard | Json, type: string): Json[] =>
  visits(card).filter((v) => v.node.type === type).map((v) => v.node);

export const inputs = (card: AdaptiveCard | Json): Json[] =>
  visits(card).filter((v) => String(v.node.type).startsWith('Input.')).map((v) => v.node);

/** Actions people can press: everything Action.* except fallbacks and the refresh action. */
export const actions = (card: AdaptiveCard | Json): Json[] =>
  visits(card)
    .filter((v) => String(v.node.type).startsWith('Action.'))
    .filter((v) => !v.keys.includes('fallback') && !v.keys.includes('refresh'))
    .map((v) => v.node);

/** Every Action.* anywhere, fallbacks and refresh included. */
export const anyActions = (card: AdaptiveCard | Json): Json[] =>
  visits(card).filter((v) => String(v.node.type).startsWith('Action.')).map((v) => v.node);

export function inputById(card: AdaptiveCard | Json, id: string): Json {
  const found = inputs(card).filter((i) => i.id === id);
  if (found.length !== 1) throw new Error(`Expected one input "${id}", found ${found.length}`);
  return found[0]!;
}

export function visitOf(card: AdaptiveCard | Json, node: Json): Visit {
  const v = visits(card).find((x) => x.node === node);
  if (!v) throw new Error('node not in card');
  return v;
}

/** The element right after `node` in the same items array. */
export function nextSibling(card: AdaptiveCard | Json, node: Json): Json | undefined {
  const v = visitOf(card, node);
  const next = v.siblings?.[v.index + 1];
  return isObject(next) ? next : undefined;
}

export const textBlocks = (card: AdaptiveCard | Json): Json[] => elementsOfType(card, 'TextBlock');

export const texts = (card: AdaptiveCard | Json): string[] => textBlocks(card).map((t) => String(t.text));

export function textBlockContaining(card: AdaptiveCard | Json, fragment: string): Json {
  const found = textBlocks(card).filter((t) => String(t.text).includes(fragment));
  if (found.length !== 1) throw new Error(`Expected one TextBlock containing "${fragment}", found ${found.length}`);
  return found[0]!;
}

/** The Container (row) whose subtree holds the input with this id. */
export function containerHolding(card: AdaptiveCard | Json, inputId: string, style?: string): Json {
  const candidates = elementsOfType(card, 'Container').filter(
    (c) => inputs(c).some((i) => i.id === inputId) && (style === undefined || c.style === style),
  );
  // The innermost one: the one with no candidate inside it.
  const innermost = candidates.filter((c) => !candidates.some((o) => o !== c && visits(c).some((v) => v.node === o)));
  if (innermost.length !== 1) throw new Error(`No single container holds ${inputId}`);
  return innermost[0]!;
}
