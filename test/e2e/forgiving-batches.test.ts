// Issue 15, forgiving and exact batches: a batch stores every valid comment and answers each one;
// `atomic=true` keeps all-or-nothing; long comments are stored whole; threads carry a title and URL.
import request from 'supertest';
import { MAX_TEXT_LENGTH } from '@chorus/contracts';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
let key: string;
let tenantId: string;

beforeAll(async () => {
  h = await createHarness('batches', { semantic: false });
  ({ key, id: tenantId } = await h.tenant('gazette'));
});
afterAll(async () => h.close());

const comment = (id: string, over: Record<string, unknown> = {}) => ({ id, thread_id: 'budget', text: `Comment ${id} on the budget vote.`, ...over });
const post = (body: unknown, query = '') => request(h.app).post(`/v1/comments${query}`).set('Authorization', `Bearer ${key}`).send(body as object);
const get = (path: string) => request(h.app).get(path).set('Authorization', `Bearer ${key}`);
const storedIds = async (prefix: string) =>
  (await h.testDb.db.selectFrom('comments').select('external_id').where('tenant_id', '=', tenantId).where('external_id', 'like', `${prefix}%`).orderBy('external_id').execute()).map((r) => r.external_id);

describe('a batch stores every valid comment', () => {
  test('1,000 comments with one of 24,314 characters and two bad ones: 998 stored, each answered in order', async () => {
    const essay = 'The library repairs are overdue, and the budget says nothing about them. '.repeat(400).slice(0, 24_314);
    const comments = Array.from({ length: 1000 }, (_, i) => comment(`big-${String(i).padStart(4, '0')}`));
    comments[17] = comment('big-0017', { text: essay });
    comments[401] = comment('big-0401', { text: '   ' });
    comments[902] = comment('big-0902', { posted_at: '2024-02-30T10:00:00Z' });
    const res = await post({ comments });
    expect(res.status).toBe(202);
    expect({ accepted: res.body.accepted, created: res.body.created, rejected: res.body.rejected }).toEqual({ accepted: 998, created: 998, rejected: 2 });
    expect(res.body.comments).toHaveLength(1000);
    expect(res.body.comments[0]).toEqual({ id: 'big-0000', status: 'pending', duplicate: false });
    expect(res.body.comments[401]).toEqual({ id: 'big-0401', error: { code: 'invalid_request', message: expect.stringContaining('must not be empty'), field: 'comments[401].text' } });
    expect(res.body.comments[902].error.field).toBe('comments[902].posted_at');
    // Acknowledged means stored: in PostgreSQL when the answer arrives.
    const stored = await storedIds('big-');
    expect(stored).toHaveLength(998);
    expect(stored).not.toContain('big-0401');
    const long = await get('/v1/comments/big-0017');
    expect(long.body.text).toBe(essay);
  });

  test(`a text of ${MAX_TEXT_LENGTH} characters is stored whole; one more is rejected naming the field`, async () => {
    const longest = 'word '.repeat(MAX_TEXT_LENGTH / 5);
    const res = await post({ comments: [comment('len-a', { text: longest }), comment('len-b', { text: `${longest}!` })] });
    expect(res.status).toBe(202);
    expect(res.body.comments[1].error.field).toBe('comments[1].text');
    expect((await get('/v1/comments/len-a')).body.text).toBe(longest);
  });

  test('an id already received with other content is refused alone; the rest is stored', async () => {
    expect((await post(comment('cf-1'))).status).toBe(202);
    const res = await post({ comments: [comment('cf-0'), comment('cf-1', { text: 'An edited comment.' }), comment('cf-2')] });
    expect(res.status).toBe(202);
    expect(res.body.comments.map((c: { status?: string; error?: { code: string; field: string } }) => c.status ?? `${c.error!.code} ${c.error!.field}`)).toEqual([
      'pending',
      'conflict comments[1].id',
      'pending',
    ]);
    expect(await storedIds('cf-')).toEqual(['cf-0', 'cf-1', 'cf-2']);
    expect((await get('/v1/comments/cf-1')).body.text).toBe('Comment cf-1 on the budget vote.');
  });

  test('the same comment twice in a batch is one comment, answered twice; the same id with other content is refused', async () => {
    const res = await post({ comments: [comment('tw-1'), comment('tw-1'), comment('tw-1', { text: 'Something else.' })] });
    expect(res.body.comments).toEqual([
      { id: 'tw-1', status: 'pending', duplicate: false },
      { id: 'tw-1', status: 'pending', duplicate: true },
      { id: 'tw-1', error: expect.objectContaining({ field: 'comments[2].id' }) },
    ]);
    expect(res.body).toMatchObject({ accepted: 2, created: 1, rejected: 1 });
  });

  test('a batch of which nothing can be stored is a 422 naming the first bad field, with every item', async () => {
    const res = await post({ comments: [comment('none-1', { text: '' }), { thread_id: 'budget', text: 'no id' }] });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe('comments[0].text');
    expect(res.body.comments.map((c: { id: string | null; error: { field: string } }) => [c.id, c.error.field])).toEqual([
      ['none-1', 'comments[0].text'],
      [null, 'comments[1].id'],
    ]);
    expect(await storedIds('none-')).toEqual([]);
  });
});

