/**
 * Talking to Teams through teams-js: initialise, follow the theme, and get the single sign-on
 * token. Outside Teams there is no host to answer; initialisation then fails at once (no parent
 * window) or never answers (a page that frames us but is not Teams), so it is given a few seconds.
 */
import { app, authentication } from '@microsoft/teams-js';

export type Theme = 'default' | 'dark' | 'contrast';

export interface TeamsConnection {
  readonly frameContext: string;
  /** The page a deep link asked for (its subEntityId), if any. */
  readonly subPageId: string | null;
  /** The Entra ID token for our API (Teams caches it and renews it when needed). */
  token(): Promise<string>;
}

const INITIALISE_TIMEOUT_MS = 5000;

/** The connection, or null when the page is not running inside Teams. */
export async function connectToTeams(extraHostOrigins: readonly string[]): Promise<TeamsConnection | null> {
  try {
    await withTimeout(app.initialize(extraHostOrigins.length > 0 ? [...extraHostOrigins] : undefined), INITIALISE_TIMEOUT_MS);
  } catch {
    return null;
  }
  const context = await app.getContext();
  applyTheme(context.app.theme);
  app.registerOnThemeChangeHandler(applyTheme);
  return {
    frameContext: String(context.page.frameContext ?? ''),
    subPageId: context.page.subPageId ?? null,
    token: () => authentication.getAuthToken(),
  };
}

/** Teams' themes are "default" (light), "dark" and "contrast"; anything else is shown light. */
export function applyTheme(theme: string | undefined): void {
  const known: Theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  document.documentElement.dataset.theme = known;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Teams did not answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
