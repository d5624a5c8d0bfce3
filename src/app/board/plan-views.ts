/** The plan card and the approval card, as views of a plan context (see plan-context.ts). */
import type { PlanActionRecord, PlanVersionRecord } from '../../db/repositories/action-plan-repository';
import type { ApprovalCardView, PlanActionInputView, PlanActionView, PlanCardView } from '../../cards/board/board-view-models';
import type { Banner } from '../../cards/view-models';
import { MAX_PLAN_ACTIONS, PLAN_ACTION_DESCRIPTION_MAX_LENGTH } from '../../cards/board/board-contract';
import type { PlanErrors, PlanSubmissionInput } from '../../domain/action-plan';
import { daysOverdue } from '../../domain/action-plan';
import { formatValue } from '../../domain/numbers';
import { formatUkDate, formatUkDateTime } from '../../domain/dates';
import { labelOfKey, periodKey, periodLabel } from '../../domain/periods';
import { likelyToRecoverText, statusLabel } from '../scorecard/labels';
import type { PlanContext } from './plan-context';
import { isoDay } from './uk-today';
import { clip } from '../../domain/typed-text';

export interface PlanFormState {
  readonly typed?: PlanSubmissionInput;
  readonly errors?: PlanErrors;
  readonly banner?: Banner | null;
}

export function planCardView(context: PlanContext, today: string, form: PlanFormState = {}): PlanCardView {
  const { indicator, status, plan, names } = context;
  const latest = plan?.versions.at(-1) ?? null;
  const state = latest === null ? 'DRAFT' : latest.state;
  const editable = state === 'DRAFT' || state === 'SENT_BACK';
  // The form starts from what was typed, else from the version sent back (to revise it).
  const typedRows = form.typed?.actions ?? latest?.actions.map((a) => ({ lead: a.leadId, due: isoDay(a.dueDate), description: a.description })) ?? [];
  const actionInputs: PlanActionInputView[] = editable
    ? Array.from({ length: MAX_PLAN_ACTIONS }, (_, i) => ({
        // What was typed comes back no longer than each field may be.
        lead: clip(typedRows[i]?.lead ?? '', 64), due: clip(typedRows[i]?.due ?? '', 20), description: clip(typedRows[i]?.description ?? '', PLAN_ACTION_DESCRIPTION_MAX_LENGTH), error: form.errors?.rows[i] ?? null,
      }))
    : [];
  const formError = form.errors?.form;
  return {
    ...indicatorHeader(context),
    status: status.status === 'AMBER' ? 'AMBER' : 'RED',
    state,
    version: latest?.version ?? null,
    directorName: indicator.directorId ? (names.get(indicator.directorId) ?? null) : null,
    sentBack: latest?.state === 'SENT_BACK' ? { byText: decidedBy(latest, names), comment: latest.decisionComment ?? '' } : null,
    approvedByText: latest?.state === 'APPROVED' ? decidedBy(latest, names) : null,
    actionInputs,
    actions: editable || !latest ? [] : latest.actions.map((a) => actionView(a, names, today)),
    leadChoices: context.leadChoices,
    recoveryChoices: context.recoveryChoices,
    expectedRecovery: clip(form.typed?.expectedRecovery ?? latest?.expectedRecovery ?? '', 20),
    expectedRecoveryText: latest ? labelOfKey(latest.expectedRecovery) : null,
    likelySufficient: (clip(form.typed?.likelySufficient ?? latest?.likelySufficient ?? '', 10) || null) as PlanCardView['likelySufficient'],
    errors: { expectedRecovery: form.errors?.expectedRecovery ?? null, likelySufficient: form.errors?.likelySufficient ?? null },
    banner: form.banner ?? (formError ? { tone: 'attention', text: formError } : null),
  };
}

export interface ApprovalViewer {
  readonly canDecide: boolean;
  readonly refreshUserIds: readonly string[];
  readonly banner?: Banner | null;
  readonly comment?: string;
  readonly commentError?: string | null;
}

export function approvalCardView(context: PlanContext, version: PlanVersionRecord, viewer: ApprovalViewer, today: string): ApprovalCardView {
  const { indicator, plan, names } = context;
  const latest = plan?.versions.at(-1);
  const superseded = latest !== undefined && latest.version > version.version;
  const state = superseded && version.state === 'SUBMITTED' ? 'SUPERSEDED' : version.state;
  return {
    planId: version.planId,
    version: version.version,
    ...indicatorHeader(context),
    ownerName: names.get(indicator.ownerId) ?? 'Unknown',
    directorName: indicator.directorId ? (names.get(indicator.directorId) ?? 'the director') : 'the performance team',
    submittedText: `${names.get(version.submittedById) ?? 'Unknown'}, ${formatUkDateTime(version.submittedAt)}`,
    actions: version.actions.map((a) => actionView(a, names, today)),
    expectedRecoveryText: labelOfKey(version.expectedRecovery),
    likelySufficientText: likelyToRecoverText(version.likelySufficient),
    state,
    decision: version.state === 'SUBMITTED' ? null : { byText: decidedBy(version, names), comment: version.decisionComment ?? '' },
    canDecide: viewer.canDecide && state === 'SUBMITTED',
    comment: viewer.comment ?? '',
    commentError: viewer.commentError ?? null,
    banner: viewer.banner ?? null,
    refreshUserIds: viewer.refreshUserIds,
  };
}

export function actionView(action: PlanActionRecord, names: ReadonlyMap<string, string>, today: string): PlanActionView {
  const due = isoDay(action.dueDate);
  const late = daysOverdue(due, today);
  return {
    lead: names.get(action.leadId) ?? 'Unknown',
    dueText: formatUkDate(action.dueDate),
    description: action.description,
    progressText: action.completedAt ? `Done ${formatUkDate(action.completedAt)}` : late > 0 ? `Overdue by ${late} ${late === 1 ? 'day' : 'days'}` : null,
  };
}

/** What the plan and approval cards both say about the indicator and period. */
function indicatorHeader(context: PlanContext) {
  const { indicator } = context;
  return {
    indicatorId: indicator.id,
    period: periodKey(context.period),
    periodLabel: periodLabel(context.period),
    code: indicator.code,
    title: indicator.title,
    statusText: statusSentence(context),
  };
}

function statusSentence(context: PlanContext): string {
  const { indicator, status } = context;
  const format = (n: number | null) => (n === null ? 'no value' : formatValue(n, indicator.unit, indicator.decimals));
  return `${statusLabel(status.status)}: ${format(status.figure)} against a target of ${format(status.target)}`;
}

function decidedBy(version: PlanVersionRecord, names: ReadonlyMap<string, string>): string {
  const who = version.decidedById ? (names.get(version.decidedById) ?? 'Unknown') : 'Unknown';
  return version.decidedAt ? `${who}, ${formatUkDateTime(version.decidedAt)}` : who;
}
