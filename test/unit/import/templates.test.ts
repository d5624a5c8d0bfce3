/**
 * The committed templates (written by scripts/make-templates.ts) must import cleanly: a council that
 * fills them in starts from a file the bot accepts.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readRegisterFile } from '../../../src/import/read-register-file';
import {
  INDICATOR_COLUMNS,
  OPTIONAL_INDICATOR_COLUMNS,
  OPTIONAL_PEOPLE_COLUMNS,
  PEOPLE_COLUMNS,
  parseRegister,
  TARGET_COLUMNS,
  VALUE_COLUMNS,
  type ParseOptions,
  type ParseOutcome,
} from '../../../src/import/parse-register';
import type { RegisterFile } from '../../../src/import/register-file';
import type { KnownIndicator, RegisterPlan } from '../../../src/import/register-plan';

const TEMPLATES = path.resolve(__dirname, '..', '..', '..', 'templates');
const template = (name: string): string => path.join(TEMPLATES, name);
const OPTIONS: ParseOptions = { known: new Map(), currentFinancialYear: 2026 };

function planOf(outcome: ParseOutcome): RegisterPlan {
  if (!outcome.ok) throw new Error(`the template has problems:\n${outcome.problems.map((p) => JSON.stringify(p)).join('\n')}`);
  return outcome.plan;
}

describe('register-template.xlsx', () => {
  let file: RegisterFile;
  let plan: RegisterPlan;

  beforeAll(async () => {
    file = await readRegisterFile(template('register-template.xlsx'));
    plan = planOf(parseRegister(file, OPTIONS));
  });

  it('has the four sheets, each with every column the import knows', () => {
    expect(Object.keys(file).sort()).toEqual(['Indicators', 'People', 'Targets', 'Values']);
    expect(file.People?.headers).toEqual(['email', 'aad_object_id', 'name', 'roles']);
    expect([...file.People!.headers].sort()).toEqual([...PEOPLE_COLUMNS, ...OPTIONAL_PEOPLE_COLUMNS].sort());
    expect(file.Indicators?.headers).toEqual([...INDICATOR_COLUMNS, ...OPTIONAL_INDICATOR_COLUMNS]);
    expect(file.Targets?.headers).toEqual([...TARGET_COLUMNS]);
    expect(file.Values?.headers).toEqual([...VALUE_COLUMNS]);
  });

  it('parses with no problems into the three example indicators, their targets and values', () => {
    expect(plan.indicators.map(({ code, kind, frequency, aggregation }) => ({ code, kind, frequency, aggregation }))).toEqual([
      { code: 'FIN01', kind: 'KPI', frequency: 'MONTHLY', aggregation: 'CUMULATIVE' },
      { code: 'SRV03', kind: 'KPI', frequency: 'QUARTERLY', aggregation: 'AVERAGE' },
      { code: 'SRV06', kind: 'DATA_ONLY', frequency: 'MONTHLY', aggregation: 'SNAPSHOT' },
    ]);
    expect(plan.targets.map(({ sheet, code, period, value }) => ({ sheet, code, period, value }))).toEqual([
      { sheet: 'Indicators', code: 'FIN01', period: '2026/27', value: 98.6 },
      { sheet: 'Indicators', code: 'SRV03', period: '2026/27', value: 60 },
      { sheet: 'Targets', code: 'FIN01', period: '2026-04', value: 10.5 },
      { sheet: 'Targets', code: 'FIN01', period: '2026-05', value: 19.8 },
      { sheet: 'Targets', code: 'SRV03', period: '2027/28', value: 62 },
    ]);
    expect(plan.values.map(({ code, period, financialYear, value }) => ({ code, period, financialYear, value }))).toEqual([
      { code: 'FIN01', period: '2026-04', financialYear: 2026, value: 10.7 },
      { code: 'FIN01', period: '2026-05', financialYear: 2026, value: 19.9 },
      { code: 'SRV03', period: '2026/27 Q1', financialYear: 2026, value: 75 },
      { code: 'SRV06', period: '2026-04', financialYear: 2026, value: 52 },
    ]);
    expect(plan.people.length).toBeGreaterThanOrEqual(5);
    expect(plan.people.every((p) => p.aadObjectId !== null && p.displayName !== null)).toBe(true);
  });

  it('lists the performance team as admins and a councillor as a viewer on the People sheet', () => {
    expect(plan.listed).toEqual([
      { row: 2, email: 'robert.hughes@fenmarsh.gov.uk', roles: ['ADMIN'] },
      { row: 3, email: 'nadia.rahman@fenmarsh.gov.uk', roles: ['ADMIN', 'VERIFIER'] },
      { row: 4, email: 'cllr.margaret.ellis@fenmarsh.gov.uk', roles: ['VIEWER'] },
    ]);
    expect(plan.people.find((p) => p.email === 'cllr.margaret.ellis@fenmarsh.gov.uk')).toEqual({
      email: 'cllr.margaret.ellis@fenmarsh.gov.uk', aadObjectId: 'd4e3f6a5-4e7b-4f9d-8a5c-3b4d5e6f7a01', displayName: 'Cllr Margaret Ellis',
    });
  });

  it('has a Guide sheet describing every column of every sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template('register-template.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Indicators', 'Targets', 'Values', 'People', 'Guide']);
    expect(workbook.created.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const guide = workbook.getWorksheet('Guide');
    const described: string[] = [];
    guide?.eachRow((row, number) => {
      if (number === 1) {
        expect(row.getCell(1).text).toBe('Sheet');
        return;
      }
      described.push(`${row.getCell(1).text}.${row.getCell(2).text}`);
      expect(row.getCell(3).text).not.toBe(''); // required?
      expect(row.getCell(4).text).not.toBe(''); // what to enter
    });
    expect(described).toEqual([
      ...[...INDICATOR_COLUMNS, ...OPTIONAL_INDICATOR_COLUMNS].map((c) => `Indicators.${c}`),
      ...TARGET_COLUMNS.map((c) => `Targets.${c}`),
      ...VALUE_COLUMNS.map((c) => `Values.${c}`),
      ...['email', 'aad_object_id', 'name', 'roles'].map((c) => `People.${c}`),
    ]);
    let rolesGuide = '';
    guide?.eachRow((row) => {
      if (row.getCell(1).text === 'People' && row.getCell(2).text === 'roles') rolesGuide = row.getCell(4).text;
    });
    for (const word of ['admin', 'performance team', 'viewer', 'read only', 'owner', 'delegate', 'verifier', 'director']) expect(rolesGuide).toContain(word);
    expect(rolesGuide).toMatch(/leaving one out takes it away/);
  });
});

describe('CSV templates', () => {
  let indicators: RegisterFile;
  let targets: RegisterFile;
  let values: RegisterFile;
  let people: RegisterFile;

  beforeAll(async () => {
    indicators = await readRegisterFile(template('indicators.csv'));
    targets = await readRegisterFile(template('targets.csv'));
    values = await readRegisterFile(template('values.csv'));
    people = await readRegisterFile(template('people.csv'));
  });

  it('are each recognised as their own sheet', () => {
    expect(Object.keys(indicators)).toEqual(['Indicators']);
    expect(Object.keys(targets)).toEqual(['Targets']);
    expect(Object.keys(values)).toEqual(['Values']);
    expect(Object.keys(people)).toEqual(['People']);
  });

  it('give people who parse on their own, with their roles', () => {
    const plan = planOf(parseRegister(people, OPTIONS));
    expect(plan.listed.map((l) => `${l.email} ${l.roles.join('+')}`)).toEqual([
      'robert.hughes@fenmarsh.gov.uk ADMIN',
      'nadia.rahman@fenmarsh.gov.uk ADMIN+VERIFIER',
      'cllr.margaret.ellis@fenmarsh.gov.uk VIEWER',
    ]);
  });

  it('parse with no problems on their own (indicators) and combined into one file', () => {
    const alone = planOf(parseRegister(indicators, OPTIONS));
    expect(alone.indicators.map((i) => i.code)).toEqual(['FIN01', 'SRV03', 'SRV06']);
    const combined = planOf(parseRegister({ ...indicators, ...targets, ...values }, OPTIONS));
    expect(combined.targets).toHaveLength(5);
    expect(combined.values).toHaveLength(4);
  });

  it('give targets and values that parse against the indicators once they are in the register', () => {
    const registered = planOf(parseRegister(indicators, OPTIONS)).indicators;
    const known = new Map<string, KnownIndicator>(
      registered.map(({ code, title, kind, unit, decimals, frequency, allowAboveHundred }) => [
        code,
        { code, title, kind, unit, decimals, frequency, allowAboveHundred },
      ]),
    );
    const targetsPlan = planOf(parseRegister(targets, { ...OPTIONS, known }));
    expect(targetsPlan.targets.map((t) => `${t.code} ${t.period} ${t.value}`)).toEqual([
      'FIN01 2026-04 10.5',
      'FIN01 2026-05 19.8',
      'SRV03 2027/28 62',
    ]);
    const valuesPlan = planOf(parseRegister(values, { ...OPTIONS, known }));
    expect(valuesPlan.values.map((v) => `${v.code} ${v.period} ${v.value}`)).toEqual([
      'FIN01 2026-04 10.7',
      'FIN01 2026-05 19.9',
      'SRV03 2026/27 Q1 75',
      'SRV06 2026-04 52',
    ]);
    expect(valuesPlan.values[2]?.note).toBe('12 of 16 major applications decided in time');
  });

  it('hold the same indicators as the workbook', async () => {
    const workbook = await readRegisterFile(template('register-template.xlsx'));
    expect(indicators.Indicators?.rows.map((r) => r.cells)).toEqual(workbook.Indicators?.rows.map((r) => r.cells));
    expect(targets.Targets?.rows.map((r) => r.cells)).toEqual(workbook.Targets?.rows.map((r) => r.cells));
    expect(values.Values?.rows.map((r) => r.cells)).toEqual(workbook.Values?.rows.map((r) => r.cells));
    expect(people.People?.rows.map((r) => r.cells)).toEqual(workbook.People?.rows.map((r) => r.cells));
  });
});
