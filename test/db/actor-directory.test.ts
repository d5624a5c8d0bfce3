import pino from 'pino';
import { importRegister } from '../../src/app/import-register';
import { ActorDirectory } from '../../src/app/actor-directory';
import { AdminPolicy } from '../../src/app/admin-policy';
import { PeopleService } from '../../src/app/people-service';
import { Refusals } from '../../src/app/refusals';
import { TenantPolicy } from '../../src/app/tenant-policy';
import { describeEachDatabase } from '../support/test-database';
import { smallRegister } from '../support/register-fixtures';

const TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a';
const FIRST_ADMIN = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const log = pino({ level: 'silent' });

describeEachDatabase('who is acting in a turn', (db) => {
  let actors: ActorDirectory;
  const identity = (aadObjectId: string | null, tenantId: string | null = TENANT, name = 'Priya Shah') => ({ aadObjectId, teamsUserId: '29:x', name, tenantId });
  const email = (address: string | null) => async () => address;

  beforeEach(async () => {
    const { store } = db();
    await importRegister(store, smallRegister(), { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    actors = new ActorDirectory(store, new PeopleService(store), new AdminPolicy(store, [FIRST_ADMIN]), new TenantPolicy(TENANT), new Refusals(store));
  });

  it('knows an owner in the register by email, with their roles, and not as an admin', async () => {
    const resolved = await actors.resolve(identity('11111111-2222-4333-8444-555555555555', TENANT, 'Gareth Lewis'), email('gareth.lewis@fenmarsh.gov.uk'), log, 'message');
    expect(resolved.ok && resolved.actor).toMatchObject({ name: 'Gareth Lewis', isAdmin: false, roles: ['OWNER'], person: { email: 'gareth.lewis@fenmarsh.gov.uk' } });
  });

  it('knows someone by Entra id, with every role they hold, without asking for their email', async () => {
    const { store } = db();
    const aad = '11111111-2222-4333-8444-555555555555';
    const gareth = (await store.repos.people.findByEmail('gareth.lewis@fenmarsh.gov.uk'))!;
    await store.repos.people.update(gareth.id, { aadObjectId: aad });
    await store.repos.people.grantRole(gareth.id, 'DIRECTOR');
    let asked = false;
    const resolved = await actors.resolve(identity(aad, TENANT, 'Gareth Lewis'), async () => { asked = true; return null; }, log, 'message');
    expect(resolved.ok && resolved.actor).toMatchObject({ isAdmin: false, roles: ['OWNER', 'DIRECTOR'], person: { id: gareth.id, aadObjectId: aad } });
    expect(asked).toBe(false);
    expect(await store.repos.people.findWithRolesByAadObjectId('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('enrols an admin listed by Entra id who is not in the register, once, with the ADMIN role', async () => {
    const first = await actors.resolve(identity(FIRST_ADMIN), email('Priya.Shah@fenmarsh.gov.uk'), log, 'message');
    expect(first.ok && first.actor).toMatchObject({ isAdmin: true, roles: ['ADMIN'], person: { email: 'priya.shah@fenmarsh.gov.uk', aadObjectId: FIRST_ADMIN, displayName: 'Priya Shah' } });
    const again = await actors.resolve(identity(FIRST_ADMIN), email('priya.shah@fenmarsh.gov.uk'), log, 'message');
    expect(again.ok && again.actor.person?.id).toBe(first.ok && first.actor.person?.id);
    expect(await db().store.repos.audit.count({ action: 'person.enrolled' })).toBe(1);
  });

  it('still serves a listed admin as an admin when Teams cannot tell their email, without enrolling them', async () => {
    const resolved = await actors.resolve(identity(FIRST_ADMIN), email(null), log, 'message');
    expect(resolved.ok && resolved.actor).toMatchObject({ isAdmin: true, person: null, roles: [], name: 'Priya Shah' });
    expect(await db().store.repos.people.findByAadObjectId(FIRST_ADMIN)).toBeNull();
  });

  it('never takes over someone else\'s email for an enrolment', async () => {
    const resolved = await actors.resolve(identity(FIRST_ADMIN), email('chloe.evans@fenmarsh.gov.uk'), log, 'message');
    // Chloe is in the register by email with no Entra id: the listed admin is linked to her, as any sign-in by email would.
    expect(resolved.ok && resolved.actor.person?.email).toBe('chloe.evans@fenmarsh.gov.uk');
    expect(await db().store.repos.audit.count({ action: 'person.enrolled' })).toBe(0);
  });

  it('refuses another tenant before reading or storing anything for them, and audits it', async () => {
    let asked = 0;
    const resolved = await actors.resolve(identity(FIRST_ADMIN, '11111111-2222-4333-8444-555555555555'), async () => (asked++, 'priya.shah@fenmarsh.gov.uk'), log, 'message');
    expect(resolved).toEqual({ ok: false, reason: 'otherTenant' });
    expect(asked).toBe(0);
    expect(await db().store.repos.people.findByAadObjectId(FIRST_ADMIN)).toBeNull();
    expect(await db().store.repos.audit.count({ action: 'tenant.refused' })).toBe(1);
  });
});
