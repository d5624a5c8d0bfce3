/**
 * The People sheet: who the register holds beyond the indicators' people, with the roles the
 * performance team gives them, every problem placed by sheet, row and column.
 */
import { INDICATOR_COLUMNS, PEOPLE_COLUMNS, parseRegister, type ParseOutcome } from '../../../src/import/parse-register';
import { describeProblem, type RegisterFile, type Sheet, type SheetName } from '../../../src/import/register-file';
import type { RegisterPlan } from '../../../src/import/register-plan';
import { parseRole, parseRoles } from '../../../src/domain/vocabulary';

type Row = Record<string, string>;

function makeSheet(name: SheetName, records: readonly Row[], headers: readonly string[]): Sheet {
  return {
    name,
    headers: [...headers],
    rows: records.map((record, i) => ({ row: i + 2, cells: Object.fromEntries(headers.map((h) => [h, record[h] ?? ''])) })),
  };
}

const people = (records: readonly Row[], headers: readonly string[] = [...PEOPLE_COLUMNS, 'name']): RegisterFile => ({
  People: makeSheet('People', records, headers),
});

const ROBERT = { email: 'robert.hughes@fenmarsh.gov.uk', aad: 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f04' };
const SARAH = { email: 'sarah.whitfield@fenmarsh.gov.uk', aad: 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e04' };
const OPTIONS = { known: new Map(), currentFinancialYear: 2026 };

function planOf(outcome: ParseOutcome): RegisterPlan {
  if (!outcome.ok) throw new Error(outcome.problems.map(describeProblem).join('\n'));
  return outcome.plan;
}
function messagesOf(outcome: ParseOutcome): string[] {
  if (outcome.ok) throw new Error('expected problems, got a plan');
  return outcome.problems.map(describeProblem);
}

function indicatorRow(overrides: Row = {}): Row {
  return {
    code: 'FIN01', title: 'Council Tax collected', definition: '', kind: 'KPI', unit: 'percent', decimals: '1',
    polarity: 'higher', frequency: 'monthly', aggregation: 'cumulative', lens: 'Finance', directorate: 'Resources',
    owner_email: SARAH.email, owner_aad_object_id: SARAH.aad, target: '98.6', ...overrides,
  };
}

describe('role words', () => {
  it('reads the six roles and their synonyms in any case, spacing or hyphenation', () => {
    const read = (text: string) => {
      const role = parseRole(text);
      return role.ok ? role.value : role.error;
    };
    expect(['admin', 'ADMIN', 'Performance team', 'administrator'].map(read)).toEqual(['ADMIN', 'ADMIN', 'ADMIN', 'ADMIN']);
    expect(['viewer', 'Reader', 'read only', 'Read-only', 'readonly'].map(read)).toEqual(['VIEWER', 'VIEWER', 'VIEWER', 'VIEWER', 'VIEWER']);
    expect(['owner', 'delegate', 'verifier', 'Director'].map(read)).toEqual(['OWNER', 'DELEGATE', 'VERIFIER', 'DIRECTOR']);
    expect(read('boss')).toBe('"boss" is not a role: use admin, viewer, owner, delegate, verifier or director');
  });

  it('reads a list separated by ";" or ",", once each, and reports each word it refuses', () => {
    expect(parseRoles('admin; viewer, ADMIN')).toEqual({ roles: ['ADMIN', 'VIEWER'], refusals: [] });
    expect(parseRoles('')).toEqual({ roles: [], refusals: [] });
    expect(parseRoles(' ; ')).toEqual({ roles: [], refusals: [] });
    expect(parseRoles('boss; viewer; chief')).toEqual({
      roles: ['VIEWER'],
      refusals: [
        '"boss" is not a role: use admin, viewer, owner, delegate, verifier or director',
        '"chief" is not a role: use admin, viewer, owner, delegate, verifier or director',
      ],
    });
  });
});

describe('parseRegister: the People sheet', () => {
  it('lists each person with their roles, adding them to the register\'s people; the name is optional', () => {
    const plan = planOf(parseRegister(people([
      { email: 'Robert.Hughes@fenmarsh.gov.uk', aad_object_id: ROBERT.aad, name: 'Robert Hughes', roles: 'performance team' },
      { email: 'cllr.ann.lee@fenmarsh.gov.uk', aad_object_id: '', name: '', roles: 'Read only' },
      { email: 'nadia.rahman@fenmarsh.gov.uk', aad_object_id: '', name: '', roles: '' },
    ]), OPTIONS));
    expect(plan.listed).toEqual([
      { row: 2, email: ROBERT.email, roles: ['ADMIN'] },
      { row: 3, email: 'cllr.ann.lee@fenmarsh.gov.uk', roles: ['VIEWER'] },
      { row: 4, email: 'nadia.rahman@fenmarsh.gov.uk', roles: [] },
    ]);
    expect(plan.people).toEqual([
      { email: ROBERT.email, aadObjectId: ROBERT.aad, displayName: 'Robert Hughes' },
      { email: 'cllr.ann.lee@fenmarsh.gov.uk', aadObjectId: null, displayName: null },
      { email: 'nadia.rahman@fenmarsh.gov.uk', aadObjectId: null, displayName: null },
    ]);
    expect(plan.indicators).toEqual([]);
  });

  it('works without a name column', () => {
    const plan = planOf(parseRegister(people([{ email: ROBERT.email, aad_object_id: '', roles: 'admin' }], PEOPLE_COLUMNS), OPTIONS));
    expect(plan.listed).toEqual([{ row: 2, email: ROBERT.email, roles: ['ADMIN'] }]);
  });

  it('merges a person named on the Indicators sheet: the People sheet adds the id and its name wins', () => {
    const plan = planOf(parseRegister({
      Indicators: makeSheet('Indicators', [indicatorRow({ owner_aad_object_id: '', owner_name: 'S. Whitfield' })], [...INDICATOR_COLUMNS, 'owner_name']),
      ...people([{ email: SARAH.email, aad_object_id: SARAH.aad, name: 'Sarah Whitfield', roles: 'owner; viewer' }]),
    }, OPTIONS));
    expect(plan.people).toEqual([{ email: SARAH.email, aadObjectId: SARAH.aad, displayName: 'Sarah Whitfield' }]);
    expect(plan.listed).toEqual([{ row: 2, email: SARAH.email, roles: ['OWNER', 'VIEWER'] }]);
  });

  it('reports every problem with its row and column', () => {
    const messages = messagesOf(parseRegister(people([
      { email: ROBERT.email, aad_object_id: ROBERT.aad, roles: 'admin' },
      { email: 'not-an-email', aad_object_id: '', roles: 'viewer' },
      { email: '', aad_object_id: '', roles: 'viewer' },
      { email: 'ann.lee@fenmarsh.gov.uk', aad_object_id: 'not-a-guid', roles: 'boss' },
      { email: 'ROBERT.HUGHES@fenmarsh.gov.uk', aad_object_id: '', roles: 'viewer' },
      { email: 'someone.else@fenmarsh.gov.uk', aad_object_id: ROBERT.aad, roles: '' },
    ]), OPTIONS));
    expect(messages).toEqual([
      'People, row 3, column email: "not-an-email" is not an email address',
      'People, row 4, column email: empty: enter the person\'s work email',
      'People, row 5, column roles: "boss" is not a role: use admin, viewer, owner, delegate, verifier or director',
      'People, row 5, column aad_object_id: "not-a-guid" is not an Entra object id (expected a GUID such as 3f2b8c1e-0d4a-4b6e-9a57-2c1d0e9f8a76)',
      `People, row 6, column email: ${ROBERT.email} is already listed on row 2; list each person once, with all their roles`,
      `People, row 7, column aad_object_id: Entra object id ${ROBERT.aad} is given for ${ROBERT.email} elsewhere in the file; one id belongs to one person`,
    ]);
  });

  it('refuses an email or id that clashes with a person on the Indicators sheet, on the People row', () => {
    const other = 'f0e1d2c3-b4a5-4697-8877-665544332211';
    const messages = messagesOf(parseRegister({
      Indicators: makeSheet('Indicators', [indicatorRow()], INDICATOR_COLUMNS),
      ...people([
        { email: SARAH.email, aad_object_id: other, roles: 'viewer' },
        { email: 'sarah.w@fenmarsh.gov.uk', aad_object_id: SARAH.aad, roles: 'viewer' },
      ]),
    }, OPTIONS));
    expect(messages).toEqual([
      `People, row 2, column aad_object_id: ${SARAH.email} has Entra object id ${SARAH.aad} on Indicators row 2; give the same id on every row`,
      `People, row 3, column aad_object_id: Entra object id ${SARAH.aad} is given for ${SARAH.email} elsewhere in the file; one id belongs to one person`,
    ]);
  });

  it('needs the email, aad_object_id and roles columns', () => {
    expect(messagesOf(parseRegister(people([{ email: ROBERT.email }], ['email', 'name']), OPTIONS))).toEqual([
      'People, row 1: the header row lacks columns aad_object_id, roles (see templates/ for the expected layout)',
    ]);
  });
});
