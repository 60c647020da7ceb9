import { addOutcome, clusterChange, emptyOutcome } from './decision-outcome.js';

const at = (verdict: string, size: number, score: number) => ({ verdict, size, score });

test('a new cluster is told once when it is flagged; a clean one is not told', () => {
  expect(clusterChange('7', undefined, at('suspect', 3, 0.5))).toMatchObject({ change: 'flagged', version: 'first' });
  expect(clusterChange('7', undefined, at('clean', 3, 0.1))).toBeUndefined();
  expect(clusterChange('7', at('clean', 3, 0.1), at('clean', 4, 0.2))).toBeUndefined();
});

test('a flagged cluster is updated on each change of verdict, size or score, each change with its own version', () => {
  const before = at('suspect', 3, 0.5);
  expect(clusterChange('7', before, at('suspect', 3, 0.5))).toBeUndefined();
  const grown = clusterChange('7', before, at('suspect', 4, 0.5))!;
  const rescored = clusterChange('7', before, at('coordinated', 3, 0.8))!;
  expect([grown.change, rescored.change]).toEqual(['updated', 'updated']);
  expect(grown.version).not.toBe(rescored.version);
  // Back to clean is told (the publisher may show the comments again), and flagged again after it too.
  expect(clusterChange('7', before, at('clean', 3, 0.2))).toMatchObject({ change: 'updated', verdict: 'clean' });
  expect(clusterChange('7', at('clean', 3, 0.2), at('suspect', 3, 0.5))).toMatchObject({ change: 'flagged', version: expect.not.stringMatching('first') });
  // Scores are stored as float4: the stored value read back is no change.
  expect(clusterChange('7', at('suspect', 3, Math.fround(0.51)), at('suspect', 3, 0.51))).toBeUndefined();
});

test('outcomes add up: a cluster flagged then grown in one round is one flagging with the last figures', () => {
  const o = emptyOutcome();
  addOutcome(o, { clusters: [clusterChange('7', undefined, at('suspect', 3, 0.5))!], scored: [{ id: '1', receivedAt: new Date(0) }] });
  addOutcome(o, { clusters: [clusterChange('7', at('suspect', 3, 0.5), at('suspect', 5, 0.5))!], scored: [{ id: '2', receivedAt: new Date(0) }] });
  expect(o.clusters).toEqual([expect.objectContaining({ id: '7', change: 'flagged', version: 'first', size: 5 })]);
  expect(o.scored.map((s) => s.id)).toEqual(['1', '2']);
});
