/**
 * The verification cards' contract with the bot (#16): the verbs of their Action.Execute actions
 * and the ids of the inputs they send back. The bot's route table maps each verb to one use case.
 */
export const VERIFY_VERBS = {
  /** Verifier's card: send the decisions chosen on the card (verify, or query with a comment). */
  decide: 'verify.decide',
  /** Verifier's card: verify every figure on the card still awaiting verification. */
  verifyAll: 'verify.all',
  /** Verifier's card: Universal Actions' refresh (shows the period's figures as they stand). */
  refresh: 'verify.refresh',
  /** Query card (to the owner): the figure is right as it is; the verifier looks again. */
  confirmQueried: 'query.confirm',
  /** Query card (to the owner): open the entry card for the period in place, to correct the figure. */
  correctQueried: 'query.correct',
} as const;
export type VerifyVerb = (typeof VERIFY_VERBS)[keyof typeof VERIFY_VERBS];

/** Data the verifier card's actions carry besides their inputs. */
export type VerifyActionData = {
  readonly period: string;
  /**
   * The value version each decision is for, by indicator id, as the card showed them: a figure
   * corrected since is not verified unseen (the decision is refused in place for that row).
   * Encoded as one text ("id:2,id:1", encodeVersions): a card's data is flat.
   */
  readonly versions: string;
};

/** The versions a verifier card shows, as its actions carry them. */
export function encodeVersions(versions: Readonly<Record<string, number>>): string {
  return Object.entries(versions).map(([id, version]) => `${id}:${version}`).join(',');
}

/** What encodeVersions wrote; anything malformed is left out (it cannot be decided on). */
export function decodeVersions(text: string): Record<string, number> {
  const versions: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const part of text.split(',')) {
    const match = /^([^:,]{1,64}):([1-9]\d{0,8})$/.exec(part.trim());
    if (match) versions[match[1]!] = Number(match[2]);
  }
  return versions;
}

/** Data the query card's actions carry besides their inputs. */
export type QueryActionData = {
  /** The queried value version's id. */
  readonly valueId: string;
};

export const VERIFY_DECISIONS = ['VERIFY', 'QUERY'] as const;
export type VerifyChoice = (typeof VERIFY_DECISIONS)[number];

export const COMMENT_MAX_LENGTH = 1000;

export const verifyInputIds = {
  /** Input.ChoiceSet: VERIFY, QUERY, or nothing chosen ("" : leave it for now). */
  decision: (indicatorId: string) => `verifyDecision:${indicatorId}`,
  /** Input.Text: the query's comment (needed for a query). */
  comment: (indicatorId: string) => `verifyComment:${indicatorId}`,
  /** Query card: the owner's optional reply when confirming the figure. */
  reply: 'query:reply',
} as const;
