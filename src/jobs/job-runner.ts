/**
 * Runs the background jobs the performance team's commands record (app/jobs/background-jobs.ts):
 * a step of the cycle or the Board's digest, outside the Teams turn that asked for it, with its
 * progress card updated every few seconds and once more at the end.
 *
 * One loop per process claims the oldest job due, a few at a time. A claim is a lease
 * (job-repository.ts): taken with FOR UPDATE SKIP LOCKED, so two instances never take the same job;
 * renewed every tick while the job runs, so only a runner that has died (or stalled past its lease)
 * loses it; and every write of the job's progress, outcome and end is made only while the lease is
 * still this runner's. A job whose runner died is claimed again when its lease has run out and
 * taken up where it stood: from the start of its step if the step had not finished (its outcome
 * not recorded), or from following delivery if it had. A runner that is stopping hands its jobs
 * back at once, stopping a step at its next recipient.
 *
 * Running a step again is safe, which is what makes the takeover safe: every message a step records
 * has a dedupe key (purpose, recipient, period; the digest's posts, threads and plan requests their
 * own), so a step run again, even by two runners at once after a lease was lost, records nothing
 * already recorded and so sends nothing twice; opening and closing periods are plain saves of the
 * same state. Exactly once, then, for every message, as far as recording goes (delivery is the
 * dispatcher's, exactly once but for sends in flight at a crash: see outbox-dispatcher.ts). What a
 * step run again does repeat is harmless: its audit entry (with the second run's counts), an
 * on-demand cycle_run row, and the steps' reads.
 *
 * When the step has recorded everything, the job follows delivery (the outbox rows of its purposes
 * and periods) until nothing is waiting, or for at most `followLimitMs`, so the card's counts of
 * sent and failed run to the end; then the job is done.
 */
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { Store } from '../db/store';
import type { JobRecord } from '../db/repositories/job-repository';
import type { Messenger } from '../bot/messenger';
import type { JobSteps } from '../app/jobs/job-steps';
import type { RecordingProgress } from '../app/cycle/outbox-batches';
import { jobView, type JobViews } from '../app/jobs/job-views';
import { readOutcome, readProgress, type JobOutcome, type JobProgress } from '../app/jobs/job-kinds';
import { measuredRate, settledOf, withSample, type DeliveryCounts, type Sample } from '../domain/job-progress';
import { buildJobProgressCard } from '../cards/job-progress-card';
import { realTimer, WakeSignal, type Timer } from '../delivery/timer';
import { ProgressCardUpdates, MIN_UPDATE_INTERVAL_MS } from './progress-card-updates';

/** Thrown from a step's progress callback when another runner holds the job now: this one leaves it. */
class LeaseLost extends Error {
  constructor() {
    super('the job\'s lease is another runner\'s now');
  }
}

export interface JobRunnerOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** Names this process's claims; unique per process (src/instance-identity.ts). */
  readonly instanceId: string;
  readonly steps: Pick<JobSteps, 'run'>;
  readonly views: Pick<JobViews, 'counts'>;
  /** Updates the progress cards. */
  readonly messenger: Pick<Messenger, 'update'>;
  /** How long a claim lasts unless renewed; a dead runner's job is taken over after it. */
  readonly leaseMs?: number;
  /** How often a running job renews its lease, saves its progress and updates its card. */
  readonly tickMs?: number;
  /** How often an idle runner looks for jobs recorded without a wake() (by other instances). */
  readonly idlePollMs?: number;
  /** How long a job follows its messages' delivery after recording them, at most. */
  readonly followLimitMs?: number;
  /** Jobs run at once by this process. */
  readonly maxConcurrent?: number;
  /** Claims of one job (runners that died running it) before it is given up as failed. */
  readonly maxAttempts?: number;
  readonly minCardIntervalMs?: number;
  /** How long stop() waits for running jobs to hand back; a server stopping on SIGTERM has seconds. */
  readonly stopPatienceMs?: number;
  readonly timer?: Timer;
}

