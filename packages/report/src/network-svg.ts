// The account network drawn as a static SVG: a force-directed layout computed here, deterministic
// (the same network always gives the same picture), so the page needs no script to show it.
import { escapeHtml } from './escape.js';
import type { ReportNetwork } from './report-input.js';

export interface NetworkPicture {
  readonly svg: string;
  readonly shownAccounts: number;
  readonly shownEdges: number;
  readonly totalAccounts: number;
  readonly totalEdges: number;
}

const WIDTH = 900;
const MARGIN = 30;

/** The busiest accounts (by weighted degree), at most `maxNodes`, and the edges among them. */
function busiest(network: ReportNetwork, maxNodes: number) {
  const degree = new Map<string, number>();
  for (const e of network.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + e.weight);
    degree.set(e.target, (degree.get(e.target) ?? 0) + e.weight);
  }
  const nodes = network.nodes
    .filter((n) => degree.has(n.id))
    .sort((a, b) => degree.get(b.id)! - degree.get(a.id)! || a.id.localeCompare(b.id))
    .slice(0, maxNodes);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = network.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return { nodes, edges, degree };
}

/** Fruchterman–Reingold on one connected group; positions come back in a unit box. */
function layoutGroup(count: number, edges: readonly [number, number, number][], iterations = 200): { x: number; y: number }[] {
  const pos = Array.from({ length: count }, (_, i) => {
    // A sunflower spiral: spread out, and the same every time.
    const r = Math.sqrt((i + 0.5) / count);
    const a = i * 2.399963;
    return { x: r * Math.cos(a), y: r * Math.sin(a) };
  });
  if (count === 1) return [{ x: 0.5, y: 0.5 }];
  const k = 1 / Math.sqrt(count);
  let temperature = 0.2;
  for (let it = 0; it < iterations; it++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        const dx = pos[i].x - pos[j].x;
        const dy = pos[i].y - pos[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 1e-6);
        const f = (k * k) / d2;
        disp[i].x += dx * f;
        disp[i].y += dy * f;
        disp[j].x -= dx * f;
        disp[j].y -= dy * f;
      }
    }
    for (const [a, b, w] of edges) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.sqrt(dx * dx + dy * dy);
      const f = (d / k) * Math.min(1 + Math.log(w), 2);
      disp[a].x -= dx * f;
      disp[a].y -= dy * f;
      disp[b].x += dx * f;
      disp[b].y += dy * f;
    }
    for (let i = 0; i < count; i++) {
      const len = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2);
      if (len > 0) {
        const step = Math.min(len, temperature);
        pos[i].x += (disp[i].x / len) * step;
        pos[i].y += (disp[i].y / len) * step;
      }
    }
    temperature = Math.max(0.002, temperature * 0.97);
  }
  const [minX, maxX] = [Math.min(...pos.map((p) => p.x)), Math.max(...pos.map((p) => p.x))];
  const [minY, maxY] = [Math.min(...pos.map((p) => p.y)), Math.max(...pos.map((p) => p.y))];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  return pos.map((p) => ({ x: (p.x - minX + (span - (maxX - minX)) / 2) / span, y: (p.y - minY + (span - (maxY - minY)) / 2) / span }));
}

/** Connected groups of nodes, largest first. */
function groups(count: number, edges: readonly [number, number, number][]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const [a, b] of edges) parent[root(a)] = root(b);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < count; i++) byRoot.set(root(i), [...(byRoot.get(root(i)) ?? []), i]);
  return [...byRoot.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
}

/**
 * Each group is laid out on its own, in a square whose side grows with the square root of its
 * size, and the squares are packed in rows: groups stay apart and none is squeezed to a dot.
 */
