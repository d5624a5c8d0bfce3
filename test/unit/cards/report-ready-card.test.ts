import { cardSizeBytes, CARD_SIZE_LIMIT_BYTES } from '../../../src/cards';
import { cardMessage } from '../../../src/cards/card-message';
import { buildReportReadyCard, fileSizeText } from '../../../src/cards/report-ready-card';
import { SAMPLE_REPORT_READY_COMMITTEE, SAMPLE_REPORT_READY_NO_LINK, SAMPLE_REPORT_READY_PUBLIC } from '../../../src/cards/report-ready-samples';
import { reportsPageDeepLink } from '../../../src/app/scorecard/tab-deep-links';
import { anyActions, elementsOfType, inputs, texts, type Json } from './card-walk';

describe('report ready card', () => {
  const card = buildReportReadyCard(SAMPLE_REPORT_READY_COMMITTEE) as unknown as Json;

  it('is a 1.5 card headed with the quarter, then the edition and its RAG counts', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(texts(card).slice(0, 2)).toEqual([
      'Quarterly report ready: Q2 2026/27 (Jul–Sep 2026)',
      'Committee edition. 7 red, 11 amber, 29 green, 4 data only, 3 missing.',
    ]);
    expect(inputs(card)).toEqual([]);
  });

  it('lists each file with what it is and its size', () => {
    expect(elementsOfType(card, 'FactSet')[0]!.facts).toEqual([
      { title: 'Committee report (Word)', value: 'performance-report-2026-27-q2-committee.docx (403 KB)' },
      { title: 'Data appendix (Excel)', value: 'performance-report-2026-27-q2-data.xlsx (58 KB)' },
    ]);
    expect([fileSizeText(900), fileSizeText(2048), fileSizeText(3 * 1024 * 1024 + 200_000)]).toEqual(['900 bytes', '2 KB', '3.2 MB']);
  });

  it('opens the Scorecard tab\'s Reports page through a Teams deep link', () => {
    expect(anyActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Open the Reports page', url: SAMPLE_REPORT_READY_COMMITTEE.reportsUrl }]);
    const url = new URL(reportsPageDeepLink('5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21'));
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/entity/5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21/scorecard');
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'reports' });
  });

  it('says where to find the files when there is no link to give', () => {
    const noLink = buildReportReadyCard(SAMPLE_REPORT_READY_NO_LINK) as unknown as Json;
    expect(anyActions(noLink)).toEqual([]);
    expect(texts(noLink)).toContain('Download the files from the Reports page of the Scorecard tab.');
  });

  it('carries fallback text with the quarter, the counts and the files, and stays far under the Teams limit', () => {
    for (const view of [SAMPLE_REPORT_READY_COMMITTEE, SAMPLE_REPORT_READY_PUBLIC, SAMPLE_REPORT_READY_NO_LINK]) {
      const built = buildReportReadyCard(view);
      expect(built.fallbackText).toContain(`Quarterly report ready: ${view.quarterLabel}`);
      expect(built.fallbackText).toContain('7 red, 11 amber, 29 green');
      for (const file of view.files) expect(built.fallbackText).toContain(file.name);
      expect(cardSizeBytes(built)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
      expect(cardMessage(built).summary).toBe(built.fallbackText);
    }
  });
});
