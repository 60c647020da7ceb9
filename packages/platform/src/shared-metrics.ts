import type { Redis } from 'ioredis';

// Metrics of work that any process may do (a verdict reached by whichever worker, a delivery sent
// by whichever API process), kept in one Redis hash so that /metrics on any API process answers
// for the whole deployment, as its queue and backlog figures already do. Each process adds up its
// observations in memory and adds them to the hash about once a second: nothing on the hot path
// waits for Redis, and a Redis outage loses at most that second's figures.

export interface SharedMetricDefinition {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  /** Upper bounds of a histogram's buckets, in seconds. */
  readonly buckets?: readonly number[];
}

const LATENCY_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800];
const STAGE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const SHARED_METRICS = {
  verdictLatency: { name: 'chorus_verdict_latency_seconds', help: 'Time from a comment received to its verdict (scored)', type: 'histogram', buckets: LATENCY_BUCKETS },
  stageDuration: { name: 'chorus_detector_stage_seconds', help: 'Time a detector job spent in each stage (link_lexical, link_semantic, finish: clustering and scoring)', type: 'histogram', buckets: STAGE_BUCKETS },
  webhookDeliveries: { name: 'chorus_webhook_deliveries_total', help: 'Webhook delivery attempts by event type and outcome (sent: 2xx; retrying: refused, retried later; failed: given up)', type: 'counter' },
} as const satisfies Record<string, SharedMetricDefinition>;

const sharedKey = (prefix: string) => `${prefix}:metrics`;
const labelText = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',');

/** Adds a process's observations to the shared hash. */
export class SharedMetricsRecorder {
  private pending = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    flushMs = 1000,
  ) {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), flushMs);
    this.timer.unref();
  }

  private add(field: string, by: number): void {
    this.pending.set(field, (this.pending.get(field) ?? 0) + by);
  }

  inc(metric: SharedMetricDefinition, labels: Readonly<Record<string, string>> = {}, by = 1): void {
    this.add(`${metric.name}\t${labelText(labels)}`, by);
  }

  /** One observation of a histogram, in seconds. */
  observe(metric: SharedMetricDefinition, labels: Readonly<Record<string, string>>, seconds: number): void {
    const l = labelText(labels);
    const bucket = (metric.buckets ?? []).find((b) => seconds <= b);
    this.add(`${metric.name}_bucket\t${l}\t${bucket ?? '+Inf'}`, 1);
    this.add(`${metric.name}_count\t${l}`, 1);
    this.add(`${metric.name}_sum\t${l}`, seconds);
  }

  /** Adds what was observed since the last flush to the hash (kept for the next flush if Redis fails). */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const pipeline = this.redis.pipeline();
    for (const [field, v] of batch) pipeline.hincrbyfloat(sharedKey(this.prefix), field, v);
    try {
      const results = (await pipeline.exec()) ?? [];
      if (results.some(([err]) => err)) throw new Error('metrics flush failed');
    } catch (err) {
      for (const [field, v] of batch) this.add(field, v);
      throw err;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }
}

/** The shared metrics in the Prometheus text format (histogram buckets cumulative), or '' when Redis does not answer. */
export async function renderSharedMetrics(redis: Redis, prefix: string): Promise<string> {
  const hash = await redis.hgetall(sharedKey(prefix)).catch(() => null);
  if (!hash) return '';
  const lines: string[] = [];
  for (const m of Object.values(SHARED_METRICS) as SharedMetricDefinition[]) {
    lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`);
    const mine = Object.entries(hash).map(([f, v]) => [f.split('\t'), Number(v)] as const).filter(([f]) => f[0].startsWith(m.name));
    if (m.type === 'counter') {
      for (const [[, l], v] of mine) lines.push(`${m.name}${l ? `{${l}}` : ''} ${v}`);
      continue;
    }
    const series = new Set(mine.map(([[, l]]) => l));
    for (const l of series) {
      const of = (suffix: string, bucket?: string) => mine.find(([f]) => f[0] === `${m.name}${suffix}` && f[1] === l && f[2] === bucket)?.[1] ?? 0;
      let cumulative = 0;
      for (const b of [...(m.buckets ?? []).map(String), '+Inf']) {
        cumulative += of('_bucket', b);
        lines.push(`${m.name}_bucket{${l ? `${l},` : ''}le="${b}"} ${cumulative}`);
      }
      lines.push(`${m.name}_sum${l ? `{${l}}` : ''} ${of('_sum')}`, `${m.name}_count${l ? `{${l}}` : ''} ${of('_count')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
