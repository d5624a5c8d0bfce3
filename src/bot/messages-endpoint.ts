/**
 * POST /api/messages: the receiver. Transport only: authenticate, check the activity's shape, run
 * the turn, answer. A request whose token is missing, expired, not yet valid, forged, for another
 * audience or issuer, or for another service URL gets 401 and never reaches the bot; an activity the
 * bot could not answer safely (no conversation or sender, a serviceUrl that is not the Bot
 * Connector's) gets 400 saying what is wrong, before any outbound call. (A body over the limit was
 * already refused with 413 by the server's body parser.)
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { withCorrelationId } from '../logging/correlation';
import type { TeamsAdapter } from './teams-adapter';
import { checkInboundActivity } from './inbound-activity';
import type { ServiceUrlPolicy } from './service-url-policy';
import { isSubmit, turnKind } from './turn-kind';
import type { TurnOutcome } from '../observability/product-metrics';

export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

/** Told how each turn went (src/observability/product-metrics.ts). */
export interface TurnMetrics {
  turnAnswered(kind: string, outcome: TurnOutcome): void;
  submitTook(seconds: number): void;
}

const NO_METRICS: TurnMetrics = { turnAnswered: () => {}, submitTook: () => {} };

/** An activity id as Teams writes them; anything else (it is read before authentication) is not used as a log key. */
const USABLE_ID = /^[\w:.@|;=+/-]{1,128}$/;

export function messagesEndpoint(adapter: TeamsAdapter, bot: TurnHandler, serviceUrls: ServiceUrlPolicy, log: Logger, metrics: TurnMetrics = NO_METRICS) {
  const handle = answerTurn(adapter, bot, serviceUrls, log);
  return async (req: Request, res: Response): Promise<void> => {
    const activity = req.body as Partial<Activity> | undefined;
    const id = typeof activity?.id === 'string' && USABLE_ID.test(activity.id) ? activity.id : randomUUID();
    const startedAt = performance.now();
    await withCorrelationId(id, () => handle(req, res));
    if (!activity || typeof activity !== 'object') return;
    const status = res.statusCode;
    const kind = turnKind(activity);
    const seconds = (performance.now() - startedAt) / 1000;
    metrics.turnAnswered(kind, status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'answered');
    if (status < 400 && isSubmit(activity)) metrics.submitTook(seconds);
    // One line per turn, the kind and the answer only (no text anyone typed): the thread that ties a turn's lines together.
    log.info({ correlationId: id, kind, status, ms: Math.round(seconds * 1000) }, 'turn answered');
  };
}

function answerTurn(adapter: TeamsAdapter, bot: TurnHandler, serviceUrls: ServiceUrlPolicy, log: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const activity = req.body as Activity | undefined;
    if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
      res.send(400, { error: 'The body must be a Bot Framework activity with a type.' });
      return;
    }
    const header = req.header('authorization') ?? '';
    let auth;
    try {
      auth = await adapter.authenticate(activity, header);
    } catch (error) {
      log.warn({ reason: (error as Error).message, activityType: activity.type, serviceUrl: activity.serviceUrl }, 'request refused: not authenticated');
      res.send(401, { error: 'Unauthorized' });
      return;
    }
    const checked = checkInboundActivity(activity, serviceUrls);
    if (!checked.ok) {
      log.warn({ problem: checked.problem, activityType: activity.type }, 'request refused: the activity cannot be used');
      res.send(400, { error: checked.problem });
      return;
    }
    try {
      const invokeResponse = await adapter.runTurn(auth, activity, (context) => bot.run(context));
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      log.error({ err: error, activityType: activity.type }, 'turn failed');
      res.send(500, { error: 'The bot could not handle this activity.' });
    }
  };
}
