/**
 * A job's progress card as people read it: what step, which month, who asked, how far recording
 * and sending have got (from the outbox rows of the step's purposes and periods), how long is left
 * at the rates measured so far, and at the end what the step did.
 */
import type { Store } from '../../db/store';
import type { JobRecord } from '../../db/repositories/job-repository';
import type { OutboxCounts } from '../../db/repositories/outbox-repository';
import { labelOfKey, parsePeriod, type MonthPeriod } from '../../domain/periods';
import { formatUkDateTime } from '../../domain/dates';
import {
  barShares, expectedMessages, secondsLeft, settledOf,
  type DeliveryCounts, type RecordingCounts,
} from '../../domain/job-progress';
import type { JobProgressView } from '../../cards/job-progress-card';
import type { Fact } from '../../cards/adaptive-card';
import { isJobKind, readOutcome, readProgress, type JobKind, type JobProgress } from './job-kinds';
import { jobScope, type JobScope } from './job-scope';
import { cycleStepReply, digestReply } from './outcome-text';

/** Recording and sending rates (per second) the runner has measured; null while unknown. */
export interface MeasuredRates {
  readonly recording: number | null;
  readonly sending: number | null;
}

export const NO_RATES: MeasuredRates = { recording: null, sending: null };

/** What the card is drawn from: the job, its progress as it is now, and its messages in the outbox. */
export interface JobReading {
  readonly job: JobRecord;
  readonly progress: JobProgress;
  readonly counts: DeliveryCounts | null;
  readonly rates: MeasuredRates;
}

const TITLES: Readonly<Record<JobKind, (month: string) => string>> = {
  open: (m) => `Open ${m}`,
  remind: (m) => `Remind for ${m}`,
  escalate: (m) => `Escalate late ${m} figures`,
  close: (m) => `Close ${m}`,
  digest: (m) => `Board digest for ${m}`,
};

export class JobViews {
  constructor(private readonly store: Store) {}

  /** The job's messages in the outbox now; null for a step that sends none. */
  async counts(job: JobRecord): Promise<DeliveryCounts | null> {
    const scope = scopeOf(job);
    if (!scope?.noun) return null;
    return deliveryCounts(await this.store.repos.outbox.countsIn(scope));
  }

  /** The card for the job as stored (the turn's first card, or the end shown by the turn). */
  async view(job: JobRecord): Promise<JobProgressView> {
    const counts = job.status === 'QUEUED' ? null : await this.counts(job);
    return jobView({ job, progress: readProgress(job.progress), counts, rates: NO_RATES });
  }
}

export function deliveryCounts(counts: OutboxCounts): DeliveryCounts {
  return { sent: counts.SENT, failed: counts.BLOCKED + counts.DEAD, waiting: counts.PENDING + counts.SENDING };
}

export function monthOfJob(job: Pick<JobRecord, 'period'>): MonthPeriod | null {
  const period = parsePeriod(job.period);
  return period.ok && period.value.kind === 'MONTH' ? period.value : null;
}

function scopeOf(job: JobRecord): JobScope | null {
  const month = monthOfJob(job);
  return month && isJobKind(job.kind) ? jobScope(job.kind, month) : null;
}

/** How far recording has got, once the step has said how many recipients it has. */
export function recordingOf(progress: JobProgress): RecordingCounts | null {
  if (progress.toRecord === null) return null;
  return { recorded: progress.recorded, toRecord: progress.toRecord, finished: progress.phase !== 'queued' && progress.phase !== 'recording' };
}

