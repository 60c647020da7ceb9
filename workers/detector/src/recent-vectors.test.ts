import { RecentVectors } from './recent-vectors.js';

const v = (...xs: number[]) => Float32Array.from(xs);

test('keeps the newest vectors up to its capacity, the oldest making room', () => {
  const recent = new RecentVectors(2);
  recent.set('a', v(1, 0));
  recent.set('b', v(0, 1));
  recent.set('c', v(1, 1));
  expect(recent.has('a')).toBe(false);
  expect(Array.from(recent.get('b')!)).toEqual([0, 1]);
  expect(Array.from(recent.get('c')!)).toEqual([1, 1]);
  expect(recent.size).toBe(2);
});

test('a vector set again replaces its value without taking a second slot', () => {
  const recent = new RecentVectors(2);
  recent.set('a', v(1, 0));
  recent.set('b', v(0, 1));
  recent.set('a', v(2, 2));
  expect(Array.from(recent.get('a')!)).toEqual([2, 2]);
  expect(recent.has('b')).toBe(true);
});

test('keeps nothing of another length, and nothing at capacity 0', () => {
  const recent = new RecentVectors(2);
  recent.set('a', v(1, 0));
  recent.set('b', v(1, 0, 0));
  expect(recent.has('b')).toBe(false);
  const none = new RecentVectors(0);
  none.set('a', v(1));
  expect(none.get('a')).toBeUndefined();
});
