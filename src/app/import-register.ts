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
import type { PersonDetails, PersonRecord } from '../db/repositories/people-repository';
import { serviceKey } from '../db/repositories/organisation-repository';
import type { TargetRecord } from '../db/repositories/target-repository';
import type { CurrentVersion, NumberedValue, ValueSource } from '../db/repositories/value-repository';
import type { Role } from '../domain/types';
import { parseRegister } from '../import/parse-register';
import type { ImportProblem, RegisterFile } from '../import/register-file';
import type { IndicatorInput, KnownIndicator, PersonInput, RegisterPlan, ValueInput } from '../import/register-plan';

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
  /** Told how far the import has got, for a progress line; called between steps and batches. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

export type ImportProgress =
  /** The file's rows are being checked. */
  | { readonly step: 'checking'; readonly rows: number }
  /** `done` of `total` rows of one kind are written (in a dry run: written, to be rolled back). */
  | { readonly step: 'writing'; readonly what: 'indicators' | 'targets' | 'values'; readonly done: number; readonly total: number };

/** Rows per multi-row statement: large enough that statements are few, small enough to report progress. */
export const IMPORT_BATCH_ROWS = 5_000;

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

type Actor = Pick<AuditEntry, 'actorId' | 'actorLabel'>;

export async function importRegister(store: Store, file: RegisterFile, options: ImportOptions): Promise<ImportOutcome> {
  const progress = options.onProgress ?? (() => {});
  progress({ step: 'checking', rows: [file.Indicators, file.Targets, file.Values, file.People].reduce((n, sheet) => n + (sheet?.rows.length ?? 0), 0) });
  const referenced = new Set([...(file.Targets?.rows ?? []), ...(file.Values?.rows ?? [])].map((r) => r.cells.code ?? ''));
  const known = new Map<string, KnownIndicator>(
    (await store.repos.indicators.findByCodes([...referenced].filter(Boolean))).map((i) => [i.code, i]),
  );
  const parsed = parseRegister(file, { known, currentFinancialYear: options.currentFinancialYear });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };

  try {
    const counts = await store.transaction(
      async (repos) => {
        const counts = await writePlan(repos, parsed.plan, options, progress);
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

async function writePlan(
  repos: Repositories, plan: RegisterPlan, options: ImportOptions, progress: (p: ImportProgress) => void,
): Promise<ImportCounts> {
  const counts: ImportCounts = {
    peopleCreated: 0, peopleUpdated: 0, indicatorsCreated: 0, indicatorsUpdated: 0, indicatorsUnchanged: 0,
    targetsSet: 0, targetsUnchanged: 0, valuesCreated: 0, valuesCorrected: 0, valuesUnchanged: 0,
    rolesGranted: 0, rolesRevoked: 0,
  };
  const audit: AuditEntry[] = [];
  const actor: Actor = { actorId: options.actorId ?? null, actorLabel: options.actorLabel };

  const people = await writePeople(repos, plan, counts, audit, actor);
  const personId = (input: PersonInput) => people.get(input.email)!.id;

  progress({ step: 'writing', what: 'indicators', done: 0, total: plan.indicators.length });
  const indicatorIds = await writeIndicators(repos, plan.indicators, personId, counts, audit, actor);
  await repos.people.grantRoles(plan.indicators.flatMap((input) => impliedRoles(input, personId)));
  await stateListedRoles(repos, plan, personId, counts, audit, actor);
  progress({ step: 'writing', what: 'indicators', done: plan.indicators.length, total: plan.indicators.length });

  // Targets and Values may name indicators already in the register and not in this file.
  const elsewhere = [...new Set([...plan.targets, ...plan.values].map((row) => row.code))].filter((code) => !indicatorIds.has(code));
  for (const record of await repos.indicators.findByCodes(elsewhere)) indicatorIds.set(record.code, record.id);
  const idOf = (code: string): string => indicatorIds.get(code)!;

  await writeTargets(repos, plan, idOf, counts, audit, actor, progress);
  for (const batch of batches(audit)) await repos.audit.recordMany(batch);
  await writeValues(repos, plan.values, idOf, options, counts, actor, progress);
  return counts;
}

async function writeTargets(
  repos: Repositories, plan: RegisterPlan, idOf: (code: string) => string, counts: ImportCounts, audit: AuditEntry[],
  actor: Actor, progress: (p: ImportProgress) => void,
): Promise<void> {
  const stored = new Map<string, TargetRecord>();
  for (const target of await repos.targets.forIndicators([...new Set(plan.targets.map((t) => idOf(t.code)))])) {
    stored.set(`${target.indicatorId}|${target.period}`, target);
  }
  const changed: TargetRecord[] = [];
  for (const target of plan.targets) {
    const indicatorId = idOf(target.code);
    const existing = stored.get(`${indicatorId}|${target.period}`);
    if (existing && existing.value === target.value) {
      counts.targetsUnchanged++;
      continue;
    }
    changed.push({ indicatorId, period: target.period, financialYear: target.financialYear, value: target.value });
    counts.targetsSet++;
    audit.push({ ...actor, action: 'target.set', entityType: 'Target', entityId: `${target.code} ${target.period}`,
      before: existing ? { value: existing.value } : undefined, after: { value: target.value } });
  }
  let done = 0;
  for (const batch of batches(changed)) {
    await repos.targets.upsertMany(batch);
    progress({ step: 'writing', what: 'targets', done: (done += batch.length), total: changed.length });
  }
}

/**
 * Each new version of a value is audited on its own row (value.created or value.corrected, the
 * version's id as the entity, before and after), exactly as a figure entered on a card is: so
 * "who changed this figure, when, from what" is one look-up by the version's id, the same for every
 * source. At 60,000 values that is 60,000 small audit rows, written in the same multi-row batches
 * as the values, which costs about as much again as the values themselves; a single entry per
 * indicator or per import would be cheaper but would make the audit of an imported figure look
 * different from every other figure's.
 */
async function writeValues(
  repos: Repositories, values: readonly ValueInput[], idOf: (code: string) => string, options: ImportOptions,
  counts: ImportCounts, actor: Actor, progress: (p: ImportProgress) => void,
): Promise<void> {
  const current = new Map<string, CurrentVersion>();
  for (const version of await repos.values.currentVersionsForWriting([...new Set(values.map((v) => idOf(v.code)))])) {
    current.set(`${version.indicatorId}|${version.period}`, version);
  }
  const changes: { input: ValueInput; latest: CurrentVersion | undefined; next: NumberedValue }[] = [];
  for (const value of values) {
    const indicatorId = idOf(value.code);
    const latest = current.get(`${indicatorId}|${value.period}`);
    if (latest && latest.value === value.value && latest.note === value.note) {
      counts.valuesUnchanged++;
      continue;
    }
    changes.push({
      input: value, latest,
      next: {
        indicatorId, period: value.period, financialYear: value.financialYear, version: (latest?.version ?? 0) + 1,
        value: value.value, note: value.note, source: options.valueSource ?? 'IMPORT', enteredById: options.actorId ?? null,
        ...(options.enteredAt ? { enteredAt: options.enteredAt(value) } : {}),
      },
    });
    if (latest) counts.valuesCorrected++;
    else counts.valuesCreated++;
  }
  let done = 0;
  for (const batch of batches(changes)) {
    const ids = await repos.values.appendNumbered(batch.map((change) => change.next));
    await repos.audit.recordMany(batch.map(({ input, latest, next }, i): AuditEntry => ({
      ...actor, action: latest ? 'value.corrected' : 'value.created', entityType: 'IndicatorValue', entityId: ids[i]!,
      before: latest ? { value: latest.value, note: latest.note, version: latest.version } : undefined,
      after: { code: input.code, period: input.period, value: next.value, note: next.note, version: next.version },
    })));
    progress({ step: 'writing', what: 'values', done: (done += batch.length), total: changes.length });
  }
}

/**
 * Everyone the file names, matched to the register in two queries. The index of who is stored is
 * kept up to date as people are updated, so each row sees the register as the rows before it left it.
 */
async function writePeople(
  repos: Repositories, plan: RegisterPlan, counts: ImportCounts, audit: AuditEntry[], actor: Actor,
): Promise<Map<string, PersonRecord>> {
  const problems: ImportProblem[] = [];
  const saved = new Map<string, PersonRecord>();
  const byEmail = new Map<string, PersonRecord>();
  const byAad = new Map<string, PersonRecord>();
  const index = (person: PersonRecord) => {
    byEmail.set(person.email, person);
    if (person.aadObjectId) byAad.set(person.aadObjectId, person);
  };
  const aadIds = plan.people.flatMap((p) => (p.aadObjectId ? [p.aadObjectId] : []));
  for (const person of await repos.people.findByEmails(plan.people.map((p) => p.email))) index(person);
  for (const person of aadIds.length > 0 ? await repos.people.findByAadObjectIds(aadIds) : []) index(person);

  // New people are added together at the end; their audit entries keep their place in the file's order.
  const toCreate: PersonDetails[] = [];
  const entries: (AuditEntry | { created: string })[] = [];
  for (const input of plan.people) {
    // Match by Entra object id first: an email can change (a new surname), the object id cannot.
    const found = input.aadObjectId ? byAad.get(input.aadObjectId) ?? null : null;
    const sameEmail = byEmail.get(input.email) ?? null;
    if (found && sameEmail && found.id !== sameEmail.id) {
      // Point at the People row when the person is listed there: that row is where they are described.
      const listed = plan.listed.find((l) => l.email === input.email);
      problems.push({ sheet: listed ? 'People' : 'Indicators', row: listed?.row ?? null, column: listed ? 'aad_object_id' : null,
        message: `${input.email} is given Entra object id ${input.aadObjectId}, which the register already has for ${found.email}` });
      continue;
    }
    const existing = found ?? sameEmail;
    if (!existing) {
      toCreate.push({ email: input.email, aadObjectId: input.aadObjectId, displayName: input.displayName ?? nameFromEmail(input.email) });
      entries.push({ created: input.email });
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
    byEmail.delete(existing.email);
    if (existing.aadObjectId) byAad.delete(existing.aadObjectId);
    index(person);
    counts.peopleUpdated++;
    entries.push({ ...actor, action: 'person.updated', entityType: 'Person', entityId: person.id, before: existing, after: person });
    saved.set(input.email, person);
  }
  if (problems.length > 0) throw new Rejected(problems);

  for (const person of await repos.people.createMany(toCreate)) saved.set(person.email, person);
  counts.peopleCreated += toCreate.length;
  for (const entry of entries) {
    if (!('created' in entry)) audit.push(entry);
    else {
      const person = saved.get(entry.created)!;
      audit.push({ ...actor, action: 'person.created', entityType: 'Person', entityId: person.id, after: person });
    }
  }
  return saved;
}

/**
 * The file's indicators against the register's: directorates, services and priorities found or
 * added a few statements at a time, every indicator of the file read in one query, new ones added
 * in one statement, changed ones updated one by one (a re-import changes few). Returns ids by code.
 */
async function writeIndicators(
  repos: Repositories, inputs: readonly IndicatorInput[], personId: (p: PersonInput) => string, counts: ImportCounts,
  audit: AuditEntry[], actor: Actor,
): Promise<Map<string, string>> {
  const directorates = await repos.organisation.ensureDirectorates(inputs.map((i) => i.directorate));
  const directorateId = (input: IndicatorInput) => directorates.get(input.directorate)!.id;
  const services = await repos.organisation.ensureServices(
    inputs.flatMap((i) => (i.service ? [{ directorateId: directorateId(i), name: i.service }] : [])),
  );
  const priorities = await repos.organisation.ensurePriorities(inputs.flatMap((i) => (i.priority ? [i.priority] : [])));

  // A directorate's director is the one its last indicator in the file names.
  const directors = new Map<string, string>();
  for (const input of inputs) if (input.director) directors.set(directorateId(input), personId(input.director));
  for (const directorate of directorates.values()) {
    const director = directors.get(directorate.id);
    if (director && director !== directorate.directorId) await repos.organisation.setDirectorateDirector(directorate.id, director);
  }

  const stored = new Map((await repos.indicators.findByCodes(inputs.map((i) => i.code))).map((record) => [record.code, record]));
  const ids = new Map<string, string>();
  const toCreate: IndicatorFields[] = [];
  const created: number[] = [];
  for (const input of inputs) {
    const directorate = directorateId(input);
    const fields: IndicatorFields = {
      code: input.code, title: input.title, definition: input.definition, kind: input.kind, unit: input.unit,
      decimals: input.decimals, polarity: input.polarity, frequency: input.frequency, aggregation: input.aggregation,
      lens: input.lens, allowAboveHundred: input.allowAboveHundred, lagMonths: input.lagMonths, public: input.public, maxChangePercent: input.maxChangePercent,
      variationApplies: input.variationApplies, variationBaselineFrom: input.variationBaselineFrom, variationBaselinePoints: input.variationBaselinePoints,
      tolerance: input.tolerance,
      directorateId: directorate, serviceId: input.service ? services.get(serviceKey(directorate, input.service))! : null,
      priorityId: input.priority ? priorities.get(input.priority)! : null,
      ownerId: personId(input.owner), verifierId: input.verifier ? personId(input.verifier) : null,
      directorId: input.director ? personId(input.director) : null,
      delegateIds: input.delegates.map(personId).sort(),
    };
    const existing = stored.get(input.code);
    if (!existing) {
      created.push(audit.length);
      audit.push({ ...actor, action: 'indicator.created', entityType: 'Indicator', entityId: '', after: fields });
      toCreate.push(fields);
      continue;
    }
    ids.set(input.code, existing.id);
    const before = registerFields(existing);
    if (JSON.stringify(before) === JSON.stringify(registerFields({ ...existing, ...fields }))) {
      counts.indicatorsUnchanged++;
      continue;
    }
    const updated: IndicatorRecord = await repos.indicators.update(existing.id, fields);
    counts.indicatorsUpdated++;
    audit.push({ ...actor, action: 'indicator.updated', entityType: 'Indicator', entityId: updated.id, before, after: registerFields(updated) });
  }
  const newIds: string[] = [];
  for (const batch of batches(toCreate)) newIds.push(...(await repos.indicators.createMany(batch)));
  toCreate.forEach((fields, i) => {
    ids.set(fields.code, newIds[i]!);
    audit[created[i]!] = { ...audit[created[i]!]!, entityId: newIds[i]! };
  });
  counts.indicatorsCreated += toCreate.length;
  return ids;
}

/** The fields an import controls, in a fixed order so two records compare as JSON. */
function registerFields(record: IndicatorFields): IndicatorFields {
  return {
    code: record.code, title: record.title, definition: record.definition, kind: record.kind, unit: record.unit,
    decimals: record.decimals, polarity: record.polarity, frequency: record.frequency, aggregation: record.aggregation,
    lens: record.lens, allowAboveHundred: record.allowAboveHundred, lagMonths: record.lagMonths, public: record.public, maxChangePercent: record.maxChangePercent,
    variationApplies: record.variationApplies, variationBaselineFrom: record.variationBaselineFrom, variationBaselinePoints: record.variationBaselinePoints,
    tolerance: record.tolerance,
    directorateId: record.directorateId, serviceId: record.serviceId, priorityId: record.priorityId,
    ownerId: record.ownerId, verifierId: record.verifierId, directorId: record.directorId, delegateIds: record.delegateIds,
  };
}

/** The roles an indicator's links give its people (held explicitly too, so the register says who is who). */
function impliedRoles(input: IndicatorInput, personId: (p: PersonInput) => string): { personId: string; role: Role }[] {
  const grants: [PersonInput | null, Role][] = [
    [input.owner, 'OWNER'], [input.verifier, 'VERIFIER'], [input.director, 'DIRECTOR'],
    ...input.delegates.map((d): [PersonInput, Role] => [d, 'DELEGATE']),
  ];
  return grants.flatMap(([person, role]) => (person ? [{ personId: personId(person), role }] : []));
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
  audit: AuditEntry[], actor: Actor,
): Promise<void> {
  const id = (email: string) => personId({ email, aadObjectId: null, displayName: null });
  const roles = plan.listed.length > 0 ? await repos.people.rolesOfEach(plan.listed.map((row) => id(row.email))) : new Map<string, Role[]>();
  for (const row of plan.listed) {
    const held = roles.get(id(row.email)) ?? [];
    for (const role of LISTED_ROLES) {
      const wanted = row.roles.includes(role);
      if (wanted === held.includes(role)) continue;
      if (wanted) {
        await repos.people.grantRole(id(row.email), role);
        counts.rolesGranted++;
        audit.push({ ...actor, action: 'person.role.granted', entityType: 'Person', entityId: id(row.email), after: { email: row.email, role } });
      } else {
        await repos.people.revokeRole(id(row.email), role);
        counts.rolesRevoked++;
        audit.push({ ...actor, action: 'person.role.revoked', entityType: 'Person', entityId: id(row.email), before: { email: row.email, role } });
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

function* batches<T>(rows: readonly T[], size = IMPORT_BATCH_ROWS): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
