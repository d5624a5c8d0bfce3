import os from 'node:os';
import { randomBytes } from 'node:crypto';

/** Names this process in claims and runs, so a log or `cycle status` says which instance did what. */
export function instanceIdentity(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
