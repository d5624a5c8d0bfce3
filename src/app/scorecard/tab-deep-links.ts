/**
 * Teams deep links to the Scorecard tab's pages, for the cards that point at them: the Reports page
 * (#15, the "quarterly report ready" card) and the Data quality page (#16, the data-quality card).
 * The tab is the personal static tab `scorecard` of the app package (appPackage/manifest.json); it
 * reads the subEntityId from its Teams context and opens on that page (src/tab/browser/route.ts).
 * A deep link, not the tab's own https URL, so Teams opens it inside the client, signed in.
 */
export const SCORECARD_TAB_ENTITY_ID = 'scorecard';
export const REPORTS_SUB_ENTITY_ID = 'reports';
export const DATA_QUALITY_SUB_ENTITY_ID = 'data-quality';

export function tabPageDeepLink(teamsAppId: string, subEntityId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${SCORECARD_TAB_ENTITY_ID}?context=${context}`;
}

export function reportsPageDeepLink(teamsAppId: string): string {
  return tabPageDeepLink(teamsAppId, REPORTS_SUB_ENTITY_ID);
}

export function dataQualityPageDeepLink(teamsAppId: string): string {
  return tabPageDeepLink(teamsAppId, DATA_QUALITY_SUB_ENTITY_ID);
}
