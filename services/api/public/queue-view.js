// The queue's list and its queues: each cluster loaded so far, the list's end ("Showing 50 of 132",
// "Load 50 more"), and the queue buttons with their counts under the filters. `state` is the
// dashboard's; `on` says what a click does. Text goes in as text.
import { badge } from './cluster-view.js';
import { $, el } from './dom.js';
import { address, describeFilters, STATUSES } from './queue-query.js';

export const PAGE = 50;
const QUEUE_NAMES = { flagged: 'Flagged', confirmed: 'Confirmed', dismissed: 'Dismissed', watching: 'Watching' };
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function listItem(state, on, c, i) {
  // A short name for screen readers: the cluster, not every word of its first reason.
  const label = `Cluster ${c.id}: ${c.verdict}, score ${c.score.toFixed(2)}, ${c.size} comments, ${plural(c.account_count, 'named account')}`;
  return el('li', {}, [el('a', { class: 'item', href: address(state.query, c.id), 'aria-label': label, onclick: (event) => { event.preventDefault(); on.select(i); } }, [
    el('div', {}, [badge(c.verdict), ' ', el('span', { class: 'score', text: c.score.toFixed(2) }), ` · ${c.size} comments · ${plural(c.account_count, 'named account')}`]),
    el('div', { class: 'hint', text: c.reasons && c.reasons[0] ? c.reasons[0].text : '' }),
  ])]);
}

/** The end of the list: how many are shown of how many, and "Load more" while there are more. */
function listFooter(state, on) {
  const total = state.counts?.[state.query.status];
  const shown = `Showing ${state.clusters.length}${total !== undefined ? ` of ${total}` : ''}.`;
  if (!state.next) return el('p', { class: 'list-footer hint', text: state.clusters.length ? `${shown} End of the list.` : '' });
  return el('div', { class: 'list-footer' }, [el('span', { class: 'hint', text: shown }), ' ', el('button', { type: 'button', id: 'load-more', onclick: on.loadMore, text: `Load ${PAGE} more` })]);
}

/** The clusters loaded so far, the one on screen marked, and the list's end. */
export function renderList(state, on) {
  $('list').replaceChildren(el('ol', { class: 'items', 'aria-label': 'Clusters in this queue' }, state.clusters.map((c, i) => listItem(state, on, c, i))), listFooter(state, on));
  const total = state.counts?.[state.query.status] ?? state.clusters.length;
  $('count').textContent = plural(total, 'cluster');
  markCurrent(state.index);
}

/** The queues with their counts under the filters; a click opens one. */
export function renderCounts(state, on) {
  $('queue-counts').replaceChildren(...STATUSES.map((status) => el('button', {
    type: 'button',
    class: 'queue',
    'aria-pressed': String(status === state.query.status),
    // Named as a queue, so "Confirmed" is never taken for the Confirm button.
    'aria-label': `Queue ${QUEUE_NAMES[status]}: ${state.counts ? plural(state.counts[status], 'cluster') : 'counting'}`,
    onclick: () => on.switchQueue(status),
  }, [`${QUEUE_NAMES[status]} `, el('span', { class: 'n', text: state.counts ? String(state.counts[status]) : '…' })])));
  const filters = describeFilters(state.query);
  $('filter-summary').textContent = filters ? `(${filters})` : '';
}

/** Marks the list's `i`th cluster as the one on screen, and keeps it in view. */
export function markCurrent(i) {
  [...$('list').querySelectorAll('.item')].forEach((node, j) => node.setAttribute('aria-current', String(j === i)));
  $('list').querySelectorAll('.item')[i]?.scrollIntoView({ block: 'nearest' });
}

