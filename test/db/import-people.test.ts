/**
 * The People sheet on each database: people who own no indicator enter the register, ADMIN and
 * VIEWER are stated exactly (granted and revoked, audited, counted), the indicators' roles are left
 * to the Indicators sheet, a second import changes nothing, a dry run writes nothing, and a clash
 * with the register writes nothing either.
 */
import { importRegister, type ImportOptions } from '../../src/app/import-register';
import { describeEachDatabase } from '../support/test-database';
import { OWNER, indicatorCells, registerFile } from '../support/register-fixtures';

const options: ImportOptions = { dryRun: false, actorLabel: 'import people.csv', currentFinancialYear: 2026 };
const LEAD = { email: 'robert.hughes@fenmarsh.gov.uk', aad: 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f04' };
const OFFICER = { email: 'nadia.rahman@fenmarsh.gov.uk', aad: 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f03' };
const COUNCILLOR = 'cllr.ann.lee@fenmarsh.gov.uk';

const peopleFile = (rows: Record<string, string>[]) =>
  registerFile({ People: rows.map((row) => ({ email: '', aad_object_id: '', name: '', roles: '', ...row })) });

describeEachDatabase('importing the People sheet', (db) => {
  it('puts people with no indicator in the register with their roles, audited and counted; again changes nothing', async () => {
    const { store } = db();
    const file = peopleFile([
      { email: LEAD.email, aad_object_id: LEAD.aad, name: 'Robert Hughes', roles: 'admin' },
      { email: OFFICER.email, aad_object_id: OFFICER.aad, roles: 'Performance team; viewer' },
      { email: COUNCILLOR, roles: 'read only' },
    ]);

    const first = await importRegister(store, file, options);
    expect(first).toMatchObject({ ok: true, counts: { peopleCreated: 3, peopleUpdated: 0, rolesGranted: 4, rolesRevoked: 0, indicatorsCreated: 0 } });
    const lead = (await store.repos.people.findByAadObjectId(LEAD.aad))!;
    expect(lead).toMatchObject({ email: LEAD.email, displayName: 'Robert Hughes' });
    expect(await store.repos.people.rolesOf(lead.id)).toEqual(['ADMIN']);
    const officer = (await store.repos.people.findByEmail(OFFICER.email))!;
    expect(officer.displayName).toBe('Nadia Rahman'); // made from the email
    expect(await store.repos.people.rolesOf(officer.id)).toEqual(['ADMIN', 'VIEWER']);
    const councillor = (await store.repos.people.findByEmail(COUNCILLOR))!;
    expect(councillor).toMatchObject({ aadObjectId: null, displayName: 'Cllr Ann Lee' });
    expect(await store.repos.people.rolesOf(councillor.id)).toEqual(['VIEWER']);
    expect((await store.repos.people.withRole('ADMIN')).map((p) => p.email)).toEqual([OFFICER.email, LEAD.email]);
    expect(await store.repos.audit.count({ action: 'person.role.granted' })).toBe(4);
    const granted = (await store.repos.audit.forEntities('Person', [councillor.id])).find((a) => a.action === 'person.role.granted');
    expect(granted).toMatchObject({ actorLabel: 'import people.csv', after: { email: COUNCILLOR, role: 'VIEWER' } });

    const again = await importRegister(store, file, options);
    expect(again).toMatchObject({ ok: true, counts: { peopleCreated: 0, peopleUpdated: 0, rolesGranted: 0, rolesRevoked: 0 } });
    expect(await store.repos.audit.count({ action: 'person.role.granted' })).toBe(4);
  });

  it('revokes the admin and viewer roles a row no longer names, and leaves people not listed alone', async () => {
    const { store } = db();
    await importRegister(store, peopleFile([
      { email: LEAD.email, aad_object_id: LEAD.aad, roles: 'admin' },
      { email: OFFICER.email, aad_object_id: OFFICER.aad, roles: 'admin, viewer' },
    ]), options);

    // Robert is not on this file at all; Nadia's row drops admin.
    const outcome = await importRegister(store, peopleFile([{ email: OFFICER.email, aad_object_id: OFFICER.aad, roles: 'viewer' }]), options);
    expect(outcome).toMatchObject({ ok: true, counts: { rolesGranted: 0, rolesRevoked: 1 } });
    const officer = (await store.repos.people.findByEmail(OFFICER.email))!;
    expect(await store.repos.people.rolesOf(officer.id)).toEqual(['VIEWER']);
    const lead = (await store.repos.people.findByEmail(LEAD.email))!;
    expect(await store.repos.people.rolesOf(lead.id)).toEqual(['ADMIN']);
    const revoked = (await store.repos.audit.forEntities('Person', [officer.id])).filter((a) => a.action === 'person.role.revoked');
    expect(revoked).toEqual([expect.objectContaining({ before: { email: OFFICER.email, role: 'ADMIN' } })]);
  });

  it('leaves the indicators\' roles to the Indicators sheet: naming them on a row grants and revokes nothing', async () => {
    const { store } = db();
    const outcome = await importRegister(store, registerFile({
      Indicators: [indicatorCells()],
      People: [
        { email: OWNER.email, aad_object_id: OWNER.aad, name: 'Gareth Lewis', roles: 'viewer' }, // owner left out
        { email: LEAD.email, aad_object_id: LEAD.aad, name: '', roles: 'director; admin' }, // directs nothing
      ],
    }), options);
    expect(outcome).toMatchObject({ ok: true, counts: { rolesGranted: 2, rolesRevoked: 0 } });
    const owner = (await store.repos.people.findByEmail(OWNER.email))!;
    expect(await store.repos.people.rolesOf(owner.id)).toEqual(['OWNER', 'VIEWER']);
    const lead = (await store.repos.people.findByEmail(LEAD.email))!;
    expect(await store.repos.people.rolesOf(lead.id)).toEqual(['ADMIN']);
  });

  it('updates a person matched by Entra object id: a new email and name', async () => {
    const { store } = db();
    await importRegister(store, peopleFile([{ email: LEAD.email, aad_object_id: LEAD.aad, roles: 'admin' }]), options);
    const outcome = await importRegister(store, peopleFile([
      { email: 'robert.hughes-jones@fenmarsh.gov.uk', aad_object_id: LEAD.aad, name: 'Robert Hughes-Jones', roles: 'admin' },
    ]), options);
    expect(outcome).toMatchObject({ ok: true, counts: { peopleCreated: 0, peopleUpdated: 1, rolesGranted: 0, rolesRevoked: 0 } });
    expect(await store.repos.people.findByAadObjectId(LEAD.aad)).toMatchObject({ email: 'robert.hughes-jones@fenmarsh.gov.uk', displayName: 'Robert Hughes-Jones' });
    expect(await store.repos.people.count()).toBe(1);
  });

  it('writes nothing on a dry run, and counts what it would do', async () => {
    const { store } = db();
    const outcome = await importRegister(store, peopleFile([{ email: LEAD.email, aad_object_id: LEAD.aad, roles: 'admin' }]), { ...options, dryRun: true });
    expect(outcome).toMatchObject({ ok: true, dryRun: true, counts: { peopleCreated: 1, rolesGranted: 1 } });
    expect(await store.repos.people.count()).toBe(0);
    expect(await store.repos.audit.count()).toBe(0);
  });

  it('writes nothing when a row\'s id belongs to someone else in the register, and says which row', async () => {
    const { store } = db();
    await importRegister(store, peopleFile([
      { email: LEAD.email, aad_object_id: LEAD.aad, roles: 'admin' },
      { email: OFFICER.email, roles: '' },
    ]), options);
    const before = await store.repos.audit.count();
    const outcome = await importRegister(store, peopleFile([
      { email: COUNCILLOR, roles: 'viewer' },
      { email: OFFICER.email, aad_object_id: LEAD.aad, roles: 'admin' },
    ]), options);
    expect(outcome).toEqual({
      ok: false,
      problems: [{ sheet: 'People', row: 3, column: 'aad_object_id', message: `${OFFICER.email} is given Entra object id ${LEAD.aad}, which the register already has for ${LEAD.email}` }],
    });
    expect(await store.repos.people.findByEmail(COUNCILLOR)).toBeNull();
    expect(await store.repos.audit.count()).toBe(before);
  });
});
