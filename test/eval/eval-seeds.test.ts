import { parseSeedSelection, spread, UNSEEN_SEEDS } from './eval-seeds.js';

describe('unseen seed selection and spread', () => {
  it('runs seeds 13-40 by default, a spread with a step, a list, or none; refuses tuning seeds', () => {
    expect(parseSeedSelection(undefined)).toEqual(UNSEEN_SEEDS);
    expect(UNSEEN_SEEDS[0]).toBe(13);
    expect(UNSEEN_SEEDS[UNSEEN_SEEDS.length - 1]).toBe(40);
    expect(parseSeedSelection('13-40:3')).toEqual([13, 16, 19, 22, 25, 28, 31, 34, 37, 40]);
    expect(parseSeedSelection('13-20:5')).toEqual([13, 18, 20]);
    expect(parseSeedSelection('14,31')).toEqual([14, 31]);
    expect(parseSeedSelection('none')).toEqual([]);
    expect(() => parseSeedSelection('1-40')).toThrow(/unseen seeds start at 13/);
    expect(() => parseSeedSelection('forty')).toThrow(/EVAL_SEEDS/);
  });

  it('gives the minimum with its seed, and the median, so one bad seed is not averaged away', () => {
    const s = spread([0.9, 0.23, 0.95, 0.8].map((value, i) => ({ seed: 13 + i, value })));
    expect(s).toEqual({ min: 0.23, minSeed: 14, median: 0.85, max: 0.95 });
    expect(spread([{ seed: 20, value: 0.5 }, { seed: 21, value: 0.7 }, { seed: 22, value: 0.6 }]).median).toBe(0.6);
  });
});
