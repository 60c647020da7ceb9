import type { NeighbourRow } from '@chorus/db';
import { planAttachments } from './attach-plan.js';

const edge = (id: string, other: string, cluster: string | null, size: number | null = cluster ? 80 : null, pending = false): NeighbourRow => ({ id, other, otherCluster: cluster, otherClusterSize: size, otherPending: pending });

test('a new copy linked only into one large cluster joins it; one linked into two clusters is decided in full', () => {
  const plan = planAttachments(['x', 'y'], [edge('x', 'm1', 'C'), edge('x', 'm2', 'C'), edge('y', 'm1', 'C'), edge('y', 'k1', 'K')]);
  expect([...plan]).toEqual([['C', ['x']]]);
});

test('a small cluster is decided in full: deciding it again is cheap and exact', () => {
  expect(planAttachments(['x'], [edge('x', 'm1', 'C', 49)]).size).toBe(0);
  expect([...planAttachments(['x'], [edge('x', 'm1', 'C', 50)])]).toEqual([['C', ['x']]]);
});

test('comments of one round join together through each other, but not through a comment that is decided in full', () => {
  const plan = planAttachments(
    ['x', 'y', 'z', 'w'],
    [
      edge('x', 'm1', 'C'), edge('x', 'y', null), // x and y arrive together, both copies of C's text
      edge('y', 'm2', 'C'), edge('y', 'x', null),
      edge('z', 'm1', 'C'), edge('z', 'w', null), // z is linked to w, which also links to another cluster
      edge('w', 'z', null), edge('w', 'k1', 'K'), edge('w', 'm3', 'C'),
    ],
  );
  expect([...plan]).toEqual([['C', ['x', 'y']]]);
});

test('an edge to a settled comment in no cluster means a full decision; to one whose detection is still running, not', () => {
  expect(planAttachments(['x'], [edge('x', 'm1', 'C'), edge('x', 'loose', null)]).size).toBe(0);
  expect([...planAttachments(['x'], [edge('x', 'm1', 'C'), edge('x', 'later', null, null, true)])]).toEqual([['C', ['x']]]);
});
