/**
 * The Teams app package: the manifest filled from the configuration, validated against Microsoft's
 * official schema offline (the schema bundled in @microsoft/app-manifest), and the icons.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { loadConfig } from '../../../src/config/config';
import { buildAppPackage } from '../../../src/app-package/app-package';
import { fillManifest, ManifestTemplateError } from '../../../src/app-package/manifest';
import { validateManifest } from '../../../src/app-package/validate-manifest';
import { iconProblems } from '../../../src/app-package/icons';
import { readPngInfo } from '../../../src/app-package/png';
import { CHAT_COMMANDS } from '../../../src/bot/chat-command';
import { ROOT } from '../../support/test-paths';

const SOURCE = path.join(ROOT, 'appPackage');
const ENV = {
  MicrosoftAppId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a',
  TEAMS_APP_ID: '2d4e6f80-1a3b-4c5d-8e7f-9a0b1c2d3e4f',
  PUBLIC_HOSTNAME: 'performance.fenmarsh.gov.uk',
};

type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the Teams app manifest', () => {
  let manifest: Manifest;

  beforeAll(async () => {
    manifest = (await buildAppPackage(loadConfig(ENV), SOURCE, '1.2.3')).manifest;
  });

  it('validates against the official schema for its version, without going to the network', async () => {
    const fetchSchema = jest.spyOn(AppManifestUtils, 'fetchSchema');
    const validation = await validateManifest(manifest);
    expect(validation.errors).toEqual([]);
    expect(validation.schemaFile).toMatch(/@microsoft\/app-manifest\/build\/json-schemas\/teams\/v1\.25\/MicrosoftTeams\.schema\.json$/);
    expect(fetchSchema).not.toHaveBeenCalled();
    fetchSchema.mockRestore();
  });

  it('is on a current schema (1.25 or later)', () => {
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(25);
  });

  it('catches a manifest that breaks the schema', async () => {
    const broken = structuredClone(manifest);
    broken.bots[0].scopes = ['Personal']; // scope names are case-sensitive
    delete broken.developer.privacyUrl;
    const { errors } = await validateManifest(broken);
    expect(errors.join('\n')).toMatch(/scopes/);
    expect(errors.join('\n')).toMatch(/privacyUrl/);
  });

  it('has every placeholder filled from the configuration', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('${{');
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.bots[0].botId).toBe(ENV.MicrosoftAppId);
    expect(manifest.webApplicationInfo).toEqual({ id: ENV.MicrosoftAppId, resource: `api://${ENV.PUBLIC_HOSTNAME}/${ENV.MicrosoftAppId}` });
    expect(manifest.validDomains).toEqual([ENV.PUBLIC_HOSTNAME]);
    expect(manifest.developer.privacyUrl).toBe(`https://${ENV.PUBLIC_HOSTNAME}/tab/about#privacy`);
  });

  it('declares the bot in personal and team scopes with exactly the commands that help lists', () => {
    const [bot] = manifest.bots;
    expect(bot.scopes).toEqual(['personal', 'team']);
    expect(bot.commandLists).toHaveLength(1);
    expect(bot.commandLists[0].scopes).toEqual(['personal', 'team']);
    expect(bot.commandLists[0].commands).toEqual(CHAT_COMMANDS.map((c) => ({ title: c.command, description: c.description })));
  });

  it('has the Scorecard as a personal tab and a configurable channel tab, on the public host', () => {
    const scorecard = manifest.staticTabs.find((t: Manifest) => t.entityId === 'scorecard');
    expect(scorecard).toMatchObject({ name: 'Scorecard', contentUrl: `https://${ENV.PUBLIC_HOSTNAME}/tab/scorecard`, scopes: ['personal'] });
    expect(manifest.configurableTabs).toEqual([
      { configurationUrl: `https://${ENV.PUBLIC_HOSTNAME}/tab/config`, canUpdateConfiguration: true, scopes: ['team'], context: ['channelTab'] },
    ]);
  });

  it('asks for the resource-specific permission to read channel messages without an @mention', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: 'ChannelMessage.Read.Group', type: 'Application' }]);
  });

  it('uses the tab token audience as the single sign-on resource when one is configured', async () => {
    const custom = await buildAppPackage(loadConfig({ ...ENV, TAB_TOKEN_AUDIENCE: 'api://sso.fenmarsh.gov.uk/abc,abc' }), SOURCE, '1.0.0');
    expect((custom.manifest as Manifest).webApplicationInfo.resource).toBe('api://sso.fenmarsh.gov.uk/abc');
  });

  it('names the tab\'s own app registration for single sign-on when the bot is a managed identity', async () => {
    const tabAppId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const msi = await buildAppPackage(loadConfig({ ...ENV, MicrosoftAppPassword: undefined, MicrosoftAppType: 'UserAssignedMSI', TAB_APP_ID: tabAppId }), SOURCE, '1.0.0');
    const built = msi.manifest as Manifest;
    expect(built.bots[0].botId).toBe(ENV.MicrosoftAppId);
    expect(built.webApplicationInfo).toEqual({ id: tabAppId, resource: `api://${ENV.PUBLIC_HOSTNAME}/${tabAppId}` });
    expect((await validateManifest(built)).errors).toEqual([]);
  });

  it('warns when built without a bot id or public host name, still validating', async () => {
    const local = await buildAppPackage(loadConfig({}), SOURCE, '1.0.0');
    expect(local.warnings.join('\n')).toMatch(/MicrosoftAppId is not set/);
    expect(local.warnings.join('\n')).toMatch(/PUBLIC_HOSTNAME is localhost:3978/);
    expect((await validateManifest(local.manifest)).errors).toEqual([]);
  });

  it('refuses a template with a placeholder it does not know, or a list inside text', () => {
    expect(() => fillManifest({ id: '${{NOPE}}' }, {})).toThrow(ManifestTemplateError);
    expect(() => fillManifest({ id: 'x-${{LIST}}' }, { LIST: [] })).toThrow(/cannot be part of a longer text/);
    expect(fillManifest({ a: ['${{X}}', 'https://${{X}}/y'] }, { X: 'h' })).toEqual({ a: ['h', 'https://h/y'] });
  });
});

describe('the app package icons', () => {
  const color = readFileSync(path.join(SOURCE, 'color.png'));
  const outline = readFileSync(path.join(SOURCE, 'outline.png'));

  it('are a 192x192 colour icon and a 32x32 outline icon, white on transparent', () => {
    expect(readPngInfo(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(outline)).toMatchObject({ width: 32, height: 32 });
    expect(iconProblems({ color, outline })).toEqual([]);
  });

  it('would be refused the wrong way round, or with colour in the outline', () => {
    expect(iconProblems({ color: outline, outline: color })).toEqual([
      'color.png is 32x32; Teams needs 192x192',
      'outline.png is 192x192; Teams needs 32x32',
    ]);
    expect(iconProblems({ color, outline: Buffer.from('not a png') })).toEqual(['outline.png: not a PNG file (bad signature)']);
  });
});
