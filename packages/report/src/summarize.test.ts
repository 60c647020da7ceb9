import type { FlaggedReportCluster, ReportInput } from './report-input.js';
import { summarize, threadTakeover, timeline } from './summarize.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0);
const MIN = 60_000;

function cluster(id: string, verdict: 'suspect' | 'coordinated', members: [string, string | null, number | null][], score = 0.8): FlaggedReportCluster {
  return {
    id,
    verdict,
    score,
    size: members.length,
    accounts: new Set(members.map(([, a]) => a).filter((a) => a !== null)).size,
    reasons: [{ signal: 'distinct-voices', weight: 0.5, text: `${members.length} comments say one thing` }],
    members: members.map(([thread, author, at], i) => ({ id: `${id}-${i}`, threadId: thread, author, postedAt: at, text: `text ${i}` })),
  };
}

const campaign = cluster('c1', 'coordinated', [
  ['budget', 'ann', T0],
  ['budget', 'bob', T0 + 5 * MIN],
  ['budget', 'cy', T0 + 70 * MIN],
  ['parks', 'ann', null],
]);
const echo = cluster('c2', 'suspect', [
  ['budget', 'dee', T0 + 10 * MIN],
  ['budget', null, T0 + 12 * MIN],
], 0.5);

const input: ReportInput = {
  title: 'Chorus report: test',
  scope: 'A test.',
  generatedAt: new Date(T0),
  comments: 40,
  accounts: 12,
  threads: [{ id: 'budget', title: 'Council budget', comments: 10 }, { id: 'parks', title: null, comments: 30 }],
  clusters: [campaign, echo, { id: 'c3', verdict: 'clean', size: 2, accounts: 2 }, { id: 'c4', verdict: 'clean', size: 30, accounts: 1 }],
  flagged: [echo, campaign],
  network: { nodes: [], edges: [] },
};

test('headline figures count comments, flagged comments, clusters and accounts', () => {
  expect(summarize(input).headline).toEqual({ comments: 40, flaggedComments: 6, coordinatedComments: 4, clusters: 4, flaggedClusters: 2, accounts: 12, flaggedAccounts: 4 });
});

test('flagged comments over two hours are counted per hour, by verdict; untimed ones apart', () => {
  expect(timeline(input.flagged)).toEqual({
    unit: 'hour',
    labels: ['2024-05-01 12:00', '2024-05-01 13:00'],
    coordinated: [2, 1],
    suspect: [2, 0],
    untimed: 1,
  });
});

test('over weeks the timeline counts per day', () => {
  const spread = cluster('c9', 'coordinated', [['t', 'a', T0], ['t', 'b', T0 + 20 * 24 * 60 * MIN]]);
  const t = timeline([spread]);
  expect(t.unit).toBe('day');
  expect(t.labels).toHaveLength(21);
  expect([t.labels[0], t.labels[20]]).toEqual(['2024-05-01', '2024-05-21']);
  expect(t.coordinated.reduce((a, b) => a + b)).toBe(2);
});

test('size and account distributions bin every cluster by verdict, without empty bins at the ends', () => {
  const s = summarize(input);
  expect(s.sizes.labels).toEqual(['2', '3', '4–5', '6–10', '11–20', '21–50']);
  expect(s.sizes.coordinated).toEqual([0, 0, 1, 0, 0, 0]);
  expect(s.sizes.suspect).toEqual([1, 0, 0, 0, 0, 0]);
  expect(s.sizes.clean).toEqual([1, 0, 0, 0, 0, 1]);
  expect(s.accountCounts.labels).toEqual(['1', '2', '3–5']);
  expect(s.accountCounts.coordinated).toEqual([0, 0, 1]);
  expect(s.accountCounts.clean).toEqual([1, 1, 0]);
});

test('thread takeover: share of each thread in flagged clusters, the largest share first', () => {
  expect(threadTakeover(input)).toEqual([
    { id: 'budget', title: 'Council budget', comments: 10, flagged: 5, largestCluster: 'c1', largestCount: 3 },
    { id: 'parks', title: null, comments: 30, flagged: 1, largestCluster: 'c1', largestCount: 1 },
  ]);
});

test('top clusters: coordinated first, with their time span and a sample in posting order', () => {
  const [first, second] = summarize(input).top;
  expect([first.cluster.id, second.cluster.id]).toEqual(['c1', 'c2']);
  expect([first.first, first.last]).toEqual([T0, T0 + 70 * MIN]);
  expect(first.threads).toEqual(['budget', 'parks']);
  expect(first.sample.map((m) => m.id)).toEqual(['c1-0', 'c1-1', 'c1-2', 'c1-3']);
});

test('a flood of 300,000 copies is summarized without running out of stack', () => {
  const members = Array.from({ length: 300_000 }, (_, i) => ({ id: `f${i}`, threadId: 't', author: `a${i % 50}`, postedAt: T0 + i * 1000, text: 'copy' }));
  const flood: FlaggedReportCluster = { id: 'f', verdict: 'coordinated', score: 0.99, size: members.length, accounts: 50, reasons: [], members };
  const [top] = summarize({ ...input, clusters: [flood], flagged: [flood] }).top;
  expect([top.first, top.last, top.sample.length]).toEqual([T0, T0 + 299_999_000, 5]);
});
