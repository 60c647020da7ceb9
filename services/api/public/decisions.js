// A moderator's decisions on the cluster on screen: confirm, dismiss, reopen, drop a member, and
// confirm or dismiss one member, one at a time, each carrying the cluster's version and the note
// typed; a 409 shows who decided first, and a cluster's decision or a drop can be undone for a few
// seconds. `page.state.shown` is the cluster on screen; `page.loadList` shows the queue again.
import { ApiError } from './api-client.js';
import { $, el } from './dom.js';
import { clearConflict, showConflict, showError } from './notices.js';

const UNDO_MS = 6000;
const VERB = { confirm: ['Confirming', 'Confirmed'], dismiss: ['Dismissing', 'Dismissed'], reopen: ['Reopening', 'Reopened'] };
const UNDO_FOR_STATUS = { confirmed: 'confirm', dismissed: 'dismiss' };

/** The decisions of one page: `{ state, api, say, loadList }` are the dashboard's. */
export function decisions({ state, api, say, loadList }) {
  function setActionsDisabled(on) {
    for (const b of $('detail').querySelectorAll('.actions button')) b.disabled = on || (b.textContent === 'Reopen' && state.shown?.status === 'flagged');
    for (const b of $('detail').querySelectorAll('.member-actions button')) b.disabled = on || (b.classList.contains('open-drop') && state.shown?.members.length <= 2);
  }

  /** The refused decision's message, beside the buttons and in the corner. */
  function decisionFailed(c, message) {
    state.deciding = false;
    if (state.shown === c) {
      setActionsDisabled(false);
      const box = $('detail').querySelector('.action-error');
      box.textContent = message;
      box.hidden = false;
    }
    showError(message);
    say(message);
  }

  /**
   * Sends one decision on the cluster on screen (with its version and the note typed), once at a
   * time; a 409 shows who decided first. Returns the answer, or undefined when it was not made.
   */
  async function send(path, body, doing, failed) {
    const c = state.shown;
    if (!c || state.deciding) return undefined;
    state.deciding = true;
    clearConflict();
    setActionsDisabled(true);
    say(`${doing}…`);
    try {
      const note = $('note')?.value.trim() || undefined;
      return { c, done: await api(`/v1/clusters/${c.id}/${path}`, { method: 'POST', body: JSON.stringify({ ...body, version: c.version, note }) }) };
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await conflicted(c.id, e.body);
      else decisionFailed(c, `Could not ${failed}: ${e.message}`);
      return undefined;
    }
  }

  /** After a decision: the queue again, then a pause before a key can decide the next cluster. */
  async function settleAfter(reload) {
    try {
      await reload();
    } finally {
      state.deciding = false;
      state.decidedAt = Date.now();
    }
  }

  /** Takes a member that does not belong out of the cluster on screen; Undo puts it back for a few seconds. */
  async function dropMember(memberId) {
    const id = state.shown?.id;
    const sent = await send('drop', { comment_id: memberId }, `Dropping ${memberId} from cluster ${id}`, `drop ${memberId} from cluster ${id}`);
    if (!sent) return;
    const { c, done } = sent;
    offerUndo(c.id, `Dropped ${memberId} from cluster ${c.id}.`, `put ${memberId} back in cluster ${c.id}`, done.version, 'restore', { comment_id: memberId });
    await settleAfter(async () => {
      await loadList({ selectId: c.id, index: state.index });
      say(`Dropped ${memberId} from cluster ${c.id}; it stays out when the cluster is decided again.`);
    });
  }

  /** Marks one member coordinated (confirm) or organic (dismiss); the cluster keeps its status. Logged with the note, shown beside the member. */
  async function reviewMember(memberId, action) {
    const id = state.shown?.id;
    const words = `mark ${memberId} ${action === 'confirm' ? 'coordinated' : 'organic'}`;
    const sent = await send('member-review', { comment_id: memberId, action }, `Marking ${memberId} ${action === 'confirm' ? 'coordinated' : 'organic'}`, `${words} in cluster ${id}`);
    if (!sent) return;
    await settleAfter(async () => {
      await loadList({ selectId: sent.c.id, index: state.index });
      say(`Marked comment ${memberId} ${action === 'confirm' ? 'coordinated' : 'organic'}; cluster ${sent.c.id} keeps its status.`);
    });
  }

  async function decide(action) {
    const id = state.shown?.id;
    const sent = await send('review', { action }, `${VERB[action][0]} cluster ${id}`, `${action} cluster ${id}`);
    if (!sent) return;
    const { c, done } = sent;
    const undoAction = UNDO_FOR_STATUS[c.status] ?? 'reopen';
    if (undoAction !== action) offerUndo(c.id, `${VERB[action][1]} cluster ${c.id}.`, `${VERB[undoAction][0].toLowerCase()} cluster ${c.id}`, done.version, 'review', { action: undoAction });
    await settleAfter(() => loadList({ index: state.index }));
  }

  /** The decision lost to another moderator's: say so, and show the cluster as it is now. */
  async function conflicted(id, answer) {
    showConflict(id, answer);
    say(`Cluster ${id} was already decided by someone else.`);
    await settleAfter(() => loadList({ selectId: id, index: state.index }));
  }

  function clearUndo() {
    if (state.undo) clearTimeout(state.undo.timer);
    state.undo = null;
    $('undo-bar').hidden = true;
  }

  /** For a few seconds, Undo (or `u`) sends `body` to the cluster's `path` on the version the decision made. */
  function offerUndo(id, text, doing, version, path, body) {
    clearUndo();
    $('undo-bar').replaceChildren(el('span', { text }), ' ', el('button', { type: 'button', onclick: () => void undo(), text: 'Undo (u)' }));
    $('undo-bar').hidden = false;
    state.undo = { id, text, doing, version, path, body, timer: setTimeout(clearUndo, UNDO_MS) };
  }

  async function undo() {
    const u = state.undo;
    if (!u || state.deciding) return;
    state.deciding = true;
    clearUndo();
    say(`Undoing: ${u.doing}…`);
    try {
      await api(`/v1/clusters/${u.id}/${u.path}`, { method: 'POST', body: JSON.stringify({ ...u.body, version: u.version }) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) return conflicted(u.id, e.body);
      state.deciding = false;
      offerUndo(u.id, u.text, u.doing, u.version, u.path, u.body);
      showError(`Could not undo on cluster ${u.id}: ${e.message}`);
      return;
    }
    try {
      await loadList({ selectId: u.id });
      say(`Undone: ${u.doing}.`);
    } finally {
      state.deciding = false;
    }
  }

  return { decide, dropMember, reviewMember, undo };
}