const DEFAULT_LEASE_MS = 15_000;
const DEFAULT_TICK_MS = MIN_UPDATE_INTERVAL_MS;
const DEFAULT_IDLE_POLL_MS = 2_000;
const DEFAULT_FOLLOW_LIMIT_MS = 15 * 60_000;
const DEFAULT_MAX_CONCURRENT = 2;
const DEFAULT_MAX_ATTEMPTS = 5;
/** How long stop() waits for running jobs to hand back (a digest cannot be stopped half-way). */
const STOP_PATIENCE_MS = 20_000;

/** Thrown from a step's progress callback to stop it where it is: the runner is stopping. */
class RunnerStopping extends Error {
  constructor() {
    super('the job runner is stopping');
  }
}

export class JobRunner {
  private readonly leaseMs: number;
  private readonly tickMs: number;
  private readonly idlePollMs: number;
  private readonly followLimitMs: number;
  private readonly maxConcurrent: number;
  private readonly maxAttempts: number;
  private readonly minCardIntervalMs: number;
  private readonly timer: Timer;
  private readonly running = new Map<string, Promise<void>>();
  private readonly wakeSignal = new WakeSignal();
  private readonly stopController = new AbortController();
  private loopDone: Promise<void> | null = null;
  private wakes = 0;

  constructor(private readonly options: JobRunnerOptions) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    this.idlePollMs = options.idlePollMs ?? DEFAULT_IDLE_POLL_MS;
    this.followLimitMs = options.followLimitMs ?? DEFAULT_FOLLOW_LIMIT_MS;
    this.maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.minCardIntervalMs = options.minCardIntervalMs ?? MIN_UPDATE_INTERVAL_MS;
    this.timer = options.timer ?? realTimer;
  }

  /** Starts the loop in the background. A stopped runner is not started again. */
  start(): void {
    if (this.loopDone || this.stopping) return;
    this.loopDone = this.loop();
  }

  /** A job was recorded: look now rather than at the next poll. */
  wake(): void {
    this.wakes++;
    this.wakeSignal.raise();
  }

  /** Stops claiming, hands running jobs back (each stops at its next recipient) and waits for them, a while. */
  async stop(): Promise<void> {
    this.stopController.abort();
    this.wakeSignal.raise();
    await this.loopDone;
    const patience = new AbortController();
    await Promise.race([this.allEnded(), this.timer.sleep(this.options.stopPatienceMs ?? STOP_PATIENCE_MS, patience.signal)]);
    patience.abort();
  }

  /** For tests and tools: claims and runs jobs until none is due; returns how many it ran. */
  async runUntilIdle(): Promise<number> {
    let ran = 0;
    for (;;) {
      const job = await this.claim();
      if (!job) break;
      ran++;
      await this.run(job);
    }
    return ran;
  }

  private get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  private async loop(): Promise<void> {
    const { log, instanceId } = this.options;
    log.info({ instanceId, leaseMs: this.leaseMs }, 'job runner started');
    while (!this.stopping) {
      const wakes = this.wakes;
      try {
        if (this.running.size < this.maxConcurrent) {
          const job = await this.claim();
          if (job) {
            this.track(job);
            continue;
          }
        }
      } catch (error) {
        log.error({ err: error }, 'job runner: could not claim a job; trying again shortly');
      }
      // Checked with no await before the sleep, so a wake() meanwhile is not missed.
      if (this.stopping || this.wakes !== wakes) continue;
      await this.timer.sleep(this.idlePollMs, this.wakeSignal.signal);
    }
    log.info({ instanceId }, 'job runner stopped claiming');
  }

  private async claim(): Promise<JobRecord | null> {
    const now = this.options.clock.now();
    return this.options.store.repos.jobs.claimNext(this.options.instanceId, now, this.leaseUntil(now));
  }

  private track(job: JobRecord): void {
    const done = this.run(job)
      .catch((error: unknown) => this.options.log.error({ err: error, jobId: job.id }, 'job runner: a job ended in an error it could not record'))
      .finally(() => {
        this.running.delete(job.id);
        this.wake(); // a place is free
      });
    this.running.set(job.id, done);
  }

  private async allEnded(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private leaseUntil(now: Date): Date {
    return new Date(now.getTime() + this.leaseMs);
  }

  private run(job: JobRecord): Promise<void> {
    return new JobRun(job, this.options, {
      leaseMs: this.leaseMs, tickMs: this.tickMs, followLimitMs: this.followLimitMs, maxAttempts: this.maxAttempts,
      minCardIntervalMs: this.minCardIntervalMs, timer: this.timer, stop: this.stopController.signal,
    }).run();
  }
}

