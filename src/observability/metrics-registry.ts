/**
 * A few counters, gauges and histograms, and Prometheus' text exposition format (version 0.0.4)
 * written by hand: the format is a page of text, and a client library would bring more than the
 * handful of metrics a person reads here. Label values come only from small fixed sets chosen by
 * the code (never from a request), so the number of series stays small.
 */

export type Labels = Readonly<Record<string, string>>;

/** One current value, as another exporter (OpenTelemetry) reads it: a histogram gives its sum and count. */
export interface Sample {
  readonly name: string;
  readonly kind: 'counter' | 'gauge';
  readonly labels: Labels;
  readonly value: number;
}

interface Metric {
  readonly name: string;
  lines(): string[];
  samples(): Sample[];
  /** The names and kinds its samples come under, before any is recorded. */
  outputs(): Pick<Sample, 'name' | 'kind'>[];
}

/** The value's text as Prometheus reads it. */
function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabel(value)}"`);
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

abstract class LabelledMetric<Series> implements Metric {
  protected readonly series = new Map<string, { labels: Labels; value: Series }>();

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly type: 'counter' | 'gauge' | 'histogram',
    private readonly labelNames: readonly string[],
  ) {
    if (!NAME.test(name)) throw new Error(`not a metric name: ${name}`);
    for (const label of labelNames) if (!LABEL_NAME.test(label) || label === 'le') throw new Error(`not a label name: ${label}`);
  }

  protected seriesFor(labels: Labels, initial: () => Series): Series {
    const names = Object.keys(labels);
    if (names.length !== this.labelNames.length || this.labelNames.some((n) => !(n in labels))) {
      throw new Error(`${this.name} takes the labels ${this.labelNames.join(', ') || '(none)'}, not ${names.join(', ') || '(none)'}`);
    }
    const ordered = Object.fromEntries(this.labelNames.map((n) => [n, labels[n]!]));
    const key = JSON.stringify(this.labelNames.map((n) => labels[n]));
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels: ordered, value: initial() };
      this.series.set(key, entry);
    }
    return entry.value;
  }

  lines(): string[] {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`, ...this.sampleLines()];
  }

  protected abstract sampleLines(): string[];

  abstract samples(): Sample[];

  outputs(): Pick<Sample, 'name' | 'kind'>[] {
    return this.type === 'histogram'
      ? [{ name: `${this.name}_sum`, kind: 'counter' }, { name: `${this.name}_count`, kind: 'counter' }]
      : [{ name: this.name, kind: this.type }];
  }
}

/** A count that only goes up (since the process started). */
export class Counter extends LabelledMetric<{ value: number }> {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, 'counter', labelNames);
  }

  inc(labels: Labels = {}, by = 1): void {
    if (by < 0) throw new Error(`${this.name} is a counter: it cannot go down`);
    this.seriesFor(labels, () => ({ value: 0 })).value += by;
  }

  protected sampleLines(): string[] {
    return [...this.series.values()].map(({ labels, value }) => `${this.name}${labelText(labels)} ${formatValue(value.value)}`);
  }

  samples(): Sample[] {
    return [...this.series.values()].map(({ labels, value }) => ({ name: this.name, kind: 'counter', labels, value: value.value }));
  }
}

/** A value that is set, such as how many messages wait in the outbox now. */
export class Gauge extends LabelledMetric<{ value: number }> {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, 'gauge', labelNames);
  }

  set(labels: Labels, value: number): void {
    this.seriesFor(labels, () => ({ value: 0 })).value = value;
  }

  protected sampleLines(): string[] {
    return [...this.series.values()].map(({ labels, value }) => `${this.name}${labelText(labels)} ${formatValue(value.value)}`);
  }

  samples(): Sample[] {
    return [...this.series.values()].map(({ labels, value }) => ({ name: this.name, kind: 'gauge', labels, value: value.value }));
  }
}

interface HistogramSeries {
  readonly counts: number[];
  sum: number;
  count: number;
}

/** How long things took, counted into buckets (each bucket counts everything up to its bound). */
export class Histogram extends LabelledMetric<HistogramSeries> {
  private readonly buckets: readonly number[];

  constructor(name: string, help: string, buckets: readonly number[], labelNames: readonly string[] = []) {
    super(name, help, 'histogram', labelNames);
    if (buckets.length === 0 || buckets.some((b, i) => i > 0 && b <= buckets[i - 1]!)) throw new Error(`${name}: buckets must rise`);
    this.buckets = buckets;
  }

  observe(value: number, labels: Labels = {}): void {
    const series = this.seriesFor(labels, () => ({ counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    this.buckets.forEach((bound, i) => {
      if (value <= bound) series.counts[i]!++;
    });
    series.sum += value;
    series.count++;
  }

  protected sampleLines(): string[] {
    return [...this.series.values()].flatMap(({ labels, value }) => [
      ...this.buckets.map((bound, i) => `${this.name}_bucket${labelText({ ...labels, le: formatValue(bound) })} ${value.counts[i]}`),
      `${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${value.count}`,
      `${this.name}_sum${labelText(labels)} ${formatValue(value.sum)}`,
      `${this.name}_count${labelText(labels)} ${value.count}`,
    ]);
  }

  samples(): Sample[] {
    return [...this.series.values()].flatMap(({ labels, value }): Sample[] => [
      { name: `${this.name}_sum`, kind: 'counter', labels, value: value.sum },
      { name: `${this.name}_count`, kind: 'counter', labels, value: value.count },
    ]);
  }
}

/** The metrics of one process, and what must be read (from the database) just before each scrape. */
export class MetricsRegistry {
  private readonly metrics: Metric[] = [];
  private readonly collectors: (() => Promise<void>)[] = [];

  register<M extends Metric>(metric: M): M {
    if (this.metrics.some((m) => m.name === metric.name)) throw new Error(`${metric.name} is registered already`);
    this.metrics.push(metric);
    return metric;
  }

  /** Runs before each exposition, e.g. to set gauges from the database. */
  collectWith(collect: () => Promise<void>): void {
    this.collectors.push(collect);
  }

  async exposition(): Promise<string> {
    await this.collect();
    return `${this.metrics.flatMap((m) => m.lines()).join('\n')}\n`;
  }

  outputs(): Pick<Sample, 'name' | 'kind'>[] {
    return this.metrics.flatMap((m) => m.outputs());
  }

  /** Every current value, freshly collected, for an exporter that is not Prometheus. */
  async samples(): Promise<Sample[]> {
    await this.collect();
    return this.metrics.flatMap((m) => m.samples());
  }

  private async collect(): Promise<void> {
    await Promise.all(this.collectors.map((collect) => collect()));
  }
}
