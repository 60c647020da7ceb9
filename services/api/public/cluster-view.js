// The cluster on screen: its verdict, the buttons that decide it, its reasons, when its members
// posted, its members (each with what it replies to, the wording they share marked, its thread, and
// buttons to mark or drop that one comment) and its decisions. Every piece of comment text goes in
// as text, never as HTML.
import { decider, decisionWords } from './api-client.js';
import { accountHref, el, threadHref, when } from './dom.js';
import { postingTimeline } from './posting-timeline.js';
import { markedText, sharedTriples } from './shared-wording.js';

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

/**
 * A member's own decisions: "Mark coordinated" / "Mark organic" (the cluster keeps its status),
 * and "Drop…", then "Drop it" / "Cancel": a member leaves the cluster only on a second click.
 */
function memberControls(m, canDrop, on) {
  const cell = el('td', { class: 'member-actions' });
  // "Mark …", not "Confirm …": a screen reader's list of buttons keeps "Confirm" for the cluster's.
  const judge = (action, label) => el('button', { type: 'button', class: 'judge', 'aria-label': `${label}: comment ${m.id}`, title: `${label}: this comment alone (the cluster keeps its status)`, onclick: () => on.reviewMember(m.id, action), text: label });
  const ask = () => cell.replaceChildren(
    judge('confirm', 'Mark coordinated'),
    judge('dismiss', 'Mark organic'),
    el('button', { type: 'button', class: 'open-drop', 'aria-label': `Drop ${m.id} from this cluster`, disabled: !canDrop, title: canDrop ? 'It does not belong: take it out (Undo for a few seconds)' : 'A cluster keeps two members at least: dismiss it instead', onclick: confirm, text: 'Drop…' }),
  );
  const confirm = () => cell.replaceChildren(
    el('button', { type: 'button', class: 'danger', onclick: () => on.drop(m.id), text: 'Drop it' }),
    ' ',
    el('button', { type: 'button', onclick: ask, text: 'Cancel' }),
  );
  ask();
  return cell;
}

const MARKED = { confirm: 'coordinated', dismiss: 'organic' };

/** The latest confirm or dismiss of this one member, from the cluster's decisions. */
function memberDecision(m, history) {
  const last = history.filter((h) => h.comment_id === m.id && (h.action === 'confirm' || h.action === 'dismiss')).at(-1);
  if (!last) return '';
  return el('div', { class: `member-decision ${last.action}` }, [`Marked ${MARKED[last.action]} by ${decider(last)}, ${when(last.created_at)} `, last.note ? el('q', { text: last.note }) : '']);
}

/** The author, linked to the account's page when the publisher sent an account id. */
function accountLink(m) {
  if (!m.author_id) return author(m);
  return el('a', { class: 'account', href: accountHref(m.author_id), title: `Account ${m.author_id}: its comments, clusters and the accounts it acts with`, text: author(m) });
}

/** What a reply answers, above its text: the parent's author, time and words (or that it never arrived). */
function inReplyTo(m) {
  if (!m.parent_id) return '';
  if (!m.parent) return el('div', { class: 'parent missing', text: `In reply to ${m.parent_id} (not received by Chorus)` });
  return el('div', { class: 'parent', 'aria-label': `In reply to ${author(m.parent)}` }, [
    el('div', { class: 'parent-head', text: `In reply to ${author(m.parent)} (${m.parent.id}), ${when(m.parent.posted_at)}:` }),
    el('div', { class: 'parent-text', text: m.parent.text }),
  ]);
}

/** A thread by its title when the publisher sent one, linked to its page (http and https only), and to its whole discussion here. */
function threadCell(id, threads, m, clusterId) {
  const t = threads.get(id);
  const label = t?.title ? `${t.title} (${id})` : id;
  const link = t?.url && /^https?:\/\//i.test(t.url) ? el('a', { href: t.url, rel: 'noopener noreferrer', target: '_blank', text: label }) : label;
  return el('td', { 'data-label': 'thread' }, [link, ' ', el('a', { class: 'thread-view', href: threadHref(id, clusterId, m.id), 'aria-label': `Read the thread ${id}, around ${m.id}`, text: 'Read the thread' })]);
}

function memberRow(m, ctx) {
  return el('tr', { id: `member-${m.id}` }, [
    el('td', { 'data-label': 'comment', text: m.id + (m.representative ? ' ★' : '') }),
    el('td', { 'data-label': 'author' }, [accountLink(m)]),
    threadCell(m.thread_id, ctx.threads, m, ctx.clusterId),
    el('td', { 'data-label': 'posted', text: when(m.posted_at) }),
    el('td', { class: 'text' }, [inReplyTo(m), el('div', { class: 'member-text' }, markedText(m.text, ctx.shared)), memberDecision(m, ctx.history)]),
    memberControls(m, ctx.canDrop, ctx.on),
  ]);
}

/** When the cluster was posted, in UTC: "Posted 2024-05-01 10:00 UTC to 10:05 UTC (5 minutes)". */
function timeSpanLine(span) {
  if (!span) return '';
  const unknown = span.unknown_times ? `; ${span.unknown_times} member${span.unknown_times === 1 ? '' : 's'} without a known time` : '';
  if (!span.first) return el('p', { class: 'time-span', text: `Posting times unknown${unknown}.` });
  const minutes = span.minutes === 1 ? '1 minute' : span.minutes < 120 ? `${span.minutes} minutes` : `${(span.minutes / 60).toFixed(1)} hours`;
  return el('p', { class: 'time-span', text: `Posted ${when(span.first)} to ${when(span.last)} (${minutes})${unknown}.` });
}

/**
 * The detail of cluster `c`; `on.decide(action)`, `on.drop(commentId)` and
 * `on.reviewMember(commentId, action)` act on it. `c.version`
 * goes with every decision, so one made after another moderator's answers "already decided".
 */
export function clusterView(c, on) {
  const action = (name, label, cls) => el('button', { type: 'button', class: cls, onclick: () => on.decide(name), text: label, disabled: name === 'reopen' && c.status === 'flagged' });
  const shared = sharedTriples(c.members.map((m) => m.text));
  const ctx = { canDrop: c.members.length > 2, threads: new Map((c.threads || []).map((t) => [t.id, t])), history: c.history || [], shared, on, clusterId: c.id };
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
    timeSpanLine(c.time_span),
    postingTimeline(c.members, author),
    el('p', { class: 'hint shared-note' }, shared.size ? ['Wording shared by at least half of the members is ', el('mark', { class: 'shared', text: 'marked' }), '.'] : ['No run of three words is shared by half of the members.']),
    el('table', { 'aria-label': `Members of cluster ${c.id}` }, [
      el('thead', {}, [el('tr', {}, ['comment', 'author', 'thread', 'posted (UTC)', 'text', ''].map((h) => el('th', { text: h })))]),
      el('tbody', {}, c.members.map((m) => memberRow(m, ctx))),
    ]),
    historyList(c.history || []),
  ];
}
