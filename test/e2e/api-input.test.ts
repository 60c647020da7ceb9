import request from 'supertest';
import { MAX_BATCH_SIZE, MAX_TEXT_LENGTH } from '@chorus/contracts';
import { createApiKey, revokeApiKey } from '@chorus/db';
import { createApp } from '../../services/api/src/app.js';
import { createHarness, silentLogger, type Harness } from '../support/harness.js';

let h: Harness;
let key: string;
let otherKey: string;

beforeAll(async () => {
  h = await createHarness('api-input');
  key = (await h.tenant('gazette')).key;
  otherKey = (await h.tenant('herald')).key;
});
afterAll(async () => h.close());

const comment = (over: Record<string, unknown> = {}) => ({ id: 'c1', thread_id: 't1', text: 'The council vote was rushed.', ...over });
const post = (body: unknown, k = key) => request(h.app).post('/v1/comments').set('Authorization', `Bearer ${k}`).send(body as object);
const postAtomic = (body: unknown) => request(h.app).post('/v1/comments?atomic=true').set('Authorization', `Bearer ${key}`).send(body as object);

describe('bad input gets a 4xx naming the problem, never a 500', () => {
  const cases: [string, () => request.Test, number, string][] = [
    ['invalid JSON', () => request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/json').send('{"id": "c1",'), 400, 'body'],
    ['wrong content type', () => request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).set('Content-Type', 'text/plain').send('hello'), 415, 'content-type'],
    ['missing text', () => post({ id: 'c1', thread_id: 't1' }), 422, 'text'],
    ['missing id', () => post({ thread_id: 't1', text: 'hi there' }), 422, 'id'],
    ['missing thread_id', () => post({ id: 'c1', text: 'hi there' }), 422, 'thread_id'],
    ['text is a number', () => post(comment({ text: 42 })), 422, 'text'],
    ['id is an object', () => post(comment({ id: { a: 1 } })), 422, 'id'],
    ['empty text', () => post(comment({ text: '   ' })), 422, 'text'],
    ['over-long text', () => post(comment({ text: 'a'.repeat(MAX_TEXT_LENGTH + 1) })), 422, 'text'],
    ['NUL in text', () => post(comment({ text: 'bad \u0000 byte' })), 422, 'text'],
    ['bad posted_at', () => post(comment({ posted_at: 'yesterday' })), 422, 'posted_at'],
    ['array body', () => post([comment()]), 422, 'body'],
    ['JSON null body', () => request(h.app).post('/v1/comments').set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/json').send('null'), 422, 'body'],
    ['empty batch', () => post({ comments: [] }), 422, 'comments'],
    ['batch over the limit', () => post({ comments: Array.from({ length: MAX_BATCH_SIZE + 1 }, (_, i) => comment({ id: `b${i}` })) }), 422, 'comments'],
    ['bad item in an atomic batch', () => postAtomic({ comments: [comment({ id: 'ok1' }), comment({ id: 'ok2', text: '' })] }), 422, 'comments[1].text'],
    ['same id twice in an atomic batch with different text', () => postAtomic({ comments: [comment({ id: 'd1' }), comment({ id: 'd1', text: 'other' })] }), 422, 'comments[1].id'],
    ['oversize body', () => post({ comments: [comment({ text: 'x'.repeat(13 * 1024 * 1024) })] }), 413, 'body'],
    ['missing key', () => request(h.app).post('/v1/comments').send(comment()), 401, 'authorization'],
    ['unknown key', () => post(comment(), 'chorus_00000000_nope'), 401, 'authorization'],
    ['malformed authorization header', () => request(h.app).post('/v1/comments').set('Authorization', 'Basic abc').send(comment()), 401, 'authorization'],
    ['bad cluster status filter', () => request(h.app).get('/v1/clusters?status=bogus').set('Authorization', `Bearer ${key}`), 422, 'status'],
    ['bad cluster page size', () => request(h.app).get('/v1/clusters?limit=0').set('Authorization', `Bearer ${key}`), 422, 'limit'],
    ['forged cursor', () => request(h.app).get('/v1/clusters?cursor=not-a-cursor').set('Authorization', `Bearer ${key}`), 400, 'cursor'],
  ];

  test.each(cases)('%s', async (_name, send, status, field) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.error.field).toBe(field);
    expect(typeof res.body.error.message).toBe('string');
  });

  test('nothing from rejected requests was stored', async () => {
    const count = await h.testDb.db.selectFrom('comments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('idempotent ingest', () => {
  test('a re-send with the same content is a no-op returning the stored state; different content is a 409', async () => {
    const first = await post(comment({ id: 'r1' }));
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ id: 'r1', status: 'pending' });
    const again = await post(comment({ id: 'r1' }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: 'r1', status: 'pending', thread_id: 't1' });
    const changed = await post(comment({ id: 'r1', text: 'Edited text' }));
    expect(changed.status).toBe(409);
    expect(changed.body.error.field).toBe('id');
    const rows = await h.testDb.db.selectFrom('comments').select(['text']).where('external_id', '=', 'r1').execute();
    expect(rows).toEqual([{ text: 'The council vote was rushed.' }]);
  });

  test('an atomic batch with one conflicting comment stores nothing of that batch', async () => {
    await post(comment({ id: 'k1' }));
    const res = await postAtomic({ comments: [comment({ id: 'k2' }), comment({ id: 'k1', text: 'changed' })] });
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('comments[1].id');
    const k2 = await h.testDb.db.selectFrom('comments').select('id').where('external_id', '=', 'k2').execute();
    expect(k2).toHaveLength(0);
  });
});

describe('tenant isolation', () => {
  test("a tenant cannot read another tenant's comments or clusters: 404, not 403", async () => {
    await post(comment({ id: 'secret-1', text: 'Only the gazette may see this comment.' }));
    const mine = await request(h.app).get('/v1/comments/secret-1').set('Authorization', `Bearer ${key}`);
    expect(mine.status).toBe(200);
    const theirs = await request(h.app).get('/v1/comments/secret-1').set('Authorization', `Bearer ${otherKey}`);
    expect(theirs.status).toBe(404);
    const cluster = await h.testDb.db
      .insertInto('clusters')
      .values({ tenant_id: (await h.testDb.db.selectFrom('tenants').select('id').where('name', '=', 'gazette').executeTakeFirstOrThrow()).id, representative_id: '999999', status: 'flagged', score: 0.9, verdict: 'coordinated', reasons: '[]', size: 2, account_count: 2, thread_count: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await request(h.app).get(`/v1/clusters/${cluster.id}`).set('Authorization', `Bearer ${key}`)).status).toBe(200);
    expect((await request(h.app).get(`/v1/clusters/${cluster.id}`).set('Authorization', `Bearer ${otherKey}`)).status).toBe(404);
    const list = await request(h.app).get('/v1/clusters').set('Authorization', `Bearer ${otherKey}`);
    expect(list.body.clusters).toEqual([]);
  });

  test('the same publisher id in two tenants is two different comments', async () => {
    expect((await post(comment({ id: 'shared' }), key)).status).toBe(202);
    expect((await post(comment({ id: 'shared', text: 'Different text, other paper' }), otherKey)).status).toBe(202);
  });
});

test('a revoked key stops working within the key cache time, even while in steady use', async () => {
  const app = createApp({ db: h.testDb.db, queue: h.queue, redis: h.redis, logger: silentLogger, keyCacheMs: 300 });
  const tenant = await h.testDb.db.selectFrom('tenants').select('id').where('name', '=', 'gazette').executeTakeFirstOrThrow();
  const created = await createApiKey(h.testDb.db, tenant.id);
  const read = () => request(app).get('/v1/settings').set('Authorization', `Bearer ${created.key}`);
  expect((await read()).status).toBe(200);
  await revokeApiKey(h.testDb.db, created.prefix);
  // Used every 50 ms for a second: a cache hit must not extend the entry.
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    statuses.push((await read()).status);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(statuses.slice(-5)).toEqual([401, 401, 401, 401, 401]);
});

test('GET /healthz reports PostgreSQL and Redis', async () => {
  const res = await request(h.app).get('/healthz');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' });
});

test('GET /metrics exposes request counters, accepted comments and the backlog', async () => {
  const res = await request(h.app).get('/metrics');
  expect(res.status).toBe(200);
  expect(res.text).toMatch(/^chorus_http_requests_total\{method="POST",status="4xx"\} \d+$/m);
  expect(res.text).toMatch(/^chorus_comments_accepted_total \d+$/m);
  expect(res.text).toMatch(/^chorus_comments_pending \d+$/m);
  expect(res.text).toMatch(/^chorus_detect_queue_jobs\{state="waiting"\} \d+$/m);
});

test('unknown cluster id and unknown routes are JSON 404s', async () => {
  expect((await request(h.app).get('/v1/clusters/abc').set('Authorization', `Bearer ${key}`)).status).toBe(404);
  const res = await request(h.app).get('/v1/nothing').set('Authorization', `Bearer ${key}`);
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe('not_found');
});
