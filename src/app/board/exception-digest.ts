/**
 * The digest's part in following exceptions: for each indicator in the month's digest, whether its
 * problem opens, continues or closes (domain/board-exception), and the messages that follow from
 * it. A continuing exception gets the month's update as a reply in its thread and its first
 * message refreshed, instead of a new thread; one back on target gets a closing update and its
 * plan is marked achieved; one whose promised recovery month has passed gets its director a
 * "not recovered as expected" card, once per missed month.
 *
 * Reads happen in `prepare` (outside the digest's transaction), writes in `record` (inside it).
 */
import type { Repositories, Store } from '../../db/store';
import type { NewOutboxMessage, OutboxMessage } from '../../db/repositories/outbox-repository';
import type { BoardExceptionRecord } from '../../db/repositories/board-exception-repository';
import type { ActionPlanRecord } from '../../db/repositories/action-plan-repository';
import type { Tolerance } from '../../domain/types';
import { exceptionStep, needsNewPlan, recoveryOverdue, type ExceptionStep } from '../../domain/board-exception';
import { cardMessage } from '../../cards/card-message';
import { buildRecoveryCheckCard, buildThreadClosingCard, buildThreadUpdateCard } from '../../cards/board';
import type { DigestRecoveryOverdueView, RecoveryCheckView } from '../../cards/board/board-view-models';
import { Audience, messageTo } from '../cycle/cycle-audience';
import type { IndicatorStatus } from '../register-status';
import { buildThreadViews } from './thread-views';
import { mentionedId, replaceRoot, replyInThread, type PreparedThread } from './thread-updates';
import { promisedRecovery, recoveryOverdueLine, runningFor, threadClosingView, threadUpdateView } from './exception-views';
import { recoveryCheckView } from './recovery-views';

export const EXCEPTION_PURPOSES = {
  update: 'board-exception-update',
  closing: 'board-exception-closed',
  recoveryCheck: 'recovery-check',
} as const;

type Attention = IndicatorStatus & { readonly status: 'RED' | 'AMBER' };

interface Continuing {
  readonly status: Attention;
  readonly exception: BoardExceptionRecord;
  readonly worstStatus: 'RED' | 'AMBER';
  readonly root: PreparedThread | null;
  readonly update: Record<string, unknown>;
}

interface Closing {
  readonly status: IndicatorStatus;
  readonly exception: BoardExceptionRecord;
  readonly root: OutboxMessage | null;
  readonly closing: Record<string, unknown>;
}

interface RecoveryCheck {
  readonly exception: BoardExceptionRecord;
  readonly directorId: string;
  readonly missed: string;
  readonly period: string;
  readonly card: Record<string, unknown>;
}

export interface PreparedExceptions {
  /** By indicator id. */
  readonly steps: ReadonlyMap<string, ExceptionStep>;
  /** The plan each open exception carries, by indicator id. */
  readonly carriedPlans: ReadonlyMap<string, ActionPlanRecord>;
  /** Reds in a continuing exception that need a plan asked for this period. */
  readonly newPlansFor: readonly Attention[];
  readonly continuing: readonly Continuing[];
  readonly closing: readonly Closing[];
  readonly recoveryChecks: readonly RecoveryCheck[];
  readonly recoveryOverdue: readonly DigestRecoveryOverdueView[];
  /** By indicator id: exceptions open, for linking this period's plan requests. */
  readonly openIds: ReadonlyMap<string, string>;
  /** By indicator id, for the digest's red and amber rows: "3rd month running". */
  readonly runningText: ReadonlyMap<string, string>;
}

