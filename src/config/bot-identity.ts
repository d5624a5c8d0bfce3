/**
 * How the bot proves who it is: the app type and exactly one credential. config.ts owns the
 * settings (it is the only reader of process.env); this module holds their rules and turns them
 * into a BotCredential, reading the certificate's private key file once, at start-up, so a wrong
 * path or a key MSAL cannot use stops the process with one clear message instead of failing on
 * the first proactive message.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type BotAppType = 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';

/** The credential the bot's own (outbound) tokens are obtained with. */
export type BotCredential =
  /** A client secret (MicrosoftAppPassword), sent to Entra ID with each token request. */
  | { readonly kind: 'secret'; readonly secret: string }
  /**
   * A certificate registered on the app: each token request carries a client assertion (a JWT)
   * signed with its private key and naming the certificate by its thumbprint. Nothing secret
   * travels.
   */
  | {
      readonly kind: 'certificate';
      /** Hex, no separators: SHA-1 (40 digits, x5t) or SHA-256 (64 digits, x5t#S256). */
      readonly thumbprint: string;
      readonly thumbprintAlgorithm: 'SHA-1' | 'SHA-256';
      /** PEM, as read from MicrosoftAppCertificateKeyFile. */
      readonly privateKey: string;
    }
  /** Azure's managed identity endpoint (App Service, Container Apps): no secret at all. */
  | { readonly kind: 'managedIdentity' };

export const botIdentitySettings = {
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().trim().optional(),
  MicrosoftAppCertificateThumbprint: z
    .string()
    .optional()
    .transform((text) => text?.replace(/[\s:]/g, '').toLowerCase() || undefined)
    .pipe(z.string().regex(/^([0-9a-f]{40}|[0-9a-f]{64})$/, 'the certificate\'s thumbprint in hex, as the Entra portal shows it (40 digits for SHA-1, 64 for SHA-256)').optional()),
  MicrosoftAppCertificateKeyFile: z.string().trim().optional().transform((text) => text || undefined),
};

interface IdentitySettings {
  readonly MicrosoftAppId?: string;
  readonly MicrosoftAppType: BotAppType;
  readonly MicrosoftAppPassword?: string;
  readonly MicrosoftAppTenantId?: string;
  readonly MicrosoftAppCertificateThumbprint?: string;
  readonly MicrosoftAppCertificateKeyFile?: string;
}

type Issue = (path: string, message: string) => void;

/** The rules between the identity settings; each broken one is reported against the setting to fix. */
export function checkBotIdentity(s: IdentitySettings, issue: Issue): void {
  if (!s.MicrosoftAppId) return; // no app id: no authentication at all (local development)
  const secret = Boolean(s.MicrosoftAppPassword);
  const certificate = Boolean(s.MicrosoftAppCertificateThumbprint || s.MicrosoftAppCertificateKeyFile);
  if (s.MicrosoftAppType !== 'MultiTenant' && !s.MicrosoftAppTenantId) {
    issue('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${s.MicrosoftAppType} (the council's Entra tenant id, a GUID)`);
  }
  if (s.MicrosoftAppType === 'UserAssignedMSI') {
    if (secret) issue('MicrosoftAppPassword', 'must not be set with UserAssignedMSI: the managed identity needs no secret');
    if (certificate) issue('MicrosoftAppCertificateThumbprint', 'must not be set with UserAssignedMSI: the managed identity needs no certificate');
    return;
  }
  if (secret && certificate) {
    issue('MicrosoftAppPassword', 'give either MicrosoftAppPassword (a client secret) or MicrosoftAppCertificateThumbprint with MicrosoftAppCertificateKeyFile (a certificate), not both');
  } else if (!secret && !certificate) {
    issue('MicrosoftAppPassword', 'is required with MicrosoftAppId (the bot registration\'s client secret), unless MicrosoftAppCertificateThumbprint and MicrosoftAppCertificateKeyFile name a certificate instead');
  } else if (certificate && !s.MicrosoftAppCertificateThumbprint) {
    issue('MicrosoftAppCertificateThumbprint', 'is required with MicrosoftAppCertificateKeyFile (the thumbprint of the certificate uploaded to the app registration)');
  } else if (certificate && !s.MicrosoftAppCertificateKeyFile) {
    issue('MicrosoftAppCertificateKeyFile', 'is required with MicrosoftAppCertificateThumbprint (the path of the certificate\'s PEM private key)');
  }
}

/** The credential the settings name (they have passed checkBotIdentity); null without an app id. */
export function botCredential(s: IdentitySettings, issue: Issue): BotCredential | null {
  if (!s.MicrosoftAppId) return null;
  if (s.MicrosoftAppType === 'UserAssignedMSI') return { kind: 'managedIdentity' };
  if (s.MicrosoftAppPassword) return { kind: 'secret', secret: s.MicrosoftAppPassword };
  const thumbprint = s.MicrosoftAppCertificateThumbprint!;
  const privateKey = readPrivateKey(s.MicrosoftAppCertificateKeyFile!, thumbprint, issue);
  if (privateKey === null) return null;
  return { kind: 'certificate', thumbprint, thumbprintAlgorithm: thumbprint.length === 40 ? 'SHA-1' : 'SHA-256', privateKey };
}

/**
 * The PEM private key, checked to be one MSAL can sign with (unencrypted). When the file also holds
 * the certificate (as Key Vault's PEM export does), its thumbprint and key must match the settings.
 */
function readPrivateKey(file: string, thumbprint: string, issue: Issue): string | null {
  const setting = 'MicrosoftAppCertificateKeyFile';
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    issue(setting, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return null;
  }
  const keyBlock = /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  let key: ReturnType<typeof createPrivateKey>;
  try {
    if (!keyBlock) throw new Error('no unencrypted PEM private key');
    key = createPrivateKey(keyBlock);
  } catch {
    issue(setting, `${file} holds no private key the bot can use: it must be PEM ("-----BEGIN PRIVATE KEY-----"), RSA, without a passphrase`);
    return null;
  }
  if (key.asymmetricKeyType !== 'rsa') {
    issue(setting, `${file} holds a ${key.asymmetricKeyType ?? 'non-RSA'} key: Entra ID's certificate credentials are RSA`);
    return null;
  }
  const certBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (certBlock) {
    const certificate = new X509Certificate(certBlock);
    const fingerprint = (thumbprint.length === 40 ? certificate.fingerprint : certificate.fingerprint256).replace(/:/g, '').toLowerCase();
    if (fingerprint !== thumbprint) issue('MicrosoftAppCertificateThumbprint', `does not match the certificate in ${file} (its thumbprint is ${fingerprint})`);
    else if (!certificate.checkPrivateKey(key)) issue(setting, `the private key in ${file} is not the certificate's own`);
  }
  return keyBlock;
}
