/**
 * The Scorecard tab's HTTP transport: its pages and assets under /tab/, and its JSON API under
 * /api/tab/, where every request must sign in (see tab-sign-in.ts). Parameters are read and
 * checked here; everything else is the use cases' business (src/app/scorecard).
 */
import type { Request, Response, Server } from 'restify';
import type { AppConfig } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Viewer } from '../app/scorecard/tab-viewer';
import type { ScorecardService } from '../app/scorecard/scorecard-service';
import { PeriodNotOfIndicatorError, type IndicatorPageService } from '../app/scorecard/indicator-page-service';
import type { MyPageService } from '../app/scorecard/my-page-service';
import type { ReportsPageService } from '../app/report/reports-page-service';
import type { ReportPackFile } from '../app/report/report-packs';
import { DataQualityRefusal, type DataQualityPageService } from '../app/data-quality/data-quality-page-service';
import { parsePeriod, type Period } from '../domain/periods';
import type { ScorecardChoice } from '../app/scorecard/report-months';
import type { TabAssets, TabAsset } from './tab-assets';
import type { TabSignIn } from './tab-sign-in';
import { TAB_PATHS, tabAboutHtml, tabPageHeaders, tabPageHtml, tabPageSettings, type TabPage } from './tab-pages';

export interface TabRoutesDeps {
  readonly app: AppConfig;
  readonly performanceTeamContact: string;
  readonly log: Logger;
  readonly signIn: TabSignIn;
  readonly assets: TabAssets;
  readonly scorecard: ScorecardService;
  readonly indicatorPage: IndicatorPageService;
  readonly myPage: MyPageService;
  readonly reports: ReportsPageService;
  readonly dataQuality: DataQualityPageService;
}

export const TAB_API = {
  scorecard: '/api/tab/scorecard',
  indicator: '/api/tab/indicator',
  me: '/api/tab/me',
  reports: '/api/tab/reports',
  reportFile: '/api/tab/reports/file',
  dataQuality: '/api/tab/data-quality',
  auditTrail: '/api/tab/data-quality/audit',
} as const;

/** A refusal to answer, with the status and message the caller gets. */
class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Says which refusal it is, for a page to tell it from a refusal to sign in (both 403). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

export function tabRoutes(deps: TabRoutesDeps): (server: Server) => void {
  return (server) => {
    deps.assets.warm((error) => deps.log.error({ err: error }, 'the tab script or stylesheet cannot be built'));

    for (const page of ['scorecard', 'config'] as const satisfies readonly TabPage[]) {
      server.get(TAB_PATHS[page], async (_req: Request, res: Response) => {
        res.sendRaw(200, tabPageHtml(tabPageSettings(page, deps.app)), tabPageHeaders(deps.app));
      });
    }
    server.get(TAB_PATHS.about, async (_req: Request, res: Response) => {
      res.sendRaw(200, tabAboutHtml(deps.performanceTeamContact), tabPageHeaders(deps.app));
    });
    server.get(TAB_PATHS.script, asset(deps, () => deps.assets.scriptAsset()));
    server.get(TAB_PATHS.stylesheet, asset(deps, () => deps.assets.stylesheetAsset()));

    server.get(TAB_API.scorecard, api(deps, async (viewer, query) => {
      const { view, signalsMs } = await deps.scorecard.scorecardTimed(viewer, monthParam(query));
      return new TimedAnswer(view, signalsMs === null ? [] : [{ name: 'signals', ms: signalsMs, description: 'variation and forecasts of the register' }]);
    }));
    server.get(TAB_API.indicator, api(deps, async (viewer, query) => {
      const code = query.get('code')?.trim();
      if (!code) throw new ApiRefusal(400, 'Say which indicator: ?code=FIN03');
      const page = await deps.indicatorPage.page(viewer, code, periodParam(query)).catch((error: unknown) => {
        if (error instanceof PeriodNotOfIndicatorError) throw new ApiRefusal(400, error.message);
        throw error;
      });
      if (!page) throw new ApiRefusal(404, `There is no indicator ${code} in the register.`);
      return page;
    }));
    server.get(TAB_API.me, api(deps, (viewer) => deps.myPage.page(viewer)));
    server.get(TAB_API.reports, api(deps, (viewer) => deps.reports.page(viewer)));
    server.get(TAB_API.reportFile, download(deps, async (viewer, query) => {
      const pack = query.get('pack')?.trim();
      const name = query.get('name')?.trim();
      if (!pack || !name) throw new ApiRefusal(400, 'Say which file: ?pack=<pack id>&name=<file name>, as the Reports page links them.');
      const file = await deps.reports.file(viewer, pack, name);
      if (!file) throw new ApiRefusal(404, `There is no file ${name} in that report pack.`);
      return file;
    }));
    server.get(TAB_API.dataQuality, api(deps, (viewer, query) =>
      dataQualityAnswer(() => deps.dataQuality.page(viewer, query.get('period')?.trim() || null))));
    server.get(TAB_API.auditTrail, download(deps, (viewer, query) => {
      const period = query.get('period')?.trim();
      if (!period) throw new ApiRefusal(400, 'Say which period\'s audit trail: ?period=2026-07 (a month), or ?period=2026/27 Q2 (a quarter).');
      return dataQualityAnswer(() => deps.dataQuality.auditCsv(viewer, period));
    }));
  };
}

