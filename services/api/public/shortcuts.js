// Which key presses are the moderator's shortcuts. A decision must come from a deliberate, single
// press of a bare key outside any form control: never Ctrl+C on a selection, a held key's repeats,
// or a letter typed into a field or menu.
const STORE = 'chorus-shortcuts';

export const KEYS = [
  ['j', 'next cluster'],
  ['k', 'previous cluster'],
  ['c', 'confirm the cluster on screen as coordinated'],
  ['d', 'dismiss the cluster on screen as organic'],
  ['u', 'undo the last decision or drop (for a few seconds after it)'],
  ['r', 'reload the list'],
  ['?', 'show this help'],
  ['Esc', 'close this help'],
];

const CONTROLS = 'input, textarea, select, button, option, [contenteditable]:not([contenteditable="false"]), [role="menu"], [role="menuitem"], [role="listbox"], [role="combobox"], [role="textbox"], dialog';

/** Whether the event's target is (inside) something that takes typed keys itself. */
export function inFormControl(target) {
  if (!(target instanceof Element)) return false;
  return target.closest(CONTROLS) !== null || (target instanceof HTMLElement && target.isContentEditable);
}

/** The shortcut this key press means, or undefined when it is not one. */
export function shortcutFor(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing) return undefined;
  if (inFormControl(event.target)) return undefined;
  return KEYS.some(([key]) => key === event.key) ? event.key : undefined;
}

export function shortcutsEnabled() {
  return localStorage.getItem(STORE) !== 'off';
}

export function setShortcutsEnabled(on) {
  localStorage.setItem(STORE, on ? 'on' : 'off');
}
