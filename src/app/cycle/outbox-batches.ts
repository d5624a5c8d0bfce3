/**
 * Records a step's messages in the outbox a batch at a time, so delivery starts while the step is
 * still preparing the rest: each batch is one statement (all of it lands, or none), the dispatcher
 * is woken after it, and whoever watches (the job runner's progress card, the command line) is told
 * how far recording has got after each recipient. Every message has its dedupe key, so a step run
 * again (after a crash half-way, or twice at once) records nothing twice.
 */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { NewOutboxMessage } from '../../db/repositories/outbox-repository';

/** How far a step has got recording: recipients dealt with (a message recorded, or none needed), of how many. */
export interface RecordingProgress {
  readonly recorded: number;
  readonly toRecord: number;
  /** Messages newly recorded so far (the rest were recorded by an earlier run). */
  readonly queued: number;
}

/**
 * Told after each recipient. It may throw to stop the step there (the job runner does when its
 * server is stopping): what was recorded stays recorded, and running the step again goes on from there.
 */
export type OnRecording = (progress: RecordingProgress) => void | Promise<void>;

export const ignoreProgress: OnRecording = () => {};

/** Recipients per batch: large enough to keep the transactions few, small enough to start sending at once. */
export const BATCH_SIZE = 100;
/**
 * A batch not yet full is recorded anyway once its first message has waited this long (preparing a
 * message can be slow); and the step's very first message is recorded at once, so the first
 * prompt is on its way while the rest are prepared.
 */
export const BATCH_MAX_WAIT_MS = 1_000;

export class OutboxBatches {
  private pending: NewOutboxMessage[] = [];
  private pendingSince = 0;
  private visited = 0;
  private batches = 0;
  /** Messages offered (recorded now or already there before). */
  offered = 0;
  /** Messages newly recorded. */
  queued = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly toRecord: number,
    /** The dispatcher's wake(): called after each batch that recorded something. */
    private readonly onQueued: () => void,
    private readonly onProgress: OnRecording,
    private readonly batchSize = BATCH_SIZE,
  ) {}

  /** One recipient dealt with: `message` to record for them, or null when they need none. */
  async add(message: NewOutboxMessage | null): Promise<void> {
    if (message) {
      if (this.pending.length === 0) this.pendingSince = this.clock.now().getTime();
      this.pending.push(message);
      this.offered++;
    }
    this.visited++;
    const waited = this.clock.now().getTime() - this.pendingSince;
    if (this.pending.length >= this.batchSize || (this.pending.length > 0 && (this.batches === 0 || waited >= BATCH_MAX_WAIT_MS))) {
      await this.flush();
    } else {
      await this.report();
    }
  }

  /** Records what is waiting (the step calls this once it has dealt with everyone). */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.batches++;
    const count = await this.store.repos.outbox.enqueue(batch, this.clock.now());
    this.queued += count;
    if (count > 0) this.onQueued();
    await this.report();
  }

  /** Recipients whose message waits in a batch not yet recorded do not count as recorded. */
  private report(): void | Promise<void> {
    const recorded = this.visited - this.pending.length;
    return this.onProgress({ recorded, toRecord: Math.max(this.toRecord, this.visited), queued: this.queued });
  }
}
