/**
 * Reads the members of the Board's team from Teams (GET /v3/conversations/{teamId}/pagedmembers),
 * page by page, in a proactive turn on the team's channel. Needs the app installed in the team.
 */
import { TeamsInfo, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from './teams-adapter';
import type { BoardChannelRecord } from '../db/repositories/board-repository';
import type { RosterMember, TeamRoster } from '../app/board/team-roster';

const PAGE_SIZE = 500;

export class TeamRosterReader implements TeamRoster {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async members(channel: BoardChannelRecord): Promise<RosterMember[]> {
    const members: RosterMember[] = [];
    let failure: unknown = null;
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: channel.serviceUrl,
      conversation: { id: channel.channelId, isGroup: true, conversationType: 'channel', name: '', tenantId: channel.tenantId ?? undefined },
      bot: { id: this.botAppId, name: 'Performance' },
    };
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context: TurnContext) => {
      try {
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedTeamMembers(context, channel.teamId, PAGE_SIZE, token);
          for (const m of page.members) {
            members.push({ teamsUserId: m.id, aadObjectId: m.aadObjectId ?? null, email: m.email ?? m.userPrincipalName ?? null, name: m.name ?? '' });
          }
          token = page.continuationToken ?? undefined;
        } while (token);
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
    return members;
  }
}
