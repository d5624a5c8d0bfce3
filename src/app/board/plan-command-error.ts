/** Refused for a reason the person can act on; the bot shows the message on a card. */
export class PlanCommandError extends Error {}
