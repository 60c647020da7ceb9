import type { MemberFacts } from '../evidence/cluster-facts.js';
import { clusterGraph, LINKAGE_THRESHOLD } from '../graph/clustering.js';
import type { SimilarityEdge } from '../graph/similarity-edge.js';
import { seededRandom } from '../support/random.js';
import { decideComponent } from './decide.js';
import { normalizeText } from '../text/normalize.js';

const edge = (a: string, b: string, similarity = 0.9): SimilarityEdge => ({ a, b, kind: 'lexical', similarity });

function member(id: string, text: string, extra: Partial<MemberFacts> = {}): MemberFacts {
  return { id, threadId: 't1', parentId: null, authorId: `user-${id}`, postedAt: null, normalized: normalizeText(text), parentNormalized: null, parentSimilarity: null, ...extra };
}

/**
 * Average linkage as its definition reads, for comparison: exact copies start as one group; the pair
 * of groups with the highest mean cross similarity merges while that mean is at least the threshold
 * (a group pair's first sum is its best node pair's similarity times both sizes); each cluster is
 * named by the member most similar to the others.
 */
function slowAverageLinkage(ids: string[], edges: SimilarityEdge[]): { representative: string; members: string[] }[] {
  const sorted = [...ids].sort();
  const copyOf = new Map(sorted.map((id) => [id, id]));
  const rootOf = (id: string): string => (copyOf.get(id) === id ? id : rootOf(copyOf.get(id)!));
  for (const e of edges) {
    if (e.kind !== 'exact') continue;
    const [x, y] = [rootOf(e.a), rootOf(e.b)].sort();
    if (x !== y) copyOf.set(y, x);
  }
  const pairSim = new Map<string, number>();
  const pair = (x: string, y: string) => (x < y ? `${x} ${y}` : `${y} ${x}`);
  for (const e of edges) if (e.kind !== 'echo') pairSim.set(pair(e.a, e.b), Math.max(pairSim.get(pair(e.a, e.b)) ?? 0, e.similarity));
  let groups = [...new Set(sorted.map(rootOf))].map((root) => sorted.filter((id) => rootOf(id) === root));
  const sums = new Map<string, number>();
  const sumKey = (g: string[], h: string[]) => pair(g[0], h[0]);
  for (const g of groups) {
    for (const h of groups) {
      if (g[0] >= h[0]) continue;
      const best = Math.max(0, ...g.flatMap((x) => h.map((y) => pairSim.get(pair(x, y)) ?? 0)));
      if (best > 0) sums.set(sumKey(g, h), best * g.length * h.length);
    }
  }
  for (;;) {
    let best: [string[], string[], number] | undefined;
    for (const g of groups) {
      for (const h of groups) {
        if (g[0] >= h[0] || !sums.has(sumKey(g, h))) continue;
        const link = sums.get(sumKey(g, h))! / (g.length * h.length);
        if (link >= LINKAGE_THRESHOLD && (!best || link > best[2])) best = [g, h, link];
      }
    }
    if (!best) break;
    const [g, h] = best;
    const merged = [...g, ...h].sort();
    for (const k of groups) {
      if (k === g || k === h) continue;
      const sum = (sums.get(sumKey(g, k)) ?? 0) + (sums.get(sumKey(h, k)) ?? 0);
      if (sum > 0) sums.set(sumKey(merged, k), sum);
    }
    groups = [...groups.filter((k) => k !== g && k !== h), merged];
  }
  const strength = (m: string, members: string[]) => members.reduce((s, o) => s + (o === m ? 0 : rootOf(o) === rootOf(m) ? 1 : (pairSim.get(pair(m, o)) ?? 0)), 0);
  return groups
    .filter((g) => g.length > 1)
    .map((members) => ({ representative: members.reduce((r, m) => (strength(m, members) > strength(r, members) ? m : r)), members }))
    .sort((x, y) => (x.representative < y.representative ? -1 : 1));
}

