// What the dashboard's pages beside the queue (an account, a thread, the network) share: the key
// form, and one load at a time that shows "Loading…" until answered, a failure with a Retry, and
// a short status line. Text goes in as text.
import { callApi } from './api-client.js';
import { $, el } from './dom.js';

export const say = (text) => { $('status-line').textContent = text; };
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

const PAGES = [['/dashboard/', 'Review queue'], ['/dashboard/audit.html', 'Audit log'], ['/dashboard/network.html', 'Network']];

/** The page's header: its name, the key form, and links to the other pages. */
function header(title) {
  $('page-header').replaceChildren(
    el('h1', { text: title }),
    el('form', { id: 'login' }, [
      el('label', { for: 'key', text: 'API key' }),
      el('input', { id: 'key', type: 'password', autocomplete: 'off', placeholder: 'chorus_...', required: true }),
      el('button', { type: 'submit', text: 'Open' }),
    ]),
    ...PAGES.filter(([href]) => href !== location.pathname).map(([href, text]) => el('a', { class: 'nav-link', href, text })),
  );
}

/**
 * Starts a page titled `title` whose content goes in `box`: `what` names it ("account a7", or a function answering
 * it), `fetchData(api)` asks the API, `render(data)` draws it and answers the status line. Returns
 * `api(path)` with the key entered, for the page's later requests, and `load()` to load it again.
 * `missing`, when set, says what the address lacks (and nothing is loaded).
 */
export function startPage(box, { title, what: name, fetchData, render, missing }) {
  header(title);
  const state = { key: sessionStorage.getItem('chorus-key') || '', seq: 0 };
  const api = (path) => callApi(state.key, path);
  const busy = (on) => {
    $('busy').hidden = !on;
    box.setAttribute('aria-busy', String(on));
  };

  async function load() {
    const seq = ++state.seq;
    const what = typeof name === 'function' ? name() : name;
    busy(true);
    box.prepend(el('p', { class: 'loading-note', role: 'status', text: `Loading ${what}…` }));
    say(`Loading ${what}…`);
    let data;
    try {
      data = await fetchData(api);
    } catch (e) {
      if (seq !== state.seq) return;
      busy(false);
      const message = `Could not load ${what}: ${e.message}`;
      box.replaceChildren(el('div', { class: 'load-error', role: 'alert' }, [el('p', { text: message }), el('button', { type: 'button', onclick: () => void load(), text: 'Retry' })]));
      say(message);
      return;
    }
    if (seq !== state.seq) return;
    busy(false);
    say(render(data));
  }

  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    if (missing) return;
    state.key = $('key').value.trim();
    sessionStorage.setItem('chorus-key', state.key);
    void load();
  });
  if (missing) say(missing);
  else if (state.key) {
    $('key').value = state.key;
    void load();
  }
  return { api, load };
}
