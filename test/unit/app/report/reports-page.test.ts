import { ReportsPageService, reportQuarters, sizeText } from '../../../../src/app/report/reports-page-service';
import type { ReportPacks, ReportPackSummary } from '../../../../src/app/report/report-packs';

const files = (edition: string) => [
  { name: `performance-report-2026-27-q2-${edition}.docx`, mediaType: 'application/x', description: `${edition} report`, sizeBytes: 182_400 },
];

function pack(id: string, quarter: string, edition: 'committee' | 'public', generatedAt: string): ReportPackSummary {
  const [fy, q] = quarter.split(' ');
  return { id, quarter, quarterLabel: `${q} ${fy}`, edition, generatedAt, generatedById: null, files: files(edition) };
}

describe('the Reports page', () => {
  it('groups packs by quarter, newest quarter first, each edition at its latest pack with the earlier ones counted', () => {
    const quarters = reportQuarters([
      pack('a', '2026/27 Q1', 'committee', '2026-07-20T09:00:00.000Z'),
      pack('b', '2026/27 Q2', 'committee', '2026-10-20T09:00:00.000Z'),
      pack('c', '2026/27 Q2', 'committee', '2026-10-21T09:00:00.000Z'),
      pack('d', '2026/27 Q2', 'public', '2026-10-21T10:00:00.000Z'),
      pack('e', '2025/26 Q4', 'public', '2026-04-20T09:00:00.000Z'),
    ]);
    expect(quarters.map((q) => q.quarter)).toEqual(['2026/27 Q2', '2026/27 Q1', '2025/26 Q4']);
    const [q2] = quarters;
    expect(q2!.editions.map((e) => [e.edition, e.files[0]!.packId, e.earlierCount])).toEqual([['committee', 'c', 1], ['public', 'd', 0]]);
    expect(q2!.editions[0]!.generatedText).toMatch(/^Generated .*21 Oct 2026/);
    expect(q2!.editions[0]!.files[0]).toEqual({ packId: 'c', name: 'performance-report-2026-27-q2-committee.docx', description: 'committee report', sizeText: '182 KB' });
    expect(quarters[2]!.editions.map((e) => e.edition)).toEqual(['public']);
  });

  it('says sizes as people read them', () => {
    expect(sizeText(900)).toBe('900 bytes');
    expect(sizeText(182_400)).toBe('182 KB');
    expect(sizeText(1_440_000)).toBe('1.4 MB');
  });

  it('lists nothing when no pack has been made, and says how one is made', async () => {
    const none: ReportPacks = { generate: () => Promise.reject(new Error('not here')), list: async () => [], file: async () => null };
    const page = await new ReportsPageService(none).page({ personId: null, name: 'Reader', email: 'r@x', isAdmin: false });
    expect(page.quarters).toEqual([]);
    expect(page.howToGenerate).toContain('report 2026/27 Q2');
  });
});
