// What the moderator is looking at, kept in the address so a reload or a shared link shows the same
// queue, filters, sort and cluster: `#/clusters/19?status=flagged&account=a7&sort=newest`.
// The address only ever holds the query; nothing read from it is inserted as HTML.

export const STATUSES = ['flagged', 'confirmed', 'dismissed', 'watching'];
/** The filter form's fields, as the address names them. */
export const FILTERS = ['thread', 'account', 'verdict', 'min_score', 'from', 'to', 'sort'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The queue and filters from the address, and the cluster it names (or null). */
export function readAddress(hash) {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const query = { status: STATUSES.includes(params.get('status')) ? params.get('status') : 'flagged' };
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const cluster = /^\/clusters\/(\d{1,19})$/.exec(path);
  return { query, clusterId: cluster ? cluster[1] : null, statusGiven: params.has('status') };
}

/** The address for a queue, its filters and the cluster on screen. */
export function address(query, clusterId) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value && !(name === 'sort' && value === 'score')) params.set(name, value);
  return `#/${clusterId ? `clusters/${clusterId}` : ''}?${params}`;
}

/** The API's filters for the query: the days are UTC, the "to" day included. */
export function filterParams(query) {
  const params = new URLSearchParams();
  for (const name of ['thread', 'account', 'verdict', 'min_score']) if (query[name]) params.set(name, query[name]);
  if (DAY.test(query.from ?? '')) params.set('posted_since', `${query.from}T00:00:00Z`);
  if (DAY.test(query.to ?? '')) params.set('posted_until', new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString());
  return params;
}

/** The form's values as a query (keeping the queue). */
export function formQuery(form, status) {
  const query = { status };
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) query[name] = value;
  }
  return query;
}

export function fillForm(form, query) {
  for (const name of FILTERS) form.elements[name].value = query[name] ?? (name === 'sort' ? 'score' : '');
}

/** The filters in force, in words: "account a7, score ≥ 0.8" (empty when none). */
export function describeFilters(query) {
  const parts = [];
  if (query.thread) parts.push(`thread ${query.thread}`);
  if (query.account) parts.push(`account ${query.account}`);
  if (query.verdict) parts.push(query.verdict);
  if (query.min_score) parts.push(`score ≥ ${query.min_score}`);
  if (query.from || query.to) parts.push(`posted ${query.from ?? '…'} to ${query.to ?? '…'} (UTC)`);
  return parts.join(', ');
}
