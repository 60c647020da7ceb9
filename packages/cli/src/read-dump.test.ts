import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeCorpus, DEFAULT_SCORING, withKnownTimes, type AnalysisResult, type CommentRecord } from '@chorus/core';
import { readDump } from './read-dump.js';

const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', name), 'utf8');
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const row = (id: string, extra: object = {}) => ({ id, thread_id: 't1', parent_id: null, author_id: `a-${id}`, posted_at: '2024-09-12T07:00:00Z', text: `comment ${id}`, ...extra });

test('a row repeated exactly is counted and skipped, not refused', () => {
  const dump = readDump(jsonl([row('1'), row('2'), row('1'), row('1')]), 'dump.jsonl');
  expect(dump.records.map((r) => r.id)).toEqual(['1', '2']);
  expect(dump.repeatedRows).toBe(2);
});

test('the same id with different content is refused, naming both lines', () => {
  expect(() => readDump(jsonl([row('1'), row('2'), row('1', { text: 'something else' })]), 'dump.jsonl')).toThrow('dump.jsonl:3: id "1" was already used by dump.jsonl:1 with different content');
  expect(() => readDump('id,thread_id,text\n7,t,a\n7,t,b\n', 'dump.csv')).toThrow('dump.csv:3: id "7" was already used by dump.csv:2');
});

test('HTML character references from exports are decoded for display and analysis', () => {
  const [r] = readDump(jsonl([row('1', { text: 'I don&#39;t &quot;agree&quot; &amp; won&#x27;t &unknown; &#xD800;' })]), 'dump.jsonl').records;
  expect(r.text).toBe('I don\'t "agree" & won\'t &unknown; &#xD800;');
});

const verdicts = (result: AnalysisResult) => [...result.verdicts].map(([id, v]) => `${id}:${v.verdict}`).sort();

test('date-only times count as unknown: a thread is flagged no more than with its times removed, and the reasons say why', async () => {
  const rows = fixture('swarm-thread.jsonl').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const exact = readDump(jsonl(rows), 'exact').records;
  const dated = readDump(jsonl(rows.map((r) => ({ ...r, posted_at: String(r.posted_at).slice(0, 10) }))), 'dated').records;
  const removed = readDump(jsonl(rows.map((r) => ({ ...r, posted_at: null }))), 'removed').records;
  expect(dated.every((r) => r.coarseTime === 'date')).toBe(true);
  const params = { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING };
  const [withExact, withDates, withoutTimes] = await Promise.all([exact, dated, removed].map((records) => analyzeCorpus(records, params)));
  // The swarm is found on exact times only: read as exact, the dates would all be one instant.
  expect(verdicts(withExact).filter((v) => !v.endsWith(':clean')).length).toBeGreaterThan(verdicts(withDates).filter((v) => !v.endsWith(':clean')).length);
  expect(verdicts(withDates)).toEqual(verdicts(withoutTimes));
  expect(withDates.clusters.length).toBeGreaterThan(0);
  for (const cluster of withDates.clusters) expect(cluster.reasons.map((r) => r.text).join(' ')).toContain('given as dates only');
});

test('times all on the hour or all identical within a thread are coarse; exact times and a few round ones are kept', () => {
  const at = (thread: string, id: string, iso: string): CommentRecord => ({ id, externalId: id, scope: 's', threadId: thread, parentId: null, authorId: id, postedAt: Date.parse(iso), text: id });
  const out = withKnownTimes([
    at('hours', 'h1', '2024-01-01T10:00:00Z'), at('hours', 'h2', '2024-01-01T11:00:00Z'), at('hours', 'h3', '2024-01-01T11:00:00Z'),
    at('same', 's1', '2024-01-01T10:17:31Z'), at('same', 's2', '2024-01-01T10:17:31Z'), at('same', 's3', '2024-01-01T10:17:31Z'),
    at('exact', 'e1', '2024-01-01T10:00:00Z'), at('exact', 'e2', '2024-01-01T10:00:00Z'), at('exact', 'e3', '2024-01-01T10:04:10Z'),
    at('two', 't1', '2024-01-01T00:00:00Z'), at('two', 't2', '2024-01-02T00:00:00Z'),
  ]);
  expect(Object.fromEntries(out.map((r) => [r.id, r.coarseTime ?? (r.postedAt === null ? 'null' : 'kept')]))).toEqual({
    h1: 'hour', h2: 'hour', h3: 'hour', s1: 'shared', s2: 'shared', s3: 'shared', e1: 'kept', e2: 'kept', e3: 'kept', t1: 'kept', t2: 'kept',
  });
  expect(out.filter((r) => r.coarseTime).every((r) => r.postedAt === null)).toBe(true);
});
