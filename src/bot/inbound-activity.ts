/**
 * The typed boundary of /api/messages: what an activity must be before the bot runs. Teams always
 * sends these fields; an attacker (or a broken client) may not. An activity the bot could not
 * answer safely (no conversation, sender or recipient, a serviceUrl that is not the Bot
 * Connector's) is refused before any outbound call, with an error that says what is wrong.
 */
import { z } from 'zod';
import type { ServiceUrlPolicy } from './service-url-policy';

/** The longest message text read; Teams itself refuses messages over about 28,000 characters. */
export const MAX_MESSAGE_TEXT = 28_000;

const id = (max: number) => z.string().min(1).max(max);
const account = z.looseObject({ id: id(512), name: z.string().max(512).nullish(), aadObjectId: z.string().max(64).nullish() });

const envelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).nullish(),
  channelId: z.string().max(64).nullish(),
  serviceUrl: z.string().min(1).max(2048),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: id(2048), conversationType: z.string().max(64).nullish(), tenantId: z.string().max(64).nullish() }),
  text: z.string().max(MAX_MESSAGE_TEXT).nullish(),
  name: z.string().max(256).nullish(),
  action: z.string().max(64).nullish(),
  replyToId: z.string().max(512).nullish(),
  timestamp: z.string().max(64).nullish(),
  channelData: z.looseObject({}).nullish(),
  entities: z.array(z.looseObject({ type: z.string().max(64).nullish() })).max(64).nullish(),
  membersAdded: z.array(account).max(1000).nullish(),
});

export type InboundCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string };

export function checkInboundActivity(activity: unknown, serviceUrls: ServiceUrlPolicy): InboundCheck {
  const parsed = envelope.safeParse(activity, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || 'the activity';
    return { ok: false, problem: `The activity cannot be used: ${where} ${describe(issue)}. Nothing was done.` };
  }
  if (!serviceUrls.allows(parsed.data.serviceUrl)) {
    return { ok: false, problem: 'The activity cannot be used: its serviceUrl is not a Bot Connector address this bot sends to. Nothing was done.' };
  }
  return { ok: true };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'is missing' : `must be ${issue.expected}`;
  if (issue.code === 'too_big') return `is too long (at most ${String(issue.maximum)})`;
  if (issue.code === 'too_small') return 'is empty';
  return 'is not valid';
}