interface RunSettings {
  readonly leaseMs: number;
  readonly tickMs: number;
  readonly followLimitMs: number;
  readonly maxAttempts: number;
  readonly minCardIntervalMs: number;
  readonly timer: Timer;
  readonly stop: AbortSignal;
}

/** One claimed job, from its claim to its end (or hand-back): its lease, its progress, its card. */
class JobRun {
  private job: JobRecord;
  private progress: JobProgress;
  private recordingSamples: Sample[] = [];
  private sendingSamples: Sample[] = [];
  private counts: DeliveryCounts | null = null;
  /** Set when the lease turned out to be someone else's: from then on this run writes nothing. */
  private lost = false;
  private ended = false;
  private readonly ending = new WakeSignal();
  private readonly card: ProgressCardUpdates;
  private readonly log: Logger;

  constructor(
    job: JobRecord,
    private readonly options: JobRunnerOptions,
    private readonly settings: RunSettings,
  ) {
    this.job = job;
    this.progress = readProgress(job.progress);
    this.log = options.log.child({ jobId: job.id, job: `${job.kind} ${job.period}` });
    this.card = new ProgressCardUpdates(options.messenger, job.card, options.clock, settings.timer, this.log, settings.minCardIntervalMs);
  }

  private get jobs() {
    return this.options.store.repos.jobs;
  }

  async run(): Promise<void> {
    this.log.info({ attempts: this.job.attempts }, 'job claimed');
    if (this.job.attempts > this.settings.maxAttempts) {
      await this.end('FAILED', `given up after ${this.job.attempts - 1} runners stopped while running it`);
      return;
    }
    const ticking = this.tickUntilEnded();
    try {
      const outcome = readOutcome(this.job.outcome) ?? (await this.runStep());
      if (!outcome) return;
      this.progress = { ...this.progress, phase: 'delivering' };
      const waiting = await this.followDelivery();
      if (this.lost) return;
      if (this.settings.stop.aborted) {
        await this.handBack();
        return;
      }
      this.finishTicking();
      await ticking;
      await this.end('DONE', null, waiting);
    } catch (error) {
      if (error instanceof LeaseLost || this.lost) return;
      if (error instanceof RunnerStopping || this.settings.stop.aborted) {
        await this.handBack();
        return;
      }
      this.log.error({ err: error }, 'job failed');
      this.finishTicking();
      await ticking;
      await this.end('FAILED', error instanceof Error ? error.message : String(error));
    } finally {
      this.finishTicking();
      await ticking;
    }
  }

  /** Runs the step and keeps its outcome; null when the lease was lost meanwhile. */
  private async runStep(): Promise<JobOutcome | null> {
    this.progress = { ...this.progress, phase: 'recording' };
    const outcome = await this.options.steps.run(this.job, (p) => this.recording(p));
    const recorded = outcome.kind === 'step' ? outcome.step.queued + outcome.step.alreadyQueued : null;
    this.progress = {
      phase: 'delivering',
      recorded: this.progress.toRecord === null ? (recorded ?? 0) : this.progress.recorded,
      toRecord: this.progress.toRecord ?? recorded,
    };
    if (!(await this.jobs.saveOutcome(this.job.id, this.options.instanceId, outcome, { ...this.progress }, this.options.clock.now()))) {
      this.loseLease();
      return null;
    }
    this.job = { ...this.job, outcome };
    this.log.info({ outcome: outcome.kind === 'step' ? { queued: outcome.step.queued, alreadyQueued: outcome.step.alreadyQueued } : { digestQueued: outcome.digest.digestQueued } }, 'job step ran; following delivery');
    return outcome;
  }

