/** Pieces the Board's cards share: banners, errors in place, plan states and a plan's actions. */
import type { LikelyToRecover } from '../card-contract';
import type { Banner } from '../view-models';
import {
  container,
  joinParts,
  statusStyle,
  textBlock,
  toneColor,
  toneStyle,
  type CardElement,
  type TextBlock,
} from '../adaptive-card';
import type { PlanActionView, PlanState } from './board-view-models';
import { shown } from '../shown-text';

/** The owner's judgement of whether the plan is enough, in the words the Board uses. */
export const LIKELY_SUFFICIENT_CHOICES = [
  { title: 'Yes', value: 'YES' },
  { title: 'No', value: 'NO' },
  { title: 'Not sure', value: 'UNSURE' },
] as const satisfies readonly { title: string; value: LikelyToRecover }[];

export function likelyText(value: LikelyToRecover): string {
  return LIKELY_SUFFICIENT_CHOICES.find((c) => c.value === value)?.title ?? value;
}

const PLAN_STATE_WORDS: Readonly<Record<PlanState, string>> = {
  NONE: 'none',
  REQUESTED: 'requested',
  SUBMITTED: 'submitted',
  APPROVED: 'approved',
  SENT_BACK: 'sent back',
};

/** "submitted", "sent back": how the cards (and the Scorecard tab) name a plan's state. */
export function planStateWord(state: PlanState): string {
  return PLAN_STATE_WORDS[state];
}

/** "Plan: submitted". */
export function planStateText(state: PlanState): string {
  return `Plan: ${planStateWord(state)}`;
}

export function bannerBlock(banner: Banner): CardElement {
  return container([textBlock(shown(banner.text), { color: toneColor(banner.tone), weight: 'Bolder', wrap: true })], {
    style: toneStyle(banner.tone),
    spacing: 'Medium',
  });
}

/** A refusal shown in place, under what it is about: the sign and the words carry it as well as the colour. */
export function errorText(text: string): TextBlock {
  return textBlock(`⚠ ${shown(text)}`, { color: 'Attention', wrap: true, spacing: 'Small', size: 'Small', weight: 'Bolder' });
}

/** "SRV01 · Days to process new Housing Benefit ..." as the card's heading. */
export function indicatorHeading(code: string, title: string): TextBlock {
  return textBlock(`${code} · ${shown(title)}`, { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true });
}

/** The status text in the status colour (it starts with the word: "Red: ..."). */
export function statusLine(status: 'RED' | 'AMBER', text: string): TextBlock {
  const { label, color } = statusStyle(status);
  const shown = text.toLowerCase().startsWith(label.toLowerCase()) ? text : joinParts([label, text], ': ');
  return textBlock(shown, { color, weight: 'Bolder', spacing: 'Small', wrap: true });
}

/** A submitted plan's actions, read-only: what, who leads it, by when, and how it is going. */
export function actionList(actions: readonly PlanActionView[]): CardElement[] {
  if (actions.length === 0) return [textBlock('No actions in this plan.', { isSubtle: true, wrap: true, spacing: 'Small' })];
  return actions.map((a, i) => {
    const overdue = a.progressText !== null && /^overdue/i.test(a.progressText);
    return container(
      [
        textBlock(`${i + 1}. ${shown(a.description)}`, { wrap: true }),
        textBlock(joinParts([`Lead: ${shown(a.lead)}`, `Due ${a.dueText}`, a.progressText]), {
          size: 'Small',
          ...(overdue ? { color: 'Attention' as const, weight: 'Bolder' as const } : { isSubtle: true }),
          spacing: 'None',
          wrap: true,
        }),
      ],
      { spacing: 'Small' },
    );
  });
}
