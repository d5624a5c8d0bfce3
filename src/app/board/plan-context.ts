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
  const indicator = await store.repos.indicators.findById(indicatorId);
  const parsed = parsePeriod(periodText);
  if (!indicator || !parsed.ok) return null;
  const [status] = await registerStatus(store, { period: parsed.value, now, defaultTolerance, indicatorIds: [indicator.id] });
  if (!status) return null;
  const plan = await store.repos.actionPlans.find(indicator.id, periodKey(parsed.value));
  const leadIds = await leadsFor(store, indicator);
  const involved = [
    ...leadIds, indicator.ownerId, indicator.directorId,
    ...(plan?.versions ?? []).flatMap((v) => [v.submittedById, v.decidedById, ...v.actions.flatMap((a) => [a.leadId, a.completedById])]),
  ].filter((id): id is string => Boolean(id));
  const people = await store.repos.people.findByIds([...new Set(involved)]);
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  return {
    indicator,
    period: parsed.value,
    status,
    plan,
    names,
    leadChoices: leadIds.map((id) => ({ title: names.get(id) ?? 'Unknown', value: id })).sort((a, b) => a.title.localeCompare(b.title)),
    recoveryChoices: recoveryChoices(parsed.value),
  };
}

/**
 * Who may lead an action: the people of the indicator's directorate in the register (owners,
 * delegates, verifiers, its director), so the list stays short enough for a card.
 */
async function leadsFor(store: Store, indicator: IndicatorRecord): Promise<string[]> {
  const sameDirectorate = (await store.repos.indicators.listActive()).filter((i) => i.directorateId === indicator.directorateId);
  const ids = new Set<string>();
  for (const i of sameDirectorate) for (const id of [i.ownerId, ...i.delegateIds, i.verifierId, i.directorId]) if (id) ids.add(id);
  return [...ids];
}

function recoveryChoices(period: Period): ChoiceView[] {
  const choices: ChoiceView[] = [];
  let next = period;
  for (let i = 0; i < RECOVERY_CHOICES; i++) {
    next = nextPeriod(next);
    choices.push({ title: periodLabel(next), value: periodKey(next) });
  }
  return choices;
}
