/**
 * The Teams app manifest: appPackage/manifest.json is a template whose "${{NAME}}" placeholders
 * are filled from the configuration when the package is built. A string that is exactly one
 * placeholder becomes the value itself (so the bot's command list, an array, comes straight from
 * CHAT_COMMANDS and always matches `help`); placeholders inside longer strings are filled as text.
 */
import type { PackageConfig } from '../config/config';
import { CHAT_COMMANDS } from '../bot/chat-command';

export type ManifestValue = string | readonly { readonly title: string; readonly description: string }[];
export type ManifestValues = Readonly<Record<string, ManifestValue>>;

/** The id used where no MicrosoftAppId is set: the package validates but cannot be installed. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

export class ManifestTemplateError extends Error {}

export function manifestValues(config: PackageConfig, appVersion: string): ManifestValues {
  return {
    APP_VERSION: appVersion,
    TEAMS_APP_ID: config.app.teamsAppId,
    MICROSOFT_APP_ID: config.bot.appId ?? PLACEHOLDER_APP_ID,
    PUBLIC_HOSTNAME: config.app.publicHostname,
    // The app registration the tab's single sign-on is for: the bot's own, or TAB_APP_ID's when the
    // bot runs as a managed identity.
    TAB_APP_ID: config.app.tabAppId ?? PLACEHOLDER_APP_ID,
    // The first audience the tab's API accepts is the app id URI that Teams asks Entra ID for.
    TAB_APP_ID_URI: config.app.tabTokenAudiences[0] ?? `api://${config.app.publicHostname}/${config.app.tabAppId ?? PLACEHOLDER_APP_ID}`,
    BOT_COMMANDS: CHAT_COMMANDS.map(({ command, description }) => ({ title: command, description })),
  };
}

/** The template with every placeholder filled; an unknown or unfilled placeholder is an error. */
export function fillManifest(template: unknown, values: ManifestValues): Record<string, unknown> {
  const filled = fill(template, values);
  if (typeof filled !== 'object' || filled === null || Array.isArray(filled)) throw new ManifestTemplateError('The manifest template is not a JSON object');
  return filled as Record<string, unknown>;
}

function fill(node: unknown, values: ManifestValues): unknown {
  if (typeof node === 'string') {
    const whole = /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(node);
    if (whole) return valueOf(whole[1]!, values);
    return node.replace(PLACEHOLDER, (_match, name: string) => {
      const value = valueOf(name, values);
      if (typeof value !== 'string') throw new ManifestTemplateError(`\${{${name}}} is a list and cannot be part of a longer text`);
      return value;
    });
  }
  if (Array.isArray(node)) return node.map((item) => fill(item, values));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, values)]));
  }
  return node;
}

function valueOf(name: string, values: ManifestValues): ManifestValue {
  const value = values[name];
  if (value === undefined) throw new ManifestTemplateError(`The manifest template uses \${{${name}}}, which the package build does not fill`);
  return value;
}
