// The moderators' review queue. Talks to the public API with the key the moderator enters (kept in
// this tab's sessionStorage only). Every piece of comment text is inserted as text, never as HTML.
const $ = (id) => document.getElementById(id);
const state = { key: sessionStorage.getItem('chorus-key') || '', clusters: [], index: -1 };

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 5000);
}

async function api(path, init = {}) {
  const res = await fetch(path, { ...init, headers: { authorization: `Bearer ${state.key}`, 'content-type': 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error ? `${body.error.message}` : `HTTP ${res.status}`);
  return body;
}

function badge(verdict) {
  return el('span', { class: `badge ${verdict}`, text: verdict });
}

async function loadList() {
  const status = $('status').value;
  const page = await api(`/v1/clusters?status=${encodeURIComponent(status)}&limit=200`);
  state.clusters = page.clusters;
  const list = $('list');
  list.replaceChildren(...state.clusters.map((c, i) =>
    el('button', { class: 'item', onclick: () => select(i) }, [
      el('div', {}, [badge(c.verdict), ' ', el('span', { class: 'score', text: c.score.toFixed(2) }), ` · ${c.size} comments · ${c.account_count} named account${c.account_count === 1 ? '' : 's'}`]),
      el('div', { class: 'hint', text: c.reasons && c.reasons[0] ? c.reasons[0].text : '' }),
    ])));
  if (state.clusters.length === 0) {
    $('detail').replaceChildren(el('p', { class: 'hint', text: 'Nothing here.' }));
    state.index = -1;
  } else {
    await select(Math.min(Math.max(state.index, 0), state.clusters.length - 1));
  }
}

async function select(i) {
  state.index = i;
  [...$('list').children].forEach((node, j) => node.setAttribute('aria-current', String(j === i)));
  const c = await api(`/v1/clusters/${state.clusters[i].id}`);
  const rows = c.members.map((m) => el('tr', {}, [
    el('td', { text: m.id + (m.representative ? ' ★' : '') }),
    el('td', { text: m.author_name || m.author_id || '(anonymous)' }),
    el('td', { text: m.thread_id }),
    el('td', { text: m.posted_at ? new Date(m.posted_at).toLocaleString() : '—' }),
    el('td', { class: 'text', text: m.text }),
  ]));
  $('detail').replaceChildren(
    el('h2', {}, [badge(c.verdict), ` Cluster ${c.id}: score ${c.score.toFixed(2)}, status ${c.status}`]),
    el('ul', { class: 'reasons' }, (c.reasons || []).map((r) => el('li', { text: r.text }))),
    el('div', { class: 'actions' }, [
      el('button', { class: 'confirm', onclick: () => review('confirm'), text: 'Confirm coordinated (c)' }),
      el('button', { onclick: () => review('dismiss'), text: 'Dismiss as organic (d)' }),
      el('button', { onclick: () => review('reopen'), text: 'Reopen' }),
    ]),
    el('table', {}, [el('thead', {}, [el('tr', {}, ['comment', 'author', 'thread', 'posted', 'text'].map((h) => el('th', { text: h })))]), el('tbody', {}, rows)]),
    el('p', { class: 'hint', text: (c.history || []).map((h) => `${h.action} at ${new Date(h.created_at).toLocaleString()}`).join(' · ') }),
  );
}

async function review(action) {
  if (state.index < 0) return;
  await api(`/v1/clusters/${state.clusters[state.index].id}/review`, { method: 'POST', body: JSON.stringify({ action }) });
  await loadList();
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  state.key = $('key').value.trim();
  sessionStorage.setItem('chorus-key', state.key);
  $('filters').hidden = false;
  loadList().catch((e) => showError(e.message));
});
$('status').addEventListener('change', () => { state.index = 0; loadList().catch((e) => showError(e.message)); });
document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || state.clusters.length === 0) return;
  const go = (i) => select(Math.min(Math.max(i, 0), state.clusters.length - 1)).catch((e) => showError(e.message));
  if (event.key === 'j') go(state.index + 1);
  else if (event.key === 'k') go(state.index - 1);
  else if (event.key === 'c') review('confirm').catch((e) => showError(e.message));
  else if (event.key === 'd') review('dismiss').catch((e) => showError(e.message));
});
if (state.key) {
  $('key').value = state.key;
  $('filters').hidden = false;
  loadList().catch((e) => showError(e.message));
}
