/**
 * Who is calling the tab's API: a valid single sign-on token for someone in the register, or a
 * refusal with the HTTP status that fits. With authentication disabled (development only) there is
 * no token: the caller acts as the person named in the X-Tab-Dev-User header, or the first admin.
 */
import type { Request } from 'restify';
import type { TabViewers, Viewer } from '../app/scorecard/tab-viewer';
import type { Logger } from '../logging/logger';
import { TabAuthError, TabAuthUnavailableError, type TabTokenVerifier } from './tab-token-verifier';

export type SignInResult =
  | { readonly ok: true; readonly viewer: Viewer }
  | { readonly ok: false; readonly status: 401 | 403 | 503; readonly error: string };

export const DEV_USER_HEADER = 'x-tab-dev-user';

export class TabSignIn {
  constructor(
    /** Null: authentication disabled (TAB_AUTH_DISABLED), for a plain browser in development. */
    private readonly verifier: TabTokenVerifier | null,
    private readonly viewers: TabViewers,
    private readonly performanceTeamContact: string,
    private readonly log: Logger,
  ) {}

  async signIn(req: Request): Promise<SignInResult> {
    if (!this.verifier) {
      const email = headerValue(req, DEV_USER_HEADER);
      const viewer = await this.viewers.developer(email);
      return viewer
        ? { ok: true, viewer }
        : { ok: false, status: 403, error: `Development mode: ${email ?? 'no admin'} is not in the performance register.` };
    }
    try {
      const identity = await this.verifier.verify(headerValue(req, 'authorization') ?? undefined);
      const viewer = await this.viewers.identify(identity);
      if (!viewer) {
        return {
          ok: false,
          status: 403,
          error: `You are signed in as ${identity.username ?? identity.name ?? 'someone'}, who is not in the performance register. ` +
            `To see the scorecard, ask ${this.performanceTeamContact} to add you.`,
        };
      }
      return { ok: true, viewer };
    } catch (error) {
      if (error instanceof TabAuthError) return { ok: false, status: 401, error: error.message };
      if (error instanceof TabAuthUnavailableError) {
        this.log.error({ err: error }, 'the tab cannot check sign-in tokens');
        return { ok: false, status: 503, error: 'Sign-in cannot be checked just now; please try again in a minute.' };
      }
      throw error;
    }
  }
}

function headerValue(req: Request, name: string): string | null {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() !== '' ? text.trim() : null;
}