describe('atomic=true: all or nothing', () => {
  test('one bad comment: 422 naming it, nothing stored', async () => {
    const res = await post({ comments: [comment('at-1'), comment('at-2', { text: '' })] }, '?atomic=true');
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe('comments[1].text');
    expect(await storedIds('at-')).toEqual([]);
  });

  test('one conflicting comment: 409 naming it, nothing stored', async () => {
    expect((await post(comment('at-3'))).status).toBe(202);
    const res = await post({ comments: [comment('at-4'), comment('at-3', { text: 'Changed.' })] }, '?atomic=true');
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('comments[1].id');
    expect(await storedIds('at-')).toEqual(['at-3']);
  });

  test('a valid batch is stored whole; a bad atomic value is a 422 naming atomic', async () => {
    expect((await post({ comments: [comment('at-5'), comment('at-6')] }, '?atomic=true')).status).toBe(202);
    expect(await storedIds('at-')).toEqual(['at-3', 'at-5', 'at-6']);
    const bad = await post({ comments: [comment('at-7')] }, '?atomic=yes');
    expect([bad.status, bad.body.error.field]).toEqual([422, 'atomic']);
  });
});

describe('threads carry a title and URL', () => {
  const page = { thread_title: 'Council passes the 2025 budget', thread_url: 'https://gazette.example/2025-budget' };

  test('the first title seen is kept, shown with each comment, and PUT /v1/threads/:id changes it', async () => {
    await post({ comments: [comment('th-1', { thread_id: 'budget-2025' }), comment('th-2', { thread_id: 'budget-2025', ...page })] });
    await post(comment('th-3', { thread_id: 'budget-2025', thread_title: 'A later headline', thread_url: 'https://gazette.example/other' }));
    const seen = await get('/v1/comments/th-1');
    expect(seen.body).toMatchObject({ thread_id: 'budget-2025', thread_title: page.thread_title, thread_url: page.thread_url });
    expect((await get('/v1/threads/budget-2025')).body).toMatchObject({ id: 'budget-2025', title: page.thread_title, url: page.thread_url });

    const put = await request(h.app).put('/v1/threads/budget-2025').set('Authorization', `Bearer ${key}`).send({ title: 'Council passes the 2025 budget (updated)' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ title: 'Council passes the 2025 budget (updated)', url: page.thread_url });
    expect((await get('/v1/comments/th-3')).body.thread_title).toBe('Council passes the 2025 budget (updated)');
  });

  test('a title sent with a re-sent comment is no conflict, and fills in a thread that had none', async () => {
    await post(comment('th-4', { thread_id: 'no-title' }));
    const again = await post(comment('th-4', { thread_id: 'no-title', thread_title: 'Late title' }));
    expect(again.status).toBe(200);
    expect(again.body.thread_title).toBe('Late title');
  });

  test('a URL that is not absolute http(s) is rejected naming the field; an unknown thread is a 404', async () => {
    const res = await post({ comments: [comment('th-5'), comment('th-6', { thread_url: 'javascript:alert(1)' })] });
    expect(res.body.comments[1].error.field).toBe('comments[1].thread_url');
    const put = await request(h.app).put('/v1/threads/budget').set('Authorization', `Bearer ${key}`).send({ url: '/relative' });
    expect([put.status, put.body.error.field]).toEqual([422, 'url']);
    expect((await get('/v1/threads/nowhere')).status).toBe(404);
  });

  test("a cluster lists the threads its members answered", async () => {
    const row = await h.testDb.db
      .insertInto('clusters')
      .values({ tenant_id: tenantId, representative_id: '1', status: 'flagged', score: 0.9, verdict: 'coordinated', reasons: '[]', size: 2, account_count: 2, thread_count: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.testDb.db.updateTable('comments').set({ cluster_id: row.id }).where('tenant_id', '=', tenantId).where('external_id', 'in', ['th-1', 'th-2']).execute();
    const cluster = await get(`/v1/clusters/${row.id}`);
    expect(cluster.body.threads).toEqual([{ id: 'budget-2025', title: 'Council passes the 2025 budget (updated)', url: page.thread_url, first_seen_at: expect.any(String) }]);
  });
});