describe('clusterGraph', () => {
  test('does not chain a path A~B~C~D~E into one cluster', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const clusters = clusterGraph(ids, [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'e')]);
    for (const c of clusters) expect(c.members.length).toBeLessThanOrEqual(3);
    expect(clusters.flatMap((c) => c.members).sort()).toEqual(expect.arrayContaining(['b', 'c']));
  });

  test('a clique becomes one cluster', () => {
    const ids = ['1', '2', '3', '4'];
    const edges = [edge('1', '2'), edge('1', '3'), edge('1', '4'), edge('2', '3'), edge('2', '4'), edge('3', '4')];
    expect(clusterGraph(ids, edges)).toEqual([{ representative: '1', members: ['1', '2', '3', '4'] }]);
  });

  test('gives the clusters of plain average linkage, computed the slow way, on random graphs', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 40; round++) {
      const ids = Array.from({ length: 20 + Math.floor(random() * 40) }, (_, i) => `n${String(i).padStart(2, '0')}`);
      const edges: SimilarityEdge[] = [];
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const r = random();
          if (r < 0.02) edges.push({ a: ids[i], b: ids[j], kind: 'exact', similarity: 1 });
          else if (r < 0.25) edges.push({ a: ids[i], b: ids[j], kind: random() < 0.5 ? 'lexical' : 'semantic', similarity: 0.5 + random() / 2 });
          else if (r < 0.27) edges.push({ a: ids[i], b: ids[j], kind: 'echo', similarity: 0.9 });
        }
      }
      expect(clusterGraph(ids, edges)).toEqual(slowAverageLinkage(ids, edges));
    }
  });

  test('the result does not depend on the order nodes and edges are given in', () => {
    const ids = ['1', '2', '3', '4', '5', '6', '7'];
    const edges = [edge('1', '2', 0.8), edge('2', '3', 0.95), edge('3', '4'), edge('4', '5'), edge('5', '6', 0.85), edge('6', '7'), edge('2', '4')];
    const expected = clusterGraph(ids, edges);
    expect(clusterGraph([...ids].reverse(), [...edges].reverse())).toEqual(expected);
  });
});

describe('decideComponent', () => {
  const template = 'The new tax plan will destroy small businesses in our town and nobody in council cares about it';

  test('many accounts posting one text in a burst are coordinated, with reasons', () => {
    const t0 = Date.UTC(2026, 0, 1, 12);
    const members = ['1', '2', '3', '4', '5', '6'].map((id, i) => member(id, template, { postedAt: t0 + i * 60000 }));
    const edges = members.slice(1).map((m) => ({ a: '1', b: m.id, kind: 'exact' as const, similarity: 1 }));
    const decision = decideComponent({ members, edges, threadSizes: new Map([['t1', 30]]) });
    expect(decision.clusters).toHaveLength(1);
    expect(decision.clusters[0].verdict).toBe('coordinated');
    expect(decision.clusters[0].reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(['distinct-voices', 'burst']));
  });

  test('one account repeating itself is not coordination', () => {
    const members = ['1', '2', '3', '4'].map((id) => member(id, template, { authorId: 'same-person' }));
    const edges = members.slice(1).map((m) => ({ a: '1', b: m.id, kind: 'exact' as const, similarity: 1 }));
    const decision = decideComponent({ members, edges, threadSizes: new Map() });
    expect(decision.clusters[0].verdict).toBe('clean');
    expect(decision.clusters[0].reasons[0].signal).toBe('single-account');
  });

  test('"Agreed." from many people is generic and stays clean', () => {
    const members = ['1', '2', '3', '4', '5'].map((id) => member(id, 'Agreed.', { parentId: 'x' }));
    const edges = members.slice(1).map((m) => ({ a: '1', b: m.id, kind: 'exact' as const, similarity: 1 }));
    const decision = decideComponent({ members, edges, threadSizes: new Map([['t1', 40]]) });
    expect(decision.clusters[0].verdict).toBe('clean');
    expect(decision.clusters[0].reasons.map((r) => r.signal)).toContain('generic-text');
  });

  test('replies that agree and restate their parents are named as reply echo', () => {
    const parent = 'Invoking Article 5 over border security is a stretch for NATO and its collective defense clause';
    const members = [
      member('r1', 'Exactly. NATO allies would not support invoking Article 5 for border security.', { parentId: 'p1', authorId: null, parentNormalized: normalizeText(parent) }),
      member('r2', 'Agreed. NATO allies would never back Article 5 for border security.', { parentId: 'p2', authorId: null, parentNormalized: normalizeText(parent) }),
    ];
    const decision = decideComponent({ members, edges: [edge('r1', 'r2', 0.85)], threadSizes: new Map([['t1', 14]]) });
    expect(decision.clusters[0].reasons.map((r) => r.signal)).toContain('reply-echo');
    expect(decision.clusters[0].verdict).not.toBe('clean');
  });
});

