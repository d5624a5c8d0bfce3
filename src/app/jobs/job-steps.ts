/** Runs a job's step: the cycle step or the Board's digest the admin asked for, as asked. */
import type { JobRecord } from '../../db/repositories/job-repository';
import type { CycleService, StepName } from '../cycle/cycle-service';
import type { BoardService } from '../board/board-service';
import type { OnRecording } from '../cycle/outbox-batches';
import { isJobKind, type JobOutcome } from './job-kinds';
import { monthOfJob } from './job-views';

export class JobSteps {
  constructor(
    private readonly cycle: CycleService,
    private readonly board: Pick<BoardService, 'digest'>,
    private readonly instanceId: string,
  ) {}

  /** Runs the step; `onRecording` hears how far recording has got (the digest records in one go). */
  async run(job: JobRecord, onRecording: OnRecording): Promise<JobOutcome> {
    const month = monthOfJob(job);
    if (!month || !isJobKind(job.kind)) throw new Error(`the job ${job.id} asks for "${job.kind} ${job.period}", which is not a step of the cycle`);
    const who = { trigger: 'chat' as const, actor: job.requestedBy, actorId: job.requestedById };
    if (job.kind === 'digest') return { kind: 'digest', digest: await this.board.digest({ month, ...who }) };
    const step: StepName = job.kind;
    return { kind: 'step', step: await this.cycle.runOnDemand({ step, month, ...who }, this.instanceId, onRecording) };
  }
}
