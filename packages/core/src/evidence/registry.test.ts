import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeCorpus } from '../analyze/analyze.js';
import type { CommentRecord } from '../records/comment-record.js';
import { DEFAULT_SCORING } from '../verdict/verdict.js';
import { EVIDENCE_REGISTRY, evidenceEntry } from './registry.js';
import { CLUSTER_SIGNALS } from './signals.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = ['evidence', 'verdict'].flatMap((dir) =>
  readdirSync(join(src, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'registry.ts')
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(src, dir, f), 'utf8') })),
);

/** The signal names the code gives its evidence, by file. */
const given = sources.flatMap(({ file, text }) => [...text.matchAll(/signal: '([a-z-]+)'/g)].map((m) => ({ file, signal: m[1] })));

function fixture(name: string): CommentRecord[] {
  const text = readFileSync(join(src, '..', '..', '..', 'test', 'fixtures', name), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; thread_id: string; parent_id: string | null; author_id: string | null; posted_at?: string; text: string })
    .map((r) => ({
      id: r.id,
      externalId: r.id,
      scope: 'registry',
      threadId: r.thread_id,
      parentId: r.parent_id,
      authorId: r.author_id,
      postedAt: r.posted_at ? Date.parse(r.posted_at) : null,
      text: r.text,
    }));
}

describe('the evidence registry', () => {
  it('lists every signal the code gives, in the file it names, and no other', () => {
    expect(given.length).toBeGreaterThan(15);
    for (const { file, signal } of given) {
      expect({ signal, source: evidenceEntry(signal)?.source.split(' ')[0] }).toEqual({ signal, source: file });
    }
    expect(new Set(EVIDENCE_REGISTRY.map((e) => e.signal)).size).toBe(EVIDENCE_REGISTRY.length);
    expect(EVIDENCE_REGISTRY.map((e) => e.signal).sort()).toEqual([...new Set(given.map((g) => g.signal))].sort());
  });

  it('names the function that computes each cluster signal, and every function score.ts runs is named', () => {
    const named = new Set(EVIDENCE_REGISTRY.filter((e) => e.scope === 'cluster').map((e) => e.source.split(' ')[1]));
    expect([...new Set(CLUSTER_SIGNALS.map((f) => f.name))].sort()).toEqual([...named].sort());
  });

  it('covers the reasons of the sample threads, within the weights it gives', async () => {
    const seen = new Set<string>();
    for (const name of ['seed-thread.jsonl', 'swarm-thread.jsonl', 'reply-ring-thread.jsonl', 'organic-control-thread.jsonl']) {
      const { clusters } = await analyzeCorpus(fixture(name), { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING });
      for (const reason of clusters.flatMap((c) => c.reasons)) {
        const entry = evidenceEntry(reason.signal);
        expect(entry?.signal).toBe(reason.signal);
        expect(reason.weight).toBeGreaterThanOrEqual(entry!.weight[0] - 0.0005);
        expect(reason.weight).toBeLessThanOrEqual(entry!.weight[1] + 0.0005);
        seen.add(reason.signal);
      }
    }
    // The samples show a swarm, a reply ring and an echoing thread: their signals must be among those seen.
    expect([...seen]).toEqual(expect.arrayContaining(['distinct-voices', 'reply-echo', 'agreement-ring']));
  });
});
