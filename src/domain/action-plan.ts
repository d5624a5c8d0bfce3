/**
 * The rules of a remedial action plan: what a valid submission is, who may decide it, and when an
 * action is overdue. Pure: the use cases bring the people, periods and today's date.
 */
import { LIKELY_TO_RECOVER, type LikelyToRecover } from './types';

/** One row of the plan form as typed; a row left wholly blank is not an action. */
export interface PlanActionInput {
  readonly lead: string;
  /** yyyy-mm-dd, as Input.Date sends it. */
  readonly due: string;
  readonly description: string;
}

export interface PlanSubmissionInput {
  readonly actions: readonly PlanActionInput[];
  readonly expectedRecovery: string;
  readonly likelySufficient: string;
}

export interface PlanRules {
  /** Ids of the people who may lead an action. */
  readonly leadIds: ReadonlySet<string>;
  /** Period keys the figure may be expected to recover by. */
  readonly recoveryPeriods: readonly string[];
  /** Today in the UK, yyyy-mm-dd: due dates may not be before it. */
  readonly today: string;
  readonly maxDescriptionLength: number;
}

export interface ValidPlanAction {
  readonly leadId: string;
  readonly dueDate: string;
  readonly description: string;
}

export interface ValidPlan {
  readonly actions: readonly ValidPlanAction[];
  readonly expectedRecovery: string;
  readonly likelySufficient: LikelyToRecover;
}

export interface PlanErrors {
  /** One per input row, null where the row is fine (or blank). */
  readonly rows: readonly (string | null)[];
  readonly expectedRecovery: string | null;
  readonly likelySufficient: string | null;
  /** About the plan as a whole: "Add at least one action". */
  readonly form: string | null;
}

export type PlanValidation = { readonly ok: true; readonly plan: ValidPlan } | { readonly ok: false; readonly errors: PlanErrors };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function validatePlan(input: PlanSubmissionInput, rules: PlanRules): PlanValidation {
  const actions: ValidPlanAction[] = [];
  const rows = input.actions.map((row): string | null => {
    const lead = row.lead.trim();
    const due = row.due.trim();
    const description = row.description.trim();
    if (!lead && !due && !description) return null;
    const problems: string[] = [];
    if (!description) problems.push('say what the action is');
    else if (description.length > rules.maxDescriptionLength) problems.push(`shorten the description to ${rules.maxDescriptionLength} characters (it has ${description.length})`);
    if (!lead) problems.push('choose who leads it');
    else if (!rules.leadIds.has(lead)) problems.push('choose a lead from the list');
    if (!due) problems.push('give a due date');
    else if (!isCalendarDate(due)) problems.push('give the due date as a date, for example 2026-12-18');
    else if (due < rules.today) problems.push('give a due date from today on');
    if (problems.length > 0) return sentence(problems);
    actions.push({ leadId: lead, dueDate: due, description });
    return null;
  });
  const expectedRecovery = rules.recoveryPeriods.includes(input.expectedRecovery.trim())
    ? null
    : 'Choose the period by which the figure should be back on target.';
  const likely = input.likelySufficient.trim();
  const likelySufficient = (LIKELY_TO_RECOVER as readonly string[]).includes(likely) ? null : 'Say whether the actions are likely to be enough.';
  const form = actions.length === 0 && rows.every((r) => r === null) ? 'Add at least one action: what, who leads it and by when.' : null;
  if (rows.some((r) => r !== null) || expectedRecovery || likelySufficient || form) {
    return { ok: false, errors: { rows, expectedRecovery, likelySufficient, form } };
  }
  return { ok: true, plan: { actions, expectedRecovery: input.expectedRecovery.trim(), likelySufficient: likely as LikelyToRecover } };
}

/** "Choose who leads it and give a due date." */
function sentence(parts: readonly string[]): string {
  const joined = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
}

/** Whole days an action due on `due` is overdue on `today` (both yyyy-mm-dd); 0 when not overdue. */
export function daysOverdue(due: string, today: string): number {
  if (due >= today) return 0;
  return Math.round((Date.UTC(...ymd(today)) - Date.UTC(...ymd(due))) / 86_400_000);
}

function ymd(text: string): [number, number, number] {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return [year, month - 1, day];
}

/** The indicator's director decides its plans; the performance team may decide in their stead. */
export function mayDecidePlan(personId: string, directorId: string | null, isAdmin: boolean): boolean {
  return isAdmin || (directorId !== null && personId === directorId);
}

/** A red always needs a plan; an amber only when the Board (its director or the performance team) asks. */
export function needsPlanWithoutAsking(status: string): boolean {
  return status === 'RED';
}
