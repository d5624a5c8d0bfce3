/**
 * Long steps asked for in a Teams turn (open, remind, escalate, close, the Board's digest) are not
 * run in the turn: Teams gives a bot 15 s before it shows an error and sends the activity again.
 * The turn records a job (here) and answers with its progress card; a job runner claims the job
 * and runs it (src/jobs/job-runner.ts), updating the card as it goes.
 *
 * Recording is idempotent on the request key (the command's conversation and Teams activity id):
 * Teams retrying the same activity finds the job already there and starts nothing new.
 */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { JobRecord } from '../../db/repositories/job-repository';
import { periodKey, type MonthPeriod } from '../../domain/periods';
import type { JobProgressView } from '../../cards/job-progress-card';
import type { JobKind } from './job-kinds';
import type { JobViews } from './job-views';

/** Where the command came from: its progress card goes there. */
export interface CommandPlace {
  /** Unique per command activity: its conversation and Teams activity id. */
  readonly requestKey: string;
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId: string | null;
}

export interface JobRequest {
  readonly kind: JobKind;
  readonly month: MonthPeriod;
  readonly requestedBy: string;
  readonly requestedById: string | null;
  readonly place: CommandPlace;
}

export interface JobStarted {
  readonly kind: 'started';
  readonly jobId: string;
  /** False when the same command activity had already recorded it (a retry). */
  readonly fresh: boolean;
  /** The card already posted for it, if any (a retry after the card went out). */
  readonly cardActivityId: string | null;
  readonly view: JobProgressView;
}

export class BackgroundJobs {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly views: JobViews,
    /** The runner's wake(): a job was recorded, so it need not wait for its next look. */
    private readonly onRecorded: () => void = () => {},
  ) {}

  /** Records the job for a command (once per command activity) for a runner to run. */
  async request(request: JobRequest): Promise<JobStarted> {
    const { job, created } = await this.store.repos.jobs.record({
      requestKey: request.place.requestKey,
      kind: request.kind,
      period: periodKey(request.month),
      requestedBy: request.requestedBy,
      requestedById: request.requestedById,
      trigger: 'chat',
      card: { serviceUrl: request.place.serviceUrl, conversationId: request.place.conversationId, tenantId: request.place.tenantId },
    }, this.clock.now());
    if (created) this.onRecorded();
    return { kind: 'started', jobId: job.id, fresh: created, cardActivityId: job.card.activityId, view: await this.views.view(job) };
  }

  /**
   * The turn has posted the job's card: the runner updates it from now on. If the job ended before
   * the runner could know where the card was, this returns the end for the turn to show on it.
   */
  async cardPosted(jobId: string, activityId: string): Promise<JobProgressView | null> {
    const job = await this.store.repos.jobs.cardPosted(jobId, activityId, this.clock.now());
    return job && isFinished(job) ? this.views.view(job) : null;
  }
}

function isFinished(job: JobRecord): boolean {
  return job.status === 'DONE' || job.status === 'FAILED';
}
