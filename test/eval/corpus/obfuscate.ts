// Copypasta obfuscation: case, punctuation, look-alike letters, zero-width characters, spacing.
import type { Random } from './prng.js';

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

const LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0430'], // Cyrillic а
  e: ['\u0435'], // Cyrillic е
  o: ['\u043E', '\u03BF'], // Cyrillic о, Greek ο
  p: ['\u0440'], // Cyrillic р
  c: ['\u0441'], // Cyrillic с
  x: ['\u0445'],
  y: ['\u0443'],
  i: ['\u0456'],
  A: ['\u0410', '\u0391'],
  E: ['\u0415', '\u0395'],
  O: ['\u041E', '\u039F'],
  P: ['\u0420'],
  C: ['\u0421'],
  T: ['\u0422'],
  H: ['\u041D'],
  M: ['\u041C'],
};

// Copypasta members defeat naive exact matching the way real swarms do.
export function obfuscate(text: string, r: Random): string {
  if (r.chance(0.1)) return text;
  let t = text;
  let applied = 0;
  if (r.chance(0.3)) {
    t = changeCase(t, r);
    applied++;
  }
  if (r.chance(0.45)) {
    t = punctuationNoise(t, r);
    applied++;
  }
  if (r.chance(0.55)) {
    const rate = 0.05 + 0.3 * r.next();
    t = Array.from(t, (ch) => (LOOKALIKES[ch] && r.chance(rate) ? r.pick(LOOKALIKES[ch]) : ch)).join('');
    applied++;
  }
  if (r.chance(0.55) || applied === 0) {
    const chars = Array.from(t);
    for (let n = r.int(1, 8); n > 0; n--) chars.splice(r.int(1, chars.length - 1), 0, r.pick(ZERO_WIDTH));
    t = chars.join('');
  }
  if (r.chance(0.35)) t = whitespaceNoise(t, r);
  return t;
}

function changeCase(t: string, r: Random): string {
  switch (r.int(0, 3)) {
    case 0:
      return t.toLowerCase();
    case 1:
      return t.toUpperCase();
    case 2:
      return t.replace(/\b[A-Z]{3,}\b/g, (w) => w.charAt(0) + w.slice(1).toLowerCase());
    default:
      return t.replace(/\b[a-z]{4,}\b/g, (w) => (r.chance(0.12) ? w.toUpperCase() : w));
  }
}

function punctuationNoise(t: string, r: Random): string {
  switch (r.int(0, 5)) {
    case 0:
      return t.replace(/!+/g, '!');
    case 1:
      return `${t.replace(/[.!]+$/, '')}!!!`;
    case 2:
      return t.replace('. ', '... ');
    case 3:
      return t.replace(/,/g, '');
    case 4:
      return t.replace(/:/g, ' -').replace(/!+/g, '!!');
    default:
      return t.replace(/\./g, () => (r.chance(0.3) ? '!' : '.'));
  }
}

function whitespaceNoise(t: string, r: Random): string {
  const spaced = t.replace(/ /g, () => r.weighted<string>([[' ', 20], ['  ', 2], ['\u00A0', 1]]));
  const broken = r.chance(0.4) ? spaced.replace('. ', '.\n') : spaced;
  return r.chance(0.3) ? ` ${broken} ` : broken;
}
