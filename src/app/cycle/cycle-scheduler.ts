/**
 * Runs the cycle's steps when the calendar says, on its own. A node-cron tick every five minutes
 * (Europe/London, so DST needs no thought) looks at the calendar and runs every step that is due and
 * has not run. Two guards keep several instances from firing a step twice: node-cron's run
 * coordinator claims each firing in the database, and each step's unique run key is claimed before
 * the step runs. Because a tick catches up on whatever is due, a restart or a missed tick loses no
 * step; the steps themselves record nothing twice.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { Logger } from '../../logging/logger';
import { monthReportedIn, type ScheduledStep, type MonthSchedule } from '../../domain/cycle-calendar';
import { periodKey, previousPeriod, type MonthPeriod } from '../../domain/periods';
import { ukDateOf, ukLocalToInstant } from '../../domain/uk-time';
import { calendarDateKey } from '../../domain/working-days';
import { currentMonth } from '../../domain/periods-today';
import type { CycleService, StepName, StepRequest } from './cycle-service';

export const TICK_CRON = '*/5 * * * *';

/** The cycle's own steps; the Board's digest runs through BoardSteps. */
const RUNNABLE: Partial<Record<ScheduledStep['kind'], (step: ScheduledStep) => Pick<StepRequest, 'step' | 'round' | 'level'>>> = {
  open: () => ({ step: 'open' }),
  remind: (s) => ({ step: 'remind', round: s.round }),
  'escalate-verifier': () => ({ step: 'escalate', level: 'verifier' }),
  'escalate-director': () => ({ step: 'escalate', level: 'director' }),
  close: () => ({ step: 'close' }),
};

/** Nudges overtaken by a later step of the same month are not sent late: they would only be noise. */
const SUPERSEDED_BY_LATER: ReadonlySet<ScheduledStep['kind']> = new Set(['remind', 'escalate-verifier', 'escalate-director']);

/** What the Board adds to the calendar: the month's digest, and a daily look for overdue actions. */
export interface BoardSteps {
  /** False while no Board channel is set: the digest then waits (unclaimed) until one is. */
  ready(): Promise<boolean>;
  digest(month: MonthPeriod): Promise<unknown>;
  remindOverdueActions(): Promise<unknown>;
}

export class CycleScheduler {
  private task: ScheduledTask | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly cycle: CycleService,
    private readonly instanceId: string,
    private readonly log: Logger,
    private readonly board: BoardSteps | null = null,
    /** UK local time ("09:00") from which the day's overdue actions are reminded. */
    private readonly dailyTime = '09:00',
  ) {}

  /** Runs every step due now that has not run; returns the run keys it ran. */
  async tick(): Promise<string[]> {
    const now = this.clock.now();
    const reported = monthReportedIn(currentMonth(now).year, currentMonth(now).month);
    const ran: string[] = [];
    // The month before may still be open with its close pending (a long calendar, or a stopped
    // server); a month that was never opened is left alone.
    const earlier = this.cycle.schedule(previousPeriod(reported));
    if (await this.anyOpen(earlier)) {
      for (const step of earlier.steps) if (step.kind === 'close' && step.at <= now) await this.runOnce(step, earlier, ran);
    }
    const schedule = this.cycle.schedule(reported);
    const due = schedule.steps.filter((step) => step.at <= now && (RUNNABLE[step.kind] || (step.kind === 'digest' && this.board)));
    for (const [i, step] of due.entries()) {
      const overtaken = SUPERSEDED_BY_LATER.has(step.kind) && due.slice(i + 1).some((later) => later.kind !== 'digest');
      if (overtaken) continue;
      await this.runOnce(step, schedule, ran);
    }
    await this.runDaily(now, ran);
    return ran;
  }

  /** Once a UK day, from the daily time: remind leads of overdue actions. */
  private async runDaily(now: Date, ran: string[]): Promise<void> {
    if (!this.board) return;
    const today = ukDateOf(now);
    if (now < ukLocalToInstant(today, this.dailyTime)) return;
    const key = calendarDateKey(today);
    const runKey = `scheduled|overdue-actions|${key}`;
    const board = this.board;
    await this.guarded(runKey, 'overdue-actions', key, () => board.remindOverdueActions(), ran);
  }

  private async anyOpen(schedule: MonthSchedule): Promise<boolean> {
    for (const period of schedule.periods) {
      const window = await this.store.repos.periods.find(periodKey(period));
      if (window?.openedAt && !window.closedAt) return true;
    }
    return false;
  }

  private async runOnce(step: ScheduledStep, schedule: MonthSchedule, ran: string[]): Promise<void> {
    const board = this.board;
    if (step.kind === 'digest') {
      if (board && (await board.ready())) await this.guarded(step.runKey, step.kind, periodKey(schedule.month), () => board.digest(schedule.month), ran);
      return;
    }
    const make = RUNNABLE[step.kind];
    if (!make) return;
    await this.guarded(step.runKey, step.kind, periodKey(schedule.month), () =>
      this.cycle.run({ ...make(step), month: schedule.month, trigger: 'scheduled', actor: 'scheduler' }), ran);
  }

  /** Runs `work` unless its run key was claimed before, here or by another instance. */
  private async guarded(runKey: string, step: string, period: string, work: () => Promise<unknown>, ran: string[]): Promise<void> {
    const run = await this.store.repos.cycleRuns.start({ runKey, step, period, trigger: 'scheduled', instance: this.instanceId, at: this.clock.now() });
    if (!run) return;
    try {
      const outcome = await work();
      await this.store.repos.cycleRuns.finish(run.id, this.clock.now(), outcome);
      this.log.info({ runKey, outcome }, 'cycle step ran');
      ran.push(runKey);
    } catch (error) {
      await this.store.repos.cycleRuns.finish(run.id, this.clock.now(), { error: (error as Error).message });
      this.log.error({ err: error, runKey }, 'cycle step failed');
    }
  }

  start(): void {
    this.task = cron.schedule(
      TICK_CRON,
      async () => {
        await this.tick();
      },
      {
        name: 'cycle-tick',
        timezone: 'Europe/London',
        noOverlap: true,
        distributed: true,
        runCoordinator: {
          shouldRun: (key: string) => this.store.repos.cronLocks.claim(key, this.instanceId, this.clock.now()),
        },
      },
    );
    // A restart catches up at once rather than at the next five-minute mark.
    void this.tick().catch((error) => this.log.error({ err: error }, 'cycle tick failed'));
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = null;
  }
}

export type { StepName };
