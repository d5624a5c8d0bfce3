import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes, type AdaptiveCard } from '../../../src/cards';
import { cardMessage } from '../../../src/cards/card-message';
import { buildDataQualityCard, completenessTone, type DataQualityCardView, type QualityRowView } from '../../../src/cards/data-quality';
import {
  SAMPLE_DATA_QUALITY,
  SAMPLE_DATA_QUALITY_CLEAN,
  SAMPLE_DATA_QUALITY_TAB_URL,
  sampleDataQualityLarge,
} from '../../../src/cards/data-quality/data-quality-samples';
import { anyActions, elementsOfType, inputs, texts, type Json } from './card-walk';


/** The table's rows: each ColumnSet after the "By directorate" heading, as its cells' text and colour. */
function tableRows(card: AdaptiveCard): { text: string; color: unknown }[][] {
  const start = card.body.findIndex((e) => e.type === 'TextBlock' && e.text === 'By directorate');
  if (start < 0) return [];
  const rows: { text: string; color: unknown }[][] = [];
  for (const element of card.body.slice(start + 1)) {
    if (element.type !== 'ColumnSet') break;
    rows.push(element.columns.map((c) => {
      const cells = elementsOfType(c as unknown as Json, 'TextBlock');
      expect(cells).toHaveLength(1);
      return { text: String(cells[0]!.text), color: cells[0]!.color };
    }));
  }
  return rows;
}

/** The owners' blocks (the card's only containers), as [name, line]. */
function ownerBlocks(card: AdaptiveCard): string[][] {
  return elementsOfType(card, 'Container').map((c) => texts(c));
}

const card = buildDataQualityCard(SAMPLE_DATA_QUALITY);
const cleanCard = buildDataQualityCard(SAMPLE_DATA_QUALITY_CLEAN);

describe('data quality card', () => {
  it('is a 1.5 card, full width, headed with the period and the reporting window, with fallback text', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(card.msteams).toEqual({ width: 'Full' });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Data quality: July 2026', size: 'Large', weight: 'Bolder', style: 'heading' });
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'Deadline Thursday 20 August 2026, 17:00; closed 28 August 2026', isSubtle: true });
    expect(card.fallbackText).toBe('Data quality for July 2026: 44 of 48 (91.7%) in by the deadline; 1 missing; 3 estimates outstanding.');
    expect(cardMessage(card).summary).toBe(card.fallbackText);
    expect(inputs(card)).toEqual([]);
  });

  it('shows the register\'s measures as facts', () => {
    expect(elementsOfType(card, 'FactSet')).toHaveLength(1);
    expect(elementsOfType(card, 'FactSet')[0]!.facts).toEqual([
      { title: 'Complete by the deadline', value: '44 of 48 (91.7%)' },
      { title: 'Timeliness', value: '3 late: 3.7 days on average, 6 at most' },
      { title: 'Missing', value: '1 missing' },
      { title: 'Corrections after close', value: '1' },
      { title: 'Queries raised', value: '3' },
      { title: 'Estimates outstanding', value: '3' },
    ]);
  });

  it('tables the directorates in the view\'s order under a header row, completeness coloured and in words', () => {
    const rows = tableRows(card);
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Directorate', 'In on time', 'Late and missing', 'Corrected late', 'Queries', 'Estimates'],
      ['Customers and Communities', '14 of 14 (100.0%)', 'none late; none missing', '0', '1', '0'],
      ['Place and Environment', '15 of 18 (83.3%)', '2 late: 4.0 days on average, 6 at most; 1 missing', '1', '2', '1'],
      ['Resources', '15 of 16 (93.8%)', '1 late: 3.0 days on average, 3 at most; none missing', '0', '0', '2'],
    ]);
    expect(rows.slice(1).map((r) => r[1]!.color)).toEqual(['Good', 'Attention', 'Warning']);
    // Only completeness is coloured.
    expect(rows.flatMap((r) => [r[0], ...r.slice(2)]).every((c) => c!.color === undefined)).toBe(true);
  });

  it('colours completeness Good at 100%, Warning from 90% to under 100%, Attention below 90%, and not at all when none was expected', () => {
    expect([100, 99.9, 90, 89.9, 0, null].map(completenessTone)).toEqual(['good', 'warning', 'warning', 'attention', 'attention', 'default']);
    const row = (name: string, completenessPercent: number | null, completenessText: string): QualityRowView => ({
      ...SAMPLE_DATA_QUALITY.byDirectorate[0]!, name, completenessPercent, completenessText,
    });
    const view: DataQualityCardView = {
      ...SAMPLE_DATA_QUALITY,
      byDirectorate: [row('A', 90, '9 of 10 (90.0%)'), row('B', 89.9, '899 of 1,000 (89.9%)'), row('C', null, 'none expected')],
    };
    const cells = tableRows(buildDataQualityCard(view)).slice(1).map((r) => r[1]);
    expect(cells).toEqual([
      { text: '9 of 10 (90.0%)', color: 'Warning' },
      { text: '899 of 1,000 (89.9%)', color: 'Attention' },
      { text: 'none expected', color: undefined },
    ]);
  });

  it('lists the owners to follow up in the view\'s order: name in bold, then one line of what to act on', () => {
    expect(ownerBlocks(card)).toEqual([
      ['Tom Hargreaves', '4 of 6 (66.7%) · 1 late: 6.0 days on average, 6 at most · 1 missing · 1 queried'],
      ['Gareth Lewis', '3 of 4 (75.0%) · 1 late: 3.0 days on average, 3 at most · none missing'],
      ['Sarah Whitfield', '4 of 5 (80.0%) · 1 late: 2.0 days on average, 2 at most · none missing · 1 corrected after close · 1 queried · 1 estimate outstanding'],
      ['Aisha Khan', '5 of 5 (100.0%) · none late · none missing · 1 queried'],
      ['James Patel', '6 of 6 (100.0%) · none late · none missing · 2 estimates outstanding'],
    ]);
    const [name, line] = elementsOfType(elementsOfType(card, 'Container')[0]!, 'TextBlock');
    expect(name).toMatchObject({ weight: 'Bolder' });
    expect(line).toMatchObject({ size: 'Small' });
    expect(texts(card).at(-1)).toBe('9 other owners had everything in on time and clean.');
    expect(texts(card)).not.toContain('Every owner had everything in on time and clean.');
    expect(texts(card).some((t) => t.includes('more owner'))).toBe(false);
  });

  it('shows a typed name as text, never as Markdown', () => {
    const view: DataQualityCardView = {
      ...SAMPLE_DATA_QUALITY,
      ownersToFollowUp: [{ ...SAMPLE_DATA_QUALITY.ownersToFollowUp[0]!, name: '**Tom** [Hargreaves](https://evil.example)' }],
    };
    expect(ownerBlocks(buildDataQualityCard(view))[0]![0]).toBe('\\*\\*Tom\\*\\* \\[Hargreaves\\](https://evil.example)');
  });

  it('says the clean owners in both forms: "other" beside a list, "every" without one', () => {
    expect(ownerBlocks(cleanCard)).toEqual([]);
    expect(texts(cleanCard).at(-1)).toBe('Every owner had everything in on time and clean.');
    expect(texts(cleanCard).some((t) => t.includes('other owner'))).toBe(false);
    const one = buildDataQualityCard({ ...SAMPLE_DATA_QUALITY, ownersAllClean: 1 });
    expect(texts(one).at(-1)).toBe('1 other owner had everything in on time and clean.');
    const none = buildDataQualityCard({ ...SAMPLE_DATA_QUALITY, ownersAllClean: 0 });
    expect(texts(none).some((t) => t.includes('on time and clean'))).toBe(false);
    expect(tableRows(cleanCard).slice(1).map((r) => r[1]!.color)).toEqual(['Good', 'Good', 'Good']);
    expect(cleanCard.fallbackText).toBe('Data quality for July 2026: 48 of 48 (100.0%) in by the deadline; none missing; 0 estimates outstanding.');
  });

  it('opens the Data quality page when there is a link, and has no action without one', () => {
    expect(anyActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Open the Data quality page', url: SAMPLE_DATA_QUALITY_TAB_URL }]);
    expect(card.actions).toHaveLength(1);
    expect(anyActions(cleanCard)).toEqual([]);
    expect(cleanCard.actions).toBeUndefined();
    const url = new URL(SAMPLE_DATA_QUALITY_TAB_URL);
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'data-quality' });
  });

  it('keeps the samples far under the Teams limit', () => {
    for (const built of [card, cleanCard]) expect(cardSizeBytes(built)).toBeLessThan(CARD_SIZE_LIMIT_BYTES / 8);
  });
});