  private recording(p: RecordingProgress): void {
    if (this.settings.stop.aborted) throw new RunnerStopping();
    if (this.lost) throw new LeaseLost();
    this.progress = { phase: 'recording', recorded: p.recorded, toRecord: p.toRecord };
  }

  /** Until nothing of the step's is waiting to be sent (or the limit, a stop, a lost lease): how many still wait. */
  private async followDelivery(): Promise<number> {
    const until = this.options.clock.now().getTime() + this.settings.followLimitMs;
    for (;;) {
      const counts = await this.options.views.counts(this.job);
      this.counts = counts;
      if (!counts || counts.waiting === 0) return 0;
      if (this.lost || this.settings.stop.aborted || this.options.clock.now().getTime() >= until) return counts.waiting;
      await this.settings.timer.sleep(this.settings.tickMs, this.settings.stop);
    }
  }

  private async tickUntilEnded(): Promise<void> {
    while (!this.ended && !this.lost) {
      try {
        await this.tick();
      } catch (error) {
        this.log.error({ err: error }, 'job tick failed (lease, progress or card); trying again at the next');
      }
      if (this.ended) break;
      await this.settings.timer.sleep(this.settings.tickMs, this.ending.signal);
    }
  }

  private finishTicking(): void {
    this.ended = true;
    this.ending.raise();
  }

  /** Renews the lease with the progress, samples the rates, and shows it all on the card. */
  private async tick(): Promise<void> {
    const now = this.options.clock.now();
    const row = await this.jobs.heartbeat(this.job.id, this.options.instanceId, { ...this.progress }, now, new Date(now.getTime() + this.settings.leaseMs));
    if (!row) {
      this.loseLease();
      return;
    }
    this.job = { ...row, outcome: this.job.outcome };
    const counts = await this.options.views.counts(this.job);
    this.counts = counts ?? this.counts;
    const at = this.options.clock.now().getTime();
    this.recordingSamples = withSample(this.recordingSamples, { atMs: at, count: this.progress.recorded });
    if (counts) this.sendingSamples = withSample(this.sendingSamples, { atMs: at, count: settledOf(counts) });
    const activityId = this.job.card.activityId;
    if (!activityId || this.ended) return;
    const view = jobView({
      job: this.job, progress: this.progress, counts: this.counts,
      rates: { recording: measuredRate(this.recordingSamples), sending: measuredRate(this.sendingSamples) },
    });
    await this.card.show(activityId, buildJobProgressCard(view));
  }

  /** Ends the job and shows the end on its card (if the turn has said where it is: otherwise the turn shows it). */
  private async end(status: 'DONE' | 'FAILED', error: string | null, waitingAtEnd = 0): Promise<void> {
    this.progress = { ...this.progress, phase: status === 'DONE' ? 'done' : 'failed', ...(waitingAtEnd > 0 ? { waitingAtEnd } : {}) };
    const row = await this.jobs.finish(this.job.id, this.options.instanceId, { status, progress: { ...this.progress }, error, at: this.options.clock.now() });
    if (!row) {
      this.loseLease();
      return;
    }
    this.log.info({ status, waitingAtEnd }, status === 'DONE' ? 'job done' : 'job failed');
    if (!row.card.activityId) return;
    const counts = await this.options.views.counts(row).catch(() => this.counts);
    const view = jobView({ job: row, progress: this.progress, counts, rates: { recording: null, sending: null } });
    if (!(await this.card.showFinal(row.card.activityId, buildJobProgressCard(view)))) {
      this.log.warn('could not show the job\'s end on its progress card');
    }
  }

  /** The runner is stopping: the job goes back to the queue, to be taken up at once by the next runner. */
  private async handBack(): Promise<void> {
    this.finishTicking();
    if (this.lost) return;
    try {
      await this.jobs.release(this.job.id, this.options.instanceId, this.options.clock.now());
      this.log.info('job handed back: the runner is stopping');
    } catch (error) {
      this.log.warn({ err: error }, 'could not hand the job back; it is taken over when its lease runs out');
    }
  }

  private loseLease(): void {
    if (!this.lost) this.log.warn('job\'s lease is another runner\'s now: this runner leaves it to them');
    this.lost = true;
    this.finishTicking();
  }
}
