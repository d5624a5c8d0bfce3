/**
 * The tab's pages as URLs within the one tab page (/tab/scorecard?view=…), so that Teams' back
 * button, links opened in a new window and reloads all land where the person was. Pure: no DOM.
 */

/**
 * The page a Teams deep link asks for: its subPageId (subEntityId in the link's context), used when
 * the URL itself names no page. The "pack ready" card links to the Reports page this way, and the
 * data-quality card to the Data quality page (on its default period).
 */
export function routeOfDeepLink(search: string, subPageId: string | null | undefined): Route {
  const route = parseRoute(search);
  if (new URLSearchParams(search).has('view') || route.view !== 'scorecard' || route.month) return route;
  if (subPageId === 'reports') return { view: 'reports' };
  if (subPageId === 'data-quality') return { view: 'data-quality', period: null };
  return route;
}
export interface Filters {
  readonly lens: string;
  readonly directorate: string;
  readonly status: string;
  readonly owner: string;
}

export type Route =
  | { readonly view: 'scorecard'; readonly month: string | null; readonly filters: Filters }
  | { readonly view: 'indicator'; readonly code: string; readonly period: string | null; readonly month: string | null }
  | { readonly view: 'my' }
  | { readonly view: 'reports' }
  | { readonly view: 'data-quality'; readonly period: string | null };

export const NO_FILTERS: Filters = { lens: '', directorate: '', status: '', owner: '' };

/** Kept on every link: `as` chooses the person in development mode. */
const CARRIED = ['as'] as const;

export function parseRoute(search: string): Route {
  const query = new URLSearchParams(search);
  const get = (name: string) => query.get(name)?.trim() ?? '';
  const view = get('view');
  if (view === 'indicator' && get('code')) {
    return { view: 'indicator', code: get('code'), period: get('period') || null, month: get('month') || null };
  }
  if (view === 'my') return { view: 'my' };
  if (view === 'reports') return { view: 'reports' };
  if (view === 'data-quality') return { view: 'data-quality', period: get('period') || null };
  return {
    view: 'scorecard',
    month: get('month') || null,
    filters: { lens: get('lens'), directorate: get('directorate'), status: get('status'), owner: get('owner') },
  };
}

/** The query string for a route, keeping the carried parameters of `current`. */
export function routeSearch(route: Route, current = ''): string {
  const query = new URLSearchParams();
  switch (route.view) {
    case 'scorecard':
      if (route.month) query.set('month', route.month);
      for (const [name, value] of Object.entries(route.filters)) if (value) query.set(name, value);
      break;
    case 'indicator':
      query.set('view', 'indicator');
      query.set('code', route.code);
      if (route.period) query.set('period', route.period);
      if (route.month) query.set('month', route.month);
      break;
    case 'my':
      query.set('view', 'my');
      break;
    case 'reports':
      query.set('view', 'reports');
      break;
    case 'data-quality':
      query.set('view', 'data-quality');
      if (route.period) query.set('period', route.period);
      break;
  }
  const carried = new URLSearchParams(current);
  for (const name of CARRIED) {
    const value = carried.get(name);
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '?';
}
