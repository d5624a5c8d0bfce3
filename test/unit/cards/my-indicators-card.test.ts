import { buildMyIndicatorsCard } from '../../../src/cards';
import { SAMPLE_MY_INDICATORS, SAMPLE_MY_INDICATORS_EMPTY } from '../../../src/cards/samples';
import { anyActions, elementsOfType, inputs, textBlockContaining, texts, type Json } from './card-walk';

const card = buildMyIndicatorsCard(SAMPLE_MY_INDICATORS);

describe('my indicators card', () => {
  it('is a full-width 1.5 card with a fallbackText listing each indicator and its status', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', msteams: { width: 'Full' } });
    expect(card.fallbackText).toBe(
      'Your indicators (Gareth Lewis): SRV01 Amber, SRV02 Green, FIN01 Due, CUS04 Missing, ENV03 Red, SRV06 Data only.',
    );
    expect(inputs(card)).toEqual([]);
    expect(anyActions(card)).toEqual([]);
  });

  it('has a header row and one ColumnSet per indicator, with the same three column widths', () => {
    const rows = elementsOfType(card, 'ColumnSet');
    expect(rows).toHaveLength(1 + SAMPLE_MY_INDICATORS.indicators.length);
    expect(texts(rows[0]!)).toEqual(['Indicator', 'Latest', 'Status']);
    for (const row of rows) expect((row.columns as Json[]).map((c) => c.width)).toEqual([5, 3, 2]);
  });

  it('shows code and title, target, latest value and period, status word in colour, and trend', () => {
    const rows = elementsOfType(card, 'ColumnSet').slice(1);
    const srv01 = rows[0]!;
    const [who, latest, status] = (srv01.columns as Json[]).map((c) => texts(c));
    expect(who).toEqual(['SRV01 · Days to process new Housing Benefit and Council Tax Support claims', 'Target 20.0 days (lower is better)']);
    expect(latest).toEqual(['22.4 days', 'Oct 2026']);
    expect(status).toEqual(['Amber', '▼ Worsened']);
    expect(textBlockContaining(srv01, 'Amber').color).toBe('Warning');

    const colours = rows.map((r) => (((r.columns as Json[])[2]!.items as Json[])[0]!).color);
    expect(colours).toEqual(['Warning', 'Good', 'Accent', 'Attention', 'Attention', 'Default']);
  });

  it('says when there is no value yet, no target, or no comparable trend', () => {
    const rows = elementsOfType(card, 'ColumnSet').slice(1);
    const cus04 = (rows[3]!.columns as Json[]).map((c) => texts(c));
    expect(cus04).toEqual([['CUS04 · Calls lost (abandoned)', 'Target 5.0% (lower is better)'], ['No value yet'], ['Missing']]);
    const srv06 = (rows[5]!.columns as Json[]).map((c) => texts(c));
    expect(srv06[0]).toEqual(['SRV06 · Households in temporary accommodation', 'No target (data only)']);
    expect(srv06[2]).toEqual(['Data only']);
  });

  it('says so kindly when the person has no indicators', () => {
    const empty = buildMyIndicatorsCard(SAMPLE_MY_INDICATORS_EMPTY);
    expect(texts(empty)).toContain('You do not own or cover any indicators in the register yet.');
    expect(elementsOfType(empty, 'ColumnSet')).toEqual([]);
    expect(empty.fallbackText).toMatch(/Nadia Rahman/);
  });
});
