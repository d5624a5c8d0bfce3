/**
 * The owner's action plan card. While DRAFT or SENT_BACK it is a form: up to MAX_PLAN_ACTIONS
 * actions (lead, due date, what will be done), when the indicator should recover and whether the
 * plan is likely to be enough, with each refusal shown in place. Once SUBMITTED or APPROVED it
 * shows the plan read-only.
 */
import {
  adaptiveCard,
  choiceSetInput,
  column,
  columnSet,
  container,
  dateInput,
  executeAction,
  factSet,
  joinParts,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardElement,
} from '../adaptive-card';
import { BOARD_VERBS, MAX_PLAN_ACTIONS, PLAN_ACTION_DESCRIPTION_MAX_LENGTH, planInputIds } from './board-contract';
import type { PlanActionInputView, PlanCardView } from './board-view-models';
import {
  actionList,
  bannerBlock,
  errorText,
  indicatorHeading,
  LIKELY_SUFFICIENT_CHOICES,
  likelyText,
  statusLine,
} from './board-parts';
import { shown } from '../shown-text';

/** Beyond this many people a type-ahead list is quicker than scrolling a drop-down. */
const FILTERED_LEAD_CHOICES_FROM = 12;

const EMPTY_ROW: PlanActionInputView = { lead: '', due: '', description: '', error: null };

export function buildPlanCard(view: PlanCardView): AdaptiveCard {
  return view.state === 'DRAFT' || view.state === 'SENT_BACK' ? form(view) : readOnly(view);
}

function header(view: PlanCardView, subtitle: string): CardElement[] {
  const items: CardElement[] = [
    indicatorHeading(view.code, view.title),
    statusLine(view.status, view.statusText),
    textBlock(subtitle, { isSubtle: true, spacing: 'None', wrap: true }),
  ];
  if (view.banner) items.push(bannerBlock(view.banner));
  return items;
}

function form(view: PlanCardView): AdaptiveCard {
  const resubmit = view.state === 'SENT_BACK' && view.version !== null;
  const body: CardElement[] = header(view, `Action plan for ${view.periodLabel}${resubmit ? ` · version ${view.version} was sent back` : ''}`);
  if (view.sentBack) {
    body.push(
      container(
        [
          textBlock(`Sent back by ${view.sentBack.byText}`, { weight: 'Bolder', color: 'Attention', wrap: true }),
          textBlock(shown(view.sentBack.comment), { wrap: true, spacing: 'Small' }),
        ],
        { style: 'attention', spacing: 'Medium' },
      ),
    );
  }
  body.push(
    textBlock(
      `Add up to ${MAX_PLAN_ACTIONS} actions: who leads each, by when, and what will be done. Leave the rows you do not need empty.`,
      { size: 'Small', wrap: true, spacing: 'Medium' },
    ),
  );
  const rows = Array.from({ length: MAX_PLAN_ACTIONS }, (_, i) => view.actionInputs[i] ?? EMPTY_ROW);
  rows.forEach((row, i) => body.push(actionRow(view, row, i)));
  body.push(...outlookInputs(view));

  const title = resubmit ? `Resubmit plan (version ${view.version! + 1})` : 'Submit plan';
  const fallbackText = view.sentBack
    ? `The action plan for ${view.code} (${view.periodLabel}) was sent back by ${view.sentBack.byText}: ${view.sentBack.comment} Open this card in Teams to change and resubmit it.`
    : `Action plan for ${view.code} ${view.title} (${view.periodLabel}): add up to ${MAX_PLAN_ACTIONS} actions and submit. Open this card in Teams.`;
  return adaptiveCard({
    body,
    fallbackText,
    fullWidth: true,
    actions: [executeAction(BOARD_VERBS.submitPlan, title, { indicatorId: view.indicatorId, period: view.period }, 'positive')],
  });
}

/**
 * One action's inputs. The first row is required (a plan has at least one action); the others
 * are optional, so the client lets the owner leave them empty. The server checks every row again.
 */
