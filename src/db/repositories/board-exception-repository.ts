import type { Db } from '../prisma-types';

export type ExceptionStatus = 'RED' | 'AMBER';
/** SUPERSEDED: only for threads from before exceptions, closed by the migration in favour of a later one. */
export type ExceptionClosedHow = 'RECOVERED' | 'DIRECTOR_CLOSED' | 'SUPERSEDED';

/** One indicator's problem, followed in one thread from the period it opened until it closes. */
export interface BoardExceptionRecord {
  readonly id: string;
  readonly indicatorId: string;
  readonly openedPeriod: string;
  readonly lastPeriod: string;
  readonly status: string;
  readonly worstStatus: string;
  readonly threadId: string | null;
  readonly closedPeriod: string | null;
  readonly closedAt: Date | null;
  readonly closedHow: string | null;
  /** A new recovery month the director accepted when the plan's had passed. */
  readonly recoveryBy: string | null;
  /** The missed recovery month the director last decided on, and the decision. */
  readonly recoveryMissed: string | null;
  readonly recoveryDecision: string | null;
  readonly recoveryDecidedById: string | null;
  readonly recoveryDecidedAt: Date | null;
  readonly createdAt: Date;
}

export interface NewBoardException {
  readonly indicatorId: string;
  readonly openedPeriod: string;
  readonly status: ExceptionStatus;
}

/** The Board's exceptions: opened, continued period by period, closed once. */
export class BoardExceptionRepository {
  constructor(private readonly db: Db) {}

  /** The exceptions still open for these indicators (at most one each). */
  openFor(indicatorIds: readonly string[]): Promise<BoardExceptionRecord[]> {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    return this.db.boardException.findMany({ where: { indicatorId: { in: [...indicatorIds] }, closedAt: null }, orderBy: { createdAt: 'asc' } });
  }

  /** Each indicator's latest exception, open or closed, by indicator id. */
  async latestFor(indicatorIds: readonly string[]): Promise<Map<string, BoardExceptionRecord>> {
    if (indicatorIds.length === 0) return new Map();
    const rows = await this.db.boardException.findMany({ where: { indicatorId: { in: [...indicatorIds] } }, orderBy: [{ createdAt: 'asc' }, { openedPeriod: 'asc' }] });
    return new Map(rows.map((row) => [row.indicatorId, row]));
  }

  /**
   * The exception that covers an indicator's period (opened in it or before, last seen in it or
   * after). Period keys of one frequency sort as text in time order ("2026-09" < "2026-10").
   */
  covering(indicatorId: string, period: string): Promise<BoardExceptionRecord | null> {
    return this.db.boardException.findFirst({ where: { indicatorId, openedPeriod: { lte: period }, lastPeriod: { gte: period } }, orderBy: { createdAt: 'desc' } });
  }

  forThread(threadId: string): Promise<BoardExceptionRecord | null> {
    return this.db.boardException.findUnique({ where: { threadId } });
  }

  forIndicator(indicatorId: string): Promise<BoardExceptionRecord[]> {
    return this.db.boardException.findMany({ where: { indicatorId }, orderBy: { createdAt: 'asc' } });
  }

  findById(id: string): Promise<BoardExceptionRecord | null> {
    return this.db.boardException.findUnique({ where: { id } });
  }

  /** Opens exceptions not opened before (one per indicator and opening period); returns the rows. */
  async open(exceptions: readonly NewBoardException[]): Promise<BoardExceptionRecord[]> {
    if (exceptions.length === 0) return [];
    await this.db.boardException.createMany({
      data: exceptions.map((e) => ({ indicatorId: e.indicatorId, openedPeriod: e.openedPeriod, lastPeriod: e.openedPeriod, status: e.status, worstStatus: e.status })),
      skipDuplicates: true,
    });
    return this.db.boardException.findMany({ where: { OR: exceptions.map((e) => ({ indicatorId: e.indicatorId, openedPeriod: e.openedPeriod })) } });
  }

  async linkThread(exceptionId: string, threadId: string): Promise<void> {
    await this.db.boardException.updateMany({ where: { id: exceptionId, threadId: null }, data: { threadId } });
  }

  /** Carries an open exception on to `period`; false if it was closed or had already reached it. */
  async continueTo(exceptionId: string, period: string, status: ExceptionStatus, worstStatus: ExceptionStatus): Promise<boolean> {
    const result = await this.db.boardException.updateMany({
      where: { id: exceptionId, closedAt: null, lastPeriod: { lt: period } },
      data: { lastPeriod: period, status, worstStatus },
    });
    return result.count === 1;
  }

  /** Closes an open exception once; false if it was closed already. */
  async close(exceptionId: string, closing: { period: string | null; at: Date; how: ExceptionClosedHow }): Promise<boolean> {
    const result = await this.db.boardException.updateMany({
      where: { id: exceptionId, closedAt: null },
      data: { closedPeriod: closing.period, closedAt: closing.at, closedHow: closing.how },
    });
    return result.count === 1;
  }

  /**
   * Records the director's decision on a missed recovery month, once per missed month: false when
   * it was decided already (a second click, or another decider first).
   */
  async decideRecovery(exceptionId: string, missed: string, decision: { choice: string; recoveryBy: string | null; byId: string; at: Date }): Promise<boolean> {
    const result = await this.db.boardException.updateMany({
      where: { id: exceptionId, closedAt: null, OR: [{ recoveryMissed: null }, { recoveryMissed: { not: missed } }] },
      data: {
        recoveryMissed: missed, recoveryDecision: decision.choice, recoveryDecidedById: decision.byId, recoveryDecidedAt: decision.at,
        ...(decision.recoveryBy ? { recoveryBy: decision.recoveryBy } : {}),
      },
    });
    return result.count === 1;
  }
}
