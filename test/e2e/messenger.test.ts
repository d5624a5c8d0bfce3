/**
 * Proactive messages through the product's Messenger, against the Bot Connector stand-in with real
 * tokens from the token authority stand-in: a new 1:1 conversation, a follow-up, an update, and a
 * new channel thread.
 */
import { runScript } from '../support/child-process';
import { TeamsStandIns, TENANT_ID } from '../support/teams/teams-stand-ins';

describe('proactive messages through the Messenger', () => {
  const teams = new TeamsStandIns();
  beforeAll(() => teams.start());
  afterAll(() => teams.stop());

  it('creates a 1:1 conversation, sends, updates, and starts a channel thread, each with the bot\'s token', async () => {
    const channelId = '19:board-channel@thread.tacv2';
    const run = await runScript('test/support/teams/send-proactively.ts', [], {
      ...teams.serverEnv(),
      PROACTIVE_PLAN: JSON.stringify({ serviceUrl: teams.connector.serviceUrl, tenantId: TENANT_ID, teamsUserId: '29:gareth-lewis', channelId }),
    });
    expect(run.stderr.replace(/.*DeprecationWarning.*\n|.*trace-deprecation.*\n/g, '')).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);

    expect(result.personal.conversationId).toBe('a:personal-29:gareth-lewis');
    expect(result.thread.conversationId).toMatch(new RegExp(`^${channelId};messageid=\\d+$`));
    expect(result.thread.activityId).toBe(result.thread.conversationId.split('=')[1]);
    expect(teams.connector.calls.map((c) => [c.kind, c.conversationId, c.authorised])).toEqual([
      ['create', 'a:personal-29:gareth-lewis', true],
      ['send', 'a:personal-29:gareth-lewis', true],
      ['send', 'a:personal-29:gareth-lewis', true],
      ['update', 'a:personal-29:gareth-lewis', true],
      ['create', result.thread.conversationId, true],
    ]);
    const texts = teams.connector.calls.map((c) => c.activity?.text);
    expect(texts).toEqual([undefined, 'Your October figures are due.', 'A reminder.', 'A reminder (updated).', 'SRV01 is red.']);
    expect(teams.connector.calls[3]!.activityId).toBe(result.followUp.activityId);
  });
});
