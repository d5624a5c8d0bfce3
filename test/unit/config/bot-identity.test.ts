/**
 * The bot's identity settings: SingleTenant by default, a tenant for SingleTenant and managed
 * identities, exactly one credential (a client secret or a certificate) except for a managed
 * identity, the certificate's key read and checked at start-up, and the tab's own app registration.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, loadPackageConfig } from '../../../src/config/config';
import { configRefusal } from '../../support/config-refusal';
import { makeClientCertificate, type ClientCertificate } from '../../support/teams/client-certificate';

const APP = { MicrosoftAppId: '6f0c8b1e-3a2d-4e5f-9a7b-1c2d3e4f5a6b' };
const TENANT = { MicrosoftAppTenantId: '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a' };
const TAB_APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';


describe('the bot\'s identity settings', () => {
  let cert: ClientCertificate;
  beforeAll(() => {
    cert = makeClientCertificate();
  });

  describe('app type and tenant', () => {
    it('is SingleTenant by default, and then needs the council\'s tenant id, said plainly before botbuilder sees it', () => {
      expect(configRefusal({ ...APP, MicrosoftAppPassword: 's' }))
        .toMatch(/MicrosoftAppTenantId: is required when MicrosoftAppType is SingleTenant \(the council's Entra tenant id, a GUID\)/);
      const config = loadConfig({ ...APP, ...TENANT, MicrosoftAppPassword: 's' });
      expect(config.bot).toMatchObject({ appType: 'SingleTenant', tenantId: TENANT.MicrosoftAppTenantId, credential: { kind: 'secret', secret: 's' } });
      expect(config.bot.loginAuthority).toBe(`https://login.microsoftonline.com/${TENANT.MicrosoftAppTenantId}`);
    });

    it('needs the tenant id for a user-assigned managed identity too', () => {
      expect(configRefusal({ ...APP, MicrosoftAppType: 'UserAssignedMSI', TAB_APP_ID }))
        .toMatch(/MicrosoftAppTenantId: is required when MicrosoftAppType is UserAssignedMSI/);
    });

    it('still accepts MultiTenant, without a tenant, for a registration made before 31 July 2025', () => {
      const config = loadConfig({ ...APP, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 's' });
      expect(config.bot).toMatchObject({ appType: 'MultiTenant', tenantId: null, loginAuthority: 'https://login.microsoftonline.com/botframework.com' });
    });

    it('asks for nothing without an app id (local development, no authentication)', () => {
      expect(loadConfig({}).bot).toMatchObject({ appId: null, appType: 'SingleTenant', credential: null });
      expect(loadConfig({ MicrosoftAppType: 'UserAssignedMSI' }).bot.credential).toBeNull();
    });

    it('refuses an app type botbuilder does not have', () => {
      expect(configRefusal({ MicrosoftAppType: 'MultiTenantApp' })).toMatch(/MicrosoftAppType:/);
    });
  });

  describe('exactly one credential', () => {
    it('refuses an app id with no credential, naming both kinds', () => {
      expect(configRefusal({ ...APP, ...TENANT })).toMatch(
        /MicrosoftAppPassword: is required with MicrosoftAppId \(the bot registration's client secret\), unless MicrosoftAppCertificateThumbprint and MicrosoftAppCertificateKeyFile name a certificate instead/,
      );
    });

    it('refuses a secret and a certificate together', () => {
      expect(configRefusal({ ...APP, ...TENANT, MicrosoftAppPassword: 's', MicrosoftAppCertificateThumbprint: cert.thumbprintSha1, MicrosoftAppCertificateKeyFile: cert.keyFile }))
        .toMatch(/MicrosoftAppPassword: give either MicrosoftAppPassword \(a client secret\) or MicrosoftAppCertificateThumbprint with MicrosoftAppCertificateKeyFile \(a certificate\), not both/);
    });

    it('refuses half a certificate', () => {
      expect(configRefusal({ ...APP, ...TENANT, MicrosoftAppCertificateKeyFile: cert.keyFile }))
        .toMatch(/MicrosoftAppCertificateThumbprint: is required with MicrosoftAppCertificateKeyFile/);
      const noKey = configRefusal({ ...APP, ...TENANT, MicrosoftAppCertificateThumbprint: cert.thumbprintSha1 });
      expect(noKey).toMatch(/MicrosoftAppCertificateKeyFile: is required with MicrosoftAppCertificateThumbprint \(the path of the certificate's PEM private key\)/);
      expect(noKey).not.toMatch(/cannot read/); // one message per mistake: no file is read until the settings agree
    });

    it('refuses any credential for a managed identity, which has none', () => {
      const message = configRefusal({ ...APP, ...TENANT, TAB_APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: 's', MicrosoftAppCertificateThumbprint: cert.thumbprintSha1 });
      expect(message).toMatch(/MicrosoftAppPassword: must not be set with UserAssignedMSI/);
      expect(message).toMatch(/MicrosoftAppCertificateThumbprint: must not be set with UserAssignedMSI/);
    });
  });

  describe('the certificate', () => {
    const certificateEnv = (extra: NodeJS.ProcessEnv = {}) => ({
      ...APP, ...TENANT, MicrosoftAppCertificateThumbprint: cert.thumbprintSha1, MicrosoftAppCertificateKeyFile: cert.keyFile, ...extra,
    });

    it('reads the private key once, at start-up, and names the certificate by its SHA-1 thumbprint', () => {
      const credential = loadConfig(certificateEnv()).bot.credential;
      expect(credential).toEqual({ kind: 'certificate', thumbprint: cert.thumbprintSha1, thumbprintAlgorithm: 'SHA-1', privateKey: expect.stringMatching(/^-----BEGIN PRIVATE KEY-----/) });
    });

    it('takes the thumbprint as the portal shows it (upper case, with colons) and a SHA-256 one', () => {
      const spaced = cert.thumbprintSha1.toUpperCase().match(/../g)!.join(':');
      expect(loadConfig(certificateEnv({ MicrosoftAppCertificateThumbprint: spaced })).bot.credential).toMatchObject({ thumbprint: cert.thumbprintSha1 });
      expect(loadConfig(certificateEnv({ MicrosoftAppCertificateThumbprint: cert.thumbprintSha256 })).bot.credential)
        .toMatchObject({ thumbprint: cert.thumbprintSha256, thumbprintAlgorithm: 'SHA-256' });
      expect(configRefusal(certificateEnv({ MicrosoftAppCertificateThumbprint: 'not-hex' }))).toMatch(/MicrosoftAppCertificateThumbprint: the certificate's thumbprint in hex/);
    });

    it('reads a PEM file holding the key and the certificate, and refuses a thumbprint that is not that certificate\'s', () => {
      expect(loadConfig(certificateEnv({ MicrosoftAppCertificateKeyFile: cert.bundleFile })).bot.credential).toMatchObject({ kind: 'certificate' });
      const other = makeClientCertificate('another certificate');
      expect(configRefusal(certificateEnv({ MicrosoftAppCertificateKeyFile: cert.bundleFile, MicrosoftAppCertificateThumbprint: other.thumbprintSha1 })))
        .toMatch(new RegExp(`MicrosoftAppCertificateThumbprint: does not match the certificate in .*bot-bundle\\.pem \\(its thumbprint is ${cert.thumbprintSha1}\\)`));
    });

    it('says which file it cannot read, and why', () => {
      const missing = path.join(cert.dir, 'missing.pem');
      expect(configRefusal(certificateEnv({ MicrosoftAppCertificateKeyFile: missing })))
        .toMatch(new RegExp(`MicrosoftAppCertificateKeyFile: cannot read ${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(ENOENT\\)`));
    });

    it('refuses a file with no usable key: a certificate alone, or a key behind a passphrase', () => {
      const certOnly = path.join(cert.dir, 'cert-only.pem');
      writeFileSync(certOnly, cert.certificate);
      expect(configRefusal(certificateEnv({ MicrosoftAppCertificateKeyFile: certOnly })))
        .toMatch(/MicrosoftAppCertificateKeyFile: .*cert-only\.pem holds no private key the bot can use: it must be PEM \("-----BEGIN PRIVATE KEY-----"\), RSA, without a passphrase/);
      const encrypted = path.join(cert.dir, 'encrypted.pem');
      execFileSync('openssl', ['pkcs8', '-topk8', '-in', cert.keyFile, '-out', encrypted, '-passout', 'pass:secret'], { stdio: 'pipe' });
      expect(configRefusal(certificateEnv({ MicrosoftAppCertificateKeyFile: encrypted }))).toMatch(/encrypted\.pem holds no private key the bot can use/);
    });
  });

  describe('the tab\'s own app registration', () => {
    it('defaults to the bot\'s app id, for the token audiences and the manifest', () => {
      const config = loadConfig({ ...APP, ...TENANT, MicrosoftAppPassword: 's', PUBLIC_HOSTNAME: 'performance.fenmarsh.gov.uk' });
      expect(config.app.tabAppId).toBe(APP.MicrosoftAppId);
      expect(config.app.tabTokenAudiences).toEqual([`api://performance.fenmarsh.gov.uk/${APP.MicrosoftAppId}`, APP.MicrosoftAppId]);
    });

    it('uses TAB_APP_ID when the bot is a managed identity, and insists on it then', () => {
      const env = { ...APP, ...TENANT, MicrosoftAppType: 'UserAssignedMSI', PUBLIC_HOSTNAME: 'performance.fenmarsh.gov.uk' };
      expect(configRefusal(env)).toMatch(/TAB_APP_ID: is required when MicrosoftAppType is UserAssignedMSI: the tab's single sign-on needs an Entra app registration of its own/);
      expect(() => loadPackageConfig(env)).toThrow(/TAB_APP_ID: is required when MicrosoftAppType is UserAssignedMSI/);
      const config = loadConfig({ ...env, TAB_APP_ID });
      expect(config.bot).toMatchObject({ appId: APP.MicrosoftAppId, appType: 'UserAssignedMSI', credential: { kind: 'managedIdentity' } });
      expect(config.app.tabAppId).toBe(TAB_APP_ID);
      expect(config.app.tabTokenAudiences).toEqual([`api://performance.fenmarsh.gov.uk/${TAB_APP_ID}`, TAB_APP_ID]);
      expect(loadPackageConfig({ ...env, TAB_APP_ID }).app).toMatchObject({ tabAppId: TAB_APP_ID, tabTokenAudiences: [`api://performance.fenmarsh.gov.uk/${TAB_APP_ID}`, TAB_APP_ID] });
    });

    it('refuses a TAB_APP_ID that is not a client id', () => {
      expect(configRefusal({ TAB_APP_ID: 'my-tab' })).toMatch(/TAB_APP_ID: the application \(client\) id of the tab's Entra app registration, a GUID/);
    });
  });
});
