/** For someone who messages the bot but is not in the council's indicator register. */
import type { NotRegisteredView } from './view-models';
import { adaptiveCard, textBlock, type AdaptiveCard } from './adaptive-card';

export function buildNotRegisteredCard(view: NotRegisteredView): AdaptiveCard {
  const hello = view.userName ? `Hello ${view.userName}` : 'Hello';
  const explanation =
    'I collect monthly performance figures from the people who own or cover indicators in the council\'s indicator register. ' +
    'You are not in the register, so I have nothing to ask you for.';
  const contact = `If you think you should be, or you have taken over an indicator from a colleague, please contact ${view.contact}.`;
  return adaptiveCard({
    body: [
      textBlock(hello, { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
      textBlock(explanation, { wrap: true, spacing: 'Small' }),
      textBlock(contact, { wrap: true, spacing: 'Medium' }),
    ],
    fallbackText: `${hello}. ${explanation} ${contact}`,
  });
}
