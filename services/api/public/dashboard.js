// The moderators' review queue. Talks to the public API with the key the moderator enters (kept in
// this tab's sessionStorage only). Every piece of comment text is inserted as text, never as HTML.
// A decision acts only on the cluster whose detail is rendered (`state.shown`), one at a time, and
// can be undone for a few seconds.
import { ApiError, callApi } from './api-client.js';
import { badge, clusterView } from './cluster-view.js';
import { $, el } from './dom.js';
import { clearConflict, showConflict, showError } from './notices.js';
import { KEYS, setShortcutsEnabled, shortcutFor, shortcutsEnabled } from './shortcuts.js';

const UNDO_MS = 6000;
// After a decision the next cluster is on screen this long before a key can decide it, so a double
// press never decides a cluster the moderator has not seen.
const SETTLE_MS = 300;
const VERB = { confirm: ['Confirming', 'Confirmed'], dismiss: ['Dismissing', 'Dismissed'], reopen: ['Reopening', 'Reopened'] };
const UNDO_FOR_STATUS = { confirmed: 'confirm', dismissed: 'dismiss' };

const state = {
  key: sessionStorage.getItem('chorus-key') || '',
  clusters: [],
  index: -1,
  shown: null, // the cluster whose detail is on screen; null while loading or after a failed load
  seq: 0, // the latest load; an older answer arriving late is dropped
  deciding: false,
  decidedAt: 0, // when the last decision's next cluster came on screen
  undo: null,
};

const say = (text) => { $('status-line').textContent = text; };
const busy = (on) => $('detail').setAttribute('aria-busy', String(on));


const api = (path, init) => callApi(state.key, path, init);



function renderList() {
  $('list').replaceChildren(...state.clusters.map((c, i) =>
    el('a', { class: 'item', href: `#/clusters/${c.id}`, onclick: (event) => { event.preventDefault(); void select(i); } }, [
      el('div', {}, [badge(c.verdict), ' ', el('span', { class: 'score', text: c.score.toFixed(2) }), ` · ${c.size} comments · ${c.account_count} named account${c.account_count === 1 ? '' : 's'}`]),
      el('div', { class: 'hint', text: c.reasons && c.reasons[0] ? c.reasons[0].text : '' }),
    ])));
  $('count').textContent = `${state.clusters.length} cluster${state.clusters.length === 1 ? '' : 's'}`;
}

function markCurrent(i) {
  [...$('list').children].forEach((node, j) => node.setAttribute('aria-current', String(j === i)));
  $('list').children[i]?.scrollIntoView({ block: 'nearest' });
}

/** What is on screen can no longer be decided: greyed out until the next cluster is rendered. */
function markStale() {
  state.shown = null;
  $('detail').classList.add('stale');
  for (const b of $('detail').querySelectorAll('.actions button')) b.disabled = true;
}

function loadFailed(message, retry) {
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
  markStale();
  busy(true);
  say('Loading clusters…');
  let page;
  try {
    page = await api(`/v1/clusters?status=${encodeURIComponent($('status').value)}&limit=200`);
  } catch (e) {
    if (seq === state.seq) loadFailed(`Could not load the clusters: ${e.message}`, () => loadList({ selectId, index }));
    return;
  }
  if (seq !== state.seq) return;
  state.clusters = page.clusters;
  renderList();
  if (state.clusters.length === 0) {
    state.index = -1;
    $('detail').classList.remove('stale');
    $('detail').replaceChildren(el('p', { class: 'hint', text: 'Nothing here.' }));
    busy(false);
    say('No clusters in this queue.');
    return;
  }
  let i = selectId ? state.clusters.findIndex((c) => c.id === selectId) : -1;
  if (i < 0) i = Math.min(Math.max(index ?? state.index, 0), state.clusters.length - 1);
  await select(i);
}

async function select(i) {
  const seq = ++state.seq;
  const summary = state.clusters[i];
  state.index = i;
  markCurrent(i);
  markStale();
  busy(true);
  history.replaceState(null, '', `#/clusters/${summary.id}`);
  say(`Loading cluster ${summary.id}…`);
  let c;
  try {
    c = await api(`/v1/clusters/${summary.id}`);
  } catch (e) {
    if (seq === state.seq) loadFailed(`Could not load cluster ${summary.id}: ${e.message}`, () => select(i));
    return;
  }
  if (seq !== state.seq) return;
  renderDetail(c);
  state.shown = c;
  busy(false);
  say(`Cluster ${c.id} (${i + 1} of ${state.clusters.length}): ${c.verdict}, score ${c.score.toFixed(2)}, ${c.members.length} comments, ${c.status}.`);
}

function renderDetail(c) {
  const detail = $('detail');
  detail.classList.remove('stale');
  detail.replaceChildren(...clusterView(c, { decide: (action) => void decide(action), drop: (id) => void dropMember(id) }));
}

function setActionsDisabled(on) {
  for (const b of $('detail').querySelectorAll('.actions button')) b.disabled = on || (b.textContent === 'Reopen' && state.shown?.status === 'flagged');
  for (const b of $('detail').querySelectorAll('.member-actions button')) b.disabled = on || (b.classList.contains('open-drop') && state.shown?.members.length <= 2);
}

