import type { Result } from '../../../src/domain/result';
import {
  AGGREGATIONS,
  FREQUENCIES,
  INDICATOR_KINDS,
  LENSES,
  POLARITIES,
  UNITS,
} from '../../../src/domain/types';
import {
  aggregationLabel,
  frequencyLabel,
  kindLabel,
  lensLabel,
  parseAggregation,
  parseDecimals,
  parseFrequency,
  parseKind,
  parseLens,
  parsePolarity,
  parseUnit,
  polarityLabel,
  unitLabel,
} from '../../../src/domain/vocabulary';

const valueOf = <T>(result: Result<T>): T | string => (result.ok ? result.value : `error: ${result.error}`);
const errorOf = (result: Result<unknown>): string => (result.ok ? 'accepted' : result.error);

describe('parseKind', () => {
  it.each([
    ['KPI', 'KPI'],
    ['kpi', 'KPI'],
    [' Key Performance Indicator ', 'KPI'],
    ['PI', 'PI'],
    ['pi', 'PI'],
    ['data only', 'DATA_ONLY'],
    ['Data-only', 'DATA_ONLY'],
    ['DATA_ONLY', 'DATA_ONLY'],
    ['dataonly', 'DATA_ONLY'],
    ['data  only', 'DATA_ONLY'],
    ['statistic', 'DATA_ONLY'],
    ['Data', 'DATA_ONLY'],
    ['monitoring-only', 'DATA_ONLY'],
  ])('reads %j as %s', (text, expected) => {
    expect(valueOf(parseKind(text))).toBe(expected);
  });
});

describe('parseUnit', () => {
  it.each([
    ['percent', 'PERCENT'],
    ['Percentage', 'PERCENT'],
    ['%', 'PERCENT'],
    ['PCT', 'PERCENT'],
    ['number', 'NUMBER'],
    ['count', 'NUMBER'],
    ['No', 'NUMBER'],
    ['no.', 'NUMBER'],
    ['#', 'NUMBER'],
    ['currency', 'CURRENCY'],
    ['GBP', 'CURRENCY'],
    ['£', 'CURRENCY'],
    ['pounds', 'CURRENCY'],
    ['days', 'DAYS'],
    ['Day', 'DAYS'],
    ['minutes', 'MINUTES'],
    ['mins', 'MINUTES'],
    ['min', 'MINUTES'],
    ['rate', 'RATE'],
    ['per 1000', 'RATE'],
    ['per 10,000', 'RATE'],
    ['Rate per 100,000 population', 'RATE'],
    ['per-1000', 'RATE'],
    ['ratio', 'RATIO'],
    ['RATIO', 'RATIO'],
  ])('reads %j as %s', (text, expected) => {
    expect(valueOf(parseUnit(text))).toBe(expected);
  });
});

describe('parsePolarity', () => {
  it.each([
    ['higher', 'HIGHER'],
    ['High', 'HIGHER'],
    ['H', 'HIGHER'],
    ['higher is better', 'HIGHER'],
    ['Higher-is-better', 'HIGHER'],
    ['up', 'HIGHER'],
    ['lower', 'LOWER'],
    ['low', 'LOWER'],
    ['l', 'LOWER'],
    ['Lower is better', 'LOWER'],
    ['down', 'LOWER'],
    ['goalpost', 'GOALPOST'],
    ['goal-post', 'GOALPOST'],
    ['Goal Post', 'GOALPOST'],
    ['goal_post', 'GOALPOST'],
    ['target', 'GOALPOST'],
    ['T', 'GOALPOST'],
    ['on target', 'GOALPOST'],
  ])('reads %j as %s', (text, expected) => {
    expect(valueOf(parsePolarity(text))).toBe(expected);
  });
});

