/**
 * npm run cycle -- <open|remind|escalate|close|status|digest> <month, e.g. 2026-10>
 *
 * Runs a step of the monthly cycle on demand, as the performance team, to its end (printing how
 * far recording has got as it goes). Messages it records are sent by the bot server's dispatcher
 * (now, if it is running against PostgreSQL; when it next starts, on the embedded database, which
 * only one process may open).
 */
import os from 'node:os';
import { Store } from '../db/store';
import { EntryService } from '../app/entry/entry-service';
import { CycleService, type StepName } from '../app/cycle/cycle-service';
import { parsePeriod } from '../domain/periods';
import { instanceIdentity } from '../instance-identity';
import { runCommand, UsageError } from './run-command';
import { BoardService } from '../app/board/board-service';
import { ActionPlanService } from '../app/board/action-plan-service';
import { AdminPolicy } from '../app/admin-policy';
import { createLogger } from '../logging/logger';
import type { OnRecording } from '../app/cycle/outbox-batches';

const USAGE = 'Usage: npm run cycle -- <open|remind|escalate|close|status|digest> <month such as 2026-10>';
const STEPS = ['open', 'remind', 'escalate', 'close', 'status', 'digest'] as const;

void runCommand('cycle command', async ({ config, database, clock }) => {
  const [step, monthText, ...rest] = process.argv.slice(2);
  if (!step || !monthText || rest.length > 0 || !(STEPS as readonly string[]).includes(step)) throw new UsageError(USAGE);
  const month = parsePeriod(monthText);
  if (!month.ok || month.value.kind !== 'MONTH') throw new UsageError(`"${monthText}" is not a month: write it as 2026-10. ${USAGE}`);

  const store = new Store(database.prisma);
  const settings = { defaultTolerance: config.defaultTolerance };
  const cycle = new CycleService(store, clock, new EntryService(store, clock, settings), { calendar: config.cycle, ...settings });
  if (step === 'digest') {
    const plans = new ActionPlanService(store, clock, { ...settings, adminIds: () => new AdminPolicy(store, config.adminAadObjectIds).adminPersonIds() });
    // No Teams connection from the command line: owners without the app are named, not @mentioned.
    const noRoster = { members: () => Promise.reject(new Error('the team roster is read only by the bot server')) };
    const board = new BoardService(store, clock, settings, noRoster, plans, createLogger({ logLevel: 'error' }));
    const outcome = await board.digest({ month: month.value, trigger: 'cli', actor: `command line (${os.userInfo().username})` });
    if (!outcome.channelSet) {
      console.error('There is no Board channel yet: in the Performance Board\'s channel, mention the bot and type "set board channel".');
      return 2;
    }
    console.log(`digest ${outcome.month}: ${outcome.digestQueued ? 'queued' : 'already posted earlier'}; threads ${outcome.threadsQueued} new, ${outcome.threadsAlready} already posted; plan requests ${outcome.planRequestsQueued}.`);
    return 0;
  }
  if (step === 'status') {
    console.log((await cycle.status(month.value)).lines.join('\n').replace(/\*\*/g, ''));
    return 0;
  }
  const outcome = await cycle.runOnDemand(
    { step: step as StepName, month: month.value, trigger: 'cli', actor: `command line (${os.userInfo().username})` },
    instanceIdentity(),
    progressLines(),
  );
  console.log(`${step} ${outcome.month} (${outcome.periods.join(', ')}): ${outcome.queued} messages queued, ${outcome.alreadyQueued} already queued earlier.`);
  if (outcome.closed) console.log(`Closed: ${outcome.closed.join(', ') || 'nothing (already closed)'}; missing: ${outcome.missing?.join(', ') || 'none'}.`);
  if (outcome.unreachable.length) console.log(`Not reachable (app not installed): ${outcome.unreachable.join(', ')}.`);
  return 0;
});

/** "recorded 400 of 2,000" at most once a second, and at the end. */
function progressLines(): OnRecording {
  let printedAt = 0;
  let printed = -1;
  return ({ recorded, toRecord }) => {
    const now = Date.now();
    if (recorded === printed || (recorded < toRecord && now - printedAt < 1_000)) return;
    printedAt = now;
    printed = recorded;
    console.log(`recorded ${recorded.toLocaleString('en-GB')} of ${toRecord.toLocaleString('en-GB')}`);
  };
}
