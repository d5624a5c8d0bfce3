/**
 * A leaver, anonymised (UK GDPR erasure where the council has no reason to keep the name): their
 * email, display name and Entra object id replaced by a placeholder, their roles and 1:1 chats
 * with the bot removed, messages still waiting for them never sent and their name replaced in the
 * messages recorded, and their name taken out of the audit log while its record of who did what
 * stays whole (same rows, ids, times and order; the actor id still ties a leaver's actions
 * together), and out of the Performance Board's commentary (their replies and others' mentions). Their values and narratives stay, now shown under the placeholder. Indicators they
 * own, verify or direct stay as they are, and are listed so the performance team reassigns them
 * by the next register import. All in one transaction: it happens completely or not at all.
 */
import type { Store } from '../../db/store';

export interface LinkedIndicator {
  readonly code: string;
  readonly title: string;
  /** How the leaver is linked to it, e.g. ['owner', 'verifier']. */
  readonly links: readonly ('owner' | 'delegate' | 'verifier' | 'director')[];
}

export type AnonymiseOutcome =
  | { readonly kind: 'unknown-person' }
  | {
      readonly kind: 'anonymised';
      readonly placeholder: string;
      readonly email: string;
      readonly rolesRemoved: number;
      readonly conversationsRemoved: number;
      readonly auditRowsChanged: number;
      /** Board commentary replies with their name replaced (their own, and others' naming them). */
      readonly commentaryChanged: number;
      /** Messages waiting for them, now never sent; recorded messages with their name replaced. */
      readonly messages: { readonly blocked: number; readonly scrubbed: number };
      readonly indicatorsToReassign: readonly LinkedIndicator[];
    };

export async function anonymisePerson(store: Store, email: string, runBy: string): Promise<AnonymiseOutcome> {
  return store.transaction(async (repos) => {
    const person = await repos.people.findByEmail(email.trim());
    if (!person) return { kind: 'unknown-person' };
    const placeholder = placeholderFor(person.id);
    const anonymisedEmail = `anonymised-${person.id}@invalid`;

    const indicators = await repos.indicators.linkedTo(person.id);
    const indicatorsToReassign = indicators.map((indicator): LinkedIndicator => ({
      code: indicator.code,
      title: indicator.title,
      links: [
        ...(indicator.ownerId === person.id ? ['owner' as const] : []),
        ...(indicator.delegateIds.includes(person.id) ? ['delegate' as const] : []),
        ...(indicator.verifierId === person.id ? ['verifier' as const] : []),
        ...(indicator.directorId === person.id ? ['director' as const] : []),
      ],
    }));
    const conversationsRemoved = await repos.conversations.removePersonal(person.id, person.aadObjectId);
    const rolesRemoved = await repos.people.anonymise(person.id, { email: anonymisedEmail, displayName: placeholder });
    const traces = [person.displayName, person.email, ...(person.aadObjectId ? [person.aadObjectId] : [])];
    const messages = await repos.outbox.forgetRecipient(person.id, placeholder, traces);
    const auditRowsChanged = await repos.audit.anonymiseActor(person.id, placeholder, traces);
    const commentaryChanged = await repos.board.anonymiseAuthor(person.id, placeholder, traces);
    // Names only the placeholder and who ran it: the entry must not put the name back.
    await repos.audit.record({
      actorLabel: runBy,
      action: 'person.anonymised',
      entityType: 'Person',
      entityId: person.id,
      after: { displayName: placeholder, rolesRemoved, conversationsRemoved, auditRowsChanged, commentaryChanged },
    });
    return { kind: 'anonymised', placeholder, email: anonymisedEmail, rolesRemoved, conversationsRemoved, auditRowsChanged, commentaryChanged, messages, indicatorsToReassign };
  }, { timeoutMs: 120_000 });
}

/** "Former employee 7f3a9c": from the person's id, so the same leaver always reads the same. */
export function placeholderFor(personId: string): string {
  return `Former employee ${personId.replace(/-/g, '').slice(0, 6)}`;
}
