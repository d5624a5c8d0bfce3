import { buildJobProgressCard, cardSizeBytes, CARD_SIZE_LIMIT_BYTES, JOB_STATE_ID } from '../../../src/cards';
import { textBar } from '../../../src/cards/job-progress-card';
import {
  SAMPLE_JOB_CLOSE_DONE,
  SAMPLE_JOB_DONE,
  SAMPLE_JOB_FAILED,
  SAMPLE_JOB_QUEUED,
  SAMPLE_JOB_RECORDING,
  SAMPLE_JOB_SENDING,
} from '../../../src/cards/job-progress-samples';
import { anyActions, elementsOfType, inputs, textBlockContaining, texts, type Json } from './card-walk';

const stateOf = (card: Json) => elementsOfType(card, 'TextBlock').find((t) => t.id === JOB_STATE_ID)!;
/** The bar: the ColumnSet whose columns are empty coloured segments. */
const barOf = (card: Json) => elementsOfType(card, 'ColumnSet').find((s) => (s.columns as Json[]).every((c) => (c.items as unknown[]).length === 0));

describe('job progress card', () => {
  const recording = buildJobProgressCard(SAMPLE_JOB_RECORDING) as unknown as Json;

  it('is a 1.5 card headed with the step and month, then who asked, then the state', () => {
    expect(recording).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(texts(recording).slice(0, 3)).toEqual([
      'Open October 2026',
      'open 2026-10 · asked for by Priya Shah at 4 Nov 2026, 09:02',
      'Recording prompts: 400 of 2,000',
    ]);
    expect(stateOf(recording)).toMatchObject({ color: 'Accent', weight: 'Bolder' });
    expect(inputs(recording)).toEqual([]);
    expect(anyActions(recording)).toEqual([]);
  });

  it('draws the bar as coloured columns in proportion, and says the same in words under it', () => {
    const bar = barOf(recording)!;
    expect(bar.columns).toEqual([
      { type: 'Column', items: [], width: 16, style: 'good', minHeight: '12px', spacing: 'None' },
      { type: 'Column', items: [], width: 84, style: 'emphasis', minHeight: '12px', spacing: 'None' },
    ]);
    expect(textBlockContaining(recording, '16% · 331 of 2,000 sent').size).toBe('Small');
    const sending = barOf(buildJobProgressCard(SAMPLE_JOB_SENDING) as unknown as Json)!;
    expect((sending.columns as Json[]).map((c) => [c.style, c.width])).toEqual([['good', 72], ['attention', 1], ['emphasis', 27]]);
  });

  it('lists recorded, sent, failed, waiting and the time left', () => {
    const facts = elementsOfType(recording, 'FactSet')[0]!.facts;
    expect(facts).toEqual([
      { title: 'Prompts recorded', value: '400 of 2,000' },
      { title: 'Sent', value: '331' },
      { title: 'Failed or undeliverable', value: '0' },
      { title: 'Waiting to be sent', value: '69' },
      { title: 'Time left', value: 'about 36 s' },
    ]);
    expect(textBlockContaining(recording, 'updates itself every few seconds').isSubtle).toBe(true);
  });

  it('shows the outcome when done, in a good container, and a full bar', () => {
    const done = buildJobProgressCard(SAMPLE_JOB_DONE) as unknown as Json;
    expect(stateOf(done)).toMatchObject({ text: 'Done', color: 'Good' });
    const outcome = elementsOfType(done, 'Container').find((c) => c.style === 'good')!;
    expect((outcome.items as Json[]).map((t) => t.text)).toEqual(SAMPLE_JOB_DONE.outcome);
    expect((barOf(done)!.columns as Json[]).map((c) => c.style)).toEqual(['good', 'attention']);
  });

  it('shows a step that sends nothing (close) without bar or counts, and its outcome', () => {
    const close = buildJobProgressCard(SAMPLE_JOB_CLOSE_DONE) as unknown as Json;
    expect(barOf(close)).toBeUndefined();
    expect(elementsOfType(close, 'FactSet')).toEqual([]);
    expect(texts(close)).toContain('Closed 2026-10; missing: CUS04 2026-10, FIN01 2026-10.');
  });

  it('shows a failure in an attention container, and a queued job with no bar', () => {
    const failed = buildJobProgressCard(SAMPLE_JOB_FAILED) as unknown as Json;
    expect(stateOf(failed)).toMatchObject({ text: 'Stopped by an error', color: 'Attention' });
    expect(elementsOfType(failed, 'Container').find((c) => c.style === 'attention')).toBeDefined();
    const queued = buildJobProgressCard(SAMPLE_JOB_QUEUED) as unknown as Json;
    expect(texts(queued)).toContain('Starting…');
    expect(barOf(queued)).toBeUndefined();
  });

  it('has a fallbackText with the state, a text bar, the counts and the outcome without Markdown', () => {
    expect(buildJobProgressCard(SAMPLE_JOB_RECORDING).fallbackText).toBe(
      'Open October 2026: Recording prompts: 400 of 2,000. [###-----------------] 16% · 331 of 2,000 sent. ' +
        'Prompts recorded: 400 of 2,000; Sent: 331; Failed or undeliverable: 0; Waiting to be sent: 69; Time left: about 36 s.',
    );
    const done = buildJobProgressCard(SAMPLE_JOB_DONE).fallbackText;
    expect(done).toMatch(/^Open October 2026: Done\. \[#{20}\] 100% · 1,997 of 2,000 sent, 3 failed\./);
    expect(done).toContain('open 2026-10 (2026-10, 2026/27 Q3): 2000 messages queued');
    expect(done).not.toContain('**');
  });

  it('draws the text bar in twentieths', () => {
    expect(textBar({ sent: 0, failed: 0 })).toBe(`[${'-'.repeat(20)}]`);
    expect(textBar({ sent: 48, failed: 2 })).toBe(`[${'#'.repeat(10)}${'-'.repeat(10)}]`);
    expect(textBar({ sent: 99, failed: 1 })).toBe(`[${'#'.repeat(20)}]`);
  });

  it('stays small: a few kilobytes, far under the budget, in every state', () => {
    for (const view of [SAMPLE_JOB_QUEUED, SAMPLE_JOB_RECORDING, SAMPLE_JOB_SENDING, SAMPLE_JOB_DONE, SAMPLE_JOB_CLOSE_DONE, SAMPLE_JOB_FAILED]) {
      expect(cardSizeBytes(buildJobProgressCard(view))).toBeLessThan(4_000);
    }
    // Fifty people named as unreachable and the rest counted (outcome-text.ts) still fit easily.
    const many = { ...SAMPLE_JOB_DONE, outcome: [SAMPLE_JOB_DONE.outcome[0]!, `Not reachable: ${Array.from({ length: 50 }, (_, i) => `Person Number ${i}`).join(', ')} and 950 more.`] };
    expect(cardSizeBytes(buildJobProgressCard(many))).toBeLessThan(CARD_SIZE_LIMIT_BYTES / 10);
  });
});
