/**
 * The Scorecard tab's Reports page (#15): each quarter's latest committee and public packs, and the
 * files of a pack for download. Packs are made elsewhere (the `report` chat command and
 * `npm run report`); this only reads them.
 *
 * Who may download: every reader of the tab. The committee edition names staff and carries their
 * narratives, which every reader already sees on the indicator pages, so it is no wider a disclosure;
 * the public edition is for anyone.
 */
import { formatUkDateTime } from '../../domain/dates';
import { comparePeriods, parsePeriod } from '../../domain/periods';
import type { ReportEdition } from './quarter-report-model';
import type { ReportPackFile, ReportPacks, ReportPackSummary } from './report-packs';
import { viewerView, type Viewer } from '../scorecard/tab-viewer';
import type { ReportEditionView, ReportQuarterView, ReportsPageView } from '../scorecard/tab-views';

const EDITIONS: readonly { edition: ReportEdition; label: string; audienceText: string }[] = [
  { edition: 'committee', label: 'Committee edition', audienceText: 'For the management team, Cabinet and Overview & Scrutiny. Names the officers responsible.' },
  { edition: 'public', label: 'Public edition', audienceText: 'For the council\'s website: the indicators marked public, without staff names.' },
];

export const HOW_TO_GENERATE =
  'The performance team makes a quarter\'s pack by sending "report 2026/27 Q2" (or "report 2026/27 Q2 public") to the bot, or with npm run report. A pack is made from the figures held at the time; making it again keeps the earlier one.';

export class ReportsPageService {
  constructor(private readonly packs: ReportPacks) {}

  async page(viewer: Viewer): Promise<ReportsPageView> {
    return { viewer: viewerView(viewer), quarters: reportQuarters(await this.packs.list()), howToGenerate: HOW_TO_GENERATE };
  }

  /** A file of a pack, or null when there is no such pack or file. */
  file(_viewer: Viewer, packId: string, fileName: string): Promise<ReportPackFile | null> {
    return this.packs.file(packId, fileName);
  }
}

/** Packs grouped by quarter (newest first), the latest of each edition shown. Pure. */
export function reportQuarters(packs: readonly ReportPackSummary[]): ReportQuarterView[] {
  const byQuarter = new Map<string, ReportPackSummary[]>();
  for (const pack of packs) byQuarter.set(pack.quarter, [...(byQuarter.get(pack.quarter) ?? []), pack]);
  return [...byQuarter.entries()]
    .sort(([a], [b]) => compareQuarterKeys(b, a))
    .map(([quarter, members]) => ({
      quarter,
      quarterLabel: members[0]!.quarterLabel,
      editions: EDITIONS.flatMap(({ edition, label, audienceText }) => {
        const ofEdition = members.filter((p) => p.edition === edition).sort((a, b) => b.generatedAt.localeCompare(a.generatedAt));
        const latest = ofEdition[0];
        if (!latest) return [];
        const view: ReportEditionView = {
          edition,
          label,
          audienceText,
          generatedText: `Generated ${formatUkDateTime(new Date(latest.generatedAt))}`,
          files: latest.files.map((f) => ({ packId: latest.id, name: f.name, description: f.description, sizeText: sizeText(f.sizeBytes) })),
          earlierCount: ofEdition.length - 1,
        };
        return [view];
      }),
    }));
}

function compareQuarterKeys(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa.ok && pb.ok) return comparePeriods(pa.value, pb.value);
  return a.localeCompare(b);
}

/** "900 bytes", "182 KB", "1.4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
