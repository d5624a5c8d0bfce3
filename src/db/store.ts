/**
 * The repositories over one database, and a way to run several of their calls as one
 * all-or-nothing unit. Use cases take a Store; nothing above src/db touches Prisma.
 */
import type { PrismaClient } from '../generated/prisma/client';
import type { Db } from './prisma-types';
import { PeopleRepository } from './repositories/people-repository';
import { AuditRepository } from './repositories/audit-repository';
import { IndicatorRepository } from './repositories/indicator-repository';
import { OrganisationRepository } from './repositories/organisation-repository';
import { TargetRepository } from './repositories/target-repository';
import { ValueRepository } from './repositories/value-repository';
import { PeriodRepository } from './repositories/period-repository';
import { ConversationRepository } from './repositories/conversation-repository';
import { NarrativeRepository } from './repositories/narrative-repository';
import { OutboxRepository } from './repositories/outbox-repository';
import { CycleRunRepository } from './repositories/cycle-run-repository';
import { CronLockRepository } from './repositories/cron-lock-repository';
import { BoardRepository } from './repositories/board-repository';
import { BoardExceptionRepository } from './repositories/board-exception-repository';
import { ActionPlanRepository } from './repositories/action-plan-repository';
import { RegisterRevisionRepository } from './repositories/register-revision-repository';
import { RegisterStateRepository } from './repositories/register-state-repository';
import { JobRepository } from './repositories/job-repository';
import { ReportPackRepository } from './repositories/report-pack-repository';
import { VerificationRepository } from './repositories/verification-repository';
import { DataQualityRepository } from './repositories/data-quality-repository';

export interface Repositories {
  readonly people: PeopleRepository;
  readonly audit: AuditRepository;
  readonly indicators: IndicatorRepository;
  readonly organisation: OrganisationRepository;
  readonly targets: TargetRepository;
  readonly values: ValueRepository;
  readonly periods: PeriodRepository;
  readonly conversations: ConversationRepository;
  readonly narratives: NarrativeRepository;
  readonly outbox: OutboxRepository;
  readonly cycleRuns: CycleRunRepository;
  readonly cronLocks: CronLockRepository;
  readonly board: BoardRepository;
  readonly exceptions: BoardExceptionRepository;
  readonly actionPlans: ActionPlanRepository;
  readonly registerRevision: RegisterRevisionRepository;
  readonly registerState: RegisterStateRepository;
  readonly jobs: JobRepository;
  readonly reportPacks: ReportPackRepository;
  readonly verifications: VerificationRepository;
  readonly dataQuality: DataQualityRepository;
}

function repositoriesOver(db: Db): Repositories {
  return {
    people: new PeopleRepository(db),
    audit: new AuditRepository(db),
    indicators: new IndicatorRepository(db),
    organisation: new OrganisationRepository(db),
    targets: new TargetRepository(db),
    values: new ValueRepository(db),
    periods: new PeriodRepository(db),
    conversations: new ConversationRepository(db),
    narratives: new NarrativeRepository(db),
    outbox: new OutboxRepository(db),
    cycleRuns: new CycleRunRepository(db),
    cronLocks: new CronLockRepository(db),
    board: new BoardRepository(db),
    exceptions: new BoardExceptionRepository(db),
    actionPlans: new ActionPlanRepository(db),
    registerRevision: new RegisterRevisionRepository(db),
    registerState: new RegisterStateRepository(db),
    jobs: new JobRepository(db),
    reportPacks: new ReportPackRepository(db),
    verifications: new VerificationRepository(db),
    dataQuality: new DataQualityRepository(db),
  };
}

export class Store {
  readonly repos: Repositories;

  constructor(private readonly prisma: PrismaClient) {
    this.repos = repositoriesOver(prisma);
  }

  /** Runs `work` in one transaction: every write it makes lands, or none does. */
  transaction<T>(work: (repos: Repositories) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.prisma.$transaction((tx) => work(repositoriesOver(tx)), {
      timeout: options.timeoutMs ?? 30_000,
      maxWait: 30_000,
    });
  }

  async ping(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }
}
