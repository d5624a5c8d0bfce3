/**
 * What a background job is, as the app sees it: a step of the cycle or the Board's digest for a
 * month, asked for in chat; how far it has got (kept in the job's progress column, so a runner
 * taking over after a crash, and the card, can tell); and what it did.
 */
import { z } from 'zod';
import type { StepName, StepOutcome } from '../cycle/cycle-service';
import type { DigestOutcome } from '../board/board-service';

export type JobKind = StepName | 'digest';
export const JOB_KINDS: readonly JobKind[] = ['open', 'remind', 'escalate', 'close', 'digest'];

export function isJobKind(text: string): text is JobKind {
  return (JOB_KINDS as readonly string[]).includes(text);
}

/**
 * queued: not started; recording: the step is deciding and recording its messages; delivering: the
 * step has run and its messages are being sent; done and failed: the end.
 */
export type JobPhase = 'queued' | 'recording' | 'delivering' | 'done' | 'failed';

export interface JobProgress {
  readonly phase: JobPhase;
  /** Recipients dealt with so far, of how many (null until the step knows). */
  readonly recorded: number;
  readonly toRecord: number | null;
  /** Messages still waiting to be sent when the job ended (the outbox goes on retrying them). */
  readonly waitingAtEnd?: number;
}

export const NOT_STARTED: JobProgress = { phase: 'queued', recorded: 0, toRecord: null };

const progressSchema = z.object({
  phase: z.enum(['queued', 'recording', 'delivering', 'done', 'failed']),
  recorded: z.number().int().min(0),
  toRecord: z.number().int().min(0).nullable(),
  waitingAtEnd: z.number().int().min(0).optional(),
});

/** The progress column as stored; anything unreadable (an empty new row) is "not started". */
export function readProgress(json: unknown): JobProgress {
  const parsed = progressSchema.safeParse(json);
  return parsed.success ? parsed.data : NOT_STARTED;
}

export type JobOutcome =
  | { readonly kind: 'step'; readonly step: StepOutcome }
  | { readonly kind: 'digest'; readonly digest: DigestOutcome };

/** The outcome column as stored (written by this code only: its shape is trusted). */
export function readOutcome(json: unknown): JobOutcome | null {
  if (!json || typeof json !== 'object') return null;
  const kind = (json as { kind?: unknown }).kind;
  return kind === 'step' || kind === 'digest' ? (json as JobOutcome) : null;
}
