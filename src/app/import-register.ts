/**
 * Use case: load a register file (indicators, targets, values, people) into the database.
 *
 * All or nothing: the file is checked row by row first; only a file with no problems is written,
 * in one transaction, so a bad row never leaves half a register behind. Re-importing updates in
 * place by code; a changed value becomes a new version, an unchanged one is left alone. A dry run
 * does the whole import inside the transaction and then rolls it back, so its counts are exactly
 * what a real import would do.
 */
import type { Store, Repositories } from '../db/store';
import type { AuditEntry } from '../db/repositories/audit-repository';
import type { IndicatorFields, IndicatorRecord } from '../db/repositories/indicator-repository';
import type { PersonRecord } from '../db/repositories/people-repository';
import type { ValueSource } from '../db/repositories/value-repository';
import type { Role } from '../domain/types';
import { parseRegister } from '../import/parse-register';
import type { ImportProblem, RegisterFile } from '../import/register-file';
import type { IndicatorInput, KnownIndicator, PersonInput, RegisterPlan } from '../import/register-plan';

export interface ImportOptions {
  readonly dryRun: boolean;
  /** Who is importing, for the audit log ("import register.xlsx", "demo data"). */
  readonly actorLabel: string;
  readonly actorId?: string | null;
  readonly currentFinancialYear: number;
  /** IMPORT for files; DEMO for the demo register. */
  readonly valueSource?: ValueSource;
  /** Stamp values with a date (the demo's history); defaults to now. */
  readonly enteredAt?: (value: { period: string }) => Date;
}

export interface ImportCounts {
  peopleCreated: number;
  peopleUpdated: number;
  indicatorsCreated: number;
  indicatorsUpdated: number;
  indicatorsUnchanged: number;
  targetsSet: number;
  targetsUnchanged: number;
  valuesCreated: number;
  valuesCorrected: number;
  valuesUnchanged: number;
  /** ADMIN and VIEWER roles the People sheet gave or took away. */
  rolesGranted: number;
  rolesRevoked: number;
}

export type ImportOutcome =
  | { readonly ok: true; readonly dryRun: boolean; readonly counts: ImportCounts }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

class Rejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import rejected');
  }
}
class DryRunComplete extends Error {
  constructor(readonly counts: ImportCounts) {
    super('dry run: rolled back');
  }
}

export async function importRegister(store: Store, file: RegisterFile, options: ImportOptions): Promise<ImportOutcome> {
  const referenced = new Set([...(file.Targets?.rows ?? []), ...(file.Values?.rows ?? [])].map((r) => r.cells.code ?? ''));
  const known = new Map<string, KnownIndicator>(
    (await store.repos.indicators.findByCodes([...referenced].filter(Boolean))).map((i) => [i.code, i]),
  );
  const parsed = parseRegister(file, { known, currentFinancialYear: options.currentFinancialYear });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };

  try {
    const counts = await store.transaction(
      async (repos) => {
        const counts = await writePlan(repos, parsed.plan, options);
        if (options.dryRun) throw new DryRunComplete(counts);
        return counts;
      },
      { timeoutMs: 300_000 },
    );
    return { ok: true, dryRun: false, counts };
  } catch (error) {
    if (error instanceof DryRunComplete) return { ok: true, dryRun: true, counts: error.counts };
    if (error instanceof Rejected) return { ok: false, problems: error.problems };
    throw error;
  }
}

