import { Counter, Gauge, Histogram, MetricsRegistry } from '../../../src/observability/metrics-registry';
import { ProductMetrics } from '../../../src/observability/product-metrics';
import { isSubmit, turnKind } from '../../../src/bot/turn-kind';

describe('the metrics exposition (Prometheus text format 0.0.4)', () => {
  it('writes counters, gauges and histograms with their help, type, labels and cumulative buckets', async () => {
    const registry = new MetricsRegistry();
    const turns = registry.register(new Counter('app_turns_total', 'Turns answered.', ['kind', 'outcome']));
    const depth = registry.register(new Gauge('app_depth', 'Messages waiting.'));
    const latency = registry.register(new Histogram('app_latency_seconds', 'How long.', [0.1, 1]));
    turns.inc({ kind: 'message', outcome: 'answered' });
    turns.inc({ outcome: 'answered', kind: 'message' }, 2); // the labels' order does not make a new series
    turns.inc({ kind: 'invoke', outcome: 'failed' });
    depth.set({}, 7);
    for (const seconds of [0.05, 0.5, 3]) latency.observe(seconds);

    expect(await registry.exposition()).toBe([
      '# HELP app_turns_total Turns answered.',
      '# TYPE app_turns_total counter',
      'app_turns_total{kind="message",outcome="answered"} 3',
      'app_turns_total{kind="invoke",outcome="failed"} 1',
      '# HELP app_depth Messages waiting.',
      '# TYPE app_depth gauge',
      'app_depth 7',
      '# HELP app_latency_seconds How long.',
      '# TYPE app_latency_seconds histogram',
      'app_latency_seconds_bucket{le="0.1"} 1',
      'app_latency_seconds_bucket{le="1"} 2',
      'app_latency_seconds_bucket{le="+Inf"} 3',
      'app_latency_seconds_sum 3.55',
      'app_latency_seconds_count 3',
      '',
    ].join('\n'));
  });

  it('escapes label values and help text, and refuses what Prometheus could not read', async () => {
    const registry = new MetricsRegistry();
    const counter = registry.register(new Counter('odd_total', 'A back\\slash\nand a new line.', ['what']));
    counter.inc({ what: 'say "hi"\\\n' });
    expect(await registry.exposition()).toContain('# HELP odd_total A back\\\\slash\\nand a new line.\n# TYPE odd_total counter\nodd_total{what="say \\"hi\\"\\\\\\n"} 1\n');

    expect(() => new Counter('has-dash', 'x')).toThrow(/not a metric name/);
    expect(() => new Histogram('h', 'x', [1], ['le'])).toThrow(/not a label name/);
    expect(() => new Histogram('h', 'x', [1, 1])).toThrow(/buckets must rise/);
    expect(() => counter.inc({ other: 'x' })).toThrow(/takes the labels what/);
    expect(() => counter.inc({ what: 'x' }, -1)).toThrow(/cannot go down/);
    expect(() => registry.register(new Counter('odd_total', 'again'))).toThrow(/registered already/);
  });

  it('reads the outbox from the database at each scrape, and counts turns, submits and delivery tries', async () => {
    let counts = { PENDING: 4, SENDING: 2, SENT: 10, BLOCKED: 1, DEAD: 3 };
    const metrics = new ProductMetrics({ counts: async () => counts });
    metrics.turnAnswered('card entry.submit', 'answered');
    metrics.submitTook(0.2);
    metrics.delivered('sent');
    metrics.delivered('sent');
    metrics.delivered('throttled');

    const first = await metrics.exposition();
    expect(first).toContain('perfbot_turns_total{kind="card entry.submit",outcome="answered"} 1\n');
    expect(first).toContain('perfbot_submit_duration_seconds_bucket{le="0.25"} 1\n');
    expect(first).toContain('perfbot_submit_duration_seconds_bucket{le="0.1"} 0\n');
    expect(first).toContain('perfbot_submit_duration_seconds_count 1\n');
    expect(first).toContain('perfbot_deliveries_total{result="sent"} 2\nperfbot_deliveries_total{result="throttled"} 1\n');
    expect(first).toContain('perfbot_outbox_messages{status="PENDING"} 4\nperfbot_outbox_messages{status="SENDING"} 2\n');
    expect(first).toContain('perfbot_dead_letters 3\n');

    counts = { PENDING: 0, SENDING: 0, SENT: 16, BLOCKED: 1, DEAD: 3 };
    expect(await metrics.exposition()).toContain('perfbot_outbox_messages{status="PENDING"} 0\nperfbot_outbox_messages{status="SENDING"} 0\nperfbot_outbox_messages{status="SENT"} 16\n');
  });
});

describe('turn kinds for the metrics', () => {
  it('names card actions by our verbs and activities by their type, and lumps anything else together', () => {
    const submit = { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'entry.submit', data: {} } } };
    expect(turnKind(submit)).toBe('card entry.submit');
    expect(isSubmit(submit)).toBe(true);
    expect(turnKind({ type: 'message', value: { verb: 'entry.submit' } })).toBe('card entry.submit'); // Action.Submit, older clients
    expect(turnKind({ type: 'invoke', value: { action: { verb: 'plan.decide' } } })).toBe('card plan.decide');
    expect(isSubmit({ type: 'invoke', value: { action: { verb: 'plan.decide' } } })).toBe(false);
    expect(turnKind({ type: 'invoke', value: { action: { verb: 'made.up' } } })).toBe('invoke');
    expect(turnKind({ type: 'message', text: 'help' })).toBe('message');
    expect(turnKind({ type: 'x'.repeat(500) })).toBe('other');
  });
});
