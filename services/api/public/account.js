// An account's page: the names it posted under, when it was first and last seen (UTC), its clusters,
// the accounts that keep turning up in the same clusters, and its comments. The account is the
// page's `?id=`; every piece of text goes in as text, never as HTML.
import { badge } from './cluster-view.js';
import { $, accountHref, clusterHref, el, threadHref, when } from './dom.js';
import { plural, say, startPage } from './page-shell.js';

const id = new URLSearchParams(location.search).get('id') ?? '';

function facts(a) {
  const rows = [
    ['Names used', a.names.length ? a.names.join(', ') : '(none sent)'],
    ['Comments', `${a.comment_count}${a.comments.length < a.comment_count ? ` (the newest ${a.comments.length} below)` : ''}`],
    ['In flagged clusters', String(a.flagged_comment_count)],
    ['First seen', when(a.first_seen)],
    ['Last seen', when(a.last_seen)],
  ];
  return el('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
}

function clusterTable(clusters) {
  if (clusters.length === 0) return el('p', { class: 'hint', text: 'In no cluster.' });
  return el('table', { class: 'account-clusters' }, [
    el('thead', {}, [el('tr', {}, ['cluster', 'verdict', 'score', 'status', 'comments (its own)', 'why'].map((h) => el('th', { text: h })))]),
    el('tbody', {}, clusters.map((c) => el('tr', {}, [
      el('td', { 'data-label': 'cluster' }, [el('a', { href: clusterHref(c.id), text: `Cluster ${c.id}` })]),
      el('td', { 'data-label': 'verdict' }, [badge(c.verdict)]),
      el('td', { 'data-label': 'score', text: c.score.toFixed(2) }),
      el('td', { 'data-label': 'status', text: c.status }),
      el('td', { 'data-label': 'comments', text: `${c.size} (${c.comments})` }),
      el('td', { 'data-label': 'why', text: c.reasons?.[0]?.text ?? '' }),
    ]))),
  ]);
}

function coAccounts(list) {
  if (list.length === 0) return el('p', { class: 'hint', text: 'No other account shares its clusters.' });
  return el('ol', { class: 'co-accounts' }, list.map((o) => el('li', {}, [
    el('a', { class: 'account', href: accountHref(o.id), text: o.name ? `${o.name} (${o.id})` : o.id }),
    ` — ${plural(o.shared_clusters, 'shared cluster')}, ${plural(o.comments, 'comment')} in them`,
  ])));
}

function commentList(comments) {
  return el('table', { class: 'account-comments' }, [
    el('thead', {}, [el('tr', {}, ['posted (UTC)', 'thread', 'comment', 'text', 'cluster'].map((h) => el('th', { text: h })))]),
    el('tbody', {}, comments.map((c) => el('tr', {}, [
      el('td', { 'data-label': 'posted', text: when(c.posted_at) }),
      el('td', { 'data-label': 'thread' }, [el('a', { href: threadHref(c.thread_id, c.cluster_id, c.id), title: 'The whole thread, this comment in view', text: c.thread_title ? `${c.thread_title} (${c.thread_id})` : c.thread_id })]),
      el('td', { 'data-label': 'comment', text: c.parent_id ? `${c.id} (reply to ${c.parent_id})` : c.id }),
      el('td', { class: 'text', text: c.text }),
      el('td', { 'data-label': 'cluster' }, [c.cluster_id ? el('a', { href: clusterHref(c.cluster_id), text: c.cluster_id }) : c.status === 'scored' ? 'none (clean)' : c.status]),
    ]))),
  ]);
}

function render(a) {
  const title = a.names[0] ? `${a.names[0]} (${a.id})` : a.id;
  document.title = `Chorus: account ${a.id}`;
  $('account').replaceChildren(
    el('h2', { text: `Account ${title}` }),
    facts(a),
    el('p', {}, [el('a', { href: `/dashboard/#/?status=flagged&account=${encodeURIComponent(a.id)}`, text: 'Its clusters in the review queue' })]),
    el('h3', { text: `Clusters (${a.clusters.length})` }),
    clusterTable(a.clusters),
    el('h3', { text: `Accounts in the same clusters (${a.co_accounts.length})` }),
    coAccounts(a.co_accounts),
    el('h3', { text: `Comments (${a.comment_count})` }),
    commentList(a.comments),
  );
}

startPage($('account'), {
  missing: id ? null : 'No account named: open this page from a cluster\'s member.',
  title: 'Chorus account',
  what: `account ${id}`,
  fetchData: (api) => api(`/v1/accounts/${encodeURIComponent(id)}`),
  render: (a) => {
    render(a);
    return `Account ${a.id}: ${plural(a.comment_count, 'comment')}, ${plural(a.clusters.length, 'cluster')}, ${plural(a.co_accounts.length, 'account')} in the same clusters.`;
  },
});
