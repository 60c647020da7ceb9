// The account network (GET /v1/network): accounts that posted members of the same flagged clusters
// close in time, drawn with cytoscape (served by the app; the CSP stays 'self') and listed in two
// tables beside it, for keyboard and screen-reader users. A node is sized by the account's comments
// in flagged clusters, an edge weighted by the clusters two accounts share; clicking a node opens
// the account's page. Ids go in as text (tables) or as graph data (drawn on a canvas), never as HTML.
import cytoscape from '/dashboard/vendor/cytoscape/cytoscape.esm.min.mjs';
import { $, accountHref, clusterHref, el } from './dom.js';
import { plural, startPage } from './page-shell.js';

const FIELDS = ['window_hours', 'min_weight'];
// Past this many accounts the layout would keep the page busy for long: the tables list them all.
const DRAW_LIMIT = 400;

function query() {
  const params = new URLSearchParams(location.search);
  const q = new URLSearchParams({ format: 'json' });
  for (const name of FIELDS) if (params.get(name)) q.set(name, params.get(name));
  return q;
}

function draw(box, net) {
  const most = Math.max(1, ...net.nodes.map((n) => n.comments));
  const heaviest = Math.max(1, ...net.edges.map((e) => e.weight));
  const cy = cytoscape({
    container: box,
    elements: [
      ...net.nodes.map((n) => ({ data: { id: n.id, label: n.id, comments: n.comments } })),
      ...net.edges.map((e) => ({ data: { id: `${e.source}\u0000${e.target}`, source: e.source, target: e.target, weight: e.weight } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#1d1d1f', 'background-color': '#4a5bd4', width: `mapData(comments, 1, ${most}, 14, 54)`, height: `mapData(comments, 1, ${most}, 14, 54)` } },
      { selector: 'node:active, node:selected', style: { 'background-color': '#9b1c1c' } },
      { selector: 'edge', style: { width: `mapData(weight, 1, ${heaviest}, 1.5, 8)`, 'line-color': '#9aa1c4', opacity: 0.8, 'curve-style': 'haystack' } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, padding: 24 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (event) => { location.href = accountHref(event.target.id()); });
  cy.on('mouseover', 'node', () => { box.style.cursor = 'pointer'; });
  cy.on('mouseout', 'node', () => { box.style.cursor = ''; });
  // For the browser tests: where each account is drawn.
  box.cy = cy;
}

function nodeTable(net) {
  const links = new Map();
  for (const e of net.edges) for (const id of [e.source, e.target]) links.set(id, (links.get(id) ?? 0) + 1);
  const nodes = [...net.nodes].sort((a, b) => b.comments - a.comments || (a.id < b.id ? -1 : 1));
  return el('table', { class: 'network-nodes', 'aria-label': 'Accounts in the network' }, [
    el('caption', { text: `Accounts (${net.nodes.length})` }),
    el('thead', {}, [el('tr', {}, ['account', 'comments in flagged clusters', 'clusters', 'linked accounts'].map((h) => el('th', { text: h })))]),
    el('tbody', {}, nodes.map((n) => el('tr', {}, [
      el('td', { 'data-label': 'account' }, [el('a', { class: 'account', href: accountHref(n.id), text: n.id })]),
      el('td', { 'data-label': 'comments', text: String(n.comments) }),
      el('td', { 'data-label': 'clusters', text: String(n.clusters) }),
      el('td', { 'data-label': 'linked', text: String(links.get(n.id) ?? 0) }),
    ]))),
  ]);
}

function edgeTable(net) {
  return el('table', { class: 'network-edges', 'aria-label': 'Links between accounts' }, [
    el('caption', { text: `Links (${net.edges.length}): accounts posting in the same flagged clusters` }),
    el('thead', {}, [el('tr', {}, ['accounts', 'shared clusters', 'clusters'].map((h) => el('th', { text: h })))]),
    el('tbody', {}, net.edges.map((e) => el('tr', {}, [
      el('td', { 'data-label': 'accounts' }, [el('a', { class: 'account', href: accountHref(e.source), text: e.source }), ' — ', el('a', { class: 'account', href: accountHref(e.target), text: e.target })]),
      el('td', { 'data-label': 'shared', text: String(e.weight) }),
      el('td', { 'data-label': 'clusters' }, e.clusters.flatMap((c, i) => [i ? ', ' : '', el('a', { href: clusterHref(c), text: c })])),
    ]))),
  ]);
}

function render(net) {
  const section = $('network');
  if (net.nodes.length === 0) {
    section.replaceChildren(el('p', { class: 'hint', text: 'No two accounts posted in the same flagged cluster within this window.' }));
    return 'No linked accounts.';
  }
  const summary = `${plural(net.nodes.length, 'account')} and ${plural(net.edges.length, 'link')}: accounts that posted in the same flagged clusters within ${net.window_hours} hours of each other`;
  const drawn = net.nodes.length <= DRAW_LIMIT;
  const box = drawn
    ? el('div', { id: 'graph', role: 'img', 'aria-label': `Graph of ${summary}; the same accounts and links are in the tables below.` })
    : el('p', { class: 'hint', text: `Too many accounts to draw (${net.nodes.length}; at most ${DRAW_LIMIT}): raise "Shared clusters at least" or shorten the window, or read the tables below.` });
  section.replaceChildren(
    el('h2', { text: 'Accounts that post together' }),
    el('p', { class: 'hint', text: `${summary}. A larger dot has more comments in flagged clusters, a thicker line more shared clusters; click an account to open it.` }),
    box,
    el('div', { class: 'network-tables' }, [nodeTable(net), edgeTable(net)]),
  );
  if (drawn) draw(box, net);
  return `Network: ${plural(net.nodes.length, 'account')}, ${plural(net.edges.length, 'link')}.`;
}

const form = $('network-filters');
for (const name of FIELDS) {
  const value = new URLSearchParams(location.search).get(name);
  if (value) form.elements[name].value = value;
}
const page = startPage($('network'), {
  title: 'Chorus account network',
  what: () => 'the account network',
  fetchData: (api) => api(`/v1/network?${query()}`),
  render,
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const name of FIELDS) if (form.elements[name].value.trim()) params.set(name, form.elements[name].value.trim());
  history.replaceState(null, '', `?${params}`);
  void page.load();
});
