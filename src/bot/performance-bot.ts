/**
 * The bot's listeners. Each turn starts by building one Actor (who is acting, their roles, whether
 * they are the performance team; other tenants refused before anything else runs); each listener
 * then only translates the Teams activity into a typed command, calls one use case and renders the
 * result. No business rule and no permission rule lives here.
 */
import {
  TeamsActivityHandler,
  type Activity,
  TeamsInfo,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';
import { correlationId } from '../logging/correlation';
import type { EntryService, Submitter } from '../app/entry/entry-service';
import { EntryCommandError } from '../app/entry/entry-service';
import type { MyWorkService } from '../app/my-work-service';
import type { EmailLookup, PeopleService } from '../app/people-service';
import type { ActorDirectory } from '../app/actor-directory';
import { isRegistered, type Actor, type RegisteredActor } from '../app/actor';
import type { CycleCommands } from '../app/admin/cycle-commands';
import type { DigestCommand } from '../app/admin/digest-command';
import type { BoardChannelCommand } from '../app/admin/board-channel-command';
import type { CorrectionCommand } from '../app/admin/correction-command';
import type { ConversationKind } from '../db/repositories/conversation-repository';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { VERBS } from '../cards/card-contract';
import { buildEntryCard, buildHelpCard, buildMyIndicatorsCard, buildNotRegisteredCard, buildOutstandingCard } from '../cards';
import { parseChatCommand, plainTextOf, CHAT_COMMANDS, ADMIN_COMMANDS, type ChatCommand } from './chat-command';
import { parsePeriod, type MonthPeriod } from '../domain/periods';
import { cardMessage, ADAPTIVE_CARD_CONTENT_TYPE } from './card-activity';
import type { BoardService } from '../app/board/board-service';
import { PlanCommandError, type ActionPlanService } from '../app/board/action-plan-service';
import { BOARD_VERBS, recoveryInputIds } from '../cards/board/board-contract';
import { buildApprovalCard, buildOverdueReminderCard, buildPlanCard, buildRecoveryCheckCard } from '../cards/board';
import { decisionComment, entryNarrative, entryNarratives, entryValues, planSubmission, queryReply, typedText, verifyDecisions, verifyVersions } from './card-inputs';
import { DAMAGED_CARD, readInvokePayload, readSubmitPayload, type CardData } from './card-payload';
import { fitToBudget } from '../cards/card-budget';
import { shown, shownTyped } from '../cards/shown-text';
import type { BackgroundJobs, CommandPlace, JobStarted } from '../app/jobs/background-jobs';
import type { Refused } from '../app/admin/performance-team-only';
import { buildJobProgressCard } from '../cards/job-progress-card';
import type { ReportCommand } from '../app/admin/report-command';
import type { DataQualityCommand } from '../app/admin/data-quality-command';
import { buildDataQualityCard } from '../cards/data-quality';
import { buildReportReadyCard } from '../cards/report-ready-card';
import { buildQueryCard, buildVerifyCard, VERIFY_VERBS } from '../cards/verification';
import { VerificationCommandError, type VerificationDecisions } from '../app/verification/verification-decisions';
import type { QueriedFigures } from '../app/verification/queried-figures';

export interface PerformanceBotDeps {
  readonly actors: ActorDirectory;
  readonly people: PeopleService;
  readonly entry: EntryService;
  readonly myWork: MyWorkService;
  readonly cycleCommands: CycleCommands;
  readonly digestCommand: DigestCommand;
  readonly jobs: BackgroundJobs;
  readonly boardChannel: BoardChannelCommand;
  readonly correction: CorrectionCommand;
  readonly reportCommand: ReportCommand;
  readonly dataQuality: DataQualityCommand;
  readonly board: BoardService;
  readonly plans: ActionPlanService;
  readonly verification: VerificationDecisions;
  readonly queries: QueriedFigures;
  readonly performanceTeamContact: string;
  readonly log: Logger;
}

/** A card verb's use case: the registered person acting and the action's data (with the card's inputs) in; a card or a short message out. */
type CardAction = (actor: RegisteredActor, data: Readonly<Record<string, unknown>>) => Promise<AdaptiveCard | string>;

export const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';

const OTHER_TENANT = 'This app serves its own council\'s staff only, and your account belongs to another organisation, so I cannot help you here. Nothing was stored.';
const ACTOR_KEY = Symbol('actor');

export class PerformanceBot extends TeamsActivityHandler {
  /** The route table of card verbs: one entry per Action.Execute verb a card can send, and no others. */
  private readonly cardActions: ReadonlyMap<string, CardAction>;
  private readonly verbs: ReadonlySet<string>;

  constructor(private readonly deps: PerformanceBotDeps) {
    super();
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const correctionOf = (data: Readonly<Record<string, unknown>>) => (typeof data.correct === 'string' && data.correct ? data.correct : null);
    this.cardActions = new Map<string, CardAction>([
      [VERBS.submitValues, async (actor, data) =>
        buildEntryCard(await deps.entry.submitValues({
          submitter: submitterOf(actor), period: periodOf(data), correctionOf: correctionOf(data), values: entryValues(data), narratives: entryNarratives(data),
        }))],
      [VERBS.submitNarrative, async (actor, data) =>
        buildEntryCard(await deps.entry.submitNarrative({
          submitter: submitterOf(actor), period: periodOf(data), correctionOf: correctionOf(data), indicatorId: text(data.indicatorId), narrative: entryNarrative(data, text(data.indicatorId)),
        }))],
      [VERBS.refreshEntry, async (actor, data) => buildEntryCard(await deps.entry.card(submitterOf(actor), periodOf(data), correctionOf(data)))],
      [BOARD_VERBS.submitPlan, async (actor, data) => buildPlanCard(await deps.plans.submit(actor, text(data.indicatorId), text(data.period), planSubmission(data)))],
      [BOARD_VERBS.refreshPlan, async (actor, data) => buildPlanCard(await deps.plans.planCard(actor, text(data.indicatorId), text(data.period)))],
      [BOARD_VERBS.decidePlan, async (actor, data) =>
        buildApprovalCard(await deps.plans.decide(actor, text(data.planId), Number(data.version), text(data.decision), decisionComment(data)))],
      [BOARD_VERBS.refreshApproval, async (actor, data) => buildApprovalCard(await deps.plans.approvalCard(actor, text(data.planId), Number(data.version)))],
      [BOARD_VERBS.requestPlan, (actor, data) => deps.plans.requestForAmber(actor, text(data.indicatorId), text(data.period))],
      [BOARD_VERBS.completeAction, async (actor, data) => buildOverdueReminderCard(await deps.plans.completeAction(actor, text(data.actionId)))],
      [BOARD_VERBS.closeException, (actor, data) => deps.plans.closeException(actor, text(data.exceptionId))],
      [BOARD_VERBS.decideRecovery, async (actor, data) =>
        buildRecoveryCheckCard(await deps.plans.decideRecovery(actor, { exceptionId: text(data.exceptionId), choice: text(data.choice), newDate: typedText(data[recoveryInputIds.newDate]) }))],
      [VERIFY_VERBS.decide, async (actor, data) =>
        buildVerifyCard(await deps.verification.decide(actor, { period: periodOf(data), versions: verifyVersions(data), decisions: verifyDecisions(data) }))],
      [VERIFY_VERBS.verifyAll, async (actor, data) =>
        buildVerifyCard(await deps.verification.decide(actor, { period: periodOf(data), versions: verifyVersions(data), decisions: [], all: true }))],
      [VERIFY_VERBS.refresh, async (actor, data) => buildVerifyCard(await deps.verification.card(actor, periodOf(data)))],
      [VERIFY_VERBS.confirmQueried, async (actor, data) => buildQueryCard(await deps.queries.confirm(actor, text(data.valueId), queryReply(data)))],
      [VERIFY_VERBS.correctQueried, async (actor, data) => buildEntryCard(await deps.queries.correct(actor, text(data.valueId)))],
    ]);

    this.verbs = new Set(this.cardActions.keys());

    this.onMessage(async (context, next) => {
      // A message with a value is a card's Action.Submit (old clients); plain chat has none.
      const value: unknown = context.activity.value;
      if (value !== undefined && value !== null) await this.handleSubmitFallback(context, value);
      else await this.handleChat(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.handleInstall(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await deps.people.recordUninstallation(context.activity.conversation.id, new Date());
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Older clients announce an install only as the bot joining the conversation.
      if ((context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id)) await this.handleInstall(context);
      await next();
    });
  }

  /** Every turn: who is acting, once; someone from another tenant is answered and nothing else runs. */
  override async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Through the messages endpoint every line of the turn already carries its correlationId (src/logging/correlation.ts).
    const log = this.deps.log.child(correlationId() ? { activityType: activity.type } : { correlationId: activity.id ?? randomUUID(), activityType: activity.type });
    const lookupEmail = memoised(() => this.lookupEmail(context, log));
    const resolved = await this.deps.actors.resolve(
      {
        aadObjectId: activity.from?.aadObjectId ?? null,
        teamsUserId: activity.from?.id ?? null,
        name: activity.from?.name ?? null,
        tenantId: tenantOf(activity),
      },
      lookupEmail,
      log,
      activity.type === 'invoke' ? `invoke ${activity.name ?? ''}`.trim() : activity.type,
    );
    if (!resolved.ok) {
      await this.answerOtherTenant(context);
      return;
    }
    context.turnState.set(ACTOR_KEY, resolved.actor);
    await super.run(context);
  }

  /**
   * Every invoke: card actions (Action.Execute) go to the route table after their payload is read;
   * any other invoke, or a payload no card of ours sends, gets a clear message with 200, never the
   * SDK's 4xx or 501.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const answer = (value: string | AdaptiveCard) => ({
      status: 200,
      body: typeof value === 'string'
        // A short message leaves the card as it was and shows the message (Universal Actions).
        ? { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value }
        : { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: fitToBudget(value) },
    });
    if (context.activity.name !== 'adaptiveCard/action') return answer('This app does not handle that kind of request: nothing was done.');
    const payload = readInvokePayload(context.activity.value, this.verbs);
    if (!payload.ok) {
      this.actor(context).log.warn({ invoke: context.activity.name }, 'card payload refused: damaged or unknown');
      return answer(DAMAGED_CARD);
    }
    return answer(await this.runCardAction(context, payload.verb, payload.data));
  }

  private actor(context: TurnContext): Actor {
    const actor = context.turnState.get(ACTOR_KEY) as Actor | undefined;
    if (!actor) throw new Error('The turn has no actor: PerformanceBot.run builds it first.');
    return actor;
  }

  private async handleChat(context: TurnContext): Promise<void> {
    if (context.activity.conversation.conversationType === 'channel') {
      await this.handleChannelMessage(context);
      return;
    }
    const actor = this.actor(context);
    const command = parseChatCommand(context.activity.text);
    if (!actor.person && !actor.isAdmin) {
      await context.sendActivity(cardMessage(this.notRegistered(context)));
      return;
    }
    await send(context, await this.answer(context, actor, command, 'personal'));
  }

  /**
   * A command in the 1:1 chat, or addressed to the bot in a channel: the same commands in both,
   * except what only makes sense in one of them.
   */
  private async answer(context: TurnContext, actor: Actor, command: ChatCommand, where: 'personal' | 'channel'): Promise<Reply> {
    switch (command.kind) {
      case 'help':
        return cardMessage(this.help(actor, null));
      case 'unknown':
        return cardMessage(this.help(actor, command.text ? `"${shownTyped(command.text, 80)}" is not something I know. Here is what I can do:` : null));
      case 'cycle':
        return this.runCycleCommand(context, actor, command);
      case 'digest': {
        const month = monthOf(command.period, 'digest');
        if (typeof month === 'string') return month;
        return this.startJob(context, (place) => this.deps.digestCommand.start(actor, month, place));
      }
      case 'setBoardChannel': {
        if (where === 'personal') {
          return 'Run "set board channel" inside the Performance Board\'s channel, mentioning me (the app must be added to that team).';
        }
        const activity = context.activity;
        const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string } };
        const result = await this.deps.boardChannel.set(actor, {
          teamId: channelData.team?.id ?? null,
          channelId: channelData.channel?.id ?? null,
          serviceUrl: activity.serviceUrl,
          tenantId: tenantOf(activity),
        });
        return result.message;
      }
      case 'correct': {
        try {
          const result = await this.deps.correction.card(actor, command.code, command.period);
          return result.kind === 'refused' ? result.message : cardMessage(buildEntryCard(result.view));
        } catch (error) {
          if (error instanceof EntryCommandError) return shown(error.message);
          throw error;
        }
      }
      case 'report': {
        const outcome = await this.deps.reportCommand.run(actor, command.period, command.edition);
        if (outcome.kind === 'refused' || outcome.kind === 'bad-quarter') return shown(outcome.message);
        return cardMessage(buildReportReadyCard(outcome.view));
      }
      case 'dataQuality': {
        const outcome = await this.deps.dataQuality.run(actor, command.period);
        if (outcome.kind !== 'ready') return shown(outcome.message);
        return cardMessage(buildDataQualityCard(outcome.view));
      }
      case 'plan':
        if (!isRegistered(actor)) return this.notInRegisterText();
        return this.planForm(actor, command.code, command.period);
      case 'verify': {
        if (where === 'channel') return '"verify" is for your 1:1 chat with me: open it from the app\'s chat.';
        if (!isRegistered(actor)) return this.notInRegisterText();
        const views = await this.deps.verification.openCards(actor, command.period);
        if (views.length === 0) return 'You have no figures to verify in the periods open now.';
        return views.map((view) => cardMessage(buildVerifyCard(view)));
      }
      case 'myIndicators':
      case 'status':
      case 'submit':
        if (where === 'channel') return `"${command.kind === 'myIndicators' ? 'my indicators' : command.kind}" is for your 1:1 chat with me: open it from the app's chat.`;
        if (!isRegistered(actor)) return this.notInRegisterText();
        return this.personalWork(actor, command.kind);
    }
  }

  private async personalWork(actor: RegisteredActor, kind: 'myIndicators' | 'status' | 'submit'): Promise<Reply> {
    const ref = { personId: actor.person.id, name: actor.person.displayName };
    if (kind === 'myIndicators') return cardMessage(buildMyIndicatorsCard(await this.deps.myWork.myIndicators(ref)));
    if (kind === 'status') return cardMessage(buildOutstandingCard(await this.deps.myWork.outstanding(ref)));
    const views = await this.deps.entry.openCards(submitterOf(actor));
    if (views.length === 0) {
      return 'No period is open for entry for your indicators just now. I will send you a card when the next one opens.' +
        (actor.isAdmin ? ' To correct any indicator\'s figure, type "correct CODE PERIOD", for example "correct SRV01 2026-10".' : '');
    }
    // Several open periods (a quarter ending with the month) get one card each.
    return views.map((view) => cardMessage(buildEntryCard(view)));
  }

  /**
   * A message in a channel. The bot reads every message in the teams it is in (the manifest's
   * ChannelMessage.Read.Group), so it answers only commands addressed to it and replies in the
   * threads it started, which are kept as the Board's commentary; everything else is not its business.
   */
  private async handleChannelMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const actor = this.actor(context);
    const addressed = (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient.id);
    const command = parseChatCommand(activity.text);
    if (addressed && command.kind !== 'unknown' && command.kind !== 'help' && (actor.person || actor.isAdmin)) {
      await send(context, await this.answer(context, actor, command, 'channel'));
      return;
    }
    const outcome = await this.deps.board.recordReply({
      conversationId: activity.conversation.id,
      // Teams always sends an id; without one the reply is still kept, just not recognised if sent again.
      teamsMessageId: activity.id || `${activity.conversation.id}|${activity.timestamp ?? ''}|${randomUUID()}`,
      text: plainTextOf(activity.text),
      postedAt: activity.timestamp ? new Date(activity.timestamp) : new Date(),
      author: { person: actor.person, name: activity.from.name ?? 'Someone', aadObjectId: activity.from.aadObjectId ?? null },
    });
    if (outcome.kind === 'stored') {
      await context.sendActivity(`Thanks${activity.from.name ? `, ${shownTyped(activity.from.name.split(' ')[0]!, 40)}` : ''}: noted as the Board's commentary on ${outcome.code} for ${outcome.periodLabel}.`);
      return;
    }
    if (outcome.kind === 'notAThread' && addressed) {
      await context.sendActivity('In this channel I post the Board\'s digests and one thread per red or amber indicator; replies in those threads are kept as commentary. For anything else, chat with me 1:1 and type "help".');
    }
  }

  /** "plan SRV01 [period]": the plan card, or why there is none. */
  private async planForm(actor: RegisteredActor, code: string, periodText: string | null): Promise<Partial<Activity> | string> {
    try {
      return cardMessage(buildPlanCard(await this.deps.plans.planCardForCode(actor, code, periodText)));
    } catch (error) {
      if (error instanceof PlanCommandError) return shown(error.message);
      throw error;
    }
  }

  /** open / remind / escalate / close / cycle status <month>. */
  private async runCycleCommand(context: TurnContext, actor: Actor, command: Extract<ChatCommand, { kind: 'cycle' }>): Promise<Reply> {
    const month = monthOf(command.period, command.step === 'status' ? 'cycle status' : command.step);
    if (typeof month === 'string') return month;
    if (command.step === 'status') {
      const result = await this.deps.cycleCommands.status(actor, month);
      return result.kind === 'refused' ? result.message : result.report.lines.join('\n\n');
    }
    const step = command.step;
    return this.startJob(context, (place) => this.deps.cycleCommands.startStep(actor, step, month, place));
  }

  /**
   * A long step: recorded as a job (keyed on this activity, so a Teams retry starts nothing new)
   * and answered at once with its progress card, which the job runner updates from then on. The
   * card's activity id is recorded after it is posted; if the job has ended by then, the end is
   * shown on the card here (the runner did not know where it was).
   */
  private async startJob(context: TurnContext, start: (place: CommandPlace) => Promise<Refused | JobStarted>): Promise<Reply> {
    const activity = context.activity;
    const result = await start({
      requestKey: `${activity.conversation.id}|${activity.id || randomUUID()}`,
      serviceUrl: activity.serviceUrl,
      conversationId: activity.conversation.id,
      tenantId: tenantOf(activity),
    });
    if (result.kind === 'refused') return result.message;
    if (result.cardActivityId) return 'That is already under way: its progress card above shows how far it has got.';
    const posted = await context.sendActivity(cardMessage(buildJobProgressCard(result.view)));
    if (!posted?.id) return [];
    const ended = await this.deps.jobs.cardPosted(result.jobId, posted.id);
    if (ended) await context.updateActivity({ ...cardMessage(buildJobProgressCard(ended)), id: posted.id, type: 'message' });
    return [];
  }

  /** Old clients send Action.Submit (the fallback) as a message; the card is then updated in place. */
  private async handleSubmitFallback(context: TurnContext, value: unknown): Promise<void> {
    const payload = readSubmitPayload(value, this.verbs);
    if (!payload.ok) {
      this.actor(context).log.warn('card payload refused: damaged or unknown');
      await context.sendActivity(DAMAGED_CARD);
      return;
    }
    const card = await this.runCardAction(context, payload.verb, payload.data);
    if (typeof card === 'string') {
      await context.sendActivity(card);
      return;
    }
    const replyToId = context.activity.replyToId;
    if (replyToId) await context.updateActivity({ ...cardMessage(card), id: replyToId, type: 'message' });
    else await context.sendActivity(cardMessage(card));
  }

  private async runCardAction(context: TurnContext, verb: string, data: CardData): Promise<AdaptiveCard | string> {
    const actor = this.actor(context);
    if (!isRegistered(actor)) return this.notRegistered(context);
    const action = this.cardActions.get(verb);
    if (!action) return DAMAGED_CARD; // the payload readers let only known verbs through
    try {
      return await action(actor, data);
    } catch (error) {
      if (error instanceof EntryCommandError) return this.help(actor, shown(error.message));
      if (error instanceof PlanCommandError) return shown(error.message);
      if (error instanceof VerificationCommandError) return shown(error.message);
      throw error;
    }
  }

  private async handleInstall(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string } };
    const kind = conversationKind(activity.conversation.conversationType);
    const actor = this.actor(context);
    await this.deps.people.recordInstallation({
      kind,
      conversationId: activity.conversation.id,
      serviceUrl: activity.serviceUrl,
      tenantId: tenantOf(activity),
      botId: activity.recipient.id,
      teamId: channelData.team?.id ?? null,
      channelId: channelData.channel?.id ?? null,
      user: kind === 'PERSONAL' ? { aadObjectId: actor.aadObjectId, teamsUserId: actor.teamsUserId, name: activity.from?.name ?? null } : null,
      person: kind === 'PERSONAL' ? actor.person : null,
    });
    if (kind !== 'PERSONAL') return;
    await context.sendActivity(cardMessage(actor.person || actor.isAdmin ? this.help(actor, null) : this.notRegistered(context)));
  }

  private async answerOtherTenant(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type === 'invoke') {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: OTHER_TENANT } } });
      return;
    }
    if (activity.type === 'message' || (activity.type === 'installationUpdate' && activity.action === 'add' && activity.conversation?.conversationType === 'personal')) {
      await context.sendActivity(OTHER_TENANT);
    }
  }

  private async lookupEmail(context: TurnContext, log: Logger): Promise<string | null> {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      return member.email ?? member.userPrincipalName ?? null;
    } catch (error) {
      log.warn({ err: error }, 'could not read the member\'s email from Teams');
      return null;
    }
  }

  private help(actor: Actor, note: string | null): AdaptiveCard {
    const mine = actor.isAdmin ? CHAT_COMMANDS.filter((c) => !c.command.startsWith('plan ')) : CHAT_COMMANDS;
    return buildHelpCard({
      greeting: `Hello ${actor.name.split(' ')[0]}`,
      commands: actor.isAdmin ? [...mine, ...ADMIN_COMMANDS] : CHAT_COMMANDS,
      note,
    });
  }

  private notInRegisterText(): string {
    return `You are not in the performance register yet, so you have no indicators of your own. To be added, contact ${this.deps.performanceTeamContact}.`;
  }

  private notRegistered(context: TurnContext): AdaptiveCard {
    return buildNotRegisteredCard({ userName: context.activity.from?.name ?? null, contact: this.deps.performanceTeamContact });
  }
}

