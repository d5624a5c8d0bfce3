/** What a person typed to the bot, as a command. */
export type ChatCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'myIndicators' }
  | { readonly kind: 'submit' }
  | { readonly kind: 'status' }
  | { readonly kind: 'verify'; readonly period: string | null }
  | { readonly kind: 'dataQuality'; readonly period: string }
  | { readonly kind: 'cycle'; readonly step: 'open' | 'remind' | 'escalate' | 'close' | 'status'; readonly period: string }
  | { readonly kind: 'plan'; readonly code: string; readonly period: string | null }
  | { readonly kind: 'setBoardChannel' }
  | { readonly kind: 'digest'; readonly period: string }
  | { readonly kind: 'correct'; readonly code: string; readonly period: string }
  | { readonly kind: 'report'; readonly period: string; readonly edition: 'committee' | 'public' }
  | { readonly kind: 'unknown'; readonly text: string };

/** The commands, as `help` lists them and as the app manifest's command list declares them. */
export const CHAT_COMMANDS = [
  { command: 'help', description: 'What I can do for you' },
  { command: 'my indicators', description: 'Your indicators with their latest value, status and trend' },
  { command: 'submit', description: 'The card to enter this period\'s figures' },
  { command: 'status', description: 'What is still outstanding from you' },
  { command: 'plan SRV01', description: 'The action plan card for a red or amber indicator of yours' },
  { command: 'verify', description: 'For verifiers: the figures you verify, to verify or query' },
] as const;

/** Commands for the performance team (admins); `help` lists them for admins only. */
export const ADMIN_COMMANDS = [
  { command: 'open 2026-10', description: 'Open a month for entry and send the entry cards' },
  { command: 'remind 2026-10', description: 'Remind those with figures still outstanding' },
  { command: 'escalate 2026-10', description: 'Tell verifiers and directors who is late with what' },
  { command: 'close 2026-10', description: 'Close the month; what is missing rates Missing' },
  { command: 'cycle status 2026-10', description: 'Where the month\'s cycle stands' },
  { command: 'set board channel', description: 'Run in the Performance Board\'s channel to post digests there' },
  { command: 'digest 2026-10', description: 'Post the month\'s digest and threads to the Board channel' },
  { command: 'correct SRV01 2026-10', description: 'Correct an indicator\'s figure, also after the period has closed' },
  { command: 'plan SRV01', description: 'The action plan card for any red or amber indicator' },
  { command: 'report 2026/27 Q2', description: 'Make the quarter\'s committee report pack (add "public" for the public edition)' },
  { command: 'data quality 2026-07', description: 'A period\'s data quality: figures on time, late, missing, corrected, queried, estimated' },
] as const;

const WORDS: Record<string, ChatCommand['kind']> = {
  help: 'help', '?': 'help', hello: 'help', hi: 'help', menu: 'help',
  'my indicators': 'myIndicators', indicators: 'myIndicators', 'my kpis': 'myIndicators',
  submit: 'submit', enter: 'submit', 'submit values': 'submit', 'enter figures': 'submit',
  status: 'status', outstanding: 'status', 'what is outstanding': 'status',
};

/**
 * A message's words without the HTML Teams wraps them in: @mentions (of the bot, in a channel)
 * and tags dropped, line breaks kept, the common entities decoded.
 */
export function plainTextOf(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function parseChatCommand(text: string | undefined): ChatCommand {
  const cleaned = plainTextOf(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!,;:]+$/g, '')
    .trim()
    .toLowerCase();
  const cycle = /^(cycle status|open|remind|escalate|close)\s+(\S+)$/.exec(cleaned);
  if (cycle) {
    const step = cycle[1] === 'cycle status' ? 'status' : (cycle[1] as 'open' | 'remind' | 'escalate' | 'close');
    return { kind: 'cycle', step, period: cycle[2]! };
  }
  if (cleaned === 'set board channel') return { kind: 'setBoardChannel' };
  const digest = /^digest\s+(\S+)$/.exec(cleaned);
  if (digest) return { kind: 'digest', period: digest[1]! };
  const correct = /^correct\s+(\S+)\s+(\S+(?:\s+q[1-4])?)$/.exec(cleaned);
  if (correct) return { kind: 'correct', code: correct[1]!.toUpperCase(), period: correct[2]! };
  // "report 2026/27 q2", "report q2 2026/27 public": the quarter may hold spaces, the edition is last.
  const report = /^report\s+(.+?)(?:\s+(public|committee))?$/.exec(cleaned);
  if (report) return { kind: 'report', period: report[1]!, edition: report[2] === 'public' ? 'public' : 'committee' };
  const quality = /^data quality\s+(\S+(?:\s+q[1-4])?)$/.exec(cleaned);
  if (quality) return { kind: 'dataQuality', period: quality[1]! };
  const verify = /^verify(?:\s+(\S+(?:\s+q[1-4])?))?$/.exec(cleaned);
  if (verify) return { kind: 'verify', period: verify[1] ?? null };
  const plan = /^(?:action )?plan\s+(\S+)(?:\s+(\S+))?$/.exec(cleaned);
  if (plan) return { kind: 'plan', code: plan[1]!.toUpperCase(), period: plan[2] ?? null };
  const kind = WORDS[cleaned];
  if (!kind || kind === 'unknown') return { kind: 'unknown', text: cleaned };
  return { kind } as ChatCommand;
}
