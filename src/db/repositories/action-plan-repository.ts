import type { Db } from '../prisma-types';
import type { LikelyToRecover } from '../../domain/types';

export type PlanVersionState = 'SUBMITTED' | 'APPROVED' | 'SENT_BACK';

export interface PlanActionRecord {
  readonly id: string;
  readonly versionId: string;
  readonly position: number;
  readonly leadId: string;
  /** The due day (midnight UTC of that date). */
  readonly dueDate: Date;
  readonly description: string;
  readonly completedAt: Date | null;
  readonly completedById: string | null;
}

export interface PlanVersionRecord {
  readonly id: string;
  readonly planId: string;
  readonly version: number;
  readonly expectedRecovery: string;
  readonly likelySufficient: LikelyToRecover;
  readonly submittedById: string;
  readonly submittedAt: Date;
  readonly state: PlanVersionState;
  readonly decidedById: string | null;
  readonly decidedAt: Date | null;
  readonly decisionComment: string | null;
  readonly actions: readonly PlanActionRecord[];
}

export interface ActionPlanRecord {
  readonly id: string;
  readonly indicatorId: string;
  readonly period: string;
  readonly ownerId: string;
  readonly requestedAt: Date;
  readonly requestedBy: string;
  /** The exception the plan answers; it carries over while the exception continues. */
  readonly exceptionId: string | null;
  /** When the exception closed (back on target, or closed by the director). */
  readonly achievedAt: Date | null;
  /** Oldest first; the last is the current one. */
  readonly versions: readonly PlanVersionRecord[];
}

export interface NewPlanRequest {
  readonly indicatorId: string;
  readonly period: string;
  readonly ownerId: string;
  readonly requestedAt: Date;
  readonly requestedBy: string;
  readonly exceptionId?: string | null;
}

export interface NewPlanVersion {
  readonly planId: string;
  readonly version: number;
  readonly expectedRecovery: string;
  readonly likelySufficient: LikelyToRecover;
  readonly submittedById: string;
  readonly submittedAt: Date;
  readonly actions: readonly { readonly leadId: string; readonly dueDate: Date; readonly description: string }[];
}

/** An action still open on a plan's current version, with what a reminder needs. */
export interface OpenActionRecord extends PlanActionRecord {
  readonly planId: string;
  readonly indicatorId: string;
  readonly period: string;
  readonly ownerId: string;
}

const withVersions = { versions: { orderBy: { version: 'asc' as const }, include: { actions: { orderBy: { position: 'asc' as const } } } } };

/** Action plans: requested, then submitted in versions, each decided once. */
export class ActionPlanRepository {
  constructor(private readonly db: Db) {}

  /** The plan for an indicator and period, made on first request; an existing one is returned as it is. */
  async request(plan: NewPlanRequest): Promise<{ plan: ActionPlanRecord; created: boolean }> {
    const created = await this.db.actionPlan.createMany({ data: [plan], skipDuplicates: true });
    const found = await this.find(plan.indicatorId, plan.period);
    return { plan: found!, created: created.count === 1 };
  }

  /** Records many plans as asked for in one statement; plans already asked for are left as they are. */
  async requestMany(plans: readonly NewPlanRequest[]): Promise<number> {
    if (plans.length === 0) return 0;
    const created = await this.db.actionPlan.createMany({ data: [...plans], skipDuplicates: true });
    return created.count;
  }

  find(indicatorId: string, period: string): Promise<ActionPlanRecord | null> {
    return this.db.actionPlan.findUnique({ where: { indicatorId_period: { indicatorId, period } }, include: withVersions }) as Promise<ActionPlanRecord | null>;
  }

  findById(planId: string): Promise<ActionPlanRecord | null> {
    return this.db.actionPlan.findUnique({ where: { id: planId }, include: withVersions }) as Promise<ActionPlanRecord | null>;
  }

  forPeriods(periods: readonly string[]): Promise<ActionPlanRecord[]> {
    return this.db.actionPlan.findMany({ where: { period: { in: [...periods] } }, include: withVersions }) as Promise<ActionPlanRecord[]>;
  }

