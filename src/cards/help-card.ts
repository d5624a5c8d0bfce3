/** The help card: a greeting, the commands the bot understands, and an optional note. */
import type { HelpView } from './view-models';
import { adaptiveCard, factSet, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';

export function buildHelpCard(view: HelpView): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(view.greeting ?? 'Hello', { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock('I collect the council\'s monthly performance figures. Type one of these commands:', { wrap: true, spacing: 'Small' }),
  ];
  if (view.commands.length > 0) {
    // FactSet titles are bold in Teams' host config: the command, then what it does.
    body.push(factSet(view.commands.map((c) => ({ title: c.command, value: c.description })), { spacing: 'Medium' }));
  }
  if (view.note) body.push(textBlock(view.note, { isSubtle: true, wrap: true, spacing: 'Medium' }));
  const fallbackText = joinFallback(view);
  return adaptiveCard({ body, fallbackText });
}

function joinFallback(view: HelpView): string {
  const commands = view.commands.map((c) => `"${c.command}" (${c.description})`).join(', ');
  return [view.greeting ? `${view.greeting}.` : null, commands ? `Commands: ${commands}.` : null, view.note]
    .filter((p): p is string => Boolean(p))
    .join(' ') || 'Help: the commands this bot understands.';
}