/** The refused decision's message, beside the buttons and in the corner. */
function decisionFailed(c, message) {
  state.deciding = false;
  if (state.shown === c) {
    setActionsDisabled(false);
    const box = $('detail').querySelector('.action-error');
    box.textContent = message;
    box.hidden = false;
  }
  showError(message);
  say(message);
}

/**
 * Sends one decision on the cluster on screen (with its version and the note typed), once at a
 * time; a 409 shows who decided first. Returns the answer, or undefined when it was not made.
 */
async function send(path, body, doing, failed) {
  const c = state.shown;
  if (!c || state.deciding) return undefined;
  state.deciding = true;
  clearConflict();
  setActionsDisabled(true);
  say(`${doing}…`);
  try {
    const note = $('note')?.value.trim() || undefined;
    return { c, done: await api(`/v1/clusters/${c.id}/${path}`, { method: 'POST', body: JSON.stringify({ ...body, version: c.version, note }) }) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) await conflicted(c.id, e.body);
    else decisionFailed(c, `Could not ${failed}: ${e.message}`);
    return undefined;
  }
}

/** After a decision: the queue again, then a pause before a key can decide the next cluster. */
async function settleAfter(reload) {
  try {
    await reload();
  } finally {
    state.deciding = false;
    state.decidedAt = Date.now();
  }
}

/** Takes a member that does not belong out of the cluster on screen, for good (no undo: it can be read in the history). */
async function dropMember(memberId) {
  const id = state.shown?.id;
  const sent = await send('drop', { comment_id: memberId }, `Dropping ${memberId} from cluster ${id}`, `drop ${memberId} from cluster ${id}`);
  if (!sent) return;
  await settleAfter(async () => {
    await loadList({ selectId: sent.c.id, index: state.index });
    say(`Dropped ${memberId} from cluster ${sent.c.id}; it stays out when the cluster is decided again.`);
  });
}

async function decide(action) {
  const id = state.shown?.id;
  const sent = await send('review', { action }, `${VERB[action][0]} cluster ${id}`, `${action} cluster ${id}`);
  if (!sent) return;
  const { c, done } = sent;
  const undoAction = UNDO_FOR_STATUS[c.status] ?? 'reopen';
  if (undoAction !== action) offerUndo(c.id, `${VERB[action][1]} cluster ${c.id}.`, undoAction, done.version);
  await settleAfter(() => loadList({ index: state.index }));
}

/** The decision lost to another moderator's: say so, and show the cluster as it is now. */
async function conflicted(id, answer) {
  showConflict(id, answer);
  say(`Cluster ${id} was already decided by someone else.`);
  await settleAfter(() => loadList({ selectId: id, index: state.index }));
}

function clearUndo() {
  if (state.undo) clearTimeout(state.undo.timer);
  state.undo = null;
  $('undo-bar').hidden = true;
}

function offerUndo(id, text, action, version) {
  clearUndo();
  $('undo-bar').replaceChildren(el('span', { text }), ' ', el('button', { type: 'button', onclick: () => void undo(), text: 'Undo (u)' }));
  $('undo-bar').hidden = false;
  state.undo = { id, text, action, version, timer: setTimeout(clearUndo, UNDO_MS) };
}

async function undo() {
  const u = state.undo;
  if (!u || state.deciding) return;
  state.deciding = true;
  clearUndo();
  say(`Undoing: ${VERB[u.action][0].toLowerCase()} cluster ${u.id}…`);
  try {
    await api(`/v1/clusters/${u.id}/review`, { method: 'POST', body: JSON.stringify({ action: u.action, version: u.version }) });
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) return conflicted(u.id, e.body);
    state.deciding = false;
    offerUndo(u.id, u.text, u.action, u.version);
    showError(`Could not undo on cluster ${u.id}: ${e.message}`);
    return;
  }
  try {
    await loadList({ selectId: u.id });
  } finally {
    state.deciding = false;
  }
}

function openHelp() {
  $('help-keys').replaceChildren(...KEYS.flatMap(([key, what]) => [el('dt', {}, [el('kbd', { text: key })]), el('dd', { text: what })]));
  $('help').showModal();
}

/** A link to a cluster (from the audit log, or shared) opens the queue that holds it now. */
async function openLinked(id) {
  try {
    const c = await api(`/v1/clusters/${id}`);
    $('status').value = c.status;
  } catch {
    // Not found or unreachable: the flagged queue, and the list says what it can.
  }
  await loadList({ selectId: id });
}

function start() {
  $('filters').hidden = false;
  const deep = /^#\/clusters\/(\d+)$/.exec(location.hash);
  void (deep ? openLinked(deep[1]) : loadList());
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  state.key = $('key').value.trim();
  sessionStorage.setItem('chorus-key', state.key);
  // Out of the key field and its button, so the shortcuts work at once.
  $('detail').focus();
  start();
});
$('status').addEventListener('change', () => { state.index = 0; void loadList(); });
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
