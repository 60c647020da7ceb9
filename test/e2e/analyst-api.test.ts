import request from 'supertest';
import { readFixture } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

const seed = readFixture('seed-thread.jsonl');

let h: Harness;
let key: string;
let strictKey: string;

async function ingestSeed(k: string) {
  expect((await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${k}`).send({ comments: seed })).status).toBe(202);
  await waitFor(async () => {
    const all = await Promise.all(seed.map(async (c) => (await request(h.app).get(`/v1/comments/${c.id}`).set('Authorization', `Bearer ${k}`)).body.status));
    return all.every((s) => s === 'scored');
  }, 30_000, 'seed scored');
}

beforeAll(async () => {
  h = await createHarness('analyst');
  key = (await h.tenant('gazette')).key;
  strictKey = (await h.tenant('strict-times')).key;
  h.startWorker();
  // The strict tenant raises its thresholds before sending anything.
  const put = await request(h.app).put('/v1/settings').set('Authorization', `Bearer ${strictKey}`).send({ suspect_threshold: 0.9, coordinated_threshold: 0.97 });
  expect(put.status).toBe(200);
  await ingestSeed(key);
  await ingestSeed(strictKey);
}, 90_000);
afterAll(async () => h.close());

describe('settings', () => {
  test('GET shows the documented defaults', async () => {
    const res = await request(h.app).get('/v1/settings').set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(200);
    const defaults = { suspect_threshold: 0.45, coordinated_threshold: 0.7, rate_limit_per_minute: null };
    expect(res.body).toEqual({ settings: defaults, defaults });
  });

  test.each([
    [{ suspect_threshold: 0.8, coordinated_threshold: 0.5 }, 'suspect_threshold'],
    [{ suspect_threshold: 2 }, 'suspect_threshold'],
    [{ coordinated_threshold: 'high' }, 'coordinated_threshold'],
    [{ surprise: true }, 'surprise'],
  ])('PUT %j is a 422 naming %s', async (body, field) => {
    const res = await request(h.app).put('/v1/settings').set('Authorization', `Bearer ${key}`).send(body);
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe(field);
  });

  test("a tenant's thresholds decide its verdicts", async () => {
    const normal = (await request(h.app).get('/v1/comments/c07').set('Authorization', `Bearer ${key}`)).body;
    const strict = (await request(h.app).get('/v1/comments/c07').set('Authorization', `Bearer ${strictKey}`)).body;
    expect(normal.verdict).toBe('coordinated');
    expect(strict.score).toBeCloseTo(normal.score, 5);
    expect(strict.verdict).toBe('clean');
  });
});

describe('account network and exports', () => {
  test('GET /v1/network links the named accounts of the flagged paraphrase cluster', async () => {
    const res = await request(h.app).get('/v1/network').set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(200);
    const pairs = res.body.edges.map((e: { source: string; target: string }) => [e.source, e.target].join(' & '));
    expect(pairs).toContain('Jennifer Z. Brown & Patricia Miller');
    expect(res.body.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['Jennifer Z. Brown', 'Patricia Miller']));
  });

  test('min_weight drops edges seen in fewer clusters', async () => {
    const res = await request(h.app).get('/v1/network?min_weight=2').set('Authorization', `Bearer ${key}`);
    expect(res.body.edges).toEqual([]);
  });

  test('GraphML opens as a graph (well-formed, undirected, weighted)', async () => {
    const res = await request(h.app).get('/v1/network?format=graphml').set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/graphml/);
    expect(res.text).toMatch(/<graph id="accounts" edgedefault="undirected">/);
    expect(res.text).toMatch(/<node id="Patricia Miller">/);
    expect(res.text).toMatch(/<data key="weight">1<\/data>/);
  });

  test('CSV edges and the flagged-comments export have headers and quoted text', async () => {
    const edges = await request(h.app).get('/v1/network?format=csv').set('Authorization', `Bearer ${key}`);
    expect(edges.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('source,target,weight,clusters');
    const flagged = await request(h.app).get('/v1/exports/flagged.csv').set('Authorization', `Bearer ${key}`);
    expect(flagged.status).toBe(200);
    const lines = flagged.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('cluster_id,cluster_verdict,cluster_score,cluster_status,comment_id,thread_id,parent_id,author_id,author_name,posted_at,text,reasons');
    expect(lines).toHaveLength(15);
    expect(flagged.text).toContain('"Interesting idea, but I’m skeptical');
  });

  test('bad query parameters are 422s', async () => {
    const res = await request(h.app).get('/v1/network?format=pdf').set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe('format');
  });
});

describe('moderation', () => {
  test('a moderator confirms a cluster: it leaves the review queue, keeps its history, and survives recomputation', async () => {
    const c07 = (await request(h.app).get('/v1/comments/c07').set('Authorization', `Bearer ${key}`)).body;
    const bad = await request(h.app).post(`/v1/clusters/${c07.cluster_id}/review`).set('Authorization', `Bearer ${key}`).send({ action: 'approve' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('action');
    const other = await request(h.app).post(`/v1/clusters/${c07.cluster_id}/review`).set('Authorization', `Bearer ${strictKey}`).send({ action: 'dismiss' });
    expect(other.status).toBe(404);

    const done = await request(h.app).post(`/v1/clusters/${c07.cluster_id}/review`).set('Authorization', `Bearer ${key}`).send({ action: 'confirm', note: 'same talking point, 9 voices' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('confirmed');
    const queue = await request(h.app).get('/v1/clusters?status=flagged').set('Authorization', `Bearer ${key}`);
    expect(queue.body.clusters.map((c: { id: string }) => c.id)).not.toContain(c07.cluster_id);
    const detail = await request(h.app).get(`/v1/clusters/${c07.cluster_id}`).set('Authorization', `Bearer ${key}`);
    expect(detail.body.history).toEqual([expect.objectContaining({ action: 'confirm', note: 'same talking point, 9 voices' })]);

    // A new paraphrase joins the cluster; the moderator's decision stands.
    const more = { id: 'c15', thread_id: 'nato-article-5-border', text: 'Invoking NATO’s Article 5 over border security seems like a stretch. The collective defense clause is meant for serious military threats, not immigration challenges, and using it that way could undermine the alliance’s purpose and credibility.' };
    expect((await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).send(more)).status).toBe(202);
    const c15 = await waitFor(async () => {
      const body = (await request(h.app).get('/v1/comments/c15').set('Authorization', `Bearer ${key}`)).body;
      return body.status === 'scored' && body;
    }, 20_000, 'c15 scored');
    const after = await request(h.app).get(`/v1/clusters/${c15.cluster_id}`).set('Authorization', `Bearer ${key}`);
    expect(after.body.status).toBe('confirmed');
    expect(after.body.members.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['c07', 'c15']));
  });

  test('the dashboard is served with a strict content security policy', async () => {
    const res = await request(h.app).get('/dashboard/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Chorus review queue');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request(h.app).get('/dashboard/dashboard.js')).status).toBe(200);
  });
});
