/**
 * "My indicators" for the signed-in person: what they own or cover, and what is still outstanding
 * from them. The same use case as the bot's `my indicators` and `status`, laid out for the tab.
 */
import type { MyWorkService } from '../my-work-service';
import { travelArrow } from '../../domain/travel';
import { statusLabel } from './labels';
import { viewerView, type Viewer } from './tab-viewer';
import type { MyPageView } from './tab-views';

export class MyPageService {
  constructor(private readonly myWork: MyWorkService) {}

  async page(viewer: Viewer): Promise<MyPageView> {
    // A reader who is not in the register owns and covers nothing.
    if (viewer.personId === null) return { viewer: viewerView(viewer), openPeriodLabel: null, outstanding: [], indicators: [] };
    const person = { personId: viewer.personId, name: viewer.name };
    const [mine, outstanding] = await Promise.all([this.myWork.myIndicators(person), this.myWork.outstanding(person)]);
    return {
      viewer: viewerView(viewer),
      openPeriodLabel: outstanding.periodLabel,
      outstanding: outstanding.items.map((item) => ({ code: item.code, title: item.title, periodLabel: item.periodLabel, what: item.what })),
      indicators: mine.indicators.map((i) => ({
        code: i.code,
        title: i.title,
        periodLabel: i.latestPeriodLabel,
        valueText: i.latestValueText,
        // The bot's card says "Target 20.0 days"; the tab's table has a Target column already.
        targetText: i.targetText?.replace(/^Target /, '') ?? null,
        status: i.status,
        statusLabel: statusLabel(i.status),
        statusText: i.statusText,
        trendText: travelArrow(i.trend),
      })),
    };
  }
}
