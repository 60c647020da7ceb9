// Messages that outlive the cluster on screen: a decision another moderator made first, and an
// error in the corner. Text goes in as text.
import { decisionWords } from './api-client.js';
import { $, el, when } from './dom.js';

let errorTimer;
export function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => { box.hidden = true; }, 8000);
}

/** Another moderator decided first: says who, what and when until the moderator's next decision. */
export function showConflict(id, answer) {
  const last = answer.decided_by;
  const words = last && `${decisionWords(last)} at ${when(last.created_at)}${last.note ? ` (note: “${last.note}”)` : ''}`;
  const what = !last ? 'changed by someone else' : last.comment_id ? `changed first: ${words}` : `already ${words}`;
  $('notice').replaceChildren(el('span', { text: `Cluster ${id} was ${what}. Nothing was changed by you; it now reads ${answer.cluster.status}.` }), ' ', el('button', { type: 'button', onclick: clearConflict, text: 'OK' }));
  $('notice').hidden = false;
}

export function clearConflict() {
  $('notice').hidden = true;
}