/** What a command answers: a card or text, or several messages (one entry card per open period). */
type Reply = Partial<Activity> | string | readonly (Partial<Activity> | string)[];

async function send(context: TurnContext, reply: Reply): Promise<void> {
  for (const message of Array.isArray(reply) ? reply : [reply]) await context.sendActivity(message as Partial<Activity> | string);
}

function submitterOf(actor: RegisteredActor): Submitter {
  return { personId: actor.person.id, name: actor.person.displayName, teamsUserId: actor.teamsUserId, isAdmin: actor.isAdmin };
}

function periodOf(data: Readonly<Record<string, unknown>>): string {
  if (typeof data.period !== 'string') throw new EntryCommandError('That card is missing its period; type "submit" for a fresh card.');
  return data.period;
}

/** A month typed after a command, or the message saying how to write one. */
function monthOf(text: string, command: string): MonthPeriod | string {
  const period = parsePeriod(text);
  if (!period.ok || period.value.kind !== 'MONTH') return `"${shownTyped(text, 20)}" is not a month: write it as 2026-10, for example "${command} 2026-10".`;
  return period.value;
}

function tenantOf(activity: Activity): string | null {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown } };
  const fromChannelData = typeof channelData.tenant?.id === 'string' ? channelData.tenant.id : null;
  return fromChannelData ?? activity.conversation?.tenantId ?? null;
}

function memoised(lookup: EmailLookup): EmailLookup {
  let answer: Promise<string | null> | null = null;
  return () => (answer ??= lookup());
}

function conversationKind(type: string | undefined): ConversationKind {
  return type === 'channel' ? 'CHANNEL' : type === 'groupChat' ? 'GROUP' : 'PERSONAL';
}
