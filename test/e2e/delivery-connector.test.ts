/**
 * The dispatcher's Messenger against the Bot Connector stand-in with real tokens: each request is
 * made once (botbuilder's own retries are off), and every failure reaches the caller with what the
 * dispatcher needs to classify it, even through an adapter whose onTurnError would swallow it.
 */
import { runScript } from '../support/child-process';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';

describe('the delivery messenger against the connector stand-in', () => {
  const teams = new TeamsStandIns();
  beforeAll(() => teams.start());
  afterAll(() => teams.stop());

  it('makes each request once, and hands back status, code and Retry-After', async () => {
    const { connector } = teams;
    const serviceUrl = connector.serviceUrl;
    const to = (conversationId: string) => (call: { conversationId: string }) => call.conversationId === conversationId;
    connector.injectFault({ match: to('a:throttled'), status: 429, headers: { 'retry-after': '0' }, times: 20 });
    connector.injectFault({ match: to('a:sdk-throttled'), status: 429, headers: { 'retry-after': '0' }, times: 20 });
    connector.injectFault({ match: to('a:unavailable'), status: 503, times: 20 });
    connector.injectFault({ match: to('a:blocked'), status: 403, code: 'MessageWritesBlocked', times: 20 });
    connector.injectFault({ match: to('a:server-blocked'), status: 403, code: 'BotDisabledByAdmin', times: 20 });
    connector.injectFault({ match: to('a:personal-29:blocked-user'), status: 403, code: 'BotNotInConversationRoster', times: 20 });
    const plan = [
      { via: 'delivery', conversationId: 'a:fine', text: 'fine' },
      { via: 'delivery', conversationId: 'a:throttled', text: 'throttled' },
      { via: 'server', conversationId: 'a:sdk-throttled', text: 'sdk-throttled' },
      { via: 'delivery', conversationId: 'a:unavailable', text: 'unavailable' },
      { via: 'delivery', conversationId: 'a:blocked', text: 'blocked' },
      { via: 'server', conversationId: 'a:server-blocked', text: 'server-blocked' },
      { via: 'delivery', teamsUserId: '29:blocked-user', text: 'new-chat-blocked' },
    ].map((send) => ({ ...send, serviceUrl }));
    const run = await runScript('test/support/delivery/send-each.ts', [], { ...teams.serverEnv(), SEND_PLAN: JSON.stringify(plan) });
    expect(run.stderr.replace(/.*DeprecationWarning.*\n|.*trace-deprecation.*\n/g, '')).toBe('');
    expect(run.status).toBe(0);
    const results = Object.fromEntries(run.stdout.trim().split('\n').map((line) => JSON.parse(line)).map((r) => [r.text, r]));
    const tries = (conversationId: string) => connector.rejected.filter((r) => r.conversationId === conversationId).length + connector.calls.filter((c) => c.conversationId === conversationId && c.kind !== 'create').length;

    expect(results.fine.sent).toEqual({ conversationId: 'a:fine', activityId: expect.any(String) });
    expect(results.throttled.failure).toMatchObject({ status: 429, retryAfter: '0' });
    expect(tries('a:throttled')).toBe(1);
    // The same 429 through the server's adapter: botbuilder retries it three more times by itself.
    expect(tries('a:sdk-throttled')).toBe(4);
    expect(results.unavailable.failure).toMatchObject({ status: 503 });
    expect(tries('a:unavailable')).toBe(1);
    expect(results.blocked.failure).toMatchObject({ status: 403, code: 'MessageWritesBlocked' });
    // The server's adapter has an onTurnError; the refusal still reaches the caller.
    expect(results['server-blocked'].failure).toMatchObject({ status: 403, code: 'BotDisabledByAdmin' });
    expect(results['new-chat-blocked'].failure).toMatchObject({ status: 403, code: 'BotNotInConversationRoster' });
    expect(connector.calls.every((c) => c.authorised)).toBe(true);
  });
});
