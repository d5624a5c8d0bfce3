/** What a person typed to the bot, as a command. */
export type ChatCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'myIndicators' }
  | { readonly kind: 'submit' }
  | { readonly kind: 'status' }
  | { readonly kind: 'unknown'; readonly text: string };

/** The commands, as `help` lists them and as the app manifest's command list declares them. */
export const CHAT_COMMANDS = [
  { command: 'help', description: 'What I can do for you' },
  { command: 'my indicators', description: 'Your indicators with their latest value, status and trend' },
  { command: 'submit', description: 'The card to enter this period\'s figures' },
  { command: 'status', description: 'What is still outstanding from you' },
] as const;

const WORDS: Record<string, ChatCommand['kind']> = {
  help: 'help', '?': 'help', hello: 'help', hi: 'help', menu: 'help',
  'my indicators': 'myIndicators', indicators: 'myIndicators', 'my kpis': 'myIndicators',
  submit: 'submit', enter: 'submit', 'submit values': 'submit', 'enter figures': 'submit',
  status: 'status', outstanding: 'status', 'what is outstanding': 'status',
};

export function parseChatCommand(text: string | undefined): ChatCommand {
  const cleaned = (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ') // an @mention of the bot in a channel
    .replace(/<[^>]+>/g, ' ')
    .replace(/[.!,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  const kind = WORDS[cleaned];
  if (!kind || kind === 'unknown') return { kind: 'unknown', text: cleaned };
  return { kind } as ChatCommand;
}