describe('parseFrequency', () => {
  it.each([
    ['monthly', 'MONTHLY'],
    ['Month', 'MONTHLY'],
    ['m', 'MONTHLY'],
    ['quarterly', 'QUARTERLY'],
    ['QUARTER', 'QUARTERLY'],
    ['q', 'QUARTERLY'],
    ['annual', 'ANNUAL'],
    ['Annually', 'ANNUAL'],
    ['yearly', 'ANNUAL'],
    ['year', 'ANNUAL'],
    ['Y', 'ANNUAL'],
  ])('reads %j as %s', (text, expected) => {
    expect(valueOf(parseFrequency(text))).toBe(expected);
  });
});

describe('parseAggregation', () => {
  it.each([
    ['cumulative', 'CUMULATIVE'],
    ['YTD', 'CUMULATIVE'],
    ['year to date', 'CUMULATIVE'],
    ['Year-to-date', 'CUMULATIVE'],
    ['sum', 'SUM'],
    ['Total', 'SUM'],
    ['average', 'AVERAGE'],
    ['mean', 'AVERAGE'],
    ['avg', 'AVERAGE'],
    ['snapshot', 'SNAPSHOT'],
    ['latest', 'SNAPSHOT'],
    ['point in time', 'SNAPSHOT'],
    ['Point-in-time', 'SNAPSHOT'],
    ['rolling12', 'ROLLING12'],
    ['ROLLING12', 'ROLLING12'],
    ['rolling 12', 'ROLLING12'],
    ['Rolling 12 months', 'ROLLING12'],
    ['rolling_12', 'ROLLING12'],
    ['rolling', 'ROLLING12'],
  ])('reads %j as %s', (text, expected) => {
    expect(valueOf(parseAggregation(text))).toBe(expected);
  });
});

describe('parseLens', () => {
  it.each([
    ['people', 'PEOPLE'],
    ['Our People', 'PEOPLE'],
    ['finance', 'FINANCE'],
    ['Our Finances', 'FINANCE'],
    ['customers', 'CUSTOMERS'],
    ['customer', 'CUSTOMERS'],
    ['Our Customers', 'CUSTOMERS'],
    ['environment', 'ENVIRONMENT'],
    ['OUR ENVIRONMENT', 'ENVIRONMENT'],
    ['services', 'SERVICES'],
    ['service', 'SERVICES'],
    ['our-services', 'SERVICES'],
  ])('reads %j as %s', (text, expected) => {
    expect(valueOf(parseLens(text))).toBe(expected);
  });
});

describe('every canonical value reads back as itself', () => {
  it.each([
    ...INDICATOR_KINDS.map((v) => [parseKind, v] as const),
    ...UNITS.map((v) => [parseUnit, v] as const),
    ...POLARITIES.map((v) => [parsePolarity, v] as const),
    ...FREQUENCIES.map((v) => [parseFrequency, v] as const),
    ...AGGREGATIONS.map((v) => [parseAggregation, v] as const),
    ...LENSES.map((v) => [parseLens, v] as const),
  ])('%p reads %s', (parse, value) => {
    expect(valueOf((parse as (text: string) => Result<string>)(value))).toBe(value);
  });
});

describe('refusals list the accepted words', () => {
  it.each<[string, Result<unknown>, string[]]>([
    ['kind', parseKind('indicator'), ['Enter the kind as one of:', 'KPI', 'PI', 'data only', 'statistic', 'got "indicator"']],
    ['unit', parseUnit('kg'), ['Enter the unit as one of:', 'percent', 'number', 'currency', 'days', 'minutes', 'rate', 'ratio', 'got "kg"']],
    ['polarity', parsePolarity('better'), ['Enter the polarity as one of:', 'higher is better', 'lower is better', 'goal post', 'H', 'L', 'T', 'got "better"']],
    ['frequency', parseFrequency('weekly'), ['Enter the frequency as one of:', 'monthly', 'quarterly', 'annual', 'got "weekly"']],
    ['aggregation', parseAggregation('median'), ['Enter the aggregation as one of:', 'cumulative', 'sum', 'average', 'snapshot', 'rolling 12 months', 'got "median"']],
    ['lens', parseLens('Our Place'), ['Enter the lens as one of:', 'people', 'finance', 'customers', 'environment', 'services', 'got "Our Place"']],
    ['empty kind', parseKind('  '), ['Enter the kind as one of:', 'nothing was entered']],
  ])('%s', (_, result, fragments) => {
    const message = errorOf(result);
    for (const fragment of fragments) expect(message).toContain(fragment);
  });

  it('shows synonyms beside the main word', () => {
    expect(errorOf(parseFrequency('weekly'))).toBe(
      'Enter the frequency as one of: monthly (or month, M); quarterly (or quarter, Q); annual (or annually, yearly, year, Y) — got "weekly"',
    );
  });
});

