/** Renders rows as a plain-text table with a header rule; cells are truncated to `maxWidth`. */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[], maxWidth = 60): string {
  const cell = (v: string | number) => {
    const s = String(v).replace(/\s+/g, ' ');
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
  };
  const cells = rows.map((r) => r.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
