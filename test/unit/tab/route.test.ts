import { parseRoute, routeOfDeepLink, routeSearch, NO_FILTERS } from '../../../src/tab/browser/route';

describe('the tab\'s routes in its URL', () => {
  it('reads the scorecard, with its month and filters, by default', () => {
    expect(parseRoute('')).toEqual({ view: 'scorecard', month: null, filters: NO_FILTERS });
    expect(parseRoute('?month=2026-09&lens=FINANCE&status=RED')).toEqual({
      view: 'scorecard', month: '2026-09', filters: { ...NO_FILTERS, lens: 'FINANCE', status: 'RED' },
    });
  });

  it('reads an indicator page and "my indicators"; an indicator without a code is the scorecard', () => {
    expect(parseRoute('?view=indicator&code=ENV01&period=2026%2F27+Q2&month=2026-09')).toEqual({
      view: 'indicator', code: 'ENV01', period: '2026/27 Q2', month: '2026-09',
    });
    expect(parseRoute('?view=my')).toEqual({ view: 'my' });
    expect(parseRoute('?view=indicator').view).toBe('scorecard');
  });

  it('writes routes back so that they read the same, carrying the development-mode person along', () => {
    const routes = [
      { view: 'scorecard', month: '2026-09', filters: { ...NO_FILTERS, owner: 'abc', directorate: 'Place and Environment' } },
      { view: 'indicator', code: 'A/B 1', period: '2026/27 Q2', month: null },
      { view: 'my' },
      { view: 'reports' },
      { view: 'data-quality', period: null },
      { view: 'data-quality', period: '2026/27 Q2' },
    ] as const;
    for (const route of routes) expect(parseRoute(routeSearch(route))).toEqual(route);
    expect(routeSearch({ view: 'my' }, '?as=gareth.lewis%40fenmarsh.gov.uk&lens=X')).toBe('?view=my&as=gareth.lewis%40fenmarsh.gov.uk');
  });

  it('reads the Reports page from the URL, or from a deep link\'s sub-page when the URL names no page', () => {
    expect(parseRoute('?view=reports')).toEqual({ view: 'reports' });
    expect(routeOfDeepLink('', 'reports')).toEqual({ view: 'reports' });
    expect(routeOfDeepLink('?as=x%40y', 'reports')).toEqual({ view: 'reports' });
    // The URL wins: back and reload land where the person was, not where the deep link first pointed.
    expect(routeOfDeepLink('?view=my', 'reports')).toEqual({ view: 'my' });
    expect(routeOfDeepLink('?month=2026-09', 'reports')).toEqual({ view: 'scorecard', month: '2026-09', filters: NO_FILTERS });
    expect(routeOfDeepLink('', null)).toEqual({ view: 'scorecard', month: null, filters: NO_FILTERS });
    expect(routeOfDeepLink('', 'something-else')).toEqual({ view: 'scorecard', month: null, filters: NO_FILTERS });
  });

  it('reads the Data quality page, with its period, from the URL or from the data-quality card\'s deep link', () => {
    expect(parseRoute('?view=data-quality')).toEqual({ view: 'data-quality', period: null });
    expect(parseRoute('?view=data-quality&period=2026-07')).toEqual({ view: 'data-quality', period: '2026-07' });
    expect(routeSearch({ view: 'data-quality', period: '2026-07' }, '?as=x%40y')).toBe('?view=data-quality&period=2026-07&as=x%40y');
    expect(routeSearch({ view: 'data-quality', period: null })).toBe('?view=data-quality');
    expect(routeOfDeepLink('', 'data-quality')).toEqual({ view: 'data-quality', period: null });
    expect(routeOfDeepLink('?as=x%40y', 'data-quality')).toEqual({ view: 'data-quality', period: null });
    // The URL wins here too: a period chosen, then a reload, stays on that period.
    expect(routeOfDeepLink('?view=data-quality&period=2026-06', 'data-quality')).toEqual({ view: 'data-quality', period: '2026-06' });
    expect(routeOfDeepLink('?view=reports', 'data-quality')).toEqual({ view: 'reports' });
  });
});
