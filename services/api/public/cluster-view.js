// The cluster on screen: its verdict, the buttons that decide it, its reasons, its members (each
// with what it replies to, and a way to drop one that does not belong) and its decisions. Every
// piece of comment text goes in as text, never as HTML.
import { decisionWords } from './api-client.js';
import { el, when } from './dom.js';

export const badge = (verdict) => el('span', { class: `badge ${verdict}`, text: verdict });

/** Who wrote a comment, as a moderator reads it. */
const author = (m) => m.author_name || m.author_id || '(anonymous)';

/** The cluster's decisions, oldest first: what, who, when, and the note. */
function historyList(entries) {
  if (entries.length === 0) return el('p', { class: 'hint', text: 'No decision yet.' });
  return el('ol', { class: 'history', 'aria-label': 'Decisions on this cluster' }, entries.map((h) => el('li', {}, [
    `${decisionWords(h)}, ${when(h.created_at)} `,
    h.note ? el('q', { text: h.note }) : '',
  ])));
}

/** "Drop…", then "Drop it" / "Cancel": a member leaves the cluster only on a second, explicit click. */
function dropControl(m, canDrop, onDrop) {
  const cell = el('td', { class: 'member-actions' });
  const ask = () => cell.replaceChildren(el('button', { type: 'button', class: 'open-drop', 'aria-label': `Drop ${m.id} from this cluster`, disabled: !canDrop, title: canDrop ? 'It does not belong: take it out, for good' : 'A cluster keeps two members at least: dismiss it instead', onclick: confirm, text: 'Drop…' }));
  const confirm = () => cell.replaceChildren(
    el('button', { type: 'button', class: 'danger', onclick: () => onDrop(m.id), text: 'Drop it' }),
    ' ',
    el('button', { type: 'button', onclick: ask, text: 'Cancel' }),
  );
  ask();
  return cell;
}

function memberRow(m, canDrop, onDrop) {
  return el('tr', {}, [
    el('td', { 'data-label': 'comment', text: m.id + (m.representative ? ' ★' : '') }),
    el('td', { 'data-label': 'author', text: author(m) }),
    el('td', { 'data-label': 'thread', text: m.thread_id }),
    el('td', { 'data-label': 'posted', text: when(m.posted_at) }),
    el('td', { class: 'text', text: m.text }),
    dropControl(m, canDrop, onDrop),
  ]);
}

/**
 * The detail of cluster `c`; `on.decide(action)` and `on.drop(commentId)` act on it. `c.version`
 * goes with every decision, so one made after another moderator's answers "already decided".
 */
export function clusterView(c, on) {
  const action = (name, label, cls) => el('button', { type: 'button', class: cls, onclick: () => on.decide(name), text: label, disabled: name === 'reopen' && c.status === 'flagged' });
  const canDrop = c.members.length > 2;
  return [
    el('h2', {}, [badge(c.verdict), ` Cluster ${c.id}: score ${c.score.toFixed(2)}, status ${c.status}`]),
    el('div', { class: 'actions' }, [
      el('input', { id: 'note', type: 'text', maxlength: '2000', autocomplete: 'off', 'aria-label': 'Note for the audit log (optional)', placeholder: 'Note for the audit log (optional)' }),
      action('confirm', 'Confirm coordinated (c)', 'confirm'),
      action('dismiss', 'Dismiss as organic (d)'),
      action('reopen', 'Reopen'),
      el('p', { class: 'action-error', role: 'alert', hidden: true }),
    ]),
    el('ul', { class: 'reasons' }, (c.reasons || []).map((r) => el('li', { text: r.text }))),
    el('table', {}, [
      el('thead', {}, [el('tr', {}, ['comment', 'author', 'thread', 'posted', 'text', ''].map((h) => el('th', { text: h })))]),
      el('tbody', {}, c.members.map((m) => memberRow(m, canDrop, on.drop))),
    ]),
    historyList(c.history || []),
  ];
}
