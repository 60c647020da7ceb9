// The audit log page: every decision of the tenant, newest first, with who made it, what, on which
// cluster, when (UTC) and the note; filters are kept in the address, so a reload or a shared link
// shows the same rows. Text goes in as text, never as HTML.
import { callApi, decider } from './api-client.js';
import { $, el, when } from './dom.js';

const FILTERS = ['moderator', 'action', 'cluster_id', 'from', 'to'];
const state = { key: sessionStorage.getItem('chorus-key') || '', cursor: null, seq: 0 };

const say = (text) => { $('status-line').textContent = text; };

/** The decision in a word, naming the comment of a decision about one member. */
const what = (e) => (!e.comment_id ? e.action : e.action === 'drop' ? `drop ${e.comment_id}` : e.action === 'reopen' ? `put back ${e.comment_id}` : `${e.action} comment ${e.comment_id}`);

/** The filter form's values, as the address keeps them. */
function formFilters() {
  const values = new URLSearchParams();
  for (const name of FILTERS) {
    const value = $('audit-filters').elements[name].value.trim();
    if (value) values.set(name, value);
  }
  return values;
}

/** The API's query for the filters: a day range in UTC, the "to" day included. */
function apiQuery(filters, cursor) {
  const q = new URLSearchParams({ limit: '50' });
  for (const name of ['moderator', 'action', 'cluster_id']) if (filters.get(name)) q.set(name, filters.get(name));
  if (filters.get('from')) q.set('since', `${filters.get('from')}T00:00:00Z`);
  if (filters.get('to')) q.set('until', new Date(Date.parse(`${filters.get('to')}T00:00:00Z`) + 86_400_000).toISOString());
  if (cursor) q.set('cursor', cursor);
  return q;
}

function row(e) {
  return el('tr', {}, [
    el('td', { 'data-label': 'when', text: when(e.created_at) }),
    el('td', { 'data-label': 'who', text: decider(e) }),
    el('td', { 'data-label': 'what', text: what(e) }),
    el('td', { 'data-label': 'cluster' }, [el('a', { href: `/dashboard/#/clusters/${e.cluster_id}`, text: e.cluster_id })]),
    el('td', { 'data-label': 'note', class: 'text', text: e.note ?? '' }),
  ]);
}

async function load(more = false) {
  const seq = ++state.seq;
  const filters = new URLSearchParams(location.search);
  if (!more) state.cursor = null;
  say('Loading the audit log…');
  $('more').disabled = true;
  let page;
  try {
    page = await callApi(state.key, `/v1/moderation-log?${apiQuery(filters, state.cursor)}`);
  } catch (e) {
    if (seq !== state.seq) return;
    say(`Could not load the audit log: ${e.message}`);
    $('error').textContent = `Could not load the audit log: ${e.message}`;
    $('error').hidden = false;
    $('more').disabled = false;
    return;
  }
  if (seq !== state.seq) return;
  $('error').hidden = true;
  const rows = page.entries.map(row);
  if (more) $('entries').append(...rows);
  else $('entries').replaceChildren(...rows);
  state.cursor = page.next_cursor;
  $('audit').hidden = false;
  $('more').hidden = !page.next_cursor;
  $('more').disabled = false;
  const shown = $('entries').children.length;
  say(shown === 0 ? 'No decision matches these filters.' : `${shown} decision${shown === 1 ? '' : 's'}${page.next_cursor ? ' so far (Load more for older ones)' : ''}.`);
}

function start() {
  $('audit-filters').hidden = false;
  const filters = new URLSearchParams(location.search);
  for (const name of FILTERS) $('audit-filters').elements[name].value = filters.get(name) ?? '';
  void load();
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  state.key = $('key').value.trim();
  sessionStorage.setItem('chorus-key', state.key);
  start();
});
$('audit-filters').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = formFilters().toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  void load();
});
$('more').addEventListener('click', () => void load(true));

if (state.key) {
  $('key').value = state.key;
  start();
}
