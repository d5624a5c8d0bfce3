/**
 * Updates one job's progress card in Teams, politely: never more than once per `minIntervalMs`
 * (Teams allows 7 requests a second in a conversation, and the app 50 a second in all, most of
 * which the dispatcher uses), never with what the card already shows, and a failed update is only
 * logged (the next one shows the same and more). The last update, which says the step is done, waits
 * its turn and is tried a few times.
 */
import type { Activity } from 'botbuilder';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { Messenger } from '../bot/messenger';
import type { JobCardPlace } from '../db/repositories/job-repository';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { cardMessage } from '../cards/card-message';
import type { Timer } from '../delivery/timer';

/** At most one update per card in this long: well under Teams' per-conversation limits. */
export const MIN_UPDATE_INTERVAL_MS = 2_000;
const FINAL_TRIES = 3;

export class ProgressCardUpdates {
  private shown: string | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly messenger: Pick<Messenger, 'update'>,
    private readonly place: JobCardPlace,
    private readonly clock: Clock,
    private readonly timer: Timer,
    private readonly log: Logger,
    private readonly minIntervalMs = MIN_UPDATE_INTERVAL_MS,
  ) {}

  /** Shows `card` unless the card already shows it or was updated too recently (the next tick catches up). */
  async show(activityId: string, card: AdaptiveCard): Promise<void> {
    const json = JSON.stringify(card);
    if (json === this.shown || this.clock.now().getTime() - this.lastAt < this.minIntervalMs) return;
    await this.update(activityId, card, json);
  }

  /** Shows the end: after the interval since the last update, tried up to three times. True once shown. */
  async showFinal(activityId: string, card: AdaptiveCard): Promise<boolean> {
    const json = JSON.stringify(card);
    for (let attempt = 1; attempt <= FINAL_TRIES; attempt++) {
      if (json === this.shown) return true;
      const wait = this.lastAt + this.minIntervalMs - this.clock.now().getTime();
      if (wait > 0) await this.timer.sleep(wait);
      if (await this.update(activityId, card, json)) return true;
    }
    return false;
  }

  private async update(activityId: string, card: AdaptiveCard, json: string): Promise<boolean> {
    this.lastAt = this.clock.now().getTime();
    try {
      await this.messenger.update(this.place, activityId, cardMessage(card) as unknown as Partial<Activity>);
      this.shown = json;
      return true;
    } catch (error) {
      this.log.warn({ err: error, activityId }, 'could not update a job\'s progress card; the next update will show the same');
      return false;
    }
  }
}
