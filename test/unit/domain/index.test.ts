import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as domain from '../../../src/domain';

const DOMAIN_DIR = join(__dirname, '../../../src/domain');

describe('src/domain/index', () => {
  it.each([
    // one export from each file, so a file dropped from the index is noticed
    'INDICATOR_KINDS', 'ok', 'fail', 'parsePeriod', 'periodKey', 'parseUkNumber', 'roundTo', 'parseTolerance',
    'toleranceBand', 'rateValue', 'describeStatus', 'directionOfTravel', 'travelArrow', 'periodFigure',
    'yearToDate', 'targetForPeriod', 'validateValue', 'parseUnit', 'unitLabel', 'safeSpreadsheetText',
    'periodDueIn', 'narrativeChase', 'processLimits', 'unusualValue', 'forecastYearEnd',
    'checkRunLengths', 'xmrLimits', 'markSpecialCauses', 'analyseVariation',
  ])('re-exports %s', (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).not.toBe('undefined');
  });

  it('works end to end: the CAMMS example read from text and rated', () => {
    const tolerance = domain.parseTolerance('10%');
    const value = domain.validateValue({
      indicator: { code: 'HB01', title: 'Days to process new claims', unit: 'DAYS', decimals: 0 },
      raw: '22',
      periodOpen: true,
      periodLabel: 'October 2026',
    });
    if (!tolerance.ok || tolerance.value === null || !value.ok) throw new Error('example did not parse');
    const status = domain.rateValue({
      value: value.value, target: 20, tolerance: tolerance.value, polarity: 'LOWER', kind: 'KPI', decimals: 0, deadlinePassed: false,
    });
    expect(status).toBe('AMBER');
  });
});

describe('src/domain stays pure', () => {
  const files = readdirSync(DOMAIN_DIR).filter((name) => name.endsWith('.ts'));

  it('has the files the layer is made of', () => {
    expect(files).toEqual(expect.arrayContaining([
      'aggregation.ts', 'index.ts', 'numbers.ts', 'periods.ts', 'result.ts', 'status.ts', 'tolerance.ts', 'travel.ts',
      'types.ts', 'validation.ts', 'vocabulary.ts',
    ]));
  });

  it.each(readdirSync(DOMAIN_DIR).filter((name) => name.endsWith('.ts')))('%s imports only from src/domain', (name) => {
    const source = readFileSync(join(DOMAIN_DIR, name), 'utf8');
    const specifiers = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specifiers.filter((s) => !s?.startsWith('./'))).toEqual([]);
  });
});