function layout(count: number, edges: readonly [number, number, number][]): { pos: { x: number; y: number }[]; height: number; leaders: number[] } {
  const pos = new Array<{ x: number; y: number }>(count);
  const unit = 46;
  let x = MARGIN;
  let y = MARGIN;
  let rowHeight = 0;
  const all = groups(count, edges);
  for (const members of all) {
    const local = new Map(members.map((m, i) => [m, i]));
    const inner = edges.filter(([a, b]) => local.has(a) && local.has(b)).map(([a, b, w]) => [local.get(a)!, local.get(b)!, w] as [number, number, number]);
    const side = Math.min(unit * Math.sqrt(members.length), WIDTH - 2 * MARGIN);
    if (x + side > WIDTH - MARGIN) {
      x = MARGIN;
      y += rowHeight + MARGIN;
      rowHeight = 0;
    }
    layoutGroup(members.length, inner).forEach((p, i) => (pos[members[i]] = { x: x + p.x * side, y: y + p.y * side }));
    x += side + MARGIN;
    rowHeight = Math.max(rowHeight, side);
  }
  // Nodes come busiest first, so each group's first member is its busiest account.
  return { pos, height: y + rowHeight + MARGIN, leaders: all.map((g) => g[0]) };
}

/** Draws the network; `maxNodes` keeps a large one legible (the report says how much is shown). */
export function networkSvg(network: ReportNetwork, maxNodes = 150, labels = 15): NetworkPicture {
  const { nodes, edges, degree } = busiest(network, maxNodes);
  const totals = { totalAccounts: network.nodes.length, totalEdges: network.edges.length };
  if (nodes.length === 0) return { svg: '', shownAccounts: 0, shownEdges: 0, ...totals };
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const { pos, height, leaders } = layout(nodes.length, edges.map((e) => [index.get(e.source)!, index.get(e.target)!, e.weight]));
  const px = (i: number) => pos[i].x.toFixed(1);
  const py = (i: number) => pos[i].y.toFixed(1);
  const maxWeight = Math.max(...edges.map((e) => e.weight));
  const lines = edges.map((e) => {
    const [a, b] = [index.get(e.source)!, index.get(e.target)!];
    const width = (0.6 + (2.4 * e.weight) / maxWeight).toFixed(2);
    return `<line x1="${px(a)}" y1="${py(a)}" x2="${px(b)}" y2="${py(b)}" stroke-width="${width}"><title>${escapeHtml(`${e.source} and ${e.target}: ${e.weight} ${e.weight === 1 ? 'cluster' : 'clusters'} together`)}</title></line>`;
  });
  // The busiest account of each group is named, then the busiest of the rest, as long as a name
  // does not overlap one already placed.
  const placed: { x: number; y: number; w: number }[] = [];
  const labelled = new Set<string>();
  for (const i of [...new Set([...leaders, ...nodes.keys()])]) {
    const n = nodes[i];
    if (labelled.size >= labels) break;
    const w = Math.min(n.id.length, 24) * 6.5;
    const at = { x: pos[i].x, y: pos[i].y, w };
    if (placed.some((p) => Math.abs(p.x - at.x) < (p.w + at.w) / 2 && Math.abs(p.y - at.y) < 14)) continue;
    placed.push(at);
    labelled.add(n.id);
  }
  const circles = nodes.map((n, i) => {
    const r = (3 + Math.min(Math.sqrt(n.comments), 6)).toFixed(1);
    const title = `${n.id}: ${n.comments} flagged ${n.comments === 1 ? 'comment' : 'comments'} in ${n.clusters} ${n.clusters === 1 ? 'cluster' : 'clusters'}, ${degree.get(n.id)} shared`;
    const half = (Math.min(n.id.length, 24) * 6.5) / 2;
    const label = labelled.has(n.id) ? `<text x="${Math.min(Math.max(pos[i].x, half), WIDTH - half).toFixed(1)}" y="${(Number(py(i)) - Number(r) - 3).toFixed(1)}">${escapeHtml(n.id.length > 24 ? `${n.id.slice(0, 23)}…` : n.id)}</text>` : '';
    return `<g><circle cx="${px(i)}" cy="${py(i)}" r="${r}"><title>${escapeHtml(title)}</title></circle>${label}</g>`;
  });
  const svg =
    `<svg class="network" viewBox="0 0 ${WIDTH} ${Math.ceil(height)}" role="img" aria-label="Account network: ${nodes.length} accounts, ${edges.length} links">` +
    `<g class="edges">${lines.join('')}</g><g class="nodes">${circles.join('')}</g></svg>`;
  return { svg, shownAccounts: nodes.length, shownEdges: edges.length, ...totals };
}
