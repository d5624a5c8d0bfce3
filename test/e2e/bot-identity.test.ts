/**
 * Each identity the bot supports, against the stand-in token authority, the managed identity
 * endpoint and the Bot Connector, with real tokens throughout: a single-tenant app with a client
 * secret or a certificate (a client assertion signed with its private key, checked against the
 * registered certificate), a user-assigned managed identity (tokens from the host's
 * IDENTITY_ENDPOINT), and a multi-tenant app (still served, with a warning at start).
 *
 * Proactive messages go through the product's Messenger in a child process (send-proactively.ts);
 * replies go through the real server, which must still authenticate every inbound activity.
 */
import { runScript, startServer, type RunningServer } from '../support/child-process';
import { TeamsStandIns, APP_ID, TAB_APP_ID, TENANT_ID, type BotIdentity } from '../support/teams/teams-stand-ins';
import { EntraStandIn } from '../support/teams/entra-stand-in';
import { makeClientCertificate } from '../support/teams/client-certificate';
import type { Grant } from '../support/teams/token-authority-stand-in';
import { message, personalConversationId, type TeamsUser } from '../support/teams/activities';
import { postActivity } from '../support/teams/post-activity';
import { CLOCK_START_ENV } from '../support/clock-start';
import { BACKENDS, serverDatabase, type Backend } from '../support/test-database';

const GRANT: Record<BotIdentity, Grant> = { secret: 'secret', certificate: 'certificate', managedIdentity: 'managedIdentity', multiTenant: 'secret' };
const HOSTNAME = 'performance.fenmarsh.test';
const visitor: TeamsUser = { teamsId: '29:sam-visitor', aadObjectId: '0f0e0d0c-0b0a-4909-8807-060504030201', name: 'Sam Visitor', email: 'sam.visitor@fenmarsh.gov.uk' };

