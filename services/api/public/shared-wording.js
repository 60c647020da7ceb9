// The wording a cluster's members share: runs of three or more words that at least half of the
// members (two at least) use, in the same order. Comment text only ever becomes text nodes here;
// the shared runs are wrapped in <mark>, never built as HTML.
import { el } from './dom.js';

const N = 3;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
// Detection reads the start of long comments; so does this.
const READ = 10_000;

/** The words of a text with where each starts and ends. */
function words(text) {
  return [...text.slice(0, READ).matchAll(WORD)].map((m) => ({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

const gram = (tokens, i) => tokens.slice(i, i + N).map((t) => t.w).join(' ');

/** The word triples used by at least half of the texts (two at least). */
export function sharedTriples(texts) {
  const seenIn = new Map();
  for (const text of texts) {
    const tokens = words(text);
    const mine = new Set();
    for (let i = 0; i + N <= tokens.length; i++) mine.add(gram(tokens, i));
    for (const g of mine) seenIn.set(g, (seenIn.get(g) ?? 0) + 1);
  }
  const least = Math.max(2, Math.ceil(texts.length / 2));
  return new Set([...seenIn].filter(([, n]) => n >= least).map(([g]) => g));
}

/** The character ranges of `text` covered by shared triples, merged into runs. */
export function sharedRuns(text, triples) {
  const tokens = words(text);
  const covered = new Array(tokens.length).fill(false);
  for (let i = 0; i + N <= tokens.length; i++) if (triples.has(gram(tokens, i))) covered.fill(true, i, i + N);
  const runs = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!covered[i]) continue;
    let j = i;
    while (j + 1 < tokens.length && covered[j + 1]) j++;
    runs.push([tokens[i].start, tokens[j].end]);
    i = j;
  }
  return runs;
}

/** The text as nodes, its shared runs marked. */
export function markedText(text, triples) {
  const nodes = [];
  let at = 0;
  for (const [start, end] of sharedRuns(text, triples)) {
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(el('mark', { class: 'shared', text: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}