export async function prepareExceptions(
  store: Store,
  current: readonly IndicatorStatus[],
  context: {
    readonly now: Date; readonly defaultTolerance: Tolerance; readonly names: ReadonlyMap<string, string>;
    /** By indicator id: whether its figure is a signal or within normal variation (#17). */
    readonly variationTexts?: ReadonlyMap<string, string>;
  },
): Promise<PreparedExceptions> {
  const repos = store.repos;
  const latest = await repos.exceptions.latestFor(current.map((s) => s.indicator.id));
  const steps = new Map<string, ExceptionStep>();
  for (const s of current) {
    const exception = latest.get(s.indicator.id) ?? null;
    steps.set(s.indicator.id, exceptionStep(s.status, s.period, exception && { ...exception, closed: exception.closedAt !== null }));
  }
  const open = [...latest.values()].filter((e) => e.closedAt === null);
  const plans = await repos.actionPlans.forExceptions(open.map((e) => e.id));
  const planOf = new Map<string, ActionPlanRecord>();
  for (const plan of plans) planOf.set(plan.exceptionId!, plan);
  const threads = await repos.board.threadsByIds(open.flatMap((e) => (e.threadId ? [e.threadId] : [])));
  const roots = await repos.outbox.findMany(threads.map((t) => t.outboxMessageId));
  const threadOf = new Map(threads.map((t) => [t.id, t]));
  const rootOf = new Map(roots.map((r) => [r.id, r]));
  const rootFor = (e: BoardExceptionRecord) => {
    const thread = e.threadId ? threadOf.get(e.threadId) : undefined;
    return thread ? { thread, root: rootOf.get(thread.outboxMessageId) ?? null } : null;
  };

  const continuingStatuses = current.filter((s): s is Attention => steps.get(s.indicator.id)?.kind === 'continue');
  const continuing: Continuing[] = [];
  const newPlansFor: Attention[] = [];
  const recoveryChecks: RecoveryCheck[] = [];
  const recoveryOverdueLines: DigestRecoveryOverdueView[] = [];
  const carriedPlans = new Map<string, ActionPlanRecord>();
  const runningText = new Map<string, string>();
  for (const e of open) {
    const plan = planOf.get(e.id);
    if (plan) carriedPlans.set(e.indicatorId, plan);
  }
  for (const s of continuingStatuses) {
    const exception = latest.get(s.indicator.id)!;
    const step = steps.get(s.indicator.id) as Extract<ExceptionStep, { kind: 'continue' }>;
    const plan = planOf.get(exception.id) ?? null;
    const found = rootFor(exception);
    let root: PreparedThread | null = null;
    if (found?.root) {
      const mentioned = mentionedId(found.root);
      const [view] = await buildThreadViews(store, [s], {
        now: context.now, defaultTolerance: context.defaultTolerance,
        mentionIds: mentioned ? new Map([[s.indicator.ownerId, mentioned]]) : new Map(),
        plans: plan ? new Map([[`${s.indicator.id}|${s.period}`, plan]]) : new Map(),
        ...(context.variationTexts ? { variationTexts: context.variationTexts } : {}),
      });
      root = { threadId: found.thread.id, root: found.root, view: view! };
    }
    continuing.push({
      status: s, exception, worstStatus: step.worstStatus, root,
      update: cardMessage(buildThreadUpdateCard(threadUpdateView(s, exception, plan, context.variationTexts?.get(s.indicator.id) ?? null))) as unknown as Record<string, unknown>,
    });
    if (needsNewPlan(step, s.status, plan !== null)) newPlansFor.push(s);
    runningText.set(s.indicator.id, runningFor(exception.openedPeriod, s.period));
    const promise = promisedRecovery(plan, exception);
    if (promise && recoveryOverdue(promise.expectedRecovery, s.period)) {
      const owner = context.names.get(s.indicator.ownerId) ?? 'Unknown';
      recoveryOverdueLines.push(recoveryOverdueLine(s, owner, promise.expectedRecovery));
      if (s.indicator.directorId && exception.recoveryMissed !== promise.expectedRecovery) {
        const view: RecoveryCheckView = recoveryCheckView({ status: s, exception, promise, ownerName: owner, decidedBy: null });
        recoveryChecks.push({
          exception, directorId: s.indicator.directorId, missed: promise.expectedRecovery, period: s.period,
          card: cardMessage(buildRecoveryCheckCard(view), `${s.indicator.code} has not recovered as expected.`) as unknown as Record<string, unknown>,
        });
      }
    }
  }

  const closing: Closing[] = current
    .filter((s) => steps.get(s.indicator.id)?.kind === 'recovered')
    .map((s) => {
      const exception = latest.get(s.indicator.id)!;
      return {
        status: s, exception, root: rootFor(exception)?.root ?? null,
        closing: cardMessage(buildThreadClosingCard(threadClosingView(s, exception, planOf.get(exception.id) ?? null))) as unknown as Record<string, unknown>,
      };
    });

  return {
    steps, carriedPlans, newPlansFor, continuing, closing, recoveryChecks, recoveryOverdue: recoveryOverdueLines,
    openIds: new Map(open.map((e) => [e.indicatorId, e.id])),
    runningText,
  };
}

/** Records what `prepareExceptions` found, with its messages; returns the messages queued. */
export async function recordExceptions(
  repos: Repositories,
  prepared: PreparedExceptions,
  now: Date,
): Promise<number> {
  const messages: NewOutboxMessage[] = [];
  for (const c of prepared.continuing) {
    await repos.exceptions.continueTo(c.exception.id, c.status.period, c.status.status, c.worstStatus);
    if (c.root) {
      messages.push(...replyInThread(c.root.root, `${EXCEPTION_PURPOSES.update}|${c.exception.id}|${c.status.period}`, c.status.period, c.update));
      messages.push(...(await replaceRoot(repos, c.root, c.status.period)));
    }
  }
  for (const c of prepared.closing) {
    if (await repos.exceptions.close(c.exception.id, { period: c.status.period, at: now, how: 'RECOVERED' })) {
      await repos.actionPlans.markAchieved(c.exception.id, now);
    }
    if (c.root) messages.push(...replyInThread(c.root, `${EXCEPTION_PURPOSES.closing}|${c.exception.id}`, c.status.period, c.closing));
  }
  if (prepared.recoveryChecks.length > 0) {
    const audience = new Audience(repos);
    for (const check of prepared.recoveryChecks) {
      const director = await audience.reach(check.directorId);
      if (!director) continue;
      messages.push(messageTo(director, { purpose: EXCEPTION_PURPOSES.recoveryCheck, dedupeKey: recoveryCheckKey(check.exception.id, check.missed), period: check.period }, check.card));
    }
  }
  return repos.outbox.enqueue(messages, now);
}

/** Once per exception and missed recovery month: re-runs and crashes send it no twice. */
export function recoveryCheckKey(exceptionId: string, missed: string): string {
  return `${EXCEPTION_PURPOSES.recoveryCheck}|${exceptionId}|${missed}`;
}

/** Opens the exceptions of indicators whose thread the digest just started, linked to it. */
export async function openExceptions(
  repos: Repositories,
  threads: readonly { indicatorId: string; period: string; status: string }[],
): Promise<Map<string, string>> {
  const opened = await repos.exceptions.open(threads.map((t) => ({ indicatorId: t.indicatorId, openedPeriod: t.period, status: t.status as 'RED' | 'AMBER' })));
  for (const exception of opened) {
    const thread = await repos.board.thread(exception.indicatorId, exception.openedPeriod);
    if (thread) await repos.exceptions.linkThread(exception.id, thread.id);
  }
  return new Map(opened.map((e) => [e.indicatorId, e.id]));
}

