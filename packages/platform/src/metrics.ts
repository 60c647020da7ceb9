/** A minimal Prometheus registry: counters with labels, rendered in the text exposition format. */
export class Metrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();

  /** Declares a counter (idempotent). */
  counter(name: string, help: string): void {
    if (!this.counters.has(name)) this.counters.set(name, { help, values: new Map() });
  }

  inc(name: string, labels: Readonly<Record<string, string>> = {}, by = 1): void {
    const c = this.counters.get(name);
    if (!c) throw new Error(`undeclared metric ${name}`);
    const key = Object.entries(labels)
      .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
      .join(',');
    c.values.set(key, (c.values.get(key) ?? 0) + by);
  }

  /** Counters plus gauges measured at scrape time. */
  render(gauges: readonly { name: string; help: string; values: readonly [Readonly<Record<string, string>>, number][] }[] = []): string {
    const lines: string[] = [];
    for (const [name, c] of this.counters) {
      lines.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
      if (c.values.size === 0) lines.push(`${name} 0`);
      for (const [labels, v] of c.values) lines.push(`${name}${labels ? `{${labels}}` : ''} ${v}`);
    }
    for (const g of gauges) {
      lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
      for (const [labels, v] of g.values) {
        const l = Object.entries(labels).map(([k, val]) => `${k}="${val}"`).join(',');
        lines.push(`${g.name}${l ? `{${l}}` : ''} ${v}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}
