import { analyzeCorpus } from '../analyze/analyze.js';
import { MemoryPorts } from '../ports/memory-ports.js';
import type { CommentRecord } from '../records/comment-record.js';
import { linkRing, RING_MAX_PAIRED, RING_MIN_VOICES } from './ring.js';
import { DEFAULT_SCORING } from '../verdict/verdict.js';

const t0 = Date.UTC(2026, 4, 1, 18);
const MIN = 60_000;
const reply = (id: string, minute: number, text: string, authorId: string | null = `acct-${id}`): CommentRecord => ({
  id,
  externalId: id,
  scope: 's',
  threadId: 't1',
  parentId: 'top',
  authorId,
  postedAt: t0 + minute * MIN,
  text,
});
const top: CommentRecord = {
  id: 'top',
  externalId: 'top',
  scope: 's',
  threadId: 't1',
  parentId: null,
  authorId: 'op',
  postedAt: t0 - 60 * MIN,
  text: 'The council vote on the wind farm was rushed and the contract terms were never published.',
};

// Six agreeing replies by six people within 25 minutes, each in its own words.
const ring = [
  reply('r1', 0, 'Exactly. Nobody got to read the contract before the vote.'),
  reply('r2', 4, 'Agreed. The terms should have been public weeks ago.'),
  reply('r3', 9, 'Well said. Ratepayers deserve to see what they are signing up for.'),
  reply('r4', 15, 'Spot on. This was pushed through far too quickly.'),
  reply('r5', 20, 'So true. Where was the public hearing on the price?'),
  reply('r6', 25, 'Absolutely. Twenty years of fixed prices and no debate.'),
];

async function ringEdges(records: readonly CommentRecord[], order: readonly CommentRecord[]): Promise<string[]> {
  const ports = new MemoryPorts();
  for (const r of records) ports.add(r);
  for (const r of order) await linkRing(ports, r);
  return ports
    .component(order[0].id, Infinity)
    .edges.filter((e) => e.kind === 'ring')
    .map((e) => [e.a, e.b].sort().join('-'))
    .sort();
}

describe('reply rings', () => {
  test('agreeing replies by different people within minutes are linked pairwise', async () => {
    const edges = await ringEdges([top, ...ring], ring);
    expect(ring.length).toBeGreaterThanOrEqual(RING_MIN_VOICES);
    expect(edges).toHaveLength((ring.length * (ring.length - 1)) / 2);
  });

  test('the links do not depend on the order the replies are processed in', async () => {
    const forward = await ringEdges([top, ...ring], ring);
    expect(await ringEdges([top, ...ring], [...ring].reverse())).toEqual(forward);
    expect(await ringEdges([top, ...ring], [ring[3], ring[0], ring[5], ring[1], ring[4], ring[2]])).toEqual(forward);
  });

  test('a few agreeing replies, as in any lively thread, are not linked', async () => {
    expect(await ringEdges([top, ...ring.slice(0, RING_MIN_VOICES - 1)], ring.slice(0, RING_MIN_VOICES - 1))).toEqual([]);
  });

  test('agreeing replies spread over hours are not linked', async () => {
    const spread = ring.map((r, i) => ({ ...r, postedAt: t0 + i * 45 * MIN }));
    expect(await ringEdges([top, ...spread], spread)).toEqual([]);
  });

  test('one account replying again and again is not a ring', async () => {
    const sock = ring.map((r) => ({ ...r, authorId: 'same-person' }));
    expect(await ringEdges([top, ...sock], sock)).toEqual([]);
  });

  test('a very busy thread is linked in bounded work', async () => {
    const crowd = Array.from({ length: 400 }, (_, i) => reply(`b${i}`, i * 0.05, `Agreed. Point number ${i} about the contract terms and the price schedule.`));
    const ports = new MemoryPorts();
    for (const r of [top, ...crowd]) ports.add(r);
    const outcome = await linkRing(ports, crowd[200]);
    // Unbounded, this call would pair all 400 replies within its half hour (79,800 pairs).
    expect(outcome.edges).toBe((RING_MAX_PAIRED * (RING_MAX_PAIRED - 1)) / 2);
  });

  test('the analyzer flags the ring as one cluster and says why', async () => {
    const result = await analyzeCorpus([top, ...ring], { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING });
    const verdicts = ring.map((r) => result.verdicts.get(r.id));
    expect(new Set(verdicts.map((v) => v?.clusterId)).size).toBe(1);
    expect(verdicts.every((v) => v?.verdict !== 'clean')).toBe(true);
    expect(verdicts[0]?.reasons.map((r) => r.signal)).toContain('agreement-ring');
    expect(result.verdicts.get('top')?.verdict).toBe('clean');
  });
});