export function jobView(reading: JobReading): JobProgressView {
  const { job, progress, counts, rates } = reading;
  const kind: JobKind = isJobKind(job.kind) ? job.kind : 'open';
  const scope = scopeOf(job);
  const noun = scope?.noun ?? null;
  const recording = recordingOf(progress);
  const expected = counts ? expectedMessages(recording, counts) : 0;
  const waitingAtEnd = progress.waitingAtEnd ?? 0;
  const state = job.status;

  let stateText: string;
  if (state === 'QUEUED') stateText = 'Starting…';
  else if (state === 'DONE') stateText = waitingAtEnd > 0 ? `Done: ${number(waitingAtEnd)} still waiting to be sent (they are retried)` : 'Done';
  else if (state === 'FAILED') stateText = 'Stopped by an error';
  else if (progress.phase === 'delivering') stateText = noun && expected > 0 ? `Sending ${noun}` : 'Finishing…';
  else if (recording && noun) stateText = `Recording ${noun}: ${number(recording.recorded)} of ${number(recording.toRecord)}`;
  else stateText = kind === 'digest' ? 'Preparing the digest…' : kind === 'close' ? 'Closing…' : 'Working out who to tell…';

  const showDelivery = state !== 'QUEUED' && noun !== null && counts !== null;
  const facts: Fact[] = [];
  if (showDelivery) {
    if (recording) facts.push({ title: `${capitalised(noun)} recorded`, value: `${number(recording.recorded)} of ${number(recording.toRecord)}` });
    facts.push({ title: 'Sent', value: number(counts.sent) }, { title: 'Failed or undeliverable', value: number(counts.failed) });
    if (state === 'RUNNING' || counts.waiting > 0) facts.push({ title: 'Waiting to be sent', value: number(counts.waiting) });
    if (state === 'RUNNING') {
      const left = secondsLeft(
        { toRecord: recording && !recording.finished ? recording.toRecord - recording.recorded : 0, toSettle: expected - settledOf(counts) },
        rates,
      );
      facts.push({ title: 'Time left', value: left === null ? 'working it out…' : aboutDuration(left) });
    }
  }

  const bar = showDelivery && expected > 0 ? barOf(counts, expected) : null;

  const month = labelOfKey(job.period);
  return {
    title: TITLES[kind](month),
    subtitle: `${job.kind} ${job.period} · asked for by ${job.requestedBy} at ${formatUkDateTime(job.createdAt)}`,
    state,
    stateText,
    bar,
    facts,
    outcome: state === 'DONE' ? outcomeLines(job) : state === 'FAILED' ? [failedLine(job)] : [],
    note: noteOf(job, counts),
  };
}

function barOf(counts: DeliveryCounts, expected: number): JobProgressView['bar'] {
  const shares = barShares(counts, expected);
  const failed = counts.failed > 0 ? `, ${number(counts.failed)} failed` : '';
  return { ...shares, label: `${shares.sent + shares.failed}% · ${number(counts.sent)} of ${number(expected)} sent${failed}` };
}

function outcomeLines(job: JobRecord): string[] {
  const outcome = readOutcome(job.outcome);
  if (!outcome) return [];
  return outcome.kind === 'digest' ? digestReply(outcome.digest) : cycleStepReply(outcome.step.step, outcome.step);
}

function failedLine(job: JobRecord): string {
  return `Something went wrong and the step stopped. What it recorded stays recorded: run "${job.kind} ${job.period}" again to finish it (nothing is ever sent twice).`;
}

function noteOf(job: JobRecord, counts: DeliveryCounts | null): string | null {
  const resumed = job.attempts > 1 ? 'It was resumed after an interruption; nothing is sent twice.' : null;
  if (job.status === 'QUEUED' || job.status === 'RUNNING') {
    return ['This card updates itself every few seconds until the step is done.', resumed].filter(Boolean).join(' ');
  }
  const told = job.status === 'DONE' && counts && counts.failed > 0 ? 'The performance team is told of each message Teams would not take.' : null;
  const note = [told, resumed].filter(Boolean).join(' ');
  return note || null;
}

/** "about 40 s", "about 3 min", "about 1 h 5 min". */
export function aboutDuration(seconds: number): string {
  if (seconds <= 0) return 'moments';
  if (seconds < 60) return `about ${Math.ceil(seconds)} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  return `about ${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

const number = (n: number) => n.toLocaleString('en-GB');
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
