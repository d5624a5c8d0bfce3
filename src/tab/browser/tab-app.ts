/**
 * The tab as a small single-page app: reads the route from the URL, makes the one API call the
 * page needs, renders it, and moves focus and the document title with each page so that screen
 * reader and keyboard users know where they are.
 */
import type { DataQualityPageView, IndicatorPageView, MyPageView, ReportsPageView, ScorecardView, ViewerView } from '../../app/scorecard/tab-views';
import { h, replaceChildren } from './dom';
import { ApiError, type TabApi } from './api-client';
import { parseRoute, routeSearch, type Route } from './route';
import { ScorecardPage } from './views/scorecard-page';
import { indicatorPage } from './views/indicator-page';
import { myPage } from './views/my-page';
import { reportsPage } from './views/reports-page';
import { dataQualityPage, dataQualityRefusedPage } from './views/data-quality-page';
import { errorPage } from './views/message-pages';
import type { Navigator } from './views/navigator';

export class TabApp implements Navigator {
  private readonly main = document.getElementById('main')!;
  private readonly announcer = document.getElementById('announcer')!;
  private readonly navElement = document.getElementById('app-nav')!;
  /** The scorecard of each month already fetched, so going back to it costs no request. */
  private readonly scorecards = new Map<string, ScorecardView>();
  private lastMonth: string | null = null;
  /** Whether the person is in the performance team, once a page has said; null until then. */
  private isAdmin: boolean | null = null;
  private rendering = 0;

  constructor(private readonly api: TabApi) {}

  /** `first`: the page to show when the URL names none (a Teams deep link's). */
  start(first: Route = parseRoute(location.search)): void {
    window.addEventListener('popstate', () => void this.show(parseRoute(location.search), true));
    document.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[data-nav]') as HTMLAnchorElement | null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.go(parseRoute(new URL(link.href).search));
    });
    if (routeSearch(first, location.search) !== routeSearch(parseRoute(location.search), location.search)) this.replace(first);
    void this.show(first, false);
  }

  href(route: Route): string {
    return `${location.pathname}${routeSearch(route, location.search)}`;
  }

  go(route: Route): void {
    history.pushState(null, '', this.href(route));
    void this.show(route, true);
  }

  replace(route: Route): void {
    history.replaceState(null, '', this.href(route));
  }

  announce(text: string): void {
    // Emptying first makes screen readers announce a repeated message too.
    this.announcer.textContent = '';
    window.setTimeout(() => (this.announcer.textContent = text), 50);
  }

  private async show(route: Route, moveFocus: boolean): Promise<void> {
    const ticket = ++this.rendering;
    this.renderNav(route);
    this.main.setAttribute('aria-busy', 'true');
    try {
      const knewAdmin = this.isAdmin;
      const content = await this.content(route);
      if (ticket !== this.rendering) return; // a later navigation won
      replaceChildren(this.main, content);
      if (this.isAdmin !== knewAdmin) this.renderNav(route);
    } catch (error) {
      if (ticket !== this.rendering) return;
      replaceChildren(this.main, this.failure(error));
    } finally {
      if (ticket === this.rendering) this.main.removeAttribute('aria-busy');
    }
    const heading = this.main.querySelector('h1');
    document.title = `${heading?.textContent ?? 'Scorecard'} – Council performance`;
    if (moveFocus) (heading as HTMLElement | null)?.focus();
  }

  private async content(route: Route): Promise<HTMLElement[]> {
    switch (route.view) {
      case 'scorecard': {
        const view = this.saw(await this.scorecard(route.month));
        this.lastMonth = view.month;
        return new ScorecardPage(view, route.filters, this).render();
      }
      case 'indicator': {
        const page = this.saw(await this.api.get<IndicatorPageView>('/api/tab/indicator', { code: route.code, period: route.period }));
        return indicatorPage(page, route.month ?? this.lastMonth, this);
      }
      case 'my':
        return myPage(this.saw(await this.api.get<MyPageView>('/api/tab/me')), this);
      case 'reports': {
        const page = this.saw(await this.api.get<ReportsPageView>('/api/tab/reports'));
        return reportsPage(page, { save: (file) => this.save('/api/tab/reports/file', { pack: file.packId, name: file.name }) }, this);
      }
      case 'data-quality': {
        const page = await this.api.get<DataQualityPageView>('/api/tab/data-quality', { period: route.period }).catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 403 && error.reason === 'not-performance-team') return error;
          throw error;
        });
        if (page instanceof ApiError) {
          this.isAdmin = false;
          return dataQualityRefusedPage(page.message, this);
        }
        this.saw(page);
        return dataQualityPage(page, { save: (period) => this.save('/api/tab/data-quality/audit', { period }) }, this);
      }
    }
  }

  /** Notes who the person is from a page's answer (is the Data quality page theirs to see?). */
  private saw<T extends { readonly viewer: ViewerView }>(page: T): T {
    this.isAdmin = page.viewer.isAdmin;
    return page;
  }

  /** Fetches a file with the token and hands it to the browser to save. */
  private async save(path: string, params: Readonly<Record<string, string>>): Promise<void> {
    const { blob, name } = await this.api.download(path, params);
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: some browsers start reading the object URL only after click() returns.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private async scorecard(month: string | null): Promise<ScorecardView> {
    const cached = this.scorecards.get(month ?? '');
    if (cached) return cached;
    const view = await this.api.get<ScorecardView>('/api/tab/scorecard', { month });
    this.scorecards.set(month ?? '', view);
    this.scorecards.set(view.month, view);
    return view;
  }

  private renderNav(route: Route): void {
    const item = (label: string, target: Route, current: boolean) =>
      h('li', {}, h('a', { href: this.href(target), 'data-nav': true, 'aria-current': current ? 'page' : null }, label));
    const empty = { lens: '', directorate: '', status: '', owner: '' };
    replaceChildren(
      this.navElement,
      h(
        'ul',
        {},
        item('Scorecard', { view: 'scorecard', month: this.lastMonth, filters: empty }, route.view === 'scorecard'),
        item('My indicators', { view: 'my' }, route.view === 'my'),
        item('Reports', { view: 'reports' }, route.view === 'reports'),
        // Shown until a page says the person is not in the performance team (the page itself then refuses politely).
        (this.isAdmin !== false || route.view === 'data-quality') && item('Data quality', { view: 'data-quality', period: null }, route.view === 'data-quality'),
      ),
    );
    this.navElement.hidden = false;
  }

  private failure(error: unknown): HTMLElement[] {
    if (error instanceof ApiError) {
      if (error.status === 403) return errorPage('You are not in the performance register', error.message);
      if (error.status === 401) return errorPage('You could not be signed in', `${error.message} Close the tab and open it again; if it keeps happening, tell the performance team.`);
      if (error.status === 404) return errorPage('Not found', error.message);
      return errorPage('Something went wrong', error.message);
    }
    return errorPage('Something went wrong', 'The scorecard could not be loaded. Check your connection and try again.');
  }
}