test('the same accounts posting one text together across threads is named as co-occurrence', () => {
  const text = 'The wind farm will kill the fishing industry and raise our power bills for nothing at all';
  const members = ['t1', 't2', 't3'].flatMap((thread, i) => ['ann', 'bob', 'cy'].map((author, j) => member(`${i}${j}`, text, { threadId: thread, authorId: author })));
  const edges = members.slice(1).map((m) => ({ a: members[0].id, b: m.id, kind: 'exact' as const, similarity: 1 }));
  const decision = decideComponent({
    members,
    edges,
    threadSizes: new Map([
      ['t1', 30],
      ['t2', 30],
      ['t3', 30],
    ]),
  });
  const reasons = decision.clusters[0].reasons;
  expect(reasons.find((r) => r.signal === 'account-co-occurrence')?.text).toBe('3 accounts posted this together in up to 3 threads');
  expect(decision.clusters[0].verdict).not.toBe('clean');
});

describe('posting together is what makes paraphrases a swarm', () => {
  const HOUR = 3600 * 1000;
  const t0 = Date.UTC(2026, 2, 1, 9);
  // Ten wordings of one point; every pair linked as paraphrases.
  const wordings = Array.from({ length: 10 }, (_, i) => `Wording number ${i} of the claim that the new wind farm will raise power bills for every family in the county`);
  const paraphraseEdges = (ids: string[]) => ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, kind: 'semantic' as const, similarity: 0.8 })));

  test('ten accounts making one point in ten threads over ten days stay clean', () => {
    const members = wordings.map((text, i) => member(`p${i}`, text, { threadId: `t${i}`, postedAt: t0 + i * 24 * HOUR }));
    const decision = decideComponent({ members, edges: paraphraseEdges(members.map((m) => m.id)), threadSizes: new Map() });
    expect(decision.clusters).toHaveLength(1);
    expect(decision.clusters[0].verdict).toBe('clean');
  });

  test('the same ten wordings posted within an hour in one thread are flagged', () => {
    const members = wordings.map((text, i) => member(`p${i}`, text, { postedAt: t0 + i * 6 * 60000 }));
    const decision = decideComponent({ members, edges: paraphraseEdges(members.map((m) => m.id)), threadSizes: new Map([['t1', 60]]) });
    expect(decision.clusters[0].verdict).not.toBe('clean');
    expect(decision.clusters[0].reasons[0].signal).toBe('distinct-voices');
  });

  test('five accounts making one point in five threads over days, each pointing to the same little-known site, are flagged', () => {
    const site = ['truthledger.net', 'truthledger dot net', 'https://www.truthledger.net/story', 'truthledger.net', 'truthledger dot net'];
    const members = site.map((link, i) => member(`d${i}`, `${wordings[i]}. Real coverage at ${link}`, { threadId: `t${i}`, postedAt: t0 + i * 24 * HOUR }));
    const [cluster] = decideComponent({ members, edges: paraphraseEdges(members.map((m) => m.id)), threadSizes: new Map() }).clusters;
    expect(cluster.verdict).not.toBe('clean');
    expect(cluster.reasons[0].text).toBe('5 accounts point to truthledger.net with this text, in 5 threads');
  });

  test('the same point linking a well-known site, or one site from fewer than three accounts, stays clean', () => {
    const linked = (links: string[]) => {
      const members = links.map((link, i) => member(`d${i}`, `${wordings[i]}. See ${link}`, { threadId: `t${i}`, postedAt: t0 + i * 24 * HOUR }));
      return decideComponent({ members, edges: paraphraseEdges(members.map((m) => m.id)), threadSizes: new Map() }).clusters[0];
    };
    expect(linked(Array(5).fill('youtube.com/watch?v=abc')).verdict).toBe('clean');
    expect(linked(['truthledger.net', 'truthledger.net', 'other.org', 'third.org', 'fourth.org']).verdict).toBe('clean');
  });

  test('a small cluster posted with a flagged swarm in its thread, and similar to it, is flagged with it', () => {
    const swarm = wordings.slice(0, 6).map((text, i) => member(`p${i}`, text, { postedAt: t0 + i * 5 * 60000 }));
    const small = (offsetMs: number, threadId = 't1') => [
      member('s0', 'Another way of saying the wind farm raises bills for families here', { postedAt: t0 + offsetMs, threadId }),
      member('s1', 'Yet another way of saying the wind farm raises bills for families here', { postedAt: t0 + offsetMs + 60000, threadId }),
    ];
    const decide = (pair: MemberFacts[]) => {
      const edges = [...paraphraseEdges(swarm.map((m) => m.id)), { a: 's0', b: 's1', kind: 'semantic' as const, similarity: 0.9 }, { a: 's0', b: 'p0', kind: 'semantic' as const, similarity: 0.76 }];
      const decision = decideComponent({ members: [...swarm, ...pair], edges, threadSizes: new Map([['t1', 40]]) });
      expect(decision.clusters).toHaveLength(2);
      return decision.clusters.find((c) => c.members.includes('s0'))!;
    };
    const alongside = decide(small(20 * 60000));
    expect(alongside.verdict).toBe('suspect');
    expect(alongside.reasons[0].text).toBe('Posted in the same thread within the hour as a flagged cluster of 6 comments, and similar to it');
    // Hours later, or in another thread, the same pair stays clean.
    expect(decide(small(4 * HOUR)).verdict).toBe('clean');
    expect(decide(small(20 * 60000, 't2')).verdict).toBe('clean');
  });

  test('two accounts posting one paragraph beside a flagged swarm in its thread are flagged with it, though unlike its wordings', () => {
    // A swarm that posts each wording twice leaves pairs of copies that its other wordings are not alike to.
    const swarm = wordings.slice(0, 6).map((text, i) => member(`p${i}`, text, { postedAt: t0 + i * 5 * 60000 }));
    const pairOf = (text: string, kind: 'lexical' | 'semantic') => {
      const pair = [member('s0', text, { postedAt: t0 + 10 * 60000 }), member('s1', text.replace('.', '!'), { postedAt: t0 + 50 * 60000 })];
      const edges = [...paraphraseEdges(swarm.map((m) => m.id)), { a: 's0', b: 's1', kind, similarity: 0.95 }, { a: 's0', b: 's1', kind: 'semantic' as const, similarity: 0.97 }];
      const decision = decideComponent({ members: [...swarm, ...pair], edges, threadSizes: new Map([['t1', 40]]) });
      expect(decision.clusters.find((c) => c.members.includes('p0'))!.verdict).not.toBe('clean');
      return decision.clusters.find((c) => c.members.includes('s0'))!;
    };
    const paragraph = 'Parents gave their kids phones for one reason: safety. Locking them away during a lockdown or an emergency is a risk the board has not thought through at all.';
    const copies = pairOf(paragraph, 'lexical');
    expect(copies.verdict).toBe('suspect');
    expect(copies.reasons[0].text).toBe('2 copies posted in the same thread within the hour as a flagged cluster of 6 comments');
    // A short line copied by two readers, or two readers making one point in their own words, is no sign.
    expect(pairOf('Phones are a safety tool. Period.', 'lexical').verdict).toBe('clean');
    expect(pairOf(paragraph, 'semantic').verdict).toBe('clean');
  });

  test('a swarm linked sparsely by swarm edges is one cluster, each wording with its near-duplicate', () => {
    // Four wordings, each posted twice (a near-duplicate pair); swarm edges only between some
    // comments of different wordings, as swarm.ts links only pairs close enough in meaning. One
    // organic comment posted amid the swarm is clustered with a copy of itself in another thread.
    const members = [0, 1, 2, 3].flatMap((w) => [
      member(`w${w}a`, `${wordings[w]}, said one way`, { postedAt: t0 + w * 4 * 60000 }),
      member(`w${w}b`, `${wordings[w]}, said once more`, { postedAt: t0 + (w * 4 + 20) * 60000 }),
    ]);
    // A reader's comment only alike in meaning to one wording (a semantic edge to both its copies).
    members.push(member('m1', 'The county bills went up last year as well and nobody on the council noticed', { postedAt: t0 + 12 * 60000 }));
    members.push(member('o1', 'Parking on Harbor Street is already impossible on weekends', { postedAt: t0 + 10 * 60000 }));
    members.push(member('o2', 'Parking on Harbor Street is already impossible on weekends!', { postedAt: t0 + 3 * 24 * HOUR, threadId: 't2' }));
    const swarmEdge = (a: string, b: string): SimilarityEdge => ({ a, b, kind: 'swarm', similarity: 1 });
    const edges = [
      ...[0, 1, 2, 3].map((w) => edge(`w${w}a`, `w${w}b`, 0.92)),
      swarmEdge('w0a', 'w1b'),
      swarmEdge('w1a', 'w2a'),
      swarmEdge('w2b', 'w3a'),
      swarmEdge('w3b', 'w0b'),
      edge('o1', 'o2', 0.95),
      { a: 'm1', b: 'w2a', kind: 'semantic' as const, similarity: 0.8 },
      { a: 'm1', b: 'w2b', kind: 'semantic' as const, similarity: 0.78 },
      swarmEdge('o1', 'w1a'),
    ];
    const decision = decideComponent({
      members,
      edges,
      threadSizes: new Map([
        ['t1', 40],
        ['t2', 40],
      ]),
    });
    const swarmCluster = decision.clusters.find((c) => c.members.includes('w0a'))!;
    expect(swarmCluster.members).toEqual(['w0a', 'w0b', 'w1a', 'w1b', 'w2a', 'w2b', 'w3a', 'w3b']);
    expect(swarmCluster.verdict).not.toBe('clean');
    expect(swarmCluster.reasons.map((r) => r.signal)).toContain('swarm');
    // The reader alike in meaning only stays out, and so does the organic pair, of which a swarm
    // edge reaches only half.
    expect(decision.clusters.some((c) => c.members.includes('m1') && c.verdict !== 'clean')).toBe(false);
    expect(decision.clusters.find((c) => c.members.includes('o1'))!.members).toEqual(['o1', 'o2']);
  });

  const copies = (text: string, threads = 8) => {
    const members = Array.from({ length: threads }, (_, i) => member(`c${i}`, text, { threadId: `t${i}`, postedAt: t0 + i * 2 * 24 * HOUR + (i % 3) * 11 * HOUR }));
    const edges = members.slice(1).map((m) => ({ a: 'c0', b: m.id, kind: 'exact' as const, similarity: 1 }));
    return decideComponent({ members, edges, threadSizes: new Map() }).clusters[0];
  };

  test('a short sentence recurring in eight threads over two weeks is not enough', () => {
    expect(copies('Whenever they redo a street it takes twice as long as promised').verdict).toBe('clean');
    // A few readers repeating a line of about twenty words, days apart: a campaign's paragraph is longer.
    expect(copies('Wind does not work all the time, so we will still need gas plants for the rest of the time', 5).verdict).toBe('clean');
  });

  test('a long paragraph copied into eight threads over two weeks is a campaign', () => {
    const paragraph =
      'The council is rushing this through without listening to residents. Removing the parking will gut the small shops on Main Street, the lanes will sit empty all winter, and the money should go to fixing our roads and schools first. Call your councillor today and tell them to vote no.';
    const cluster = copies(paragraph);
    expect(cluster.verdict).toBe('coordinated');
    expect(cluster.reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(['distinct-voices', 'spread']));
  });

  test('a copied paragraph counts as copied although each copy is also alike in meaning to the others', () => {
    // The pipeline links a copied pair twice: as a copy and, since a copy means the same, as a
    // paraphrase. Four copies across four threads over days, with one reader's paraphrase of them.
    const paragraph =
      'Let us be honest about who wins here: developers and large landlords. Families who have lived in this neighborhood for decades will be priced out, and the promised affordable units are a small fraction of what gets built.';
    const members = [0, 1, 2, 3].map((i) => member(`c${i}`, paragraph, { threadId: `t${i}`, postedAt: t0 + i * 3 * 24 * HOUR }));
    members.push(
      member('r', 'Developers and big landlords are the real winners of this rezoning while longtime families get pushed out and only a handful of the new units will be affordable.', {
        threadId: 't4',
        postedAt: t0 + 24 * HOUR,
      }),
    );
    const ids = members.map((m) => m.id);
    const copyIds = ids.slice(0, 4);
    const edges = [...paraphraseEdges(ids), ...copyIds.flatMap((a, i) => copyIds.slice(i + 1).map((b) => ({ a, b, kind: 'lexical' as const, similarity: 0.95 })))];
    const [cluster] = decideComponent({ members, edges, threadSizes: new Map() }).clusters;
    expect(cluster.members).toEqual(ids.sort());
    expect(cluster.verdict).not.toBe('clean');
    expect(cluster.reasons.map((r) => r.text)).toEqual(expect.arrayContaining(['5 comments are near-duplicates, posted by 5 accounts', 'The same text appears in 5 threads']));
  });

  test('a clean pair of copies posted in two threads, each time beside a flagged cluster there, is flagged with it', () => {
    const paragraph = 'Removing the parking will gut the small shops on Main Street, the lanes will sit empty all winter, and the money should go to fixing our roads and schools first.';
    const other = 'Nobody asked the people who actually live on this street. The plan was drawn up by consultants from out of town who will never have to drive here in the snow.';
    // A copied paragraph posted in a burst in each of two threads: flagged.
    const burst = ['t1', 't2'].flatMap((threadId, k) => [0, 1, 2].map((i) => member(`b${k}${i}`, paragraph, { threadId, postedAt: t0 + k * 2 * 24 * HOUR + i * 4 * 60000 })));
    const decide = (secondOffsetMs: number) => {
      const pair = [member('s1', other, { threadId: 't1', postedAt: t0 + 30 * 60000 }), member('s2', other, { threadId: 't2', postedAt: t0 + 2 * 24 * HOUR + secondOffsetMs })];
      const edges = [...burst.slice(1).map((m) => ({ a: 'b00', b: m.id, kind: 'exact' as const, similarity: 1 })), { a: 's1', b: 's2', kind: 'exact' as const, similarity: 1 }];
      // (In the pipeline other comments connect the two clusters into one component.)
      const decision = decideComponent({
        members: [...burst, ...pair],
        edges,
        threadSizes: new Map([
          ['t1', 40],
          ['t2', 40],
        ]),
      });
      expect(decision.clusters).toHaveLength(2);
      expect(decision.clusters.find((c) => c.members.includes('b00'))!.verdict).not.toBe('clean');
      return decision.clusters.find((c) => c.members.includes('s1'))!;
    };
    const mirrored = decide(40 * 60000);
    expect(mirrored.verdict).toBe('suspect');
    expect(mirrored.reasons[0].text).toBe('Posted in 2 threads, each time within the hour of a flagged cluster of 6 comments there');
    // In one thread beside the burst but hours away from it in the other: a coincidence, clean.
    expect(decide(5 * HOUR).verdict).toBe('clean');
  });

  test('agreeing replies scattered over threads are not a reply ring', () => {
    const parent = 'Invoking Article 5 over border security is a stretch for NATO and its collective defense clause';
    const members = ['t1', 't2', 't3'].map((thread, i) =>
      member(`r${i}`, 'Exactly. NATO allies would not support invoking Article 5 for border security.', { threadId: thread, parentId: `p${i}`, parentNormalized: normalizeText(parent) }),
    );
    const edges = members.slice(1).map((m) => ({ a: 'r0', b: m.id, kind: 'exact' as const, similarity: 1 }));
    const decision = decideComponent({ members, edges, threadSizes: new Map() });
    expect(decision.clusters[0].reasons.map((r) => r.signal)).not.toContain('reply-echo');
  });
});

