import {
  buildEntryCard,
  CARD_SIZE_LIMIT_BYTES,
  cardSizeBytes,
  inputIds,
  VERBS,
  type EntryCardView,
  type EntryRowView,
} from '../../../src/cards';
import {
  SAMPLE_ENTRY_CLOSED,
  SAMPLE_ENTRY_OPEN,
  SAMPLE_ENTRY_UNUSUAL,
  SAMPLE_ROW_AMBER,
  SAMPLE_ROW_EMPTY,
  SAMPLE_ROW_ERROR,
  SAMPLE_ROW_GREEN,
  SAMPLE_ROW_RED,
  SAMPLE_USER_ID,
  sampleEntryViewWithRows,
} from '../../../src/cards/samples';
import {
  actions,
  anyActions,
  containerHolding,
  elementsOfType,
  inputById,
  inputs,
  nextSibling,
  textBlockContaining,
  texts,
  type Json,
} from './card-walk';

const open = buildEntryCard(SAMPLE_ENTRY_OPEN);
const closed = buildEntryCard(SAMPLE_ENTRY_CLOSED);

describe('entry card, open', () => {
  it('is an Adaptive Card 1.5 with $schema, full width and a fallbackText naming the period and progress', () => {
    expect(open.type).toBe('AdaptiveCard');
    expect(open.version).toBe('1.5');
    expect(open.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(open.msteams).toEqual({ width: 'Full' });
    expect(open.fallbackText).toBe(
      'Performance figures for October 2026: 3 of 6 submitted. Due by Friday 20 November 2026, 17:00. Open this card in Teams to submit.',
    );
  });

  it('has the header: period, person, progress, deadline and banner', () => {
    const all = texts(open);
    expect(all[0]).toBe('Performance figures for October 2026');
    expect(all).toContain('Gareth Lewis · 3 of 6 submitted');
    expect(all).toContain('Due by Friday 20 November 2026, 17:00');
    const banner = textBlockContaining(open, 'Nothing was stored for FIN01');
    expect(banner.color).toBe('Attention');
    const bannerBox = elementsOfType(open, 'Container').find((c) => (c.items as Json[]).includes(banner));
    expect(bannerBox?.style).toBe('attention');
  });

  it('has a number input per row with the row id, limits, label and placeholder', () => {
    const srv01 = inputById(open, inputIds.value('ind-srv01'));
    expect(srv01).toMatchObject({ type: 'Input.Number', value: 22.4, min: 0, max: 365, label: 'SRV01 value (days)', placeholder: 'Value in days' });
    expect(srv01).not.toHaveProperty('errorMessage');

    const dataOnly = inputById(open, inputIds.value('ind-srv06'));
    expect(dataOnly.min).toBe(0);
    expect(dataOnly).not.toHaveProperty('max'); // max is null in the view
    expect(dataOnly.placeholder).toBe('Value');

    const empty = inputById(open, inputIds.value(SAMPLE_ROW_EMPTY.indicatorId));
    expect(empty).not.toHaveProperty('value');
    expect(empty.placeholder).toBe('Value in %');
  });

  it('has an optional single-line note input per row, limited to 500 characters', () => {
    for (const row of SAMPLE_ENTRY_OPEN.rows) {
      const note = inputById(open, inputIds.note(row.indicatorId));
      expect(note).toMatchObject({ type: 'Input.Text', isMultiline: false, maxLength: 500 });
      if (row.note === '') expect(note).not.toHaveProperty('value');
      else expect(note.value).toBe(row.note);
    }
  });

  it('shows a refused value in place, right under its input, and as the input errorMessage', () => {
    const input = inputById(open, inputIds.value(SAMPLE_ROW_ERROR.indicatorId));
    expect(input.errorMessage).toBe(SAMPLE_ROW_ERROR.error);
    expect(input.value).toBe(164.2);
    const after = nextSibling(open, input);
    expect(after).toMatchObject({ type: 'TextBlock', color: 'Attention', wrap: true });
    expect(after?.text).toBe(`⚠ ${SAMPLE_ROW_ERROR.error}`);
    // Only the refused row shows an error under its input.
    for (const row of [SAMPLE_ROW_AMBER, SAMPLE_ROW_GREEN, SAMPLE_ROW_EMPTY]) {
      expect(nextSibling(open, inputById(open, inputIds.value(row.indicatorId)))).toBeUndefined();
    }
  });

  it('leaves the value out when the refused text is not a number, but still shows why', () => {
    const row: EntryRowView = { ...SAMPLE_ROW_EMPTY, inputValue: 'about 20', error: '"about 20" is not a number.' };
    const card = buildEntryCard({ ...SAMPLE_ENTRY_OPEN, rows: [row] });
    const input = inputById(card, inputIds.value(row.indicatorId));
    expect(input).not.toHaveProperty('value');
    expect(nextSibling(card, input)?.text).toBe('⚠ "about 20" is not a number.');
  });

  it.each([
    ['0', 0],
    ['-3.5', -3.5],
    ['.5', 0.5],
    [' 12 ', 12],
  ])('reads the input value %j as %p', (inputValue, value) => {
    const card = buildEntryCard({ ...SAMPLE_ENTRY_OPEN, rows: [{ ...SAMPLE_ROW_EMPTY, inputValue }] });
    expect(inputById(card, inputIds.value(SAMPLE_ROW_EMPTY.indicatorId)).value).toBe(value);
  });

  it.each(['', '12,5', '0x10', '1e3', 'Infinity'])('does not put %j in the number input', (inputValue) => {
    const card = buildEntryCard({ ...SAMPLE_ENTRY_OPEN, rows: [{ ...SAMPLE_ROW_EMPTY, inputValue }] });
    expect(inputById(card, inputIds.value(SAMPLE_ROW_EMPTY.indicatorId))).not.toHaveProperty('value');
  });

  it('shows saved values with the status word in the status colour, and who submitted them', () => {
    expect(textBlockContaining(open, 'Saved: 22.4 days — Amber: within tolerance').color).toBe('Warning');
    expect(textBlockContaining(open, 'Saved: 8.1 days — Green: on target').color).toBe('Good');
    expect(textBlockContaining(open, 'Saved: 0.05% — Red: outside tolerance').color).toBe('Attention');
    expect(texts(open)).toContain('Submitted by Gareth Lewis, 4 Nov 2026 10:12');
    expect(texts(open)).toContain('Submitted by Chloe Evans, 5 Nov 2026 09:40 (corrected, version 2)');
    expect(texts(open).filter((t) => t.startsWith('Saved: '))).toHaveLength(3);
  });

  it('adds the status word when the status text lacks it', () => {
    const row: EntryRowView = { ...SAMPLE_ROW_GREEN, saved: { ...SAMPLE_ROW_GREEN.saved!, statusText: 'on target' } };
    const card = buildEntryCard({ ...SAMPLE_ENTRY_OPEN, rows: [row] });
    expect(texts(card)).toContain('Saved: 8.1 days — Green: on target');
  });

  it('shows target, last value and trend in words for each row', () => {
    expect(texts(open)).toContain('Target 20.0 days (lower is better) · Last: 21.9 days (Sep 2026) · ▼ Worsened');
    expect(texts(open)).toContain('No target (data only) · Last: 68 (Sep 2026)');
    expect(texts(open)).toContain('SRV01 · Days to process new Housing Benefit and Council Tax Support claims');
  });

  it('has narrative inputs only for rows with a narrative', () => {
    const withNarrative = SAMPLE_ENTRY_OPEN.rows.filter((r) => r.narrative !== null).map((r) => r.indicatorId);
    expect(withNarrative).toEqual([SAMPLE_ROW_AMBER.indicatorId, SAMPLE_ROW_RED.indicatorId]);
    const narrativeIds = inputs(open)
      .map((i) => String(i.id))
      .filter((id) => /^(remedial|recover|recoveryPeriod):/.test(id))
      .sort();
    expect(narrativeIds).toEqual(
      withNarrative.flatMap((id) => [inputIds.remedialAction(id), inputIds.likelyToRecover(id), inputIds.recoveryPeriod(id)]).sort(),
    );
  });

  it('lays out the narrative form: remedial action, likely to recover, recovery period', () => {
    const id = SAMPLE_ROW_RED.indicatorId;
    expect(inputById(open, inputIds.remedialAction(id))).toMatchObject({
      type: 'Input.Text',
      isMultiline: true,
      maxLength: 2000,
      label: 'What remedial action is being taken?',
      value: SAMPLE_ROW_RED.narrative!.remedialAction,
    });
    const recover = inputById(open, inputIds.likelyToRecover(id));
    expect(recover).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', value: 'YES', label: 'Is it likely to be enough to recover?' });
    expect(recover.choices).toEqual([
      { title: 'Yes', value: 'YES' },
      { title: 'No', value: 'NO' },
      { title: 'Unsure', value: 'UNSURE' },
    ]);
    expect(inputById(open, inputIds.recoveryPeriod(id))).toMatchObject({
      type: 'Input.Text',
      label: 'Expected to recover by (month, e.g. 2027-01)',
      value: 'by Christmas',
    });
    // Nothing given yet for SRV01: no values in its inputs.
    const amber = SAMPLE_ROW_AMBER.indicatorId;
    expect(inputById(open, inputIds.remedialAction(amber))).not.toHaveProperty('value');
    expect(inputById(open, inputIds.likelyToRecover(amber))).not.toHaveProperty('value');
  });

  it('shows the narrative error and who gave the narrative inside the narrative form', () => {
    const form = containerHolding(open, inputIds.remedialAction(SAMPLE_ROW_RED.indicatorId));
    const formTexts = texts(form);
    expect(formTexts).toContain(`⚠ ${SAMPLE_ROW_RED.narrative!.error}`);
    expect(formTexts).toContain('Narrative given by Gareth Lewis, 4 Nov 2026 10:20');
    expect(textBlockContaining(form, SAMPLE_ROW_RED.narrative!.error!).color).toBe('Attention');
    // The narrative still owed is highlighted; the given one is not.
    expect(form.style).toBe('emphasis');
    expect(containerHolding(open, inputIds.remedialAction(SAMPLE_ROW_AMBER.indicatorId)).style).toBe('warning');
  });

  it('has a "Save narrative" Action.Execute per narrative, with period and indicator id, and a Submit fallback', () => {
    const saves = actions(open).filter((a) => a.verb === VERBS.submitNarrative);
    expect(saves.map((a) => a.title)).toEqual(['Save narrative for SRV01', 'Save narrative for ENV03']);
    for (const [i, row] of [SAMPLE_ROW_AMBER, SAMPLE_ROW_RED].entries()) {
      const data = { verb: 'entry.narrative', period: '2026-10', indicatorId: row.indicatorId };
      expect(saves[i]).toMatchObject({ type: 'Action.Execute', verb: 'entry.narrative', data });
      expect(saves[i]!.fallback).toEqual({ type: 'Action.Submit', title: saves[i]!.title, data });
      // The button sits in the form it saves.
      const form = containerHolding(open, inputIds.remedialAction(row.indicatorId));
      expect(actions(form)).toEqual([saves[i]]);
    }
  });

  it('has one card action, "Submit values", with the period and a Submit fallback', () => {
    expect(open.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Submit values',
        verb: 'entry.submit',
        style: 'positive',
        data: { verb: 'entry.submit', period: '2026-10' },
        fallback: { type: 'Action.Submit', title: 'Submit values', style: 'positive', data: { verb: 'entry.submit', period: '2026-10' } },
      },
    ]);
  });

  it('gives every Action.Execute an Action.Submit fallback carrying the same verb and data', () => {
    const executes = actions(open).filter((a) => a.type === 'Action.Execute');
    expect(executes).toHaveLength(3);
    for (const a of executes) {
      const fallback = a.fallback as Json;
      expect(fallback.type).toBe('Action.Submit');
      expect(fallback.data).toEqual(a.data);
      expect((a.data as Json).verb).toBe(a.verb);
    }
    expect(actions(open).filter((a) => a.type === 'Action.Submit')).toEqual([]); // no bare Submits
  });

  it('uses each input id once', () => {
    const ids = inputs(open).map((i) => String(i.id));
    expect(new Set(ids).size).toBe(ids.length);
    // Value, note and estimate per row; the narrative's three for the two red or amber rows.
    expect(ids).toHaveLength(SAMPLE_ENTRY_OPEN.rows.length * 3 + 2 * 3);
  });

  it('asks Teams to refresh for the given users with entry.refresh and the period', () => {
    expect(open.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'entry.refresh', data: { verb: 'entry.refresh', period: '2026-10' } },
      userIds: [SAMPLE_USER_ID],
    });
  });

  it('has no refresh without user ids', () => {
    const card = buildEntryCard({ ...SAMPLE_ENTRY_OPEN, refreshUserIds: [] });
    expect(card).not.toHaveProperty('refresh');
  });

  it('has no deadline line without a deadline, and says so in the fallbackText', () => {
    const card = buildEntryCard({ ...SAMPLE_ENTRY_OPEN, deadlineText: null, banner: null });
    expect(texts(card).some((t) => t.startsWith('Due by'))).toBe(false);
    expect(card.fallbackText).toBe('Performance figures for October 2026: 3 of 6 submitted. Open this card in Teams to submit.');
    expect(elementsOfType(card, 'Container').some((c) => c.style === 'attention')).toBe(false);
  });

  it('has no inputs and no Submit when there are no rows', () => {
    const card = buildEntryCard({ ...SAMPLE_ENTRY_OPEN, rows: [] });
    expect(inputs(card)).toEqual([]);
    expect(card).not.toHaveProperty('actions');
    expect(texts(card)).toContain('You have no indicators to report for October 2026.');
  });
});

