/**
 * npm run people:anonymise -- <email>
 *
 * Anonymises a leaver (see src/app/people/anonymise-person.ts) and lists the indicators they are
 * still linked to, for the performance team to reassign. On PostgreSQL, run it as the schema's
 * owner (the role that runs `npm run db:migrate`): only that role may rewrite names in the audit log.
 * Exit codes: 0 done, 67 no one in the register has that email, 77 run as a role that may not
 * rewrite the audit log (nothing changed), 64 usage, 2 configuration.
 */
import os from 'node:os';
import { Store } from '../db/store';
import { anonymisePerson } from '../app/people/anonymise-person';
import { runCommand, UsageError } from './run-command';

const USAGE = 'Usage: npm run people:anonymise -- <email of the person who has left>';
/** sysexits' EX_NOUSER: "addressee unknown". */
const UNKNOWN_PERSON = 67;
/** sysexits' EX_NOPERM. */
const NOT_PERMITTED = 77;

const args = process.argv.slice(2);

void runCommand('anonymising a leaver', async ({ database }) => {
  if (args.length !== 1 || args[0]!.startsWith('-') || !args[0]!.includes('@')) throw new UsageError(USAGE);
  const email = args[0]!;
  let outcome;
  try {
    outcome = await anonymisePerson(new Store(database.prisma), email, `people:anonymise (run by ${os.userInfo().username})`);
  } catch (error) {
    if (!/permission denied for function anonymise_(audit_actor|commentary_author)/.test(String((error as Error).message))) throw error;
    console.error(
      'This database role may not rewrite names in the audit log, so nothing was changed. Run the command as the ' +
        "schema's owner: with the DATABASE_URL of the role that runs `npm run db:migrate`.",
    );
    return NOT_PERMITTED;
  }
  if (outcome.kind === 'unknown-person') {
    console.error(`No one in the register has the email ${email}: nothing was changed. Check the spelling (any case), or whether they were anonymised already.`);
    return UNKNOWN_PERSON;
  }
  console.log(`Anonymised ${email} as "${outcome.placeholder}" (${outcome.email}).`);
  console.log(`  Roles removed: ${outcome.rolesRemoved}. Chats with the bot forgotten: ${outcome.conversationsRemoved}. Audit log rows with the name replaced: ${outcome.auditRowsChanged} (rows, order and who-did-what kept). Board commentary replies with the name replaced: ${outcome.commentaryChanged}.`);
  console.log(`  Messages waiting for them, now never sent: ${outcome.messages.blocked}. Recorded messages with the name replaced: ${outcome.messages.scrubbed}.`);
  if (outcome.indicatorsToReassign.length === 0) {
    console.log('  No active indicator names them.');
  } else {
    console.log(`  REASSIGN: ${outcome.indicatorsToReassign.length} active indicator(s) still name them; give each a new owner/verifier/director in the register and import it:`);
    for (const indicator of outcome.indicatorsToReassign) console.log(`    ${indicator.code}  ${indicator.title}  (${indicator.links.join(', ')})`);
  }
  return 0;
});