describe('the bot\'s identity, each kind against the stand-in token authority', () => {
  const teams = new TeamsStandIns();
  const entra = new EntraStandIn(`api://${HOSTNAME}/${APP_ID}`);
  beforeAll(() => Promise.all([teams.start(), entra.start()]));
  afterAll(() => Promise.all([teams.stop(), entra.stop()]));

  /** Runs the proactive plan with `env`; what reached the connector and the authority while it ran. */
  async function sendProactively(env: NodeJS.ProcessEnv) {
    const calls = teams.connector.calls.length;
    const grants = teams.authority.grants.length;
    const refusals = teams.authority.refusals.length + teams.managedIdentity.refusals.length;
    const run = await runScript('test/support/teams/send-proactively.ts', [], {
      ...env,
      PROACTIVE_PLAN: JSON.stringify({ serviceUrl: teams.connector.serviceUrl, tenantId: TENANT_ID, teamsUserId: '29:gareth-lewis', channelId: '19:board@thread.tacv2' }),
    });
    return {
      run,
      calls: teams.connector.calls.slice(calls),
      grants: teams.authority.grants.slice(grants),
      refusals: [...teams.authority.refusals, ...teams.managedIdentity.refusals].slice(refusals),
    };
  }

  describe.each<BotIdentity>(['secret', 'certificate', 'managedIdentity', 'multiTenant'])('proactive messages as %s', (identity) => {
    it('gets the bot\'s token the way this identity does, and the connector accepts every call', async () => {
      const { run, calls, grants, refusals } = await sendProactively(teams.serverEnv(identity));
      expect(run.stderr.replace(/.*DeprecationWarning.*\n|.*trace-deprecation.*\n/g, '')).toBe('');
      expect(run.status).toBe(0);
      expect(calls.map((c) => [c.kind, c.authorised])).toEqual([['create', true], ['send', true], ['send', true], ['update', true], ['create', true]]);
      expect(grants.length).toBeGreaterThanOrEqual(1);
      expect(new Set(grants)).toEqual(new Set([GRANT[identity]]));
      expect(refusals).toEqual([]);
    });
  });

  it('signs with PS256 and names the certificate by x5t#S256 when given its SHA-256 thumbprint', async () => {
    const { run, calls, grants, refusals } = await sendProactively({ ...teams.serverEnv('certificate'), MicrosoftAppCertificateThumbprint: teams.clientCertificate.thumbprintSha256 });
    expect(refusals).toEqual([]);
    expect(run.status).toBe(0);
    expect(calls.every((c) => c.authorised)).toBe(true);
    expect(calls).toHaveLength(5);
    expect(new Set(grants)).toEqual(new Set(['certificate']));
    const assertion = teams.authority.requests.map((r) => (r.body as Record<string, string>)?.client_assertion).filter(Boolean).at(-1)!;
    expect(JSON.parse(Buffer.from(assertion.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'PS256', 'x5t#S256': expect.any(String) });
  });

  it('is refused a token when its private key is not the registered certificate\'s, and sends nothing', async () => {
    const impostor = makeClientCertificate('not the registered certificate');
    const { run, calls, grants, refusals } = await sendProactively({ ...teams.serverEnv('certificate'), MicrosoftAppCertificateKeyFile: impostor.keyFile });
    expect(run.status).not.toBe(0);
    expect(calls).toEqual([]);
    expect(grants).toEqual([]);
    expect(refusals[0]).toMatch(/the client assertion was refused: signature verification failed/);
  });

  it('is refused a token for a certificate the app registration does not have', async () => {
    const other = makeClientCertificate('another certificate');
    const { run, calls, refusals } = await sendProactively({
      ...teams.serverEnv('certificate'), MicrosoftAppCertificateThumbprint: other.thumbprintSha1, MicrosoftAppCertificateKeyFile: other.keyFile,
    });
    expect(run.status).not.toBe(0);
    expect(calls).toEqual([]);
    expect(refusals[0]).toBe('the assertion names another certificate (x5t)');
  });

  it('is refused a managed identity token without the host\'s secret header, and sends nothing', async () => {
    const { run, calls, grants, refusals } = await sendProactively({ ...teams.serverEnv('managedIdentity'), IDENTITY_HEADER: 'guessed' });
    expect(run.status).not.toBe(0);
    expect(calls).toEqual([]);
    expect(grants).toEqual([]);
    expect(refusals[0]).toBe('missing or wrong X-IDENTITY-HEADER');
  });

  const serverCases = BACKENDS.flatMap((backend) => (['certificate', 'managedIdentity', 'multiTenant'] as const).map((identity): [BotIdentity, Backend] => [identity, backend]));
  describe.each(serverCases)('the server as %s [%s]', (identity, backend) => {
    let server: RunningServer;
    let closeDatabase: () => Promise<void> = async () => {};
    beforeAll(async () => {
      const database = await serverDatabase(backend, 'identity');
      closeDatabase = database.close;
      server = await startServer({
        ...teams.serverEnv(identity), ...CLOCK_START_ENV,
        DATABASE_URL: database.url, LOAD_DEMO_DATA: 'false', CYCLE_SCHEDULER_ENABLED: 'false', DELIVERY_DISPATCHER_ENABLED: 'false',
        PUBLIC_HOSTNAME: HOSTNAME, TAB_OPENID_METADATA_URL: entra.openIdMetadataUrl,
      });
    });
    afterAll(async () => {
      await server?.stop();
      await closeDatabase();
    });

    it('authenticates an inbound message and replies with a token of its own kind', async () => {
      const grants = teams.authority.grants.length;
      const reply = await postActivity(server.baseUrl, teams, message(visitor, teams.connector.serviceUrl, 'help'));
      expect(reply.status).toBe(200);
      const answer = teams.connector.calls.filter((c) => c.conversationId === personalConversationId(visitor)).at(-1);
      expect(answer).toMatchObject({ kind: 'reply', authorised: true });
      expect(String(answer!.activity!.text ?? JSON.stringify(answer!.activity!.attachments))).toMatch(/not in .*register/i);
      expect(new Set(teams.authority.grants.slice(grants))).toEqual(new Set([GRANT[identity]]));
    });

    it('refuses an inbound activity whose token is forged or for another bot, before any turn runs', async () => {
      const calls = teams.connector.calls.length;
      const activity = message(visitor, teams.connector.serviceUrl, 'help');
      for (const authorization of [
        await teams.channel.authorization(teams.connector.serviceUrl, { forged: true }),
        await teams.channel.authorization(teams.connector.serviceUrl, { audience: 'another-bot' }),
      ]) {
        const response = await fetch(`${server.baseUrl}/api/messages`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(activity),
        });
        expect(response.status).toBe(401);
      }
      expect(teams.connector.calls.length).toBe(calls);
    });

    it('signs people in to the tab with tokens for the tab\'s app registration: TAB_APP_ID\'s with a managed identity, the bot\'s otherwise', async () => {
      const tabAppId = identity === 'managedIdentity' ? TAB_APP_ID : APP_ID;
      const otherId = identity === 'managedIdentity' ? APP_ID : TAB_APP_ID;
      const scorecard = async (audience: string) => {
        const token = await entra.accessToken({ oid: visitor.aadObjectId, email: visitor.email, name: visitor.name }, { audience, tenantId: TENANT_ID });
        return (await fetch(`${server.baseUrl}/api/tab/scorecard`, { headers: { authorization: `Bearer ${token}` } })).status;
      };
      // Accepted: 200, or 403 for a multi-tenant bot, which has no council tenant whose staff may all read.
      const accepted = identity === 'multiTenant' ? 403 : 200;
      expect(await scorecard(`api://${HOSTNAME}/${tabAppId}`)).toBe(accepted);
      expect(await scorecard(tabAppId)).toBe(accepted);
      expect(await scorecard(`api://${HOSTNAME}/${otherId}`)).toBe(401);
      expect(await scorecard(otherId)).toBe(401);
    });

    it(identity === 'multiTenant' ? 'warns at start that new multi-tenant registrations ended on 31 July 2025' : 'starts without the multi-tenant warning', () => {
      const warned = /MicrosoftAppType is MultiTenant: Microsoft stopped new multi-tenant bot registrations on 31 July 2025/.test(server.output());
      expect(warned).toBe(identity === 'multiTenant');
    });
  });
});
