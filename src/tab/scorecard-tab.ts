/**
 * Assembles the Scorecard tab from the configuration and the store, as one mount for the HTTP
 * server, so the wiring needs a single line for it.
 */
import type { Server } from 'restify';
import type { Config } from '../config/config';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { Store } from '../db/store';
import type { PeopleService } from '../app/people-service';
import { MyWorkService } from '../app/my-work-service';
import type { AdminPolicy } from '../app/admin-policy';
import type { TenantPolicy } from '../app/tenant-policy';
import type { Refusals } from '../app/refusals';
import { TabViewers } from '../app/scorecard/tab-viewer';
import { ScorecardService } from '../app/scorecard/scorecard-service';
import { IndicatorPageService } from '../app/scorecard/indicator-page-service';
import { MyPageService } from '../app/scorecard/my-page-service';
import { ReportsPageService } from '../app/report/reports-page-service';
import type { ReportPacks } from '../app/report/report-packs';
import { DataQualityPageService } from '../app/data-quality/data-quality-page-service';
import { TabTokenVerifier } from './tab-token-verifier';
import { TabSignIn } from './tab-sign-in';
import { TabAssets } from './tab-assets';
import { tabRoutes } from './tab-routes';

/**
 * What the tab shares with the bot: who is who, who is an admin, which tenant is the council's, and
 * the quarterly report packs the bot makes.
 */
export interface TabSharedDeps {
  readonly people: PeopleService;
  readonly reportPacks: ReportPacks;
  readonly admins: AdminPolicy;
  readonly tenants: TenantPolicy;
  readonly refusals: Refusals;
}

export function scorecardTab(config: Config, store: Store, clock: Clock, log: Logger, shared: TabSharedDeps): (server: Server) => void {
  const settings = { defaultTolerance: config.defaultTolerance, unverifiedFigures: config.unverifiedFigures, runLengths: config.runLengths };
  if (config.app.tabAuthDisabled) {
    log.warn(
      'TAB_AUTH_DISABLED is set: the Scorecard tab\'s API trusts no token and answers anyone as the first admin ' +
        '(or the person in the X-Tab-Dev-User header). This is for local development only; never expose it to a network.',
    );
  }
  const verifier = config.app.tabAuthDisabled
    ? null
    : new TabTokenVerifier({
        openIdMetadataUrl: config.app.tabOpenIdMetadataUrl,
        audiences: config.app.tabTokenAudiences,
        tenantId: config.bot.tenantId,
      });
  if (config.app.tabReaders === 'tenant' && !shared.tenants.councilTenantId) {
    log.warn('TAB_READERS=tenant but MicrosoftAppTenantId is not set: without the council\'s tenant, only people in the register can read the Scorecard tab.');
  }
  const viewers = new TabViewers(store, shared.people, shared.admins, shared.tenants, shared.refusals, config.app.tabReaders);
  return tabRoutes({
    app: config.app,
    performanceTeamContact: config.performanceTeamContact,
    log,
    signIn: new TabSignIn(verifier, viewers, config.performanceTeamContact, log),
    assets: new TabAssets(),
    scorecard: new ScorecardService(store, clock, settings),
    indicatorPage: new IndicatorPageService(store, clock, settings),
    myPage: new MyPageService(new MyWorkService(store, clock, settings)),
    reports: new ReportsPageService(shared.reportPacks),
    dataQuality: new DataQualityPageService(store, clock),
  });
}