function actionRow(view: PlanCardView, row: PlanActionInputView, i: number): CardElement {
  const required = i === 0;
  const n = i + 1;
  const lead = choiceSetInput(planInputIds.lead(i), view.leadChoices, {
    label: `Lead for action ${n}`,
    style: view.leadChoices.length >= FILTERED_LEAD_CHOICES_FROM ? 'filtered' : 'compact',
    placeholder: 'Choose who leads it',
    ...(row.lead !== '' ? { value: row.lead } : {}),
    ...(required ? { isRequired: true, errorMessage: 'Choose who leads this action.' } : {}),
  });
  const due = dateInput(planInputIds.due(i), {
    label: `Due date for action ${n}`,
    ...(/^\d{4}-\d{2}-\d{2}$/.test(row.due) ? { value: row.due } : {}),
    ...(required ? { isRequired: true, errorMessage: 'Choose the date this action is due.' } : {}),
  });
  const items: CardElement[] = [
    textBlock(`Action ${n}${required ? '' : ' (optional)'}`, { weight: 'Bolder', wrap: true }),
    columnSet([column([lead], { width: 3 }), column([due], { width: 2 })], { spacing: 'Small' }),
    textInput(planInputIds.description(i), {
      label: `What will be done (action ${n})`,
      isMultiline: true,
      maxLength: PLAN_ACTION_DESCRIPTION_MAX_LENGTH,
      spacing: 'Small',
      ...(row.description !== '' ? { value: row.description } : {}),
      ...(required ? { isRequired: true, errorMessage: 'Say what will be done.' } : {}),
    }),
  ];
  if (row.error) items.push(errorText(row.error));
  return container(items, { separator: true, spacing: 'Medium', ...(row.error ? { style: 'attention' as const } : {}) });
}

function outlookInputs(view: PlanCardView): CardElement[] {
  const items: CardElement[] = [
    choiceSetInput(planInputIds.expectedRecovery, view.recoveryChoices, {
      label: `When do you expect ${view.code} to be back on target?`,
      style: 'compact',
      placeholder: 'Choose a month',
      isRequired: true,
      errorMessage: 'Choose the month you expect it to recover.',
      ...(view.expectedRecovery !== '' ? { value: view.expectedRecovery } : {}),
    }),
  ];
  if (view.errors.expectedRecovery) items.push(errorText(view.errors.expectedRecovery));
  items.push(
    choiceSetInput(planInputIds.likelySufficient, LIKELY_SUFFICIENT_CHOICES, {
      label: 'Are these actions likely to be enough?',
      style: 'expanded',
      spacing: 'Medium',
      isRequired: true,
      errorMessage: 'Say whether the actions are likely to be enough.',
      ...(view.likelySufficient !== null ? { value: view.likelySufficient } : {}),
    }),
  );
  if (view.errors.likelySufficient) items.push(errorText(view.errors.likelySufficient));
  return [container(items, { separator: true, spacing: 'Medium' })];
}

function readOnly(view: PlanCardView): AdaptiveCard {
  const version = view.version !== null ? `version ${view.version}` : null;
  const body = header(view, joinParts([`Action plan for ${view.periodLabel}`, version]));
  const director = view.directorName ?? 'the director';
  const state =
    view.state === 'APPROVED'
      ? container([textBlock(`Approved by ${view.approvedByText ?? director}`, { weight: 'Bolder', color: 'Good', wrap: true })], {
          style: 'good',
          spacing: 'Medium',
        })
      : container([textBlock(`Submitted. Waiting for ${director} to approve it.`, { weight: 'Bolder', wrap: true })], {
          style: 'emphasis',
          spacing: 'Medium',
        });
  body.push(
    state,
    textBlock('Actions', { weight: 'Bolder', spacing: 'Medium', wrap: true }),
    ...actionList(view.actions),
    factSet(
      [
        { title: 'Expected recovery', value: view.expectedRecoveryText ?? 'Not given' },
        { title: 'Likely to be enough', value: view.likelySufficient ? likelyText(view.likelySufficient) : 'Not given' },
      ],
      { spacing: 'Medium' },
    ),
  );
  const fallbackText =
    view.state === 'APPROVED'
      ? `The action plan for ${view.code} ${view.title} (${view.periodLabel}) was approved by ${view.approvedByText ?? director}.`
      : `The action plan for ${view.code} ${view.title} (${view.periodLabel}) is submitted and waiting for ${director} to approve it.`;
  return adaptiveCard({ body, fallbackText, fullWidth: true });
}
