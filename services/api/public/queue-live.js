// Live updates without reloading the page: every POLL_MS the queue is asked what changed since it
// was loaded, and clusters the list does not show yet are announced as "N new clusters"; a click
// refreshes the list. A failed check says so and is tried again at the next tick.
import { callApi } from './api-client.js';
import { $, el } from './dom.js';

const POLL_MS = 10_000;

/**
 * Starts checking. `current()` answers the key, the list's query string (queue and filters), the
 * time it was loaded (`as_of` of its counts) and the ids it shows, or null while it is loading.
 */
export function startLive(current, refresh) {
  let timer;
  const indicator = $('new-clusters');
  indicator.addEventListener('click', () => {
    clear();
    refresh();
  });
  const tick = async () => {
    const now = current();
    if (!now || document.hidden) return;
    try {
      const page = await callApi(now.key, `/v1/clusters?${now.query}&updated_since=${encodeURIComponent(now.asOf)}&sort=newest&limit=200`);
      // The list was reloaded meanwhile: this answer is about the old one.
      if (current()?.asOf !== now.asOf) return;
      const fresh = page.clusters.filter((c) => !now.shown.has(c.id)).length;
      $('live-state').textContent = '';
      if (fresh === 0) return;
      indicator.replaceChildren(el('strong', { text: `${fresh}${page.next_cursor ? '+' : ''} new cluster${fresh === 1 ? '' : 's'}` }), ' in this queue: show them');
      indicator.hidden = false;
    } catch (e) {
      $('live-state').textContent = `Could not check for new clusters (${e.message}); trying again shortly.`;
    }
  };
  timer = setInterval(() => void tick(), POLL_MS);
  return { clear, stop: () => clearInterval(timer) };
}

/** The list was (re)loaded: nothing is new to it. */
export function clear() {
  $('new-clusters').hidden = true;
  $('live-state').textContent = '';
}
