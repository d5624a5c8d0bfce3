import { BOARD_VERBS, buildThreadCard, CARD_SIZE_LIMIT_BYTES, cardSizeBytes } from '../../../src/cards';
import { SAMPLE_TEAMS_IDS, SAMPLE_THREAD_AMBER, SAMPLE_THREAD_RED } from '../../../src/cards/board/board-samples';
import { actions, anyActions, elementsOfType, inputs, textBlockContaining, texts, type Json } from './card-walk';

const red = buildThreadCard(SAMPLE_THREAD_RED);
const amber = buildThreadCard(SAMPLE_THREAD_AMBER);
/** The fallback lists use no-break spaces inside each period; compare with plain ones. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('thread card', () => {
  it('is headed by the indicator, its status in the status colour and the period', () => {
    expect(texts(red).slice(0, 3)).toEqual([
      'SRV01 · Days to process new Housing Benefit and Council Tax Support claims',
      'Red: 24.6 days is 23% worse than target',
      'October 2026',
    ]);
    expect(textBlockContaining(red, 'Red: 24.6 days').color).toBe('Attention');
    expect(textBlockContaining(amber, 'Amber: 5.4%').color).toBe('Warning');
  });

  it('gives value, target, tolerance and trend as facts', () => {
    expect(elementsOfType(red, 'FactSet')[0]!.facts).toEqual([
      { title: 'Value', value: '24.6 days' },
      { title: 'Target', value: '20.0 days (lower is better)' },
      { title: 'Tolerance', value: 'Amber within 10% of target (up to 22.0 days)' },
      { title: 'Trend', value: '▼ Worsened' },
    ]);
    const flat = buildThreadCard({ ...SAMPLE_THREAD_RED, trend: 'NOT_COMPARABLE' });
    expect((elementsOfType(flat, 'FactSet')[0]!.facts as Json[])[3]).toEqual({ title: 'Trend', value: 'Not comparable with the last period' });
  });

  it('charts the last 12 periods as bars (the gap left out, this period in the status colour), with the values as text for clients without charts', () => {
    const [chart] = elementsOfType(red, 'Chart.VerticalBar');
    expect(chart).toMatchObject({ title: 'Last 12 periods' });
    const data = chart!.data as Json[];
    expect(data).toHaveLength(11); // May 26 has no value
    expect(data[0]).toEqual({ x: 'Nov 25', y: 18.9, color: 'neutral' });
    expect(data[data.length - 1]).toEqual({ x: 'Oct 26', y: 24.6, color: 'attention' });
    expect((elementsOfType(amber, 'Chart.VerticalBar')[0]!.data as Json[]).at(-1)).toMatchObject({ color: 'warning' });
    const fallback = chart!.fallback as Json;
    expect(fallback.type).toBe('TextBlock');
    expect(plain(String(fallback.text))).toBe(
      'Last 12 periods: ' + SAMPLE_THREAD_RED.history.map((p) => `${p.label} ${p.valueText}`).join(' · '),
    );
    expect(plain(String(fallback.text))).toContain('May 26 no value');
  });

  it('has only the text when no period has a value, and nothing without history', () => {
    const none = buildThreadCard({ ...SAMPLE_THREAD_RED, history: SAMPLE_THREAD_RED.history.map((p) => ({ ...p, value: null, valueText: 'no value' })) });
    expect(elementsOfType(none, 'Chart.VerticalBar')).toEqual([]);
    expect(texts(none).some((t) => plain(t).startsWith('Last 12 periods: Nov 25 no value · Dec 25 no value'))).toBe(true);
    const empty = buildThreadCard({ ...SAMPLE_THREAD_RED, history: [] });
    expect(texts(empty).some((t) => t.startsWith('Last '))).toBe(false);
  });

  it("shows the owner's narrative when given", () => {
    const n = SAMPLE_THREAD_RED.narrative!;
    expect(texts(red)).toEqual(
      expect.arrayContaining([
        'Narrative from Gareth Lewis, 4 Nov 2026 10:12',
        n.remedialAction,
        'Likely to be enough: Not sure · Expected to recover by: January 2027',
      ]),
    );
    expect(texts(amber).some((t) => t.startsWith('Narrative from'))).toBe(false);
  });

  it('@mentions an owner with a Teams id: the entity, and its text in a TextBlock', () => {
    expect(red.msteams).toEqual({
      width: 'Full',
      entities: [{ type: 'mention', text: '<at>Gareth Lewis</at>', mentioned: { id: SAMPLE_TEAMS_IDS.gareth, name: 'Gareth Lewis' } }],
    });
    expect(textBlockContaining(red, '<at>Gareth Lewis</at>').text).toBe(
      '<at>Gareth Lewis</at>, please reply here with progress on the remedial action.',
    );
    const noNarrative = buildThreadCard({ ...SAMPLE_THREAD_RED, narrative: null });
    expect(texts(noNarrative)).toContain('<at>Gareth Lewis</at>, please add the remedial action in this thread: reply here.');
  });

  it('names an owner without a Teams id in bold, with no mention entity and no <at> tags', () => {
    expect(amber.msteams).toEqual({ width: 'Full' });
    expect(JSON.stringify(amber)).not.toContain('<at>');
    const [rich] = elementsOfType(amber, 'RichTextBlock');
    expect(rich!.inlines).toEqual([
      { type: 'TextRun', text: 'Rachel Moore', weight: 'Bolder' },
      { type: 'TextRun', text: ', please add the remedial action in this thread: reply here.' },
    ]);
  });

  it('says where the plan stands, when there is a plan state', () => {
    expect(texts(red)).toContain('Plan: none');
    expect(texts(buildThreadCard({ ...SAMPLE_THREAD_RED, planState: 'SENT_BACK' }))).toContain('Plan: sent back');
    expect(texts(amber).some((t) => t.startsWith('Plan:'))).toBe(false);
  });

  it('offers "Ask for an action plan" only when the viewer can ask, with indicator and period', () => {
    const asks = actions(amber);
    expect(asks).toHaveLength(1);
    const data = { verb: BOARD_VERBS.requestPlan, indicatorId: 'ind-cus04', period: '2026-10' };
    expect(asks[0]).toMatchObject({ type: 'Action.Execute', title: 'Ask for an action plan', verb: 'plan.request', data });
    expect(asks[0]!.fallback).toEqual({ type: 'Action.Submit', title: 'Ask for an action plan', data });
    expect(anyActions(red)).toEqual([]);
    expect(inputs(red)).toEqual([]);
    expect(inputs(amber)).toEqual([]);
  });

  it('has a fallbackText with the status and what is asked of the owner', () => {
    expect(red.fallbackText).toBe(
      'SRV01 Days to process new Housing Benefit and Council Tax Support claims: Red: 24.6 days is 23% worse than target (October 2026). '
        + 'A signal: Special cause of concern: 7 points in a row above the average. Gareth Lewis, please reply here with progress on the remedial action.',
    );
    // Whether the figure is a signal (#17) is said beside the status, and left out where not analysed.
    expect(texts(red)).toContain('A signal: Special cause of concern: 7 points in a row above the average');
    expect(texts(buildThreadCard({ ...SAMPLE_THREAD_RED, variationText: null })).some((t) => t.includes('signal'))).toBe(false);
    expect(amber.fallbackText).toContain('Rachel Moore, please add the remedial action in this thread');
  });

  it(`is small: well under ${CARD_SIZE_LIMIT_BYTES} bytes`, () => {
    expect(cardSizeBytes(red)).toBeLessThan(8 * 1024);
    expect(cardSizeBytes(amber)).toBeLessThan(8 * 1024);
  });
});