/** The Data quality page's refusals as the API's: not the performance team 403, a bad period 400. */
async function dataQualityAnswer<T>(answer: () => Promise<T>): Promise<T> {
  try {
    return await answer();
  } catch (error) {
    if (error instanceof DataQualityRefusal) throw new ApiRefusal(error.reason === 'not-performance-team' ? 403 : 400, error.message, error.reason);
    throw error;
  }
}

function asset(deps: TabRoutesDeps, load: () => Promise<TabAsset>) {
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      const { body, contentType } = await load();
      res.sendRaw(200, body, { 'Content-Type': contentType, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    } catch (error) {
      deps.log.error({ err: error }, 'a tab asset failed');
      res.sendRaw(500, 'The tab could not be built; see the server log.', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  };
}

/** An API route: sign in first, answer JSON, never cache, and turn refusals into their status. */
/** An API answer with the Server-Timing of its parts (a computed scorecard's signals), for operators and the benchmark. */
class TimedAnswer {
  constructor(
    readonly body: unknown,
    readonly timings: readonly { readonly name: string; readonly ms: number; readonly description: string }[],
  ) {}
}

function api(deps: TabRoutesDeps, answer: (viewer: Viewer, query: URLSearchParams) => Promise<unknown>) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const signedIn = await deps.signIn.signIn(req);
      if (!signedIn.ok) {
        if (signedIn.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
        res.json(signedIn.status, { error: signedIn.error });
        return;
      }
      const body = await answer(signedIn.viewer, new URL(req.url ?? '/', 'http://tab.invalid').searchParams);
      if (body instanceof TimedAnswer) {
        if (body.timings.length > 0) res.setHeader('Server-Timing', body.timings.map((t) => `${t.name};dur=${t.ms.toFixed(1)};desc="${t.description}"`).join(', '));
        res.json(200, body.body);
        return;
      }
      res.json(200, body);
    } catch (error) {
      if (error instanceof ApiRefusal) {
        res.json(error.status, error.reason ? { error: error.message, reason: error.reason } : { error: error.message });
        return;
      }
      deps.log.error({ err: error, url: req.url }, 'the tab API failed');
      res.json(500, { error: 'Something went wrong; nothing was changed. Please try again.' });
    }
  };
}

/**
 * A download route: signed in like the API, the file's bytes as an attachment (the tab fetches it
 * with its token and saves it), never cached, and refusals as JSON like the API's.
 */
function download(deps: TabRoutesDeps, load: (viewer: Viewer, query: URLSearchParams) => Promise<ReportPackFile>) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const signedIn = await deps.signIn.signIn(req);
      if (!signedIn.ok) {
        if (signedIn.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
        res.json(signedIn.status, { error: signedIn.error });
        return;
      }
      const file = await load(signedIn.viewer, new URL(req.url ?? '/', 'http://tab.invalid').searchParams);
      res.sendRaw(200, Buffer.from(file.bytes), {
        'Content-Type': file.mediaType,
        'Content-Length': String(file.bytes.byteLength),
        // The name is ours (quarterSlug), but quoted and stripped of quotes all the same.
        'Content-Disposition': `attachment; filename="${file.name.replace(/["\\\r\n]/g, '')}"`,
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (error) {
      if (error instanceof ApiRefusal) {
        res.json(error.status, error.reason ? { error: error.message, reason: error.reason } : { error: error.message });
        return;
      }
      deps.log.error({ err: error, url: req.url }, 'a tab download failed');
      res.json(500, { error: 'The file could not be read; please try again.' });
    }
  };
}

/** `month` names a month or a quarter (shown as at its last month): what the picker offers. */
function monthParam(query: URLSearchParams): ScorecardChoice | null {
  const period = periodParam(query, 'month');
  if (period && period.kind === 'YEAR') throw new ApiRefusal(400, 'Choose the scorecard by month or quarter, as in ?month=2026-10 or ?month=2026/27 Q2.');
  return period;
}

function periodParam(query: URLSearchParams, name = 'period'): Period | null {
  const text = query.get(name)?.trim();
  if (!text) return null;
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new ApiRefusal(400, parsed.error);
  return parsed.value;
}
