/**
 * Who is acting in one turn or one request: built once at the edge (the bot, the tab) and passed to
 * every use case, so that each use case decides what the person may do from one object and no use
 * case looks at Teams' shapes.
 */
import type { Logger } from '../logging/logger';
import type { PersonRecord } from '../db/repositories/people-repository';
import type { Role } from '../domain/types';

export interface Actor {
  /** The person in the register; null for an admin known only by ADMIN_AAD_OBJECT_IDS and not yet enrolled. */
  readonly person: PersonRecord | null;
  /** The name to greet and to audit: the register's, else what Teams says. */
  readonly name: string;
  readonly roles: readonly Role[];
  /** The performance team: the ADMIN role, or listed in ADMIN_AAD_OBJECT_IDS. */
  readonly isAdmin: boolean;
  readonly aadObjectId: string | null;
  /** Teams user id (29:...), for cards' user-specific refresh; null outside Teams chats. */
  readonly teamsUserId: string | null;
  /** A child logger carrying who acted and the turn's correlation id. */
  readonly log: Logger;
}

/** An actor who is in the register: the only kind that can enter figures, narratives and plans. */
export interface RegisteredActor extends Actor {
  readonly person: PersonRecord;
}

export function isRegistered(actor: Actor): actor is RegisteredActor {
  return actor.person !== null;
}

/** The audit log's "who": the person's id and name, or the Teams name for someone not in the register. */
export function auditedAs(actor: Actor): { readonly actorId: string | null; readonly actorLabel: string } {
  return { actorId: actor.person?.id ?? null, actorLabel: actor.person?.displayName ?? actor.name };
}
