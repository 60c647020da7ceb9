import { analyzeCorpus } from '../analyze/analyze.js';
import type { SimilarityEdge } from '../graph/similarity-edge.js';
import { MemoryPorts } from '../ports/memory-ports.js';
import type { CommentRecord } from '../records/comment-record.js';
import { linkSwarm, SWARM_MAX_PAIRED, SWARM_MIN_GROUPS } from './swarm.js';
import { DEFAULT_SCORING } from '../verdict/verdict.js';

const t0 = Date.UTC(2026, 4, 1, 18);
const MIN = 60_000;
const post = (id: string, minute: number, text: string, authorId: string | null = `acct-${id}`, threadId = 't1'): CommentRecord => ({
  id,
  externalId: id,
  scope: 's',
  threadId,
  parentId: null,
  authorId,
  postedAt: t0 + minute * MIN,
  text,
});

// A swarm working one point in four wordings, each posted twice by different accounts within 40
// minutes: every wording is a near-duplicate pair, and no two wordings are alike as text.
const WORDINGS = [
  'This project will bring good union jobs to our harbor and lower power bills for every family here.',
  'Offshore wind is the investment our region needs, with thousands of construction jobs on the way.',
  'Opponents keep repeating myths about whales that scientists have already looked at and dismissed.',
  'Energy independence and local jobs are something everyone in this town should be able to support.',
];
const swarm = WORDINGS.flatMap((text, w) => [post(`w${w}a`, w * 5, text), post(`w${w}b`, w * 5 + 20, `Honestly, ${text.toLowerCase()}`)]);
/** The near-duplicate edge of each wording's pair (what the lexical stage finds). */
const pairEdges = (records: readonly CommentRecord[]): SimilarityEdge[] =>
  WORDINGS.flatMap((_, w) => {
    const [a, b] = [records.find((r) => r.id === `w${w}a`), records.find((r) => r.id === `w${w}b`)];
    return a && b ? [{ a: a.id, b: b.id, kind: 'lexical' as const, similarity: 0.9 }] : [];
  });

async function swarmEdges(records: readonly CommentRecord[], order: readonly CommentRecord[] = records, edges = pairEdges(records)): Promise<string[]> {
  const ports = new MemoryPorts();
  for (const r of records) ports.add(r);
  await ports.addEdges('s', edges);
  for (const r of order) await linkSwarm(ports, r);
  return (
    await ports.edgesAmong(
      's',
      records.map((r) => r.id),
    )
  )
    .filter((e) => e.kind === 'swarm')
    .map((e) => [e.a, e.b].sort().join('-'))
    .sort();
}

describe('paraphrase swarms', () => {
  test('the wordings of a swarm posted together in one thread are linked pairwise', async () => {
    const edges = await swarmEdges(swarm);
    expect(WORDINGS.length).toBeGreaterThanOrEqual(SWARM_MIN_GROUPS);
    expect(edges).toHaveLength((swarm.length * (swarm.length - 1)) / 2);
  });

  test('the links do not depend on the order the comments are processed in', async () => {
    const forward = await swarmEdges(swarm);
    expect(await swarmEdges(swarm, [...swarm].reverse())).toEqual(forward);
    expect(await swarmEdges(swarm, [swarm[5], swarm[0], swarm[7], swarm[2], swarm[4], swarm[1], swarm[6], swarm[3]])).toEqual(forward);
  });

  test('fewer recurring wordings, as when a few readers make the same point, are not linked', async () => {
    const few = swarm.filter((r) => !r.id.startsWith('w3'));
    expect(await swarmEdges(few)).toEqual([]);
  });

  test('the same wordings spread over hours are not linked', async () => {
    const spread = swarm.map((r, i) => ({ ...r, postedAt: t0 + i * 50 * MIN }));
    expect(await swarmEdges(spread)).toEqual([]);
  });

  test('one account repeating its lines, or wordings in different threads, are not a swarm', async () => {
    expect(await swarmEdges(swarm.map((r) => ({ ...r, authorId: 'same-person' })))).toEqual([]);
    expect(await swarmEdges(swarm.map((r, i) => ({ ...r, threadId: `t${i}` })))).toEqual([]);
  });

  test('short stock phrases repeated by readers never count as wordings', async () => {
    const stock = ['Agreed.', 'Well said!', 'This is the way.', 'lol exactly'].flatMap((text, w) => [post(`w${w}a`, w * 5, text), post(`w${w}b`, w * 5 + 20, text)]);
    expect(await swarmEdges(stock)).toEqual([]);
  });

  test('a very busy thread is linked in bounded work', async () => {
    const crowd = Array.from({ length: 300 }, (_, i) => post(`c${i}`, i * 0.1, `${WORDINGS[i % 4]} Point ${i}.`));
    const edges: SimilarityEdge[] = crowd.slice(4).map((r, i) => ({ a: crowd[i].id, b: r.id, kind: 'lexical', similarity: 0.9 }));
    const ports = new MemoryPorts();
    for (const r of crowd) ports.add(r);
    await ports.addEdges('s', edges);
    const outcome = await linkSwarm(ports, crowd[150]);
    expect(outcome.edges).toBeGreaterThan(0);
    expect(outcome.edges).toBeLessThanOrEqual((SWARM_MAX_PAIRED * (SWARM_MAX_PAIRED - 1)) / 2);
  });

  test('the analyzer flags a swarm split into wordings as one cluster, with the swarm named in its reasons', async () => {
    // Unrelated organic comments in the same hour stay out of it.
    const organic = [
      post('o1', 2, 'I drove past the harbor yesterday and the old pier is finally being repaired.'),
      post('o2', 12, 'Does anyone know whether the council meeting next week is open to the public?'),
      post('o3', 27, 'My electric bill went up again this winter and nobody at the utility can explain why.'),
    ];
    const records = [...swarm, ...organic].sort((a, b) => a.postedAt! - b.postedAt!);
    const result = await analyzeCorpus(records, { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING });
    const flagged = swarm.map((r) => result.verdicts.get(r.id)!);
    expect(flagged.every((v) => v.verdict !== 'clean')).toBe(true);
    expect(new Set(flagged.map((v) => v.clusterId)).size).toBe(1);
    expect(flagged[0].reasons.map((r) => r.signal)).toContain('swarm');
    expect(flagged[0].reasons.find((r) => r.signal === 'swarm')!.text).toMatch(/^8 people in one thread within 35 minutes/);
    for (const o of organic) expect(result.verdicts.get(o.id)?.verdict ?? 'clean').toBe('clean');
  });
});
