// Account names: organic and campaign accounts come from the same generator, so an id never
// gives the label away.
import { FIRST_LOWER, FIRST_NAMES, HANDLE_WORDS, LAST_LOWER, LAST_NAMES } from './banks/names.js';
import type { Random } from './prng.js';

export class Handles {
  private readonly taken = new Set<string>();
  private readonly suffix = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  fresh(): string {
    const r = this.rng;
    const i = Math.floor(r.next() * FIRST_NAMES.length);
    const j = Math.floor(r.next() * LAST_NAMES.length);
    const [first, f] = [FIRST_NAMES[i], FIRST_LOWER[i]];
    const [last, l] = [LAST_NAMES[j], LAST_LOWER[j]];
    const yy = String(r.int(0, 99)).padStart(2, '0');
    let base: string;
    switch (r.weighted(HANDLE_FORMATS)) {
      case 0: base = `${first} ${last}`; break;
      case 1: base = `${first} ${last.charAt(0)}.`; break;
      case 2: base = `${f}${l}`; break;
      case 3: base = `${f}_${l}${r.chance(0.5) ? yy : ''}`; break;
      case 4: base = `${f}.${l.charAt(0)}`; break;
      case 5: base = `${first}${last}${r.int(1, 9999)}`; break;
      case 6: base = `${r.pick(HANDLE_WORDS)}${r.pick(HANDLE_WORDS)}${r.chance(0.6) ? yy : ''}`; break;
      case 7: base = `${r.pick(HANDLE_WORDS)}_${f}`; break;
      default: base = `${f}${yy}`;
    }
    let id = base;
    while (this.taken.has(id)) {
      const n = (this.suffix.get(base) ?? 1) + 1;
      this.suffix.set(base, n);
      // "Patricia A." + 2 reads as "Patricia A 2", the way sites disambiguate display names.
      id = base.includes(' ') ? `${base.replace(/\.$/, '')} ${n}` : `${base}${n}`;
    }
    this.taken.add(id);
    return id;
  }
}

const HANDLE_FORMATS: readonly (readonly [number, number])[] = [[0, 5], [1, 2], [2, 3], [3, 3], [4, 1], [5, 2], [6, 3], [7, 1], [8, 2]];
