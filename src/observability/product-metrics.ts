/**
 * The figures a person running the bot reads (GET /metrics): turns answered, how long a submit
 * takes, what waits in the outbox, what was delivered and what was given up. Counters count since
 * the process started (Prometheus' rate() makes sense of restarts); the outbox's gauges are read
 * from the database at each scrape, so every instance reports the same, shared outbox.
 */
import type { OutboxCounts, OutboxRepository } from '../db/repositories/outbox-repository';
import type { TryResult } from '../delivery/outbox-dispatcher';
import { Counter, Gauge, Histogram, MetricsRegistry } from './metrics-registry';

/** How a turn ended, as the messages endpoint answered it. */
export type TurnOutcome = 'answered' | 'refused' | 'failed';

/** Seconds: a submit answers in well under a second; the buckets reach the Bot Framework's 15 s timeout. */
const SUBMIT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15];

const OUTBOX_STATUSES = ['PENDING', 'SENDING', 'SENT', 'BLOCKED', 'DEAD'] as const;

export class ProductMetrics {
  readonly registry = new MetricsRegistry();
  private readonly turns = this.registry.register(
    new Counter('perfbot_turns_total', 'Bot Framework activities answered at /api/messages, by kind and outcome (answered, refused: 400/401, failed: 500).', ['kind', 'outcome']),
  );
  private readonly submits = this.registry.register(
    new Histogram('perfbot_submit_duration_seconds', 'Time to answer an entry card\'s submit (the figures an owner sends), from the request to the answer.', SUBMIT_BUCKETS),
  );
  private readonly deliveries = this.registry.register(
    new Counter('perfbot_deliveries_total', 'Tries at delivering outbox messages by this process, by result (sent; retry; throttled: a 429; blocked; dead).', ['result']),
  );
  private readonly outbox = this.registry.register(
    new Gauge('perfbot_outbox_messages', 'Outbox messages by status, for every instance (PENDING and SENDING: the depth still to deliver).', ['status']),
  );
  private readonly deadLetters = this.registry.register(
    new Gauge('perfbot_dead_letters', 'Outbox messages given up as DEAD after every try (admins were told of each); BLOCKED ones are in perfbot_outbox_messages.'),
  );

  constructor(outbox: Pick<OutboxRepository, 'counts'>) {
    this.registry.collectWith(async () => this.setOutbox(await outbox.counts()));
    for (const status of OUTBOX_STATUSES) this.outbox.set({ status }, 0);
  }

  turnAnswered(kind: string, outcome: TurnOutcome): void {
    this.turns.inc({ kind, outcome });
  }

  submitTook(seconds: number): void {
    this.submits.observe(seconds);
  }

  delivered(result: TryResult): void {
    this.deliveries.inc({ result });
  }

  exposition(): Promise<string> {
    return this.registry.exposition();
  }

  private setOutbox(counts: OutboxCounts): void {
    for (const status of OUTBOX_STATUSES) this.outbox.set({ status }, counts[status] ?? 0);
    this.deadLetters.set({}, counts.DEAD ?? 0);
  }
}
