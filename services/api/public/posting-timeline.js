// When a cluster's members were posted, as a small SVG strip: one tick per member along the span
// from the first to the last, ticks that fall close together stacked. Built with DOM calls (no
// markup strings); each tick's tooltip names the comment, its author and its time.
import { el, when } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const PAD = 10;
const ROW = 9;

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const child of children) node.append(child);
  return node;
}

/** The timeline of the members with a known time (nothing when fewer than two have one). */
export function postingTimeline(members, author) {
  const timed = members.filter((m) => m.posted_at).map((m) => ({ m, t: Date.parse(m.posted_at) })).sort((a, b) => a.t - b.t);
  if (timed.length < 2) return '';
  const first = timed[0].t;
  const span = Math.max(timed[timed.length - 1].t - first, 1);
  const x = (t) => PAD + ((t - first) / span) * (WIDTH - 2 * PAD);
  // Stack a tick above the ones within 6 px of it, so a burst reads as a column.
  const placed = [];
  const ticks = timed.map(({ m, t }) => {
    const cx = x(t);
    const level = placed.filter((p) => Math.abs(p - cx) < 6).length;
    placed.push(cx);
    return { m, cx, cy: 40 - level * ROW };
  });
  const top = Math.min(...ticks.map((t) => t.cy)) - 8;
  const height = 62 - Math.min(top, 0);
  const label = `Posting times of ${timed.length} members, ${when(timed[0].m.posted_at)} to ${when(timed[timed.length - 1].m.posted_at)}`;
  const drawing = svg('svg', { class: 'timeline', viewBox: `0 ${Math.min(top, 0)} ${WIDTH} ${height}`, role: 'img', 'aria-label': label }, [
    svg('line', { x1: PAD, x2: WIDTH - PAD, y1: 46, y2: 46, stroke: '#8a90a8', 'stroke-width': 1 }),
    ...ticks.map(({ m, cx, cy }) => svg('circle', { class: 'tick', cx: cx.toFixed(1), cy, r: 4, fill: m.representative ? '#9b1c1c' : '#4a5bd4' }, [svg('title', {}, [`${m.id} by ${author(m)}, ${when(m.posted_at)}`])])),
    svg('text', { x: PAD, y: 60, 'font-size': 10, fill: '#444' }, [when(timed[0].m.posted_at)]),
    svg('text', { x: WIDTH - PAD, y: 60, 'font-size': 10, fill: '#444', 'text-anchor': 'end' }, [when(timed[timed.length - 1].m.posted_at)]),
  ]);
  return el('figure', { class: 'timeline-box' }, [drawing, el('figcaption', { class: 'hint', text: 'When each member was posted (UTC); the representative in red. Hover a dot for the comment.' })]);
}
