/**
 * A Messenger in the test process: records every send with the (fake) time it was made, and fails
 * the sends a test asks it to, with errors shaped as botbuilder's connector throws them (Azure
 * RestError: statusCode, the Bot Framework error code, the response's headers).
 */
import type { Activity } from 'botbuilder';
import type { ConversationAddress, Messenger, NewConversation, Sent } from '../../../src/bot/messenger';
import type { Clock } from '../../../src/clock';

export interface FakeSend {
  readonly conversationId: string;
  readonly text: string | undefined;
  readonly at: number;
  readonly created: boolean;
}

type Failure = (send: { conversationId: string; text: string | undefined }) => Error | null;

export class FakeMessenger implements Messenger {
  readonly sends: FakeSend[] = [];
  /** Every call, failed or not, with its time. */
  readonly attempts: FakeSend[] = [];
  private readonly failures: Failure[] = [];
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  /** Fails matching sends with `error` (made fresh each time), `times` times. */
  failWhen(match: (send: { conversationId: string; text: string | undefined }) => boolean, error: () => Error, times = 1): void {
    let left = times;
    this.failures.push((send) => (left > 0 && match(send) ? (left--, error()) : null));
  }

  async createConversation(target: NewConversation, activity: Partial<Activity>): Promise<Sent> {
    const conversationId = target.teamsUserId ? `a:personal-${target.teamsUserId}` : `${target.channelId};messageid=${this.nextId}`;
    return this.record(conversationId, activity, true);
  }

  async send(address: ConversationAddress, activity: Partial<Activity>): Promise<Sent> {
    return this.record(address.conversationId, activity, false);
  }

  /** Every activity replaced, with the time. */
  readonly updates: { readonly conversationId: string; readonly activityId: string; readonly text: string | undefined; readonly at: number }[] = [];

  async update(address: ConversationAddress, activityId: string, activity: Partial<Activity>): Promise<void> {
    this.updates.push({ conversationId: address.conversationId, activityId, text: activity.text, at: this.clock.now().getTime() });
  }

  private async record(conversationId: string, activity: Partial<Activity>, created: boolean): Promise<Sent> {
    // The time the send was made: read before answering, as fake time moves on while it is out.
    const send = { conversationId, text: activity.text, at: this.clock.now().getTime(), created };
    await Promise.resolve();
    this.attempts.push(send);
    for (const failure of this.failures) {
      const error = failure(send);
      if (error) throw error;
    }
    this.sends.push(send);
    return { conversationId, activityId: String(this.nextId++) };
  }
}

/** An error as botbuilder's connector client throws it for an HTTP failure. */
export function connectorError(status: number, code?: string, headers: Record<string, string> = {}): Error {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.assign(new Error(code ? `${code} from Teams` : `HTTP ${status}`), {
    name: 'RestError',
    statusCode: status,
    ...(code ? { code } : {}),
    response: { status, headers: { get: (name: string) => lower[name.toLowerCase()] } },
  });
}

/** A dropped connection as the connector client reports it: a system code and no status. */
export function networkError(code = 'ECONNRESET'): Error {
  return Object.assign(new Error(`socket hang up (${code})`), { name: 'RestError', code });
}
