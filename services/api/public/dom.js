// DOM helpers for the dashboard. Text always goes in as text (textContent, text nodes), never as HTML.
export const $ = (id) => document.getElementById(id);

/** An element with attributes, `text`, `class` and `on<event>` handlers, and children (nodes or strings). */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children) node.append(child);
  return node;
}

/** A time in UTC, saying so, so two moderators in different places read the same time: `2024-06-03 18:02 UTC`. */
export function when(iso) {
  return iso ? `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}

/** The account page of a publisher's author id. */
export const accountHref = (id) => `/dashboard/account.html?id=${encodeURIComponent(id)}`;

/** A cluster in the review queue that holds it now. */
export const clusterHref = (id) => `/dashboard/#/clusters/${encodeURIComponent(id)}`;

/** A thread's whole discussion, with a cluster's members marked and one comment in view. */
export function threadHref(threadId, clusterId, commentId) {
  const params = new URLSearchParams({ id: threadId });
  if (clusterId) params.set('cluster', clusterId);
  if (commentId) params.set('comment', commentId);
  return `/dashboard/thread.html?${params}`;
}
