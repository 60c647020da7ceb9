// The moderators' review queue. Talks to the public API with the key the moderator enters (kept in
// this tab's sessionStorage only). Every piece of comment text is inserted as text, never as HTML.
// A decision acts only on the cluster whose detail is rendered (`state.shown`), one at a time, and
// can be undone for a few seconds. The queue, its filters and the cluster on screen are kept in the
// address (queue-query.js); the list pages to the end and says when new clusters arrive.
import { callApi } from './api-client.js';
import { decisions } from './decisions.js';
import { clusterView } from './cluster-view.js';
import { $, el } from './dom.js';
import { KEYS, setShortcutsEnabled, shortcutFor, shortcutsEnabled } from './shortcuts.js';
import { address, describeFilters, fillForm, filterParams, formQuery, readAddress } from './queue-query.js';
import { clear as clearLive, startLive } from './queue-live.js';
import { markCurrent, PAGE, renderCounts, renderList } from './queue-view.js';

// After a decision the next cluster is on screen this long before a key can decide it, so a double
// press never decides a cluster the moderator has not seen.
const SETTLE_MS = 300;

const state = {
  key: sessionStorage.getItem('chorus-key') || '',
  query: readAddress(location.hash).query, // the queue, its filters and sort
  clusters: [], // every page loaded so far
  next: null, // the cursor of the next page, null at the end
  counts: null, // clusters per queue under the filters
  asOf: null, // when the list was counted: live updates ask what changed since
  loading: false,
  index: -1,
  shown: null, // the cluster whose detail is on screen; null while loading or after a failed load
  seq: 0, // the latest load; an older answer arriving late is dropped
  deciding: false,
  decidedAt: 0, // when the last decision's next cluster came on screen
  undo: null,
};

const say = (text) => { $('status-line').textContent = text; };
const busy = (on) => $('detail').setAttribute('aria-busy', String(on));
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Every request the moderator's page makes shows "Loading…" until it is answered.
let inFlight = 0;
async function api(path, init) {
  inFlight += 1;
  $('busy').hidden = false;
  try {
    return await callApi(state.key, path, init);
  } finally {
    inFlight -= 1;
    $('busy').hidden = inFlight === 0;
  }
}

const listParams = () => {
  const params = filterParams(state.query);
  params.set('status', state.query.status);
  return params;
};

// What the list and the queue buttons do when clicked.
const on = { select: (i) => void select(i), loadMore: () => void loadMore(), switchQueue: (status) => switchQueue(status) };

function switchQueue(status) {
  state.query = { ...state.query, status };
  state.index = 0;
  void loadList();
}

/** The queue, filters and cluster on screen, in the address (a reload or a shared link shows the same). */
function remember(clusterId) {
  history.replaceState(null, '', address(state.query, clusterId));
}

/** What is on screen can no longer be decided: greyed out until the next cluster is rendered. */
function markStale() {
  state.shown = null;
  $('detail').classList.add('stale');
  for (const b of $('detail').querySelectorAll('.actions button')) b.disabled = true;
}

function loadFailed(message, retry) {
  state.loading = false;
  state.shown = null;
  $('detail').classList.remove('stale');
  $('detail').replaceChildren(el('div', { class: 'load-error', role: 'alert' }, [
    el('p', { text: message }),
    el('button', { type: 'button', onclick: retry, text: 'Retry' }),
  ]));
  busy(false);
  say(message);
}

