// Per-author writing quirks (case, punctuation, typos, emoji, signatures) applied to organic text.
import { fnv1a32 } from '@chorus/core';
import { EMOJI, MISSPELLINGS, SIGNATURES } from './banks/quirks.js';
import { Random } from './prng.js';
import { curlyQuotes } from './sentences.js';

export interface Style {
  readonly lower: boolean;
  readonly noFinalStop: boolean;
  readonly curly: boolean;
  readonly ellipses: boolean;
  readonly typos: boolean;
  readonly emoji: boolean;
  readonly signature: string | null;
}

// A person writes the same way in every comment: derive the quirks from the account id.
export function styleOf(author: string | null, rng: Random): Style {
  const r = author === null ? rng : new Random(fnv1a32(author));
  return {
    lower: r.chance(0.08),
    noFinalStop: r.chance(0.2),
    curly: r.chance(0.3),
    ellipses: r.chance(0.08),
    typos: r.chance(0.12),
    emoji: r.chance(0.06),
    signature: author !== null && r.chance(0.03) ? r.pick(SIGNATURES) : null,
  };
}

export function humanize(text: string, style: Style, rng: Random): string {
  let t = text;
  if (style.typos && rng.chance(0.5)) t = addTypo(t, rng);
  if (style.ellipses) t = t.replace(/\. (?=[A-Za-z])/g, () => (rng.chance(0.5) ? '... ' : '. '));
  if (style.lower) t = t.toLowerCase().replace(/\bi\b/g, () => (rng.chance(0.6) ? 'i' : 'I'));
  if (style.curly) t = curlyQuotes(t);
  if (style.noFinalStop && /[a-z]\.$/i.test(t)) t = t.slice(0, -1);
  if (style.emoji && rng.chance(0.5)) t += ` ${rng.pick(EMOJI)}`;
  if (style.signature && rng.chance(0.7)) t += `\n\n${style.signature}`;
  return t;
}

function addTypo(text: string, rng: Random): string {
  const [from, to] = rng.pick(MISSPELLINGS);
  if (text.includes(from)) return text.replace(from, to);
  const words = text.split(' ');
  const k = rng.int(0, words.length - 1);
  const w = words[k];
  if (w.length > 4 && /^[a-z]+$/.test(w)) {
    const j = rng.int(1, w.length - 3);
    words[k] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
  }
  return words.join(' ');
}
