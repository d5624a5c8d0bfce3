/**
 * What the plan and approval cards of one indicator and period need, read once: the indicator, its
 * status for the period, the plan with its versions, the names of everyone involved, who may lead
 * an action and which periods recovery may be expected by.
 */
import type { Store } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { ActionPlanRecord } from '../../db/repositories/action-plan-repository';
import type { Tolerance } from '../../domain/types';
import { nextPeriod, parsePeriod, periodKey, periodLabel, type Period } from '../../domain/periods';
import { registerStatus, type IndicatorStatus } from '../register-status';
import type { ChoiceView } from '../../cards/board/board-view-models';

/** How far ahead recovery may be expected: a year of months, three years of quarters or years. */
const RECOVERY_CHOICES = 12;

export interface PlanContext {
  readonly indicator: IndicatorRecord;
  readonly period: Period;
  readonly status: IndicatorStatus;
  readonly plan: ActionPlanRecord | null;
  readonly names: ReadonlyMap<string, string>;
  readonly leadChoices: readonly ChoiceView[];
  readonly recoveryChoices: readonly ChoiceView[];
}

export async function loadPlanContext(store: Store, indicatorId: string, periodText: string, now: Date, defaultTolerance: Tolerance): Promise<PlanContext | null> {
  const parsed = parsePeriod(periodText);
  if (!parsed.ok) return null;
  const [status] = await registerStatus(store, { period: parsed.value, now, defaultTolerance, indicatorIds: [indicatorId] });
  return status ? (await planContextsFor(store, [status]))[0]! : null;
}

/**
 * The contexts of many indicators at once (the digest asks every red's owner for a plan), from
 * the register, the plans and the people read once rather than once per indicator.
 */
export async function planContextsFor(store: Store, statuses: readonly IndicatorStatus[]): Promise<PlanContext[]> {
  if (statuses.length === 0) return [];
  const [register, plans] = await Promise.all([
    store.repos.indicators.active({ directorateIds: [...new Set(statuses.map((s) => s.indicator.directorateId))] }),
    store.repos.actionPlans.forPeriods([...new Set(statuses.map((s) => s.period))]),
  ]);
  const planOf = new Map(plans.map((plan) => [`${plan.indicatorId}|${plan.period}`, plan]));
  const leadsOf = leadsByDirectorate(register);
  const involved = statuses.flatMap((s) => {
    const plan = planOf.get(`${s.indicator.id}|${s.period}`);
    return [
      ...(leadsOf.get(s.indicator.directorateId) ?? []), s.indicator.ownerId, s.indicator.directorId,
      ...(plan?.versions ?? []).flatMap((v) => [v.submittedById, v.decidedById, ...v.actions.flatMap((a) => [a.leadId, a.completedById])]),
    ];
  });
  const people = await store.repos.people.findByIds([...new Set(involved.filter((id): id is string => Boolean(id)))]);
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  return statuses.map((status) => {
    const period = parsePeriod(status.period);
    if (!period.ok) throw new Error(`a status for an unreadable period ${status.period}`);
    const leadIds = leadsOf.get(status.indicator.directorateId) ?? [];
    return {
      indicator: status.indicator,
      period: period.value,
      status,
      plan: planOf.get(`${status.indicator.id}|${status.period}`) ?? null,
      names,
      leadChoices: leadIds.map((id) => ({ title: names.get(id) ?? 'Unknown', value: id })).sort((a, b) => a.title.localeCompare(b.title)),
      recoveryChoices: recoveryChoices(period.value),
    };
  });
}

/**
 * Who may lead an action, by directorate: its people in the register (owners, delegates,
 * verifiers, its director), so the list stays short enough for a card.
 */
function leadsByDirectorate(register: readonly IndicatorRecord[]): Map<string, string[]> {
  const ids = new Map<string, Set<string>>();
  for (const i of register) {
    const set = ids.get(i.directorateId) ?? new Set<string>();
    for (const id of [i.ownerId, ...i.delegateIds, i.verifierId, i.directorId]) if (id) set.add(id);
    ids.set(i.directorateId, set);
  }
  return new Map([...ids].map(([directorate, set]) => [directorate, [...set]]));
}

export function recoveryChoices(period: Period): ChoiceView[] {
  const choices: ChoiceView[] = [];
  let next = period;
  for (let i = 0; i < RECOVERY_CHOICES; i++) {
    next = nextPeriod(next);
    choices.push({ title: periodLabel(next), value: periodKey(next) });
  }
  return choices;
}
