/**
 * `npm run package` as a council runs it: the zip holds exactly the manifest and the two icons, the
 * manifest is filled from the environment and validates against the official schema offline, and
 * the icons are the sizes Teams needs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { runScript } from '../support/child-process';
import { validateManifest } from '../../src/app-package/validate-manifest';
import { readPngInfo } from '../../src/app-package/png';

const ENV = {
  MicrosoftAppId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  MicrosoftAppPassword: 'secret',
  TEAMS_APP_ID: '2d4e6f80-1a3b-4c5d-8e7f-9a0b1c2d3e4f',
  PUBLIC_HOSTNAME: 'performance.fenmarsh.gov.uk',
};

describe('npm run package', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-package-'));

  it('builds a zip holding exactly manifest.json, color.png and outline.png, filled from the environment', async () => {
    const out = path.join(dir, 'performance-bot.zip');
    const run = await runScript('src/cli/package-app.ts', ['--out', out], ENV);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/manifest\.json \(schema 1\.25, valid\), color\.png, outline\.png/);

    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect((await validateManifest(manifest)).errors).toEqual([]);
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(ENV.MicrosoftAppId);
    expect(manifest.staticTabs.find((t: { entityId: string }) => t.entityId === 'scorecard').contentUrl).toBe('https://performance.fenmarsh.gov.uk/tab/scorecard');
    expect(manifest.version).toBe(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version);

    expect(readPngInfo(await zip.file('color.png')!.async('nodebuffer'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(await zip.file('outline.png')!.async('nodebuffer'))).toMatchObject({ width: 32, height: 32 });
  });

  it('builds with the app id and host name alone: no MicrosoftAppPassword (a pipeline that packages has no secret)', async () => {
    const out = path.join(dir, 'no-secret.zip');
    const run = await runScript('src/cli/package-app.ts', ['--out', out], {
      MicrosoftAppId: ENV.MicrosoftAppId, PUBLIC_HOSTNAME: ENV.PUBLIC_HOSTNAME, MicrosoftAppPassword: undefined,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect((await validateManifest(manifest)).errors).toEqual([]);
    expect(manifest.bots[0].botId).toBe(ENV.MicrosoftAppId);
    expect(manifest.webApplicationInfo).toEqual({ id: ENV.MicrosoftAppId, resource: `api://${ENV.PUBLIC_HOSTNAME}/${ENV.MicrosoftAppId}` });
  });

  it('still builds with no settings at all, warning that the ids and host name need setting before upload', async () => {
    const run = await runScript('src/cli/package-app.ts', ['--out', path.join(dir, 'local.zip')], {});
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Warning: MicrosoftAppId is not set/);
    expect(run.stderr).toMatch(/Warning: PUBLIC_HOSTNAME is localhost:3978/);
  });

  it('refuses a bad setting with the configuration\'s own message, writing nothing', async () => {
    const run = await runScript('src/cli/package-app.ts', ['--out', path.join(dir, 'bad.zip')], { ...ENV, PUBLIC_HOSTNAME: 'https://performance.fenmarsh.gov.uk/' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/PUBLIC_HOSTNAME: a host name such as performance\.council\.gov\.uk/);
  });
});
