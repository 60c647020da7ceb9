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

test('comments of one round join together through each other; one linked to a comment decided in full joins too, as that decision places it again', () => {
  const plan = planAttachments(
    ['x', 'y', 'z', 'w'],
    [
      edge('x', 'm1', 'C'), edge('x', 'y', null), // x and y arrive together, both copies of C's text
      edge('y', 'm2', 'C'), edge('y', 'x', null),
      edge('z', 'm1', 'C'), edge('z', 'w', null), // z is linked to w, which also links to another cluster
      edge('w', 'z', null), edge('w', 'k1', 'K'), edge('w', 'm3', 'C'),
    ],
  );
  expect([...plan]).toEqual([['C', ['x', 'y', 'z']]]);
});

test('a copy linked only to copies of its own round joins the cluster they join; one between two joining clusters is decided in full', () => {
  const plan = planAttachments(
    ['a', 'b', 'c', 'p', 'q', 'r'],
    [
      edge('a', 'm1', 'C'), edge('a', 'b', null),
      edge('b', 'a', null), edge('b', 'c', null), edge('b', 'later', null, null, true), // b: only round mates and a comment still arriving
      edge('c', 'b', null), // c reaches C through b, two steps away
      edge('p', 'k1', 'K'), edge('p', 'q', null),
      edge('q', 'p', null), edge('q', 'a', null), // q: round mates joining C and K
      edge('r', 'n1', 'N', 10), // a small cluster is decided in full
    ],
  );
  expect([...plan]).toEqual([['C', ['a', 'b', 'c']], ['K', ['p']]]);
});

test('an edge to a settled comment in no cluster means a full decision; to one whose detection is still running, not', () => {
  expect(planAttachments(['x'], [edge('x', 'm1', 'C'), edge('x', 'loose', null)]).size).toBe(0);
  expect([...planAttachments(['x'], [edge('x', 'm1', 'C'), edge('x', 'later', null, null, true)])]).toEqual([['C', ['x']]]);
});
