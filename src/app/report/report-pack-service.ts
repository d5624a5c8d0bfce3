/**
 * Generates, stores and serves the quarterly report packs (#15): builds the one model as at the
 * quarter's end, renders the edition's files, and stores them as one pack in one transaction. A
 * committee pack also puts a "Quarterly report ready" card in the outbox for the Board channel (when
 * one is set), in the same transaction, so the card never announces a pack that was not stored.
 */
import type { Clock } from '../../clock';
import type { Store } from '../../db/store';
import type { ReportPackRecord } from '../../db/repositories/report-pack-repository';
import { periodKey, periodLabel, type QuarterPeriod } from '../../domain/periods';
import type { Tolerance } from '../../domain/types';
import type { UnverifiedFigures } from '../../domain/verification';
import type { RunLengths } from '../../domain/variation-settings';
import type { QuarterReportOptions } from './load-quarter-report';
import type { ReportFile } from '../../report/report-file';
import { cardMessage } from '../../cards/card-message';
import { buildReportReadyCard, type ReportReadyView } from '../../cards/report-ready-card';
import type { QuarterReport, ReportEdition } from './quarter-report-model';
import type { ReportPackFile, ReportPacks, ReportPackSummary } from './report-packs';
import { reportsPageDeepLink } from '../scorecard/tab-deep-links';
import { parseQuarter } from './parse-quarter';

/** The renderers, injected so the service is tested without caring how a Word file is made. */
export interface ReportRenderers {
  loadQuarterReport(store: Store, quarter: QuarterPeriod, options: QuarterReportOptions): Promise<QuarterReport>;
  publicEdition(report: QuarterReport): QuarterReport;
  /** Given the model while it still loads, a renderer may get ready meanwhile (the real ones start their threads). */
  renderCommitteeReport(report: QuarterReport | Promise<QuarterReport>): Promise<ReportFile>;
  renderDataAppendix(report: QuarterReport | Promise<QuarterReport>): Promise<ReportFile>;
  renderPublicPage(report: QuarterReport): ReportFile;
  renderOpenDataCsv(report: QuarterReport): ReportFile;
}

export interface ReportPackSettings {
  readonly defaultTolerance: Tolerance;
  readonly unverifiedFigures?: UnverifiedFigures;
  readonly runLengths?: RunLengths;
  /** The Teams app id, for the deep link to the Reports page; null leaves the link out. */
  readonly teamsAppId: string | null;
  /** The council's name for the report's cover (ORGANISATION_NAME); the model's own default when absent. */
  readonly organisationName?: string;
}

export const REPORT_READY_PURPOSE = 'report-ready';

export interface GeneratedReportPack {
  readonly summary: ReportPackSummary;
  /** The card announcing it (also what the chat command answers with). */
  readonly view: ReportReadyView;
  /** Whether the Board card was put in the outbox (committee packs with a Board channel only). */
  readonly boardCardQueued: boolean;
}

export class ReportPackService implements ReportPacks {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: ReportPackSettings,
    private readonly renderers: ReportRenderers,
    /** Wakes the outbox dispatcher after a Board card is queued. */
    private readonly wakeDispatcher: () => void = () => {},
  ) {}

  async generate(quarter: QuarterPeriod, edition: ReportEdition, generatedById: string | null): Promise<ReportPackSummary> {
    return (await this.generateWithCard(quarter, edition, generatedById)).summary;
  }

  async generateWithCard(quarter: QuarterPeriod, edition: ReportEdition, generatedById: string | null): Promise<GeneratedReportPack> {
    const now = this.clock.now();
    const loading = this.renderers.loadQuarterReport(this.store, quarter, {
      now, defaultTolerance: this.settings.defaultTolerance, unverifiedFigures: this.settings.unverifiedFigures ?? 'RATED',
      ...(this.settings.runLengths ? { runLengths: this.settings.runLengths } : {}), ...(this.settings.organisationName ? { organisation: this.settings.organisationName } : {}),
    });
    // The committee renderers get ready while the model loads; the public ones take milliseconds.
    const rendering = edition === 'committee' ? this.renderCommittee(loading) : null;
    rendering?.catch(() => {}); // a model that fails is reported below, once
    const committee = await loading;
    const model = edition === 'public' ? this.renderers.publicEdition(committee) : committee;
    const files = rendering ? await rendering : [this.renderers.renderPublicPage(model), this.renderers.renderOpenDataCsv(model)];
    const view = readyView(model, edition, files, this.settings.teamsAppId);
    const channel = edition === 'committee' ? await this.store.repos.board.channel() : null;

    const { record, queued } = await this.store.transaction(async (repos) => {
      const record = await repos.reportPacks.add({ quarter: periodKey(quarter), edition, generatedAt: now, generatedById, files });
      if (!channel) return { record, queued: false };
      const queued = await repos.outbox.enqueue([{
        // One card per pack: the pack id makes the key unique, so a retried transaction never posts twice.
        dedupeKey: `${REPORT_READY_PURPOSE}|board|${record.id}`, purpose: REPORT_READY_PURPOSE, period: periodKey(quarter),
        recipient: `channel:${channel.channelId}`, serviceUrl: channel.serviceUrl, tenantId: channel.tenantId,
        conversationId: null, teamsUserId: null, channelId: channel.channelId,
        activity: cardMessage(buildReportReadyCard(view)) as unknown as Record<string, unknown>,
      }], now);
      return { record, queued: queued === 1 };
    });
    if (queued) this.wakeDispatcher();
    return { summary: summaryOf(record, quarter), view, boardCardQueued: queued };
  }

  async list(): Promise<ReportPackSummary[]> {
    const records = await this.store.repos.reportPacks.list();
    return records.map((record) => summaryOf(record));
  }

  async file(packId: string, fileName: string): Promise<ReportPackFile | null> {
    return this.store.repos.reportPacks.file(packId, fileName);
  }

  private renderCommittee(model: Promise<QuarterReport>): Promise<ReportFile[]> {
    return Promise.all([this.renderers.renderCommitteeReport(model), this.renderers.renderDataAppendix(model)]);
  }
}

function readyView(model: QuarterReport, edition: ReportEdition, files: readonly ReportFile[], teamsAppId: string | null): ReportReadyView {
  const q = model.overall.quarter;
  return {
    quarterLabel: model.quarterLabel,
    editionLabel: edition === 'committee' ? 'Committee' : 'Public',
    counts: { red: q.RED, amber: q.AMBER, green: q.GREEN, dataOnly: q.DATA_ONLY, missing: q.MISSING },
    files: files.map((f) => ({ name: f.name, description: f.description, sizeBytes: f.bytes.byteLength })),
    generatedText: model.generatedText,
    reportsUrl: teamsAppId ? reportsPageDeepLink(teamsAppId) : null,
  };
}

function summaryOf(record: ReportPackRecord, quarter?: QuarterPeriod): ReportPackSummary {
  const parsed = quarter ?? parseQuarterKey(record.quarter);
  return {
    id: record.id,
    quarter: record.quarter,
    quarterLabel: parsed ? periodLabel(parsed) : record.quarter,
    edition: record.edition === 'public' ? 'public' : 'committee',
    generatedAt: record.generatedAt.toISOString(),
    generatedById: record.generatedById,
    files: record.files.map((f) => ({ name: f.name, mediaType: f.mediaType, description: f.description, sizeBytes: f.size })),
  };
}

/** The stored key back to the quarter (a stored key is always a quarter's; null only for a corrupt row). */
function parseQuarterKey(key: string): QuarterPeriod | null {
  const parsed = parseQuarter(key);
  return parsed.ok ? parsed.value : null;
}