async function loadList({ selectId, index } = {}) {
  const seq = ++state.seq;
  state.loading = true;
  markStale();
  busy(true);
  clearLive();
  say('Loading clusters…');
  let page;
  try {
    // Counted first: a cluster that changes while the list is read is then news to the next check.
    const counted = await api(`/v1/cluster-counts?${filterParams(state.query)}`);
    state.counts = counted.counts;
    state.asOf = counted.as_of;
    renderCounts(state, on);
    const params = listParams();
    params.set('limit', String(PAGE));
    if (state.query.sort) params.set('sort', state.query.sort);
    page = await api(`/v1/clusters?${params}`);
  } catch (e) {
    if (seq === state.seq) loadFailed(`Could not load the clusters: ${e.message}`, () => loadList({ selectId, index }));
    return;
  }
  if (seq !== state.seq) return;
  state.loading = false;
  state.clusters = page.clusters;
  state.next = page.next_cursor;
  renderList(state, on);
  if (selectId && !state.clusters.some((c) => c.id === selectId)) {
    // A linked cluster further down the queue (or in none of it): shown all the same.
    state.index = -1;
    markCurrent(-1);
    await show(selectId, -1);
    return;
  }
  if (state.clusters.length === 0) {
    state.index = -1;
    remember(null);
    $('detail').classList.remove('stale');
    $('detail').replaceChildren(el('p', { class: 'hint', text: describeFilters(state.query) ? 'No cluster in this queue matches the filters.' : 'Nothing here.' }));
    busy(false);
    say(`No clusters in this queue${describeFilters(state.query) ? ' match the filters' : ''}.`);
    return;
  }
  let i = selectId ? state.clusters.findIndex((c) => c.id === selectId) : -1;
  if (i < 0) i = Math.min(Math.max(index ?? state.index, 0), state.clusters.length - 1);
  await select(i);
}

/** The next page, after those shown; the button says it is loading, and a failure says why with a Retry. */
async function loadMore() {
  if (!state.next || state.loading) return;
  const button = $('load-more');
  const cursor = state.next;
  button.disabled = true;
  button.textContent = 'Loading more…';
  const params = listParams();
  params.set('limit', String(PAGE));
  if (state.query.sort) params.set('sort', state.query.sort);
  params.set('cursor', cursor);
  const seq = state.seq;
  let page;
  try {
    page = await api(`/v1/clusters?${params}`);
  } catch (e) {
    if (seq !== state.seq || state.next !== cursor) return;
    button.replaceWith(el('span', { class: 'load-error', role: 'alert' }, [`Could not load more clusters: ${e.message} `, el('button', { type: 'button', id: 'load-more', onclick: () => { renderList(state, on); void loadMore(); }, text: 'Retry' })]));
    return;
  }
  if (seq !== state.seq || state.next !== cursor) return;
  const known = new Set(state.clusters.map((c) => c.id));
  state.clusters = [...state.clusters, ...page.clusters.filter((c) => !known.has(c.id))];
  state.next = page.next_cursor;
  renderList(state, on);
  say(`Showing ${state.clusters.length}${state.counts ? ` of ${state.counts[state.query.status]}` : ''} clusters.`);
}

async function select(i) {
  state.index = i;
  markCurrent(i);
  await show(state.clusters[i].id, i);
}

/** Shows cluster `id` (the list's `i`th, or -1 for one linked from elsewhere). */
async function show(id, i) {
  const seq = ++state.seq;
  markStale();
  busy(true);
  remember(id);
  say(`Loading cluster ${id}…`);
  $('detail').prepend(el('p', { class: 'loading-note', role: 'status', text: `Loading cluster ${id}…` }));
  let c;
  try {
    c = await api(`/v1/clusters/${id}`);
  } catch (e) {
    if (seq === state.seq) loadFailed(`Could not load cluster ${id}: ${e.message}`, () => show(id, i));
    return;
  }
  if (seq !== state.seq) return;
  renderDetail(c);
  state.shown = c;
  busy(false);
  const place = i >= 0 ? `${i + 1} of ${state.counts?.[state.query.status] ?? state.clusters.length}` : `linked; not in this list`;
  say(`Cluster ${c.id} (${place}): ${c.verdict}, score ${c.score.toFixed(2)}, ${c.members.length} comments, ${c.status}.`);
}