async function writePlan(repos: Repositories, plan: RegisterPlan, options: ImportOptions): Promise<ImportCounts> {
  const counts: ImportCounts = {
    peopleCreated: 0, peopleUpdated: 0, indicatorsCreated: 0, indicatorsUpdated: 0, indicatorsUnchanged: 0,
    targetsSet: 0, targetsUnchanged: 0, valuesCreated: 0, valuesCorrected: 0, valuesUnchanged: 0,
    rolesGranted: 0, rolesRevoked: 0,
  };
  const audit: AuditEntry[] = [];
  const actor = { actorId: options.actorId ?? null, actorLabel: options.actorLabel };

  const people = await writePeople(repos, plan, counts, audit, actor);
  const personId = (input: PersonInput) => people.get(input.email)!.id;

  const indicatorIds = new Map<string, string>();
  for (const input of plan.indicators) {
    const record = await writeIndicator(repos, input, personId, counts, audit, actor);
    indicatorIds.set(input.code, record.id);
    await grantRoles(repos, input, personId);
  }
  await stateListedRoles(repos, plan, personId, counts, audit, actor);

  const idOf = async (code: string): Promise<string> =>
    indicatorIds.get(code) ?? (await repos.indicators.findByCode(code))!.id;

  for (const target of plan.targets) {
    const indicatorId = await idOf(target.code);
    const existing = await repos.targets.find(indicatorId, target.period);
    if (existing && existing.value === target.value) {
      counts.targetsUnchanged++;
      continue;
    }
    await repos.targets.upsert({ indicatorId, period: target.period, financialYear: target.financialYear, value: target.value });
    counts.targetsSet++;
    audit.push({ ...actor, action: 'target.set', entityType: 'Target', entityId: `${target.code} ${target.period}`,
      before: existing ? { value: existing.value } : undefined, after: { value: target.value } });
  }

  for (const value of plan.values) {
    const indicatorId = await idOf(value.code);
    const latest = await repos.values.latest(indicatorId, value.period);
    if (latest && latest.value === value.value && latest.note === value.note) {
      counts.valuesUnchanged++;
      continue;
    }
    const saved = await repos.values.append({
      indicatorId, period: value.period, financialYear: value.financialYear, value: value.value, note: value.note,
      source: options.valueSource ?? 'IMPORT', enteredById: options.actorId ?? null,
      ...(options.enteredAt ? { enteredAt: options.enteredAt(value) } : {}),
    });
    if (latest) counts.valuesCorrected++;
    else counts.valuesCreated++;
    audit.push({ ...actor, action: latest ? 'value.corrected' : 'value.created', entityType: 'IndicatorValue',
      entityId: saved.id, before: latest ? { value: latest.value, note: latest.note, version: latest.version } : undefined,
      after: { code: value.code, period: value.period, value: saved.value, note: saved.note, version: saved.version } });
  }

  await repos.audit.record(audit);
  return counts;
}

async function writePeople(
  repos: Repositories, plan: RegisterPlan, counts: ImportCounts, audit: AuditEntry[], actor: Pick<AuditEntry, 'actorId' | 'actorLabel'>,
): Promise<Map<string, PersonRecord>> {
  const problems: ImportProblem[] = [];
  const saved = new Map<string, PersonRecord>();
  for (const input of plan.people) {
    // Match by Entra object id first: an email can change (a new surname), the object id cannot.
    const byAad = input.aadObjectId ? await repos.people.findByAadObjectId(input.aadObjectId) : null;
    const byEmail = await repos.people.findByEmail(input.email);
    if (byAad && byEmail && byAad.id !== byEmail.id) {
      // Point at the People row when the person is listed there: that row is where they are described.
      const listed = plan.listed.find((l) => l.email === input.email);
      problems.push({ sheet: listed ? 'People' : 'Indicators', row: listed?.row ?? null, column: listed ? 'aad_object_id' : null,
        message: `${input.email} is given Entra object id ${input.aadObjectId}, which the register already has for ${byAad.email}` });
      continue;
    }
    const existing = byAad ?? byEmail;
    if (!existing) {
      const person = await repos.people.create({
        email: input.email, aadObjectId: input.aadObjectId, displayName: input.displayName ?? nameFromEmail(input.email),
      });
      counts.peopleCreated++;
      audit.push({ ...actor, action: 'person.created', entityType: 'Person', entityId: person.id, after: person });
      saved.set(input.email, person);
      continue;
    }
    const changes = {
      ...(existing.email !== input.email ? { email: input.email } : {}),
      ...(input.aadObjectId && existing.aadObjectId !== input.aadObjectId ? { aadObjectId: input.aadObjectId } : {}),
      ...(input.displayName && existing.displayName !== input.displayName ? { displayName: input.displayName } : {}),
    };
    if (Object.keys(changes).length === 0) {
      saved.set(input.email, existing);
      continue;
    }
    const person = await repos.people.update(existing.id, changes);
    counts.peopleUpdated++;
    audit.push({ ...actor, action: 'person.updated', entityType: 'Person', entityId: person.id, before: existing, after: person });
    saved.set(input.email, person);
  }
  if (problems.length > 0) throw new Rejected(problems);
  return saved;
}

