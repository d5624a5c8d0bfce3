/**
 * Which outbox messages are a job's: the purposes its step records and the periods it records
 * them for. The progress card counts these (the outbox is indexed on period and purpose), so the
 * counts include what an earlier run of the same step recorded: the step never records it twice.
 *
 * The purposes are those the steps write: cycle-service.ts ('prompt', 'remind-on-demand' for a
 * reminder on demand, 'escalate-<level>') and board-service.ts (the digest, its threads, the plans
 * asked of red owners).
 */
import { periodKey, type MonthPeriod } from '../../domain/periods';
import { reportingPeriodsFor } from '../../domain/cycle-calendar';
import { FREQUENCIES } from '../../domain/types';
import { periodAsAt } from '../scorecard/as-at';
import { DIGEST_PURPOSE } from '../board/board-service';
import { BOARD_THREAD_PURPOSE } from '../../db/repositories/board-repository';
import { PLAN_PURPOSES } from '../board/action-plan-service';
import type { JobKind } from './job-kinds';

export interface JobScope {
  readonly purposes: readonly string[];
  readonly periods: readonly string[];
  /** What the messages are, in the plural ("prompts"); null when the step sends none (close). */
  readonly noun: string | null;
}

export function jobScope(kind: JobKind, month: MonthPeriod): JobScope {
  const cycle = reportingPeriodsFor(month).map(periodKey);
  switch (kind) {
    case 'open':
      return { purposes: ['prompt'], periods: cycle, noun: 'prompts' };
    case 'remind':
      return { purposes: ['remind-on-demand'], periods: cycle, noun: 'reminders' };
    case 'escalate':
      return { purposes: ['escalate-verifier', 'escalate-director'], periods: cycle, noun: 'escalations' };
    case 'close':
      return { purposes: [], periods: cycle, noun: null };
    case 'digest':
      return {
        purposes: [DIGEST_PURPOSE, BOARD_THREAD_PURPOSE, PLAN_PURPOSES.request],
        periods: [...new Set(FREQUENCIES.map((f) => periodKey(periodAsAt(month, f))))],
        noun: 'posts and plan requests',
      };
  }
}