  forIndicator(indicatorId: string): Promise<ActionPlanRecord[]> {
    return this.db.actionPlan.findMany({ where: { indicatorId }, include: withVersions, orderBy: { requestedAt: 'asc' } }) as Promise<ActionPlanRecord[]>;
  }

  /** The plans of these exceptions, oldest first: the last of each is the one that carries over. */
  forExceptions(exceptionIds: readonly string[]): Promise<ActionPlanRecord[]> {
    if (exceptionIds.length === 0) return Promise.resolve([]);
    return this.db.actionPlan.findMany({ where: { exceptionId: { in: [...exceptionIds] } }, include: withVersions, orderBy: [{ requestedAt: 'asc' }, { period: 'asc' }] }) as Promise<ActionPlanRecord[]>;
  }

  /** Links a plan asked for before its exception was recorded (a plan from the thread's button). */
  async linkToException(planId: string, exceptionId: string): Promise<void> {
    await this.db.actionPlan.updateMany({ where: { id: planId, exceptionId: null }, data: { exceptionId } });
  }

  /** Marks an exception's plans achieved once; returns how many changed. */
  async markAchieved(exceptionId: string, at: Date): Promise<number> {
    const result = await this.db.actionPlan.updateMany({ where: { exceptionId, achievedAt: null }, data: { achievedAt: at } });
    return result.count;
  }

  /** Adds the next version; the unique (plan, version) refuses a second submission racing this one. */
  async addVersion(version: NewPlanVersion): Promise<PlanVersionRecord> {
    const { actions, ...fields } = version;
    return this.db.actionPlanVersion.create({
      data: { ...fields, actions: { create: actions.map((action, position) => ({ ...action, position })) } },
      include: { actions: { orderBy: { position: 'asc' } } },
    }) as Promise<PlanVersionRecord>;
  }

  /** Records a decision on a version still waiting for one; false if it was decided meanwhile. */
  async decide(versionId: string, decision: { state: 'APPROVED' | 'SENT_BACK'; decidedById: string; decidedAt: Date; comment: string | null }): Promise<boolean> {
    const result = await this.db.actionPlanVersion.updateMany({
      where: { id: versionId, state: 'SUBMITTED' },
      data: { state: decision.state, decidedById: decision.decidedById, decidedAt: decision.decidedAt, decisionComment: decision.comment },
    });
    return result.count === 1;
  }

  findAction(actionId: string): Promise<OpenActionRecord | null> {
    return this.db.planAction
      .findUnique({ where: { id: actionId }, include: { version: { include: { plan: true } } } })
      .then((row) => (row ? toOpenAction(row) : null));
  }

  /** Marks an action done once; false if it already was. */
  async completeAction(actionId: string, by: string, at: Date): Promise<boolean> {
    const result = await this.db.planAction.updateMany({ where: { id: actionId, completedAt: null }, data: { completedAt: at, completedById: by } });
    return result.count === 1;
  }

  /**
   * Open actions due before `day` on each plan's current version, unless that version was sent
   * back (its actions are being rewritten).
   */
  async openActionsDueBefore(day: Date): Promise<OpenActionRecord[]> {
    const rows = await this.db.planAction.findMany({
      where: { completedAt: null, dueDate: { lt: day }, version: { state: { not: 'SENT_BACK' } } },
      include: { version: { include: { plan: { include: { versions: { select: { version: true }, orderBy: { version: 'desc' }, take: 1 } } } } } },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    });
    return rows.filter((row) => row.version.plan.versions[0]?.version === row.version.version).map(toOpenAction);
  }
}

function toOpenAction(row: PlanActionRecord & { version: { plan: { id: string; indicatorId: string; period: string; ownerId: string } } }): OpenActionRecord {
  const { version, ...action } = row;
  return { ...action, planId: version.plan.id, indicatorId: version.plan.indicatorId, period: version.plan.period, ownerId: version.plan.ownerId };
}
