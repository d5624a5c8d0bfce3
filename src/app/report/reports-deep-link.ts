/**
 * The Teams deep link to the Scorecard tab's Reports page (#15). The tab is the personal static tab
 * `scorecard` of the app package (appPackage/manifest.json); the tab reads subEntityId "reports"
 * from its Teams context and opens on the Reports page. A deep link (not the tab's own https URL)
 * so Teams opens it inside the client, signed in.
 */
export const SCORECARD_TAB_ENTITY_ID = 'scorecard';
export const REPORTS_SUB_ENTITY_ID = 'reports';

export function reportsPageDeepLink(teamsAppId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: REPORTS_SUB_ENTITY_ID }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${SCORECARD_TAB_ENTITY_ID}?context=${context}`;
}
