// A campaign template with swappable words: "[betrayed|abandoned|sold out]" is a slot whose first
// choice is the default. A member's copy swaps one or two slots, as mail-merge accounts do.
import type { Random } from '../corpus/prng.js';

export interface SwapTemplate {
  /** Fixed text between the slots (one more than slots). */
  readonly pieces: readonly string[];
  readonly slots: readonly (readonly string[])[];
}

/** Parses "text [a|b] text [c|d|e]" into pieces and slots. */
export function parseSwapTemplate(source: string): SwapTemplate {
  const pieces: string[] = [];
  const slots: string[][] = [];
  let rest = source;
  for (let m = /\[([^\]]+)\]/.exec(rest); m; m = /\[([^\]]+)\]/.exec(rest)) {
    pieces.push(rest.slice(0, m.index));
    slots.push(m[1].split('|'));
    rest = rest.slice(m.index + m[0].length);
  }
  pieces.push(rest);
  return { pieces, slots };
}

/** The default wording with `swaps` slots (at most the number of slots) set to another choice. */
export function fillSwapTemplate(t: SwapTemplate, rng: Random, swaps: number): string {
  const chosen = t.slots.map((s) => s[0]);
  const swappable = rng.shuffle(t.slots.map((s, i) => i).filter((i) => t.slots[i].length > 1));
  for (const i of swappable.slice(0, swaps)) chosen[i] = t.slots[i][rng.int(1, t.slots[i].length - 1)];
  let out = t.pieces[0];
  for (let i = 0; i < chosen.length; i++) out += chosen[i] + t.pieces[i + 1];
  return out;
}