describe('parseDecimals', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    [' 2 ', 2],
    ['6', 6],
  ])('reads %j as %i', (text, expected) => {
    expect(parseDecimals(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['7', '10', '-1', '1.5', 'two', '', '2dp'])('refuses %j', (text) => {
    expect(errorOf(parseDecimals(text))).toBe(`Enter the decimal places as a whole number from 0 to 6 — got "${text.trim()}"`);
  });
});

describe('labels', () => {
  it.each([
    ['PERCENT', 'Percentage'],
    ['NUMBER', 'Number'],
    ['CURRENCY', 'Pounds (£)'],
    ['DAYS', 'Days'],
    ['MINUTES', 'Minutes'],
    ['RATE', 'Rate'],
    ['RATIO', 'Ratio'],
  ] as const)('unitLabel(%s) is %j', (unit, label) => {
    expect(unitLabel(unit)).toBe(label);
  });

  it.each([
    ['PEOPLE', 'People'],
    ['FINANCE', 'Finance'],
    ['CUSTOMERS', 'Customers'],
    ['ENVIRONMENT', 'Environment'],
    ['SERVICES', 'Services'],
  ] as const)('lensLabel(%s) is %j', (lens, label) => {
    expect(lensLabel(lens)).toBe(label);
  });

  it.each([
    ['HIGHER', 'Higher is better'],
    ['LOWER', 'Lower is better'],
    ['GOALPOST', 'Close to target is best'],
  ] as const)('polarityLabel(%s) is %j', (polarity, label) => {
    expect(polarityLabel(polarity)).toBe(label);
  });

  it.each([
    ['KPI', 'KPI'],
    ['PI', 'PI'],
    ['DATA_ONLY', 'Data only'],
  ] as const)('kindLabel(%s) is %j', (kind, label) => {
    expect(kindLabel(kind)).toBe(label);
  });

  it.each([
    ['MONTHLY', 'Monthly'],
    ['QUARTERLY', 'Quarterly'],
    ['ANNUAL', 'Annual'],
  ] as const)('frequencyLabel(%s) is %j', (frequency, label) => {
    expect(frequencyLabel(frequency)).toBe(label);
  });

  it.each([
    ['CUMULATIVE', 'Cumulative (year to date)'],
    ['SUM', 'Sum'],
    ['AVERAGE', 'Average'],
    ['SNAPSHOT', 'Snapshot (latest value)'],
    ['ROLLING12', 'Rolling 12 months'],
  ] as const)('aggregationLabel(%s) is %j', (aggregation, label) => {
    expect(aggregationLabel(aggregation)).toBe(label);
  });

  it('every label reads back through its parser', () => {
    for (const unit of UNITS) expect(valueOf(parseUnit(unitLabel(unit).replace(' (£)', '')))).toBe(unit);
    for (const lens of LENSES) expect(valueOf(parseLens(lensLabel(lens)))).toBe(lens);
    for (const polarity of POLARITIES) expect(valueOf(parsePolarity(polarityLabel(polarity)))).toBe(polarity);
    for (const kind of INDICATOR_KINDS) expect(valueOf(parseKind(kindLabel(kind)))).toBe(kind);
    for (const frequency of FREQUENCIES) expect(valueOf(parseFrequency(frequencyLabel(frequency)))).toBe(frequency);
  });
});
