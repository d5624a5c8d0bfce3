/**
 * The bot's listeners. Each one only translates a Teams activity into a typed command, calls one
 * use case and renders the result as a card; no business rule lives here.
 */
import {
  TeamsActivityHandler,
  type Activity,
  TeamsInfo,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';
import type { PersonRecord } from '../db/repositories/people-repository';
import type { EntryService, Submitter } from '../app/entry/entry-service';
import { EntryCommandError } from '../app/entry/entry-service';
import type { MyWorkService } from '../app/my-work-service';
import type { PeopleService, TeamsIdentity } from '../app/people-service';
import type { ConversationKind } from '../db/repositories/conversation-repository';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { VERBS, type EntryActionData } from '../cards/card-contract';
import { buildEntryCard, buildHelpCard, buildMyIndicatorsCard, buildNotRegisteredCard, buildOutstandingCard } from '../cards';
import { parseChatCommand, plainTextOf, CHAT_COMMANDS, ADMIN_COMMANDS, type ChatCommand } from './chat-command';
import type { CycleService } from '../app/cycle/cycle-service';
import type { AdminPolicy } from '../app/admin-policy';
import { parsePeriod } from '../domain/periods';
import { cardMessage, ADAPTIVE_CARD_CONTENT_TYPE } from './card-activity';
import type { BoardService } from '../app/board/board-service';
import { PlanCommandError, type ActionPlanService, type PlanActor } from '../app/board/action-plan-service';
import { BOARD_VERBS } from '../cards/board/board-contract';
import { buildApprovalCard, buildOverdueReminderCard, buildPlanCard } from '../cards/board';

export interface PerformanceBotDeps {
  readonly people: PeopleService;
  readonly entry: EntryService;
  readonly myWork: MyWorkService;
  readonly cycle: CycleService;
  readonly board: BoardService;
  readonly plans: ActionPlanService;
  readonly admins: AdminPolicy;
  readonly instanceId: string;
  readonly performanceTeamContact: string;
  readonly log: Logger;
}

/** A card verb's use case: the person acting, the action's data and the card's inputs in; a card (or a short message) out. */
type CardAction = (actor: CardActor, data: Readonly<Record<string, unknown>>) => Promise<AdaptiveCard | string>;

interface CardActor extends PlanActor {
  readonly submitter: Submitter;
}

export const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';

export class PerformanceBot extends TeamsActivityHandler {
  /** The route table of card verbs: one entry per Action.Execute verb a card can send. */
  private readonly cardActions: Record<string, CardAction>;

  constructor(private readonly deps: PerformanceBotDeps) {
    super();
    const entryData = (data: Readonly<Record<string, unknown>>): EntryActionData => {
      if (typeof data.period !== 'string') throw new EntryCommandError('That card is missing its period; type "submit" for a fresh card.');
      return data as unknown as EntryActionData;
    };
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    this.cardActions = {
      [VERBS.submitValues]: async ({ submitter }, data) =>
        buildEntryCard(await deps.entry.submitValues({ submitter, period: entryData(data).period, inputs: data })),
      [VERBS.submitNarrative]: async ({ submitter }, data) =>
        buildEntryCard(await deps.entry.submitNarrative({ submitter, period: entryData(data).period, indicatorId: text(data.indicatorId), inputs: data })),
      [VERBS.refreshEntry]: async ({ submitter }, data) => buildEntryCard(await deps.entry.card(submitter, entryData(data).period)),
      [BOARD_VERBS.submitPlan]: async (actor, data) => buildPlanCard(await deps.plans.submit(actor, text(data.indicatorId), text(data.period), data)),
      [BOARD_VERBS.refreshPlan]: async (actor, data) => buildPlanCard(await deps.plans.planCard(actor, text(data.indicatorId), text(data.period))),
      [BOARD_VERBS.decidePlan]: async (actor, data) =>
        buildApprovalCard(await deps.plans.decide(actor, text(data.planId), Number(data.version), text(data.decision), data)),
      [BOARD_VERBS.refreshApproval]: async (actor, data) => buildApprovalCard(await deps.plans.approvalCard(actor, text(data.planId), Number(data.version))),
      [BOARD_VERBS.requestPlan]: (actor, data) => deps.plans.requestForAmber(actor, text(data.indicatorId), text(data.period)),
      [BOARD_VERBS.completeAction]: async (actor, data) => buildOverdueReminderCard(await deps.plans.completeAction(actor, text(data.actionId))),
    };

    this.onMessage(async (context, next) => {
      const value = context.activity.value as Record<string, unknown> | undefined;
      if (value && typeof value.verb === 'string') await this.handleSubmitFallback(context, value);
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

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const data = (invokeValue.action?.data ?? {}) as Record<string, unknown>;
    const result = await this.runCardAction(context, invokeValue.action?.verb ?? '', data);
    // A short message leaves the card as it was and shows the message (Universal Actions).
    if (typeof result === 'string') return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: result as never };
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: result as never };
  }

  private async handleChat(context: TurnContext): Promise<void> {
    if (context.activity.conversation.conversationType === 'channel') {
      await this.handleChannelMessage(context);
      return;
    }
    const command = parseChatCommand(context.activity.text);
    const person = await this.identify(context);
    if (!person) {
      await context.sendActivity(cardMessage(this.notRegistered(context)));
      return;
    }
    const ref = { personId: person.id, name: person.displayName };
    const isAdmin = await this.deps.admins.isAdmin(person, context.activity.from.aadObjectId ?? null);
    switch (command.kind) {
      case 'help':
        await context.sendActivity(cardMessage(this.help(person, null, isAdmin)));
        return;
      case 'cycle':
        await context.sendActivity(await this.runCycleCommand(command, person, isAdmin));
        return;
      case 'myIndicators':
        await context.sendActivity(cardMessage(buildMyIndicatorsCard(await this.deps.myWork.myIndicators(ref))));
        return;
      case 'status':
        await context.sendActivity(cardMessage(buildOutstandingCard(await this.deps.myWork.outstanding(ref))));
        return;
      case 'submit': {
        const views = await this.deps.entry.openCards({ ...this.submitter(context, person), isAdmin });
        if (views.length === 0) {
          await context.sendActivity('No period is open for entry for your indicators just now. I will send you a card when the next one opens.');
          return;
        }
        for (const view of views) await context.sendActivity(cardMessage(buildEntryCard(view)));
        return;
      }
      case 'plan':
        await context.sendActivity(await this.planForm({ person, isAdmin, submitter: this.submitter(context, person) }, command.code, command.period));
        return;
      case 'setBoardChannel':
        await context.sendActivity('Run "set board channel" inside the Performance Board\'s channel, mentioning me (the app must be added to that team).');
        return;
      case 'digest':
        await context.sendActivity(await this.runDigest(command.period, person, isAdmin));
        return;
      case 'unknown':
        await context.sendActivity(cardMessage(this.help(person, command.text ? `"${command.text}" is not something I know. Here is what I can do:` : null, isAdmin)));
        return;
    }
  }

  /**
   * A message in a channel. The bot reads every message in the teams it is in (the manifest's
   * ChannelMessage.Read.Group), so it answers only commands addressed to it and replies in the
   * threads it started, which are kept as the Board's commentary; everything else is not its business.
   */
  private async handleChannelMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const addressed = (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient.id);
    const command = parseChatCommand(activity.text);
    const person = await this.identify(context);
    if (addressed && person && (command.kind === 'setBoardChannel' || command.kind === 'digest')) {
      const isAdmin = await this.deps.admins.isAdmin(person, activity.from.aadObjectId ?? null);
      if (command.kind === 'digest') {
        await context.sendActivity(await this.runDigest(command.period, person, isAdmin));
        return;
      }
      if (!isAdmin) {
        await this.deps.people.recordRefusal(person, 'set board channel');
        await context.sendActivity(`Only the performance team can choose the Board channel. If you think you should be able to, contact ${this.deps.performanceTeamContact}.`);
        return;
      }
      const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string } };
      await context.sendActivity(await this.deps.board.setChannel({ person }, {
        teamId: channelData.team?.id ?? null,
        channelId: channelData.channel?.id ?? null,
        serviceUrl: activity.serviceUrl,
        tenantId: channelData.tenant?.id ?? activity.conversation.tenantId ?? null,
      }));
      return;
    }
    const outcome = await this.deps.board.recordReply({
      conversationId: activity.conversation.id,
      // Teams always sends an id; without one the reply is still kept, just not recognised if sent again.
      teamsMessageId: activity.id || `${activity.conversation.id}|${activity.timestamp ?? ''}|${randomUUID()}`,
      text: plainTextOf(activity.text),
      postedAt: activity.timestamp ? new Date(activity.timestamp) : new Date(),
      author: { person, name: activity.from.name ?? 'Someone', aadObjectId: activity.from.aadObjectId ?? null },
    });
    if (outcome.kind === 'stored') {
      await context.sendActivity(`Thanks${activity.from.name ? `, ${activity.from.name.split(' ')[0]}` : ''}: noted as the Board's commentary on ${outcome.code} for ${outcome.periodLabel}.`);
      return;
    }
    if (outcome.kind === 'notAThread' && addressed) {
      await context.sendActivity('In this channel I post the Board\'s digests and one thread per red or amber indicator; replies in those threads are kept as commentary. For anything else, chat with me 1:1 and type "help".');
    }
  }

  /** "digest 2026-10": for the performance team only. */
  private async runDigest(periodText: string, person: PersonRecord, isAdmin: boolean): Promise<string> {
    if (!isAdmin) {
      await this.deps.people.recordRefusal(person, `digest ${periodText}`);
      return `Only the performance team can post the Board's digest. If you think you should be able to, contact ${this.deps.performanceTeamContact}.`;
    }
    const period = parsePeriod(periodText);
    if (!period.ok || period.value.kind !== 'MONTH') return `"${periodText}" is not a month: write it as 2026-10, for example "digest 2026-10".`;
    const outcome = await this.deps.board.digest({ month: period.value, trigger: 'chat', actor: person.displayName, actorId: person.id });
    if (!outcome.channelSet) return 'There is no Board channel yet: in the Performance Board\'s channel, mention me and type "set board channel".';
    const parts = [
      `**Digest ${outcome.month}**: ${outcome.digestQueued ? 'queued for the Board channel' : 'already posted earlier, not posted again'}. ` +
        `${outcome.counts.red} red, ${outcome.counts.amber} amber, ${outcome.counts.green} green, ${outcome.counts.missing} missing.`,
      `Threads: ${outcome.threadsQueued} new, ${outcome.threadsAlready} already posted. Plan requests sent to owners: ${outcome.planRequestsQueued}.`,
    ];
    if (outcome.unreachable.length) parts.push(`Not reachable (the app is not installed for them): ${outcome.unreachable.join(', ')}.`);
    return parts.join('\n\n');
  }

  /** "plan SRV01 [period]": the plan card, or why there is none. */
  private async planForm(actor: CardActor, code: string, periodText: string | null): Promise<Partial<Activity> | string> {
    try {
      return cardMessage(buildPlanCard(await this.deps.plans.planCardForCode(actor, code, periodText)));
    } catch (error) {
      if (error instanceof PlanCommandError) return error.message;
      throw error;
    }
  }

  /** open / remind / escalate / close / cycle status <period>: for the performance team only. */
  private async runCycleCommand(command: Extract<ChatCommand, { kind: 'cycle' }>, person: PersonRecord, isAdmin: boolean): Promise<string> {
    if (!isAdmin) {
      await this.deps.people.recordRefusal(person, `cycle ${command.step} ${command.period}`);
      return `Only the performance team can run the cycle. If you think you should be able to, contact ${this.deps.performanceTeamContact}.`;
    }
    const period = parsePeriod(command.period);
    if (!period.ok || period.value.kind !== 'MONTH') {
      return `"${command.period}" is not a month: write it as 2026-10, for example "${command.step === 'status' ? 'cycle status' : command.step} 2026-10".`;
    }
    if (command.step === 'status') return (await this.deps.cycle.status(period.value)).lines.join('\n\n');
    const outcome = await this.deps.cycle.runOnDemand(
      { step: command.step, month: period.value, trigger: 'chat', actor: person.displayName, actorId: person.id },
      this.deps.instanceId,
    );
    const parts = [`**${command.step} ${outcome.month}** (${outcome.periods.join(', ')}): ${outcome.queued} ${outcome.queued === 1 ? 'message' : 'messages'} queued, ${outcome.alreadyQueued} already sent or queued earlier.`];
    if (outcome.closed?.length) parts.push(`Closed ${outcome.closed.join(', ')}; missing: ${outcome.missing?.length ? outcome.missing.join(', ') : 'none'}.`);
    else if (command.step === 'close') parts.push('Already closed: nothing changed.');
    if (outcome.unreachable.length) parts.push(`Not reachable (the app is not installed for them): ${outcome.unreachable.join(', ')}.`);
    return parts.join('\n\n');
  }

  /** Old clients send Action.Submit (the fallback) as a message; the card is then updated in place. */
  private async handleSubmitFallback(context: TurnContext, value: Record<string, unknown>): Promise<void> {
    const card = await this.runCardAction(context, String(value.verb), value);
    if (typeof card === 'string') {
      await context.sendActivity(card);
      return;
    }
    const replyToId = context.activity.replyToId;
    if (replyToId) await context.updateActivity({ ...cardMessage(card), id: replyToId, type: 'message' });
    else await context.sendActivity(cardMessage(card));
  }

  private async runCardAction(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<AdaptiveCard | string> {
    const person = await this.identify(context);
    if (!person) return this.notRegistered(context);
    const action = this.cardActions[verb];
    if (!action) {
      this.deps.log.warn({ verb }, 'card action not understood');
      return this.help(person, 'That card action is not one I know; it may be from an older card. Type "submit" for a fresh card.');
    }
    const isAdmin = await this.deps.admins.isAdmin(person, context.activity.from.aadObjectId ?? null);
    try {
      return await action({ person, isAdmin, submitter: this.submitter(context, person) }, data);
    } catch (error) {
      if (error instanceof EntryCommandError) return this.help(person, error.message);
      if (error instanceof PlanCommandError) return error.message;
      throw error;
    }
  }

  private async handleInstall(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string } };
    const kind = conversationKind(activity.conversation.conversationType);
    const person = await this.deps.people.recordInstallation(
      {
        kind,
        conversationId: activity.conversation.id,
        serviceUrl: activity.serviceUrl,
        tenantId: channelData.tenant?.id ?? activity.conversation.tenantId ?? null,
        botId: activity.recipient.id,
        teamId: channelData.team?.id ?? null,
        channelId: channelData.channel?.id ?? null,
        user: kind === 'PERSONAL' ? identityOf(context) : null,
      },
      () => this.lookupEmail(context),
    );
    if (kind !== 'PERSONAL') return;
    const isAdmin = person ? await this.deps.admins.isAdmin(person, activity.from.aadObjectId ?? null) : false;
    await context.sendActivity(cardMessage(person ? this.help(person, null, isAdmin) : this.notRegistered(context)));
  }

  private identify(context: TurnContext): Promise<PersonRecord | null> {
    return this.deps.people.identify(identityOf(context), () => this.lookupEmail(context));
  }

  private async lookupEmail(context: TurnContext): Promise<string | null> {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      return member.email ?? member.userPrincipalName ?? null;
    } catch (error) {
      this.deps.log.warn({ err: error }, 'could not read the member\'s email from Teams');
      return null;
    }
  }

  private submitter(context: TurnContext, person: PersonRecord): Submitter {
    return { personId: person.id, name: person.displayName, teamsUserId: context.activity.from.id ?? null };
  }

  private help(person: PersonRecord, note: string | null, isAdmin = false): AdaptiveCard {
    return buildHelpCard({
      greeting: `Hello ${person.displayName.split(' ')[0]}`,
      commands: isAdmin ? [...CHAT_COMMANDS, ...ADMIN_COMMANDS] : CHAT_COMMANDS,
      note,
    });
  }

  private notRegistered(context: TurnContext): AdaptiveCard {
    return buildNotRegisteredCard({ userName: context.activity.from.name ?? null, contact: this.deps.performanceTeamContact });
  }
}

function identityOf(context: TurnContext): TeamsIdentity {
  const from = context.activity.from;
  return { aadObjectId: from.aadObjectId ?? null, teamsUserId: from.id ?? null, name: from.name ?? null };
}

function conversationKind(type: string | undefined): ConversationKind {
  return type === 'channel' ? 'CHANNEL' : type === 'groupChat' ? 'GROUP' : 'PERSONAL';
}
