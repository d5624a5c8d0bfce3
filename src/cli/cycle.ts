/**
 * npm run cycle -- <open|remind|escalate|close|status> <month, e.g. 2026-10>
 *
 * Runs a step of the monthly cycle on demand, as the performance team. Messages it records are
 * sent by the bot server's dispatcher (now, if it is running against PostgreSQL; when it next
 * starts, on the embedded database, which only one process may open).
 */
import os from 'node:os';
import { Store } from '../db/store';
import { EntryService } from '../app/entry/entry-service';
import { CycleService, type StepName } from '../app/cycle/cycle-service';
import { parsePeriod } from '../domain/periods';
import { systemClock } from '../clock';
import { instanceIdentity } from '../instance-identity';
import { runCommand, UsageError } from './run-command';

const USAGE = 'Usage: npm run cycle -- <open|remind|escalate|close|status> <month such as 2026-10>';
const STEPS = ['open', 'remind', 'escalate', 'close', 'status'] as const;

void runCommand('cycle command', async ({ config, database }) => {
  const [step, monthText, ...rest] = process.argv.slice(2);
  if (!step || !monthText || rest.length > 0 || !(STEPS as readonly string[]).includes(step)) throw new UsageError(USAGE);
  const month = parsePeriod(monthText);
  if (!month.ok || month.value.kind !== 'MONTH') throw new UsageError(`"${monthText}" is not a month: write it as 2026-10. ${USAGE}`);

  const store = new Store(database.prisma);
  const settings = { defaultTolerance: config.defaultTolerance };
  const cycle = new CycleService(store, systemClock, new EntryService(store, systemClock, settings), { calendar: config.cycle, ...settings });
  if (step === 'status') {
    console.log((await cycle.status(month.value)).lines.join('\n').replace(/\*\*/g, ''));
    return 0;
  }
  const outcome = await cycle.runOnDemand(
    { step: step as StepName, month: month.value, trigger: 'cli', actor: `command line (${os.userInfo().username})` },
    instanceIdentity(),
  );
  console.log(`${step} ${outcome.month} (${outcome.periods.join(', ')}): ${outcome.queued} messages queued, ${outcome.alreadyQueued} already queued earlier.`);
  if (outcome.closed) console.log(`Closed: ${outcome.closed.join(', ') || 'nothing (already closed)'}; missing: ${outcome.missing?.join(', ') || 'none'}.`);
  if (outcome.unreachable.length) console.log(`Not reachable (app not installed): ${outcome.unreachable.join(', ')}.`);
  return 0;
});
