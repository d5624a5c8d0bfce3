/** Looking inside Adaptive Card JSON in tests: every element, every input, every visible text. */
type Json = Record<string, unknown>;

export function allElements(node: unknown): Json[] {
  const found: Json[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Json;
      if (typeof object.type === 'string') found.push(object);
      Object.values(object).forEach(walk);
    }
  };
  walk(node);
  return found;
}

export function inputIds(card: unknown): string[] {
  return allElements(card).filter((e) => String(e.type).startsWith('Input.')).map((e) => String(e.id));
}

/** All text a person would read on the card, joined. */
export function cardText(card: unknown): string {
  return allElements(card)
    .flatMap((e) => [e.text, e.title, e.label, e.placeholder].filter((t): t is string => typeof t === 'string'))
    .concat(allElements(card).filter((e) => e.type === 'FactSet').flatMap((e) => ((e.facts as { title: string; value: string }[]) ?? []).flatMap((f) => [f.title, f.value])))
    .join('\n');
}

/** The Adaptive Card inside a message activity's first attachment. */
export function cardOf(activity: Record<string, unknown> | undefined): Json {
  const attachments = (activity?.attachments ?? []) as { contentType: string; content: Json }[];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(activity).slice(0, 300)}`);
  return card.content;
}