describe('entry card, an unusual figure and an estimate (#16)', () => {
  const card = buildEntryCard(SAMPLE_ENTRY_UNUSUAL);

  it('asks about the unusual figure in place: why, in words, and a tick box whose value is the figure asked about', () => {
    const toggle = inputById(card, inputIds.confirmUnusual('ind-srv06'));
    expect(toggle).toMatchObject({ type: 'Input.Toggle', title: 'This figure is right: store 680 as it is', valueOn: '680', valueOff: '' });
    expect(toggle.value).toBeUndefined();
    const box = containerHolding(card, inputIds.confirmUnusual('ind-srv06'), 'warning');
    expect(box.style).toBe('warning');
    expect(texts(box)).toEqual([
      "Is SRV06's figure right?",
      expect.stringMatching(/^⚠ SRV06 Households in temporary accommodation: 680 is above what it usually reports \(52 to 81/),
      expect.stringMatching(/^⚠ .*900% away from the period before \(68\), more than the 25% the register expects at most/),
    ]);
    // The figure stays in its input, as typed.
    expect(inputById(card, inputIds.value('ind-srv06'))).toMatchObject({ value: 680 });
    expect(textBlockContaining(card, 'Nothing was stored: one figure is unusual').color).toBe('Warning');
  });

  it('asks nothing on rows whose figure is not in question', () => {
    expect(inputs(card).filter((i) => i.type === 'Input.Toggle' && String(i.id).startsWith('confirm:'))).toHaveLength(1);
    expect(inputs(open).some((i) => String(i.id).startsWith('confirm:'))).toBe(false);
  });

  it('has an estimate tick box on every open row, ticked where the figure is an estimate', () => {
    expect(inputById(card, inputIds.estimated('ind-srv02'))).toMatchObject({ type: 'Input.Toggle', title: 'An estimate, to be replaced later', value: 'true' });
    expect(inputById(card, inputIds.estimated('ind-srv06')).value).toBeUndefined();
    expect(inputs(closed).some((i) => i.type === 'Input.Toggle')).toBe(false);
  });

  it('says in words that a saved figure is an estimate or a confirmed unusual one', () => {
    expect(texts(card)).toContain('Saved: 8.1 days (estimate) — Green: on target');
    const confirmed = buildEntryCard({ ...SAMPLE_ENTRY_OPEN, rows: [{ ...SAMPLE_ROW_GREEN, saved: { ...SAMPLE_ROW_GREEN.saved!, unusualConfirmed: true } }] });
    expect(texts(confirmed)).toContain('Saved: 8.1 days (unusual, confirmed) — Green: on target');
    expect(texts(open)).toContain('Saved: 8.1 days — Green: on target');
  });

  it(`stays under ${CARD_SIZE_LIMIT_BYTES} bytes, with fallback text`, () => {
    expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    expect(card.fallbackText).toContain('Performance figures for October 2026');
  });
});

describe('entry card, closed', () => {
  it('has no inputs and no actions at all', () => {
    expect(inputs(closed)).toEqual([]);
    expect(anyActions(closed)).toEqual([]);
    expect(closed).not.toHaveProperty('actions');
    expect(elementsOfType(closed, 'ActionSet')).toEqual([]);
  });

  it('says the period is closed and only the performance team can change values', () => {
    expect(texts(closed)).toContain('October 2026 is closed for entry. Values can only be changed by the performance team.');
    expect(closed.fallbackText).toMatch(/^Performance figures for October 2026: 3 of 6 submitted\. The period is closed for entry/);
  });

  it('still shows the saved values, with their status colours, and the rows without one', () => {
    expect(textBlockContaining(closed, 'Saved: 22.4 days — Amber: within tolerance').color).toBe('Warning');
    expect(textBlockContaining(closed, 'Saved: 0.05% — Red: outside tolerance').color).toBe('Attention');
    expect(texts(closed).filter((t) => t === 'No value submitted')).toHaveLength(3);
    expect(texts(closed)).toContain('Narrative given by Gareth Lewis, 4 Nov 2026 10:20');
  });

  it('shows no deadline and keeps the card a valid 1.5 card', () => {
    const withDeadline: EntryCardView = { ...SAMPLE_ENTRY_CLOSED, deadlineText: 'Due by Friday 20 November 2026, 17:00' };
    expect(texts(buildEntryCard(withDeadline)).some((t) => t.startsWith('Due by'))).toBe(false);
    expect(closed.version).toBe('1.5');
    expect(closed.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  });
});

describe('entry card size', () => {
  const forty = sampleEntryViewWithRows(40);
  const card = buildEntryCard(forty);
  const bytes = cardSizeBytes(card);

  it('the 40-row sample has narratives, errors, saved values and 60 refresh ids', () => {
    expect(forty.rows).toHaveLength(40);
    expect(forty.rows.filter((r) => r.narrative).length).toBe(8);
    expect(forty.rows.filter((r) => r.error).length).toBeGreaterThanOrEqual(5);
    expect(forty.rows.filter((r) => r.saved).length).toBeGreaterThanOrEqual(20);
    expect(card.refresh?.userIds).toHaveLength(60);
    expect(inputs(card).filter((i) => String(i.id).startsWith('value:'))).toHaveLength(40);
  });

  // 40 rows, 8 narratives, 6 errors, 60 refresh ids: 54,037 bytes when written (66% of the limit).
  it(`keeps a 40-row entry card under ${CARD_SIZE_LIMIT_BYTES} bytes (it is ${bytes} bytes)`, () => {
    expect(bytes).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    expect(bytes).toBeLessThan(64 * 1024); // "well under": room for longer titles and notes
    // Still the full card: every narrative has its own Save button.
    expect(actions(card).filter((a) => a.verb === VERBS.submitNarrative)).toHaveLength(8);
  });

  it('leaves out the per-row "Save narrative" buttons when the full card would be too big', () => {
    // 32 rows, all red with a narrative given: about 84 KB with the buttons, 75 KB without.
    const many = sampleEntryViewWithRows(32);
    const allRed: EntryCardView = { ...many, rows: many.rows.map((r) => ({ ...r, saved: SAMPLE_ROW_RED.saved, narrative: SAMPLE_ROW_RED.narrative })) };
    const full = buildEntryCard({ ...allRed, rows: allRed.rows.slice(0, 5) });
    expect(actions(full).filter((a) => a.verb === VERBS.submitNarrative)).toHaveLength(5);

    const compact = buildEntryCard(allRed);
    const compactBytes = cardSizeBytes(compact);
    expect(compactBytes).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    // What was left out would have taken it over the limit.
    const perButton = JSON.stringify(elementsOfType(full, 'ActionSet')[0]).length;
    expect(compactBytes + 32 * perButton).toBeGreaterThan(CARD_SIZE_LIMIT_BYTES);
    expect(actions(compact).filter((a) => a.verb === VERBS.submitNarrative)).toEqual([]);
    expect(inputs(compact).filter((i) => String(i.id).startsWith('remedial:'))).toHaveLength(32);
    expect(compact.actions?.map((a) => (a as unknown as Json).verb)).toEqual([VERBS.submitValues]);
    expect(texts(compact).some((t) => t.includes('Submit values saves the narratives too'))).toBe(true);
  });
});
