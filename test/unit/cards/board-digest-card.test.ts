import {
  buildDigestCard,
  CARD_SIZE_LIMIT_BYTES,
  cardSizeBytes,
  DIGEST_LIST_LIMITS,
  type AdaptiveCard,
  type DigestCardView,
  type DigestGroupView,
} from '../../../src/cards';
import { SAMPLE_DIGEST, SAMPLE_DIGEST_QUARTER_END, sampleDigestForRegister } from '../../../src/cards/board/board-samples';
import { anyActions, elementsOfType, inputs, textBlockContaining, texts, visits, type Json } from './card-walk';

const card = buildDigestCard(SAMPLE_DIGEST);

/** The texts of the counts-table row whose first cell is `name`. */
function row(c: AdaptiveCard | Json, name: string): string[] {
  const rows = elementsOfType(c, 'ColumnSet').filter((cs) => texts(cs)[0] === name);
  if (rows.length !== 1) throw new Error(`Expected one row "${name}", found ${rows.length}`);
  return texts(rows[0]!);
}

/** The tile (Column) whose second line is the status word. */
function tile(c: AdaptiveCard | Json, label: string): Json {
  const found = elementsOfType(c, 'Column').filter((col) => texts(col)[1] === label);
  if (found.length !== 1) throw new Error(`Expected one tile "${label}", found ${found.length}`);
  return found[0]!;
}

const titleLine = (a: { code: string; title: string }) => `${a.code} · ${a.title}`;