describe('a slow drip split into small clusters', () => {
  const DAY = 24 * 3600 * 1000;
  const t0 = Date.UTC(2026, 2, 1, 9);
  // Three accounts each carry one template into four threads over twelve days; each thread gets
  // its own variant, so the texts pair up (two near-duplicates each) and the pairs are only loosely alike.
  const drip = (authors: readonly string[]) =>
    Array.from({ length: 12 }, (_, i) =>
      member(`d${i}`, `Before you believe any of this, variant ${Math.floor(i / 2)} says check who funds this outlet, it is always the same people.`, {
        threadId: `t${i}`,
        authorId: authors[i % authors.length],
        postedAt: t0 + i * DAY,
      }),
    );
  const edges = (ids: readonly string[]): SimilarityEdge[] => [
    ...ids.filter((_, i) => i % 2 === 0).map((a, k) => edge(a, ids[2 * k + 1])),
    // The variants are alike below the clustering threshold: separate clusters, one component.
    ...ids.flatMap((a, i) =>
      ids
        .slice(i + 1)
        .filter((_, j) => Math.floor(i / 2) !== Math.floor((i + 1 + j) / 2))
        .map((b) => ({ a, b, kind: 'semantic' as const, similarity: 0.3 })),
    ),
  ];

  test('three accounts carrying it into thread after thread are flagged as a drip in every small cluster', () => {
    // Each account posts both comments of its pairs: every small cluster alone is one account repeating itself.
    const members = drip(['carrier-a', 'carrier-a', 'carrier-b', 'carrier-b', 'carrier-c', 'carrier-c']);
    // One more variant, only loosely alike to the others: average linkage leaves it out of every cluster.
    const loose = member('d12', 'Before you believe any of this, one more variant says check who funds this outlet.', { threadId: 't12', authorId: 'carrier-b', postedAt: t0 + 12 * DAY });
    const looseEdges = members.slice(0, 3).map((m) => ({ a: m.id, b: loose.id, kind: 'semantic' as const, similarity: 0.3 }));
    const decision = decideComponent({ members: [...members, loose], edges: [...edges(members.map((m) => m.id)), ...looseEdges], threadSizes: new Map() });
    expect(decision.unclustered).toEqual([]);
    expect(decision.clusters.some((c) => c.members.includes('d12'))).toBe(true);
    expect(decision.clusters.length).toBeGreaterThanOrEqual(4);
    for (const c of decision.clusters) {
      expect(c.verdict).not.toBe('clean');
      expect(c.reasons.map((r) => r.signal)).toContain('drip');
      expect(c.reasons.map((r) => r.signal)).not.toContain('single-account');
    }
  });

  test('different readers each posting once, or one regular alone, stay clean', () => {
    const readers = drip(Array.from({ length: 12 }, (_, i) => `reader-${i}`));
    const once = decideComponent({ members: readers, edges: edges(readers.map((m) => m.id)), threadSizes: new Map() });
    expect(once.clusters.every((c) => c.verdict === 'clean')).toBe(true);
    const regular = drip(['regular', ...Array.from({ length: 11 }, (_, i) => `reader-${i}`)]).map((m, i) => (i % 4 === 0 ? { ...m, authorId: 'regular' } : m));
    const alone = decideComponent({ members: regular, edges: edges(regular.map((m) => m.id)), threadSizes: new Map() });
    expect(alone.clusters.every((c) => c.verdict === 'clean')).toBe(true);
  });
});
