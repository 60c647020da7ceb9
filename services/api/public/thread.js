// A thread's whole discussion, as readers saw it: its title (linked to its page when the publisher
// sent one), every comment in posting order, replies under the comment they answer (or marked with
// a parent that is not shown), and the members of the cluster the moderator came from marked. The
// page's `?id=` is the thread, `?cluster=` the cluster, `?comment=` the comment to show first.
// Every piece of text goes in as text, never as HTML.
import { $, accountHref, clusterHref, el, when } from './dom.js';
import { plural, say, startPage } from './page-shell.js';

const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
const clusterId = params.get('cluster');
const focusId = params.get('comment');
const PAGE = 200;
const state = { thread: null, comments: [], next: null };

const author = (c) => c.author_name || c.author_id || '(anonymous)';

function heading(t) {
  const title = t.title ? `${t.title} (${t.id})` : `Thread ${t.id}`;
  const link = t.url && /^https?:\/\//i.test(t.url) ? el('a', { href: t.url, rel: 'noopener noreferrer', target: '_blank', text: 'the page' }) : null;
  return [
    el('h2', { text: title }),
    el('p', { class: 'hint' }, [
      `First seen ${when(t.first_seen_at)}`,
      ...(link ? ['; published on ', link] : []),
      ...(clusterId ? ['. ', el('a', { href: clusterHref(clusterId), text: `Back to cluster ${clusterId}` })] : []),
    ]),
  ];
}

/** One comment: who, when, its id, whether it is a member of the cluster, what it answers, its text. */
function commentItem(c, byId, children) {
  const member = clusterId !== null && c.cluster_id === clusterId;
  const parent = c.parent_id ? byId.get(c.parent_id) : undefined;
  const replyTo = !c.parent_id ? '' : parent
    ? el('span', { class: 'reply-to' }, ['reply to ', el('a', { href: `#c-${c.parent_id}`, text: `${author(parent)} (${c.parent_id})` })])
    : el('span', { class: 'reply-to', text: `reply to ${c.parent_id} (not in this thread as loaded)` });
  const elsewhere = !member && c.cluster_id && c.verdict !== 'clean' ? el('a', { class: 'other-cluster', href: clusterHref(c.cluster_id), text: `in cluster ${c.cluster_id} (${c.verdict})` }) : '';
  return el('li', { id: `c-${c.id}`, class: `comment${member ? ' member' : ''}${c.id === focusId ? ' focus' : ''}` }, [
    el('div', { class: 'comment-head' }, [
      member ? el('strong', { class: 'member-flag', text: `★ Cluster ${clusterId} member` }) : '',
      c.author_id ? el('a', { class: 'account', href: accountHref(c.author_id), text: author(c) }) : author(c),
      ` · ${when(c.posted_at)} · ${c.id} `,
      replyTo,
      elsewhere,
    ]),
    el('div', { class: 'text', text: c.text }),
    children.length ? el('ol', { class: 'replies', 'aria-label': `Replies to ${c.id}` }, children) : '',
  ]);
}

/** The comments loaded so far as a tree: each reply under its parent, both in posting order. */
function discussion(comments) {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const replies = new Map();
  const top = [];
  for (const c of comments) {
    if (!c.parent_id || !byId.has(c.parent_id) || c.parent_id === c.id) top.push(c);
    else if (replies.has(c.parent_id)) replies.get(c.parent_id).push(c);
    else replies.set(c.parent_id, [c]);
  }
  const seen = new Set();
  const item = (c) => {
    seen.add(c.id);
    return commentItem(c, byId, (replies.get(c.id) ?? []).filter((r) => !seen.has(r.id)).map(item));
  };
  const items = top.map(item);
  // A reply chain that loops (a publisher's error) has no top: shown where its first comment falls.
  for (const c of comments) if (!seen.has(c.id)) items.push(item(c));
  return el('ol', { class: 'discussion', 'aria-label': 'Comments in posting order' }, items);
}

function render() {
  const members = clusterId ? state.comments.filter((c) => c.cluster_id === clusterId).length : 0;
  document.title = `Chorus: thread ${id}`;
  $('thread').replaceChildren(
    ...heading(state.thread),
    el('p', { class: 'thread-summary', text: `${plural(state.comments.length, 'comment')}${state.next ? ' so far' : ''}${clusterId ? `; ${plural(members, 'member')} of cluster ${clusterId} marked ★` : ''}.` }),
    discussion(state.comments),
    state.next ? el('button', { type: 'button', id: 'load-more', onclick: () => void more(), text: `Load ${PAGE} more` }) : '',
  );
  return `Thread ${id}: ${plural(state.comments.length, 'comment')}${clusterId ? `, ${plural(members, 'member')} of cluster ${clusterId}` : ''}.`;
}


async function more() {
  $('load-more').disabled = true;
  $('load-more').textContent = 'Loading more…';
  try {
    const page = await shell.api(`/v1/threads/${encodeURIComponent(id)}/comments?limit=${PAGE}&cursor=${encodeURIComponent(state.next)}`);
    state.comments.push(...page.comments);
    state.next = page.next_cursor;
    say(render());
  } catch (e) {
    $('load-more').replaceWith(el('span', { class: 'load-error', role: 'alert' }, [`Could not load more comments: ${e.message} `, el('button', { type: 'button', id: 'load-more', onclick: () => void more(), text: 'Retry' })]));
  }
}

const shell = startPage($('thread'), {
  missing: id ? null : 'No thread named: open this page from a cluster\'s member.',
  title: 'Chorus thread',
  what: `thread ${id}`,
  fetchData: (api) => api(`/v1/threads/${encodeURIComponent(id)}/comments?limit=${PAGE}`),
  render: (page) => {
    Object.assign(state, { thread: page.thread, comments: page.comments, next: page.next_cursor });
    const line = render();
    document.getElementById(`c-${focusId}`)?.scrollIntoView({ block: 'center' });
    return line;
  },
});
