/** The short note the performance team gets when a message cannot be delivered. */
import type { Undeliverable } from './outbox-dispatcher';

/** The outbox purpose of these notes; a note that cannot be delivered is never reported in turn. */
export const UNDELIVERABLE_PURPOSE = 'undeliverable';

export interface UndeliverableNote {
  /** Who the failed message was for: a name and email, or the recipient as recorded. */
  readonly recipient: string;
  readonly purpose: string;
  readonly period: string | null;
  readonly attempts: number;
  readonly undeliverable: Undeliverable;
}

export function undeliverableText(note: UndeliverableNote): string {
  const what = `the "${note.purpose}" message${note.period ? ` for ${note.period}` : ''} to ${note.recipient}`;
  if (note.undeliverable.status === 'BLOCKED') {
    return (
      `Teams refused ${what}: they have blocked or removed the app, or the bot is not in that conversation ` +
      `(${note.undeliverable.reason}). It will not be tried again; please contact them another way.`
    );
  }
  return `We could not deliver ${what} after ${note.attempts} ${note.attempts === 1 ? 'try' : 'tries'} (${note.undeliverable.reason}). It has been given up; please contact them another way.`;
}
