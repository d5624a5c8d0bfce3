/**
 * UUIDs in the version 7 layout (RFC 9562): the first 48 bits are the time in milliseconds, then a
 * counter, then random bits. Ids made one after another sort one after another, so a bulk insert
 * adds each to the right-hand end of the primary key's index instead of at a random page: about a
 * third cheaper per row on the embedded database for tens of thousands of rows. They are ordinary
 * UUID text, like the version 4 ids Prisma makes, and are unique just the same.
 */
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function timeOrderedId(now: number = Date.now()): string {
  // Within one millisecond the 12-bit counter keeps the order; past 4,096 ids it borrows the next millisecond.
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