async function writeIndicator(
  repos: Repositories, input: IndicatorInput, personId: (p: PersonInput) => string, counts: ImportCounts,
  audit: AuditEntry[], actor: Pick<AuditEntry, 'actorId' | 'actorLabel'>,
): Promise<IndicatorRecord> {
  const directorate = await repos.organisation.ensureDirectorate(input.directorate);
  const service = input.service ? await repos.organisation.ensureService(directorate.id, input.service) : null;
  const priority = input.priority ? await repos.organisation.ensurePriority(input.priority, input.priority) : null;
  const fields: IndicatorFields = {
    code: input.code, title: input.title, definition: input.definition, kind: input.kind, unit: input.unit,
    decimals: input.decimals, polarity: input.polarity, frequency: input.frequency, aggregation: input.aggregation,
    lens: input.lens, allowAboveHundred: input.allowAboveHundred, tolerance: input.tolerance,
    directorateId: directorate.id, serviceId: service?.id ?? null, priorityId: priority?.id ?? null,
    ownerId: personId(input.owner), verifierId: input.verifier ? personId(input.verifier) : null,
    directorId: input.director ? personId(input.director) : null,
    delegateIds: input.delegates.map(personId).sort(),
  };
  if (input.director) await repos.organisation.setDirectorateDirector(directorate.id, fields.directorId!);
  const existing = await repos.indicators.findByCode(input.code);
  if (!existing) {
    const created = await repos.indicators.create(fields);
    counts.indicatorsCreated++;
    audit.push({ ...actor, action: 'indicator.created', entityType: 'Indicator', entityId: created.id, after: fields });
    return created;
  }
  const before = registerFields(existing);
  if (JSON.stringify(before) === JSON.stringify(registerFields({ ...existing, ...fields }))) {
    counts.indicatorsUnchanged++;
    return existing;
  }
  const updated = await repos.indicators.update(existing.id, fields);
  counts.indicatorsUpdated++;
  audit.push({ ...actor, action: 'indicator.updated', entityType: 'Indicator', entityId: updated.id, before, after: registerFields(updated) });
  return updated;
}

/** The fields an import controls, in a fixed order so two records compare as JSON. */
function registerFields(record: IndicatorFields): IndicatorFields {
  return {
    code: record.code, title: record.title, definition: record.definition, kind: record.kind, unit: record.unit,
    decimals: record.decimals, polarity: record.polarity, frequency: record.frequency, aggregation: record.aggregation,
    lens: record.lens, allowAboveHundred: record.allowAboveHundred, tolerance: record.tolerance,
    directorateId: record.directorateId, serviceId: record.serviceId, priorityId: record.priorityId,
    ownerId: record.ownerId, verifierId: record.verifierId, directorId: record.directorId, delegateIds: record.delegateIds,
  };
}

async function grantRoles(repos: Repositories, input: IndicatorInput, personId: (p: PersonInput) => string): Promise<void> {
  const grants: [PersonInput | null, Role][] = [
    [input.owner, 'OWNER'], [input.verifier, 'VERIFIER'], [input.director, 'DIRECTOR'],
    ...input.delegates.map((d): [PersonInput, Role] => [d, 'DELEGATE']),
  ];
  for (const [person, role] of grants) if (person) await repos.people.grantRole(personId(person), role);
}

/** The roles the People sheet states exactly; the others follow the indicators a person is named on. */
export const LISTED_ROLES: readonly Role[] = ['ADMIN', 'VIEWER'];

/**
 * Each People row says whether its person is in the performance team (ADMIN) and whether they only
 * read (VIEWER): a role the row names is granted, one it leaves out is revoked. Owner, delegate,
 * verifier and director on a row change nothing: they follow the Indicators sheet.
 */
async function stateListedRoles(
  repos: Repositories, plan: RegisterPlan, personId: (p: PersonInput) => string, counts: ImportCounts,
  audit: AuditEntry[], actor: Pick<AuditEntry, 'actorId' | 'actorLabel'>,
): Promise<void> {
  for (const row of plan.listed) {
    const id = personId({ email: row.email, aadObjectId: null, displayName: null });
    const held = await repos.people.rolesOf(id);
    for (const role of LISTED_ROLES) {
      const wanted = row.roles.includes(role);
      if (wanted === held.includes(role)) continue;
      if (wanted) {
        await repos.people.grantRole(id, role);
        counts.rolesGranted++;
        audit.push({ ...actor, action: 'person.role.granted', entityType: 'Person', entityId: id, after: { email: row.email, role } });
      } else {
        await repos.people.revokeRole(id, role);
        counts.rolesRevoked++;
        audit.push({ ...actor, action: 'person.role.revoked', entityType: 'Person', entityId: id, before: { email: row.email, role } });
      }
    }
  }
}

/** "jane.smith@council.gov.uk" -> "Jane Smith", until the person signs in to Teams with their real name. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._\-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}