describe('digest card, the demo register', () => {
  it('is a full-width 1.5 card with a heading naming the period, the coverage and the number of indicators', () => {
    expect(card.version).toBe('1.5');
    expect(card.msteams).toEqual({ width: 'Full' });
    expect(texts(card)[0]).toBe('Performance Board digest: October 2026');
    expect(texts(card)[1]).toBe('Covers October 2026 and Q2 2026/27 · 20 indicators');
  });

  it('has a plain fallbackText with every count and its change since the last period', () => {
    expect(card.fallbackText).toBe(
      'Performance Board digest for October 2026 (October 2026 and Q2 2026/27): 20 indicators. ' +
        'Green 11 (−1 since September 2026), Amber 3 (−1 since September 2026), Red 3 (+1 since September 2026), ' +
        'Data only 1 (no change since September 2026), Missing 1 (+1 since September 2026), Due 1 (no change since September 2026).',
    );
  });

  it('shows a tile per status: the count in the status colour, the word, and the change', () => {
    expect(texts(tile(card, 'Green'))).toEqual(['11', 'Green', '−1']);
    expect(texts(tile(card, 'Amber'))).toEqual(['3', 'Amber', '−1']);
    expect(texts(tile(card, 'Red'))).toEqual(['3', 'Red', '+1']);
    expect(texts(tile(card, 'Data only'))).toEqual(['1', 'Data only', 'no change']);
    expect(texts(tile(card, 'Missing'))).toEqual(['1', 'Missing', '+1']);
    expect(texts(tile(card, 'Due'))).toEqual(['1', 'Due', 'no change']);
    expect(textBlockContaining(tile(card, 'Red'), '3').color).toBe('Attention');
    expect(textBlockContaining(tile(card, 'Green'), '11').color).toBe('Good');
    expect(texts(card)).toContain('Change since September 2026 under each count.');
  });

  it('has a donut of the non-zero counts, in status colours, falling back to the shares as text', () => {
    const donuts = elementsOfType(card, 'Chart.Donut');
    expect(donuts).toHaveLength(1);
    expect(donuts[0]!.data).toEqual([
      { legend: 'Green 11', value: 11, color: 'good' },
      { legend: 'Amber 3', value: 3, color: 'warning' },
      { legend: 'Red 3', value: 3, color: 'attention' },
      { legend: 'Data only 1', value: 1, color: 'neutral' },
      { legend: 'Missing 1', value: 1, color: 'categoricalPurple' },
      { legend: 'Due 1', value: 1, color: 'categoricalBlue' },
    ]);
    expect(donuts[0]!.fallback).toMatchObject({
      type: 'TextBlock',
      text: 'Share of 20 indicators: 55% green · 15% amber · 15% red · 5% data only · 5% missing · 5% due',
    });
  });

  it('has the counts by scorecard lens and by directorate, a row each, in the order of the tiles', () => {
    expect(row(card, 'Lens')).toEqual(['Lens', 'Green', 'Amber', 'Red', 'Data only', 'Missing', 'Due']);
    expect(row(card, 'Finance')).toEqual(['Finance', '1', '1', '0', '0', '1', '0']);
    expect(row(card, 'Services')).toEqual(['Services', '3', '1', '2', '1', '0', '0']);
    expect(row(card, 'Directorate')[0]).toBe('Directorate');
    expect(row(card, 'Place and Environment')).toEqual(['Place and Environment', '5', '1', '1', '0', '0', '1']);
    for (const g of [...SAMPLE_DIGEST.byLens, ...SAMPLE_DIGEST.byDirectorate]) expect(() => row(card, g.name)).not.toThrow();
    // Reds in a table stand out in the red colour.
    const services = elementsOfType(card, 'ColumnSet').find((cs) => texts(cs)[0] === 'Services')!;
    expect(textBlockContaining(services, '2').color).toBe('Attention');
  });

  it('lists the reds and the ambers with owner, value against target, trend, change and plan state', () => {
    const all = texts(card);
    expect(all).toContain('Red (3)');
    expect(all).toContain('Amber (3)');
    expect(all.indexOf('Red (3)')).toBeLessThan(all.indexOf(titleLine(SAMPLE_DIGEST.attention[0]!)));
    for (const a of SAMPLE_DIGEST.attention) expect(all).toContain(titleLine(a));
    expect(all).toContain('Tom Hargreaves · 0.05% against 0.03% · ▼ Worsened (0.02 points worse than Sep 2026) · was Amber in Sep 2026 · Plan: none');
    expect(all).toContain('Gareth Lewis · 24.6 days against 20.0 days · ▼ Worsened (2.7 days worse than Sep 2026) · Plan: submitted · narrative owed');
    expect(all).toContain('James Patel · 52.0% against 60.0% (Q2 2026/27) · ▼ Worsened (6.0 points worse than Q1 2026/27) · was Amber in Q1 2026/27 · Plan: approved');
    // Ambers say where a plan stands only once one is asked for.
    expect(all).toContain('Rachel Moore · 5.4% against 5.0% · ▲ Improved (0.9 points better than Sep 2026) · was Red in Sep 2026');
    expect(all).toContain('Daniel Okafor · 61.0% against 65.0% (Q2 2026/27) · ▼ Worsened (6.0 points worse than Q1 2026/27) · was Green in Q1 2026/27 · Plan: requested');
    expect(textBlockContaining(card, 'Red (3)').color).toBe('Attention');
  });

  it('marks a narrative owed only where one is, and shows which period a late-by-design figure is for', () => {
    const lagged = { ...SAMPLE_DIGEST.attention[1]!, valueAgainstTarget: '50.1% against 52.5% (figure for Q1 2026/27, reported a quarter late)', narrativeOwed: false };
    const all = texts(buildDigestCard({ ...SAMPLE_DIGEST, attention: [lagged] }));
    expect(all).toContain('Gareth Lewis · 50.1% against 52.5% (figure for Q1 2026/27, reported a quarter late) · ▼ Worsened (2.7 days worse than Sep 2026) · Plan: submitted');
    expect(all.some((t) => t.includes('narrative owed'))).toBe(false);
  });

  it('says "Plan: none" for a red whose plan state is not given', () => {
    const view: DigestCardView = { ...SAMPLE_DIGEST, attention: [{ ...SAMPLE_DIGEST.attention[0]!, planState: null }] };
    expect(texts(buildDigestCard(view)).some((t) => t.endsWith('· Plan: none'))).toBe(true);
  });

  it('celebrates success, and lists what is missing and the overdue actions', () => {
    const all = texts(card);
    expect(all).toContain('Celebrating success');
    expect(all).toContain('CUS02 · Average contact-centre wait');
    expect(all).toContain('Rachel Moore · Amber to Green · 4.6 minutes to 4.1 minutes (Q1 to Q2 2026/27)');
    expect(all).toContain('Still missing (1)');
    expect(all).toContain('FIN03 · Undisputed invoices paid within 30 days — Olivia Bennett');
    expect(all).toContain('Overdue actions (1)');
    expect(all.some((t) => t.startsWith('SRV07: Hold a weekly case review') && t.endsWith('lead James Patel, due 31 Oct 2026, 23 days overdue'))).toBe(true);
    expect(all[all.length - 1]).toBe(SAMPLE_DIGEST.footnote);
  });

  it('shows everything when it fits: no "and n more"', () => {
    expect(texts(card).some((t) => / more: see the Scorecard tab/.test(t))).toBe(false);
    expect(texts(card).some((t) => t.startsWith('Other '))).toBe(false);
  });

  it('is read-only: no inputs, no actions', () => {
    expect(inputs(card)).toEqual([]);
    expect(anyActions(card)).toEqual([]);
    expect(card).not.toHaveProperty('actions');
  });

  it('leaves out the changes without a previous period', () => {
    const first = buildDigestCard({ ...SAMPLE_DIGEST, previousTotals: null, previousPeriodLabel: null });
    expect(texts(tile(first, 'Red'))).toEqual(['3', 'Red']);
    expect(texts(first).some((t) => t.startsWith('Change since'))).toBe(false);
    expect(first.fallbackText).not.toContain('since');
    expect(first.fallbackText).toContain('Red 3, Data only 1');
  });

  it('has a signals section: new special causes of concern and of improvement, each with its reason in words and its RAG', () => {
    const all = texts(card);
    const at = all.indexOf('Signals: new special causes');
    expect(at).toBeGreaterThan(-1);
    expect(all.slice(at, at + 10)).toEqual([
      'Signals: new special causes',
      expect.stringMatching(/^18 of 20 indicators had enough history to analyse\. A special cause is a change/),
      'Of concern (2)',
      `SRV01 · ${SAMPLE_DIGEST.signals!.concern[0]!.title}`,
      'Special cause of concern: 7 points in a row above the average · Red',
      `CUS04 · ${SAMPLE_DIGEST.signals!.concern[1]!.title}`,
      'Special cause of concern: 6 points in a row, each higher than the one before · Amber',
      'Of improvement (1)',
      `ENV03 · ${SAMPLE_DIGEST.signals!.improvement[0]!.title}`,
      'Special cause of improvement: below the lower process limit · Red',
    ]);
    expect(all[at + 10]).toBe('Still signalling: SRV02 (improvement).');
    const quiet = texts(buildDigestCard({ ...SAMPLE_DIGEST, signals: { concern: [], improvement: [], continuing: [], analysedText: '18 of 20 indicators had enough history to analyse' } }));
    expect(quiet).toContain('No new signals this period.');
    expect(quiet.some((t) => t.startsWith('Still signalling'))).toBe(false);
    expect(quiet).not.toContain('Of concern (0)');
    // A digest from before #17's snapshot has no section at all.
    expect(texts(buildDigestCard({ ...SAMPLE_DIGEST, signals: undefined }))).not.toContain('Signals: new special causes');
  });

  it('counts figures awaiting verification in a column of their own only when the council holds some back', () => {
    expect(texts(card)).not.toContain('Awaiting verification');
    expect(card.fallbackText).not.toContain('Awaiting verification');
    const held = buildDigestCard({
      ...SAMPLE_DIGEST,
      totals: { ...SAMPLE_DIGEST.totals, awaiting: 2 },
      byLens: SAMPLE_DIGEST.byLens.map((g, i) => ({ ...g, counts: { ...g.counts, awaiting: i === 0 ? 2 : 0 } })),
    });
    expect(texts(tile(held, 'Awaiting verification'))).toEqual(['2', 'Awaiting verification', expect.any(String)]);
    expect(held.fallbackText).toContain('Awaiting verification 2');
    // The lens table gains the column: its header and a count in each row.
    expect(texts(held).filter((t) => t === 'Awaiting verification').length).toBeGreaterThanOrEqual(2);
  });

  it('says so when a list is empty, and draws no donut for an empty register', () => {
    const empty = buildDigestCard({
      ...SAMPLE_DIGEST,
      totals: { green: 0, amber: 0, red: 0, dataOnly: 0, missing: 0, due: 0, awaiting: 0 },
      byLens: [],
      byDirectorate: [],
      attention: [],
      improvements: [],
      missing: [],
      overdueActions: [],
    });
    expect(texts(empty)).toEqual(
      expect.arrayContaining(['No reds this period.', 'No ambers this period.', 'Nothing is missing. Thank you.', 'No action in a plan is overdue.']),
    );
    expect(texts(empty)).not.toContain('Celebrating success');
    expect(elementsOfType(empty, 'Chart.Donut')).toEqual([]);
    expect(texts(empty)).not.toContain('By directorate');
  });

  it(`is under ${CARD_SIZE_LIMIT_BYTES} bytes`, () => {
    expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
  });
});