describe('data quality card, a large council', () => {
  const view = sampleDataQualityLarge();
  const large = buildDataQualityCard(view);
  const listed = ownerBlocks(large);

  it('is a large council: 12 directorates, 300 owners to follow up, too many to list in one card', () => {
    expect(view.byDirectorate).toHaveLength(12);
    expect(view.ownersToFollowUp).toHaveLength(300);
    const percents = view.ownersToFollowUp.map((o) => o.completenessPercent!);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('stays under the limit with every measure and directorate, the worst owners first and "… and N more" for the rest', () => {
    const bytes = cardSizeBytes(large);
    expect(bytes).toBeLessThanOrEqual(CARD_SIZE_LIMIT_BYTES);
    expect(elementsOfType(large, 'FactSet')[0]!.facts).toHaveLength(6);
    expect(tableRows(large)).toHaveLength(13);
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.length).toBeLessThan(300);
    expect(listed.map(([name]) => name)).toEqual(view.ownersToFollowUp.slice(0, listed.length).map((o) => o.name));
    const more = 300 - listed.length;
    const tail = texts(large).slice(-2);
    expect(tail).toEqual([
      `… and ${more} more owners to follow up: see the Data quality page.`,
      '142 other owners had everything in on time and clean.',
    ]);
    expect(large.actions).toHaveLength(1);
  });

  it('lists as many owners as fit: the next owner\'s block would take it over the limit', () => {
    const next = view.ownersToFollowUp[listed.length]!;
    const alone = buildDataQualityCard({ ...view, ownersToFollowUp: [next] });
    const block = elementsOfType(alone, 'Container')[0]!;
    expect(texts(block)[0]).toBe(next.name);
    // The block and its comma would be added; the "… and N more" count loses at most one digit.
    const grown = cardSizeBytes(large) + Buffer.byteLength(`${JSON.stringify(block)},`, 'utf8') - 1;
    expect(grown).toBeGreaterThan(CARD_SIZE_LIMIT_BYTES);
  });

  it('lists everyone when everyone fits', () => {
    const fewer = { ...view, ownersToFollowUp: view.ownersToFollowUp.slice(0, 50) };
    const built = buildDataQualityCard(fewer);
    expect(ownerBlocks(built)).toHaveLength(50);
    expect(texts(built).some((t) => t.includes('more owner'))).toBe(false);
  });

  it('still posts, cut short, when the view texts alone are tens of kilobytes', () => {
    const huge = 'x'.repeat(90_000);
    const built = buildDataQualityCard({ ...view, windowText: huge });
    expect(cardSizeBytes(built)).toBeLessThanOrEqual(CARD_SIZE_LIMIT_BYTES);
    expect(ownerBlocks(built)).toEqual([]);
    expect(texts(built)).toContain('All 300 owners to follow up: see the Data quality page.');
  });
});