const { decide, dropMember, reviewMember, undo } = decisions({ state, api, say, loadList: (options) => loadList(options) });

function renderDetail(c) {
  const detail = $('detail');
  detail.classList.remove('stale');
  detail.replaceChildren(...clusterView(c, { decide: (action) => void decide(action), drop: (id) => void dropMember(id), reviewMember: (id, action) => void reviewMember(id, action) }));
}

function openHelp() {
  $('help-keys').replaceChildren(...KEYS.flatMap(([key, what]) => [el('dt', {}, [el('kbd', { text: key })]), el('dd', { text: what })]));
  $('help').showModal();
}

/** A link to a cluster without a queue (from the audit log, an account, or shared) opens the queue that holds it now. */
async function openLinked(id) {
  try {
    const c = await api(`/v1/clusters/${id}`);
    state.query = { ...state.query, status: c.status };
  } catch {
    // Not found or unreachable: the flagged queue, and the detail says what it can.
  }
  await loadList({ selectId: id });
}

/** Opens what the address says: its queue, filters and cluster. */
function openAddress() {
  const { query, clusterId, statusGiven } = readAddress(location.hash);
  state.query = query;
  fillForm($('queue-filters'), query);
  $('filter-box').open = Boolean(describeFilters(query)) || query.sort !== undefined;
  renderCounts(state, on);
  void (clusterId && !statusGiven ? openLinked(clusterId) : loadList({ selectId: clusterId ?? undefined }));
}

function start() {
  $('filters').hidden = false;
  $('queue-bar').hidden = false;
  openAddress();
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  state.key = $('key').value.trim();
  sessionStorage.setItem('chorus-key', state.key);
  // Out of the key field and its button, so the shortcuts work at once.
  $('detail').focus();
  start();
});
$('queue-filters').addEventListener('submit', (event) => {
  event.preventDefault();
  state.query = formQuery($('queue-filters'), state.query.status);
  state.index = 0;
  void loadList();
});
$('filters-clear').addEventListener('click', () => {
  state.query = { status: state.query.status };
  fillForm($('queue-filters'), state.query);
  state.index = 0;
  void loadList();
});
// A link to another cluster or queue followed inside the page (from an account page, say).
window.addEventListener('hashchange', () => {
  const { clusterId } = readAddress(location.hash);
  if (state.key && clusterId !== state.shown?.id) openAddress();
});
startLive(
  () => (state.loading || !state.asOf ? null : { key: state.key, query: listParams().toString(), asOf: state.asOf, shown: new Set(state.clusters.map((c) => c.id)) }),
  () => void loadList({ selectId: state.shown?.id, index: state.index }),
);
$('shortcuts-on').checked = shortcutsEnabled();
$('shortcuts-on').addEventListener('change', (event) => {
  setShortcutsEnabled(event.target.checked);
  say(event.target.checked ? 'Keyboard shortcuts on.' : 'Keyboard shortcuts off.');
});
$('help-open').addEventListener('click', openHelp);
$('help-close').addEventListener('click', () => $('help').close());

document.addEventListener('keydown', (event) => {
  if (!shortcutsEnabled() || $('help').open || $('filters').hidden) return;
  const key = shortcutFor(event);
  if (!key) return;
  event.preventDefault();
  if (key === '?') openHelp();
  else if (key === 'u') void undo();
  else if (key === 'r') void loadList({ index: state.index });
  else if (state.clusters.length === 0) return;
  else if (key === 'j' || key === 'k') {
    const i = Math.min(Math.max(state.index + (key === 'j' ? 1 : -1), 0), state.clusters.length - 1);
    if (i !== state.index || !state.shown) void select(i);
  } else if ((key === 'c' || key === 'd') && Date.now() - state.decidedAt >= SETTLE_MS) {
    void decide(key === 'c' ? 'confirm' : 'dismiss');
  }
});

if (state.key) {
  $('key').value = state.key;
  start();
}