describe.each([1000, 5000])('digest card, a register of %i indicators', (n) => {
  const view = sampleDigestForRegister(n);
  const big = buildDigestCard(view);
  const bytes = cardSizeBytes(big);
  const reds = view.attention.filter((a) => a.status === 'RED');
  const ambers = view.attention.filter((a) => a.status === 'AMBER');
  const shownReds = reds.filter((a) => texts(big).includes(titleLine(a)));

  it('the sample is a big, bad month: about 30% red or amber, many missing, 40 directorates', () => {
    const total = Object.values(view.totals).reduce((s, x) => s + x, 0);
    expect(total).toBe(n);
    expect(view.attention.length / n).toBeGreaterThan(0.25);
    expect(view.missing.length / n).toBeGreaterThan(0.15);
    expect(view.byDirectorate).toHaveLength(40);
    expect(Math.max(...view.attention.map((a) => a.title.length))).toBeGreaterThanOrEqual(85);
  });

  it(`stays under ${CARD_SIZE_LIMIT_BYTES} bytes (${n} indicators)`, () => {
    expect(bytes).toBeLessThanOrEqual(CARD_SIZE_LIMIT_BYTES);
  });

  it('still shows the totals in full, and the first reds in order', () => {
    expect(texts(tile(big, 'Red'))[0]).toBe(view.totals.red.toLocaleString('en-GB'));
    expect(texts(tile(big, 'Missing'))[0]).toBe(view.totals.missing.toLocaleString('en-GB'));
    expect(texts(big)[1]).toBe(`Covers October 2026 and Q2 2026/27 · ${n.toLocaleString('en-GB')} indicators`);
    expect(shownReds.length).toBeGreaterThan(10);
    expect(shownReds).toEqual(reds.slice(0, shownReds.length));
  });

  it('says how many more reds, ambers, missing and overdue actions there are, and where to see them', () => {
    const all = texts(big);
    expect(all).toContain(`and ${(reds.length - shownReds.length).toLocaleString('en-GB')} more: see the Scorecard tab.`);
    const shownAmbers = ambers.filter((a) => all.includes(titleLine(a))).length;
    expect(all).toContain(`and ${(ambers.length - shownAmbers).toLocaleString('en-GB')} more: see the Scorecard tab.`);
    expect(all.filter((t) => /^and [\d,]+ more: see the Scorecard tab\.$/.test(t)).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps the directorates with the most reds and adds up the rest into one row', () => {
    const others = view.byDirectorate.length - DIGEST_LIST_LIMITS.groups;
    const otherRow = row(big, `Other ${others} directorates`);
    const shown = view.byDirectorate.filter((g) => texts(big).includes(g.name));
    expect(shown).toHaveLength(DIGEST_LIST_LIMITS.groups);
    const sum = (k: keyof DigestGroupView['counts'], gs: readonly DigestGroupView[]) => gs.reduce((s, g) => s + g.counts[k], 0);
    expect(Number(otherRow[3]!.replace(/,/g, ''))).toBe(view.totals.red - sum('red', shown));
    // No directorate left out has more reds than one kept.
    const leftOut = view.byDirectorate.filter((g) => !shown.includes(g));
    expect(Math.max(...leftOut.map((g) => g.counts.red))).toBeLessThanOrEqual(Math.min(...shown.map((g) => g.counts.red)));
  });
});

describe('digest card at a quarter end', () => {
  const quarterEnd = buildDigestCard(SAMPLE_DIGEST_QUARTER_END);

  it('shows each indicator\'s quarter and year-to-date figures after the successes, by code', () => {
    const all = texts(quarterEnd);
    expect(all).toContain('Q2 2026/27 and year to date');
    expect(all.indexOf('Celebrating success')).toBeLessThan(all.indexOf('Q2 2026/27 and year to date'));
    const first = SAMPLE_DIGEST_QUARTER_END.quarter!.figures[0]!;
    expect(all).toContain(`${first.code} · ${first.title} — Q2 2026/27: 5.6% against 5.0% · year to date: 5.3% against 5.0%`);
    expect(all.some((t) => t.includes('year to date: 21.1 days against 20.0 days (not every period in)'))).toBe(true);
  });

  it('has no quarter section in other months', () => {
    expect(texts(card).some((t) => t.endsWith('and year to date'))).toBe(false);
  });

  it('says "no figure" for a missing quarter or year to date', () => {
    const view: DigestCardView = {
      ...SAMPLE_DIGEST_QUARTER_END,
      quarter: { quarterLabel: 'Q2 2026/27', figures: [{ code: 'X01', title: 'New', quarterText: null, yearToDateText: '4' }] },
    };
    expect(texts(buildDigestCard(view))).toContain('X01 · New — Q2 2026/27: no figure · year to date: 4');
  });

  it(`stays under ${CARD_SIZE_LIMIT_BYTES} bytes for 5000 indicators, pointing to the tab for the rest`, () => {
    const big = sampleDigestForRegister(5000);
    const figures = big.attention.map((a) => ({ code: a.code, title: a.title, quarterText: '22.0 days against 20.0 days', yearToDateText: '21.1 days against 20.0 days' }));
    const built = buildDigestCard({ ...big, quarter: { quarterLabel: 'Q2 2026/27', figures } });
    expect(cardSizeBytes(built)).toBeLessThanOrEqual(CARD_SIZE_LIMIT_BYTES);
    expect(texts(built)).toContain('Q2 2026/27 and year to date');
    expect(texts(built).some((t) => /^and [\d,]+ more: see the Scorecard tab\.$/.test(t))).toBe(true);
  });
});

describe('digest card, summarising to fit', () => {
  // Titles of 600 characters: even the capped lists are far over the limit.
  const base = sampleDigestForRegister(1000);
  const long = (t: string) => `${t} — ${'with a long qualifying description of the measure, its source and its scope '.repeat(7)}`.slice(0, 600);
  const wordy: DigestCardView = {
    ...base,
    attention: base.attention.map((a) => ({ ...a, title: long(a.title) })),
    missing: base.missing.map((m) => ({ ...m, title: long(m.title) })),
    byDirectorate: Array.from({ length: 60 }, (_, i) => ({ name: `Directorate ${i + 1}`, counts: base.byDirectorate[i % 40]!.counts })),
  };
  const fitted = buildDigestCard(wordy);
  const bytes = cardSizeBytes(fitted);
  const reds = wordy.attention.filter((a) => a.status === 'RED');
  const shownReds = reds.filter((a) => texts(fitted).includes(titleLine(a))).length;

  it(`shortens the lists together until the card fits under ${CARD_SIZE_LIMIT_BYTES} bytes, without wasting the room`, () => {
    expect(bytes).toBeLessThanOrEqual(CARD_SIZE_LIMIT_BYTES);
    // The fullest card that fits: within a few items of the limit.
    expect(bytes).toBeGreaterThan(CARD_SIZE_LIMIT_BYTES - 8 * 1024);
    expect(shownReds).toBeGreaterThan(0);
    expect(shownReds).toBeLessThan(DIGEST_LIST_LIMITS.reds);
    expect(texts(fitted)).toContain(`and ${(reds.length - shownReds).toLocaleString('en-GB')} more: see the Scorecard tab.`);
    expect(texts(fitted)).toContain(titleLine(reds[0]!));
  });

  it('collapses 60 directorates to the top rows and "Other n directorates"', () => {
    expect(texts(fitted).some((t) => /^Other \d+ directorates$/.test(t))).toBe(true);
  });

  it('never throws for size: absurd texts are cut and the counts still go out', () => {
    const absurd: DigestCardView = { ...wordy, footnote: 'x'.repeat(200_000), coverageText: 'y'.repeat(100_000) };
    const c = buildDigestCard(absurd);
    expect(cardSizeBytes(c)).toBeLessThanOrEqual(CARD_SIZE_LIMIT_BYTES);
    expect(texts(tile(c, 'Red'))[0]).toBe(wordy.totals.red.toLocaleString('en-GB'));
    expect(c.fallbackText).toContain('Red ');
  });

  it('keeps every chart with a fallback element', () => {
    for (const v of visits(fitted).filter((x) => String(x.node.type).startsWith('Chart.'))) {
      expect((v.node.fallback as Json).type).toBe('TextBlock');
    }
  });
});
