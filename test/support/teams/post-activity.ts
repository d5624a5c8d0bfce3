/** POSTs an activity to the bot's /api/messages as the channel does: with a fresh channel token for its serviceUrl. */
import type { TeamsStandIns } from './teams-stand-ins';

export async function postActivity(baseUrl: string, teams: TeamsStandIns, activity: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: await teams.channel.authorization(String(activity.serviceUrl)) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
