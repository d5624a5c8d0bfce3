/**
 * A throw-away certificate for the bot's app registration, made with openssl at test time (no
 * private key is ever committed): the private key file the bot is configured with, the certificate
 * the token authority stand-in trusts, and its thumbprints as the Entra portal shows them.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ClientCertificate {
  /** PEM private key (PKCS#8, no passphrase): MicrosoftAppCertificateKeyFile. */
  readonly keyFile: string;
  /** The private key and the certificate in one PEM file, as Key Vault exports it. */
  readonly bundleFile: string;
  /** PEM certificate, as uploaded to the app registration. */
  readonly certificate: string;
  /** Hex, no separators. */
  readonly thumbprintSha1: string;
  readonly thumbprintSha256: string;
  /** The directory everything is in (for more files a test needs). */
  readonly dir: string;
}

export function makeClientCertificate(commonName = 'Performance Bot test credential'): ClientCertificate {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-client-cert-'));
  const keyFile = path.join(dir, 'bot-key.pem');
  const certFile = path.join(dir, 'bot-cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${commonName}`], { stdio: 'pipe' });
  const certificate = readFileSync(certFile, 'utf8');
  const bundleFile = path.join(dir, 'bot-bundle.pem');
  writeFileSync(bundleFile, `${readFileSync(keyFile, 'utf8')}${certificate}`);
  const x509 = new X509Certificate(certificate);
  const hex = (fingerprint: string) => fingerprint.replace(/:/g, '').toLowerCase();
  return { keyFile, bundleFile, certificate, thumbprintSha1: hex(x509.fingerprint), thumbprintSha256: hex(x509.fingerprint256), dir };
}
