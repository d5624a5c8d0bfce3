/**
 * Who is in the Board's team, read from Teams when needed (the bot is installed in that team).
 * Used to @mention owners who have not installed the app personally: their Teams user id comes
 * from the roster, matched by Entra object id, then email.
 */
import type { BoardChannelRecord } from '../../db/repositories/board-repository';
import type { PersonRecord } from '../../db/repositories/people-repository';
import type { Store } from '../../db/store';
import type { Logger } from '../../logging/logger';

export interface RosterMember {
  readonly teamsUserId: string;
  readonly aadObjectId: string | null;
  readonly email: string | null;
  readonly name: string;
}

export interface TeamRoster {
  members(channel: BoardChannelRecord): Promise<RosterMember[]>;
}

/**
 * Teams user ids to @mention these people with: from their 1:1 chat with the bot where there is
 * one, otherwise from the team's roster (read once, only if someone is not found). A roster that
 * cannot be read leaves those people unmentioned (named in bold instead), never the digest unposted.
 */
export async function mentionIds(
  store: Store,
  people: readonly PersonRecord[],
  channel: BoardChannelRecord,
  roster: TeamRoster,
  log: Logger,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const unknown: PersonRecord[] = [];
  const personal = await store.repos.conversations.personalForPeople(people.map((p) => p.id));
  for (const person of people) {
    const teamsUserId = personal.get(person.id)?.teamsUserId;
    if (teamsUserId) ids.set(person.id, teamsUserId);
    else unknown.push(person);
  }
  if (unknown.length === 0) return ids;
  try {
    const members = await roster.members(channel);
    for (const person of unknown) {
      const member = members.find(
        (m) => (person.aadObjectId && m.aadObjectId === person.aadObjectId) || (m.email && m.email.toLowerCase() === person.email.toLowerCase()),
      );
      if (member) ids.set(person.id, member.teamsUserId);
    }
  } catch (error) {
    log.warn({ err: error }, 'could not read the Board team\'s roster: owners without the app are named, not mentioned');
  }
  return ids;
}
