import { CloudAdapter, type TurnContext, type InvokeResponse, type Activity } from 'botbuilder';
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';

/**
 * botbuilder's CloudAdapter, split so the receiver authenticates a request itself before any turn
 * runs: stock `process()` answers 500 to some forged tokens (a bad signature with a known key id)
 * and logs to the console; we want 401 for every failure and the handler never reached.
 */
export class TeamsAdapter extends CloudAdapter {
  constructor(private readonly authentication: BotFrameworkAuthentication) {
    super(authentication);
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.authentication.authenticateRequest(activity, authHeader);
  }

  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
