// /openapi.json against the app that serves it: a valid OpenAPI 3.1 document, describing exactly
// the routes the app registers, and every real answer below fits the schema it documents.
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import request, { type Response } from 'supertest';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

interface Layer {
  readonly route?: { path: string; methods: Record<string, boolean> };
  readonly handle: { stack?: Layer[] };
}
interface MediaType {
  readonly schema?: object;
}
interface Operation {
  readonly responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface Spec {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, object> };
}

let h: Harness;
let key: string;
let spec: Spec;
const auth = () => ({ Authorization: `Bearer ${key}` });

// ajv's CommonJS default exports, as they arrive under native ES modules.
type AjvClass = typeof Ajv2020.default;
const AjvCtor: AjvClass = (Ajv2020 as unknown as { default?: AjvClass }).default ?? (Ajv2020 as unknown as AjvClass);
type AddFormats = typeof addFormats.default;
const withFormats: AddFormats = (addFormats as unknown as { default?: AddFormats }).default ?? (addFormats as unknown as AddFormats);
let ajv: InstanceType<AjvClass>;

/** Operations whose answers were checked, as `get /v1/clusters/{id} 200`. */
const checked = new Set<string>();

function documentedMedia(method: string, path: string, status: number, type: string): MediaType {
  const documented = spec.paths[path]?.[method]?.responses[String(status)];
  if (!documented) throw new Error(`${method} ${path} answered ${status}, which the spec does not document`);
  const media = documented.content?.[type];
  if (!media) throw new Error(`${method} ${path} ${status} answered ${type}, which the spec does not document`);
  return media;
}

/** ajv's complaint about a body, or null when it fits. */
function schemaErrors(media: MediaType, body: unknown): string | null {
  // The spec's refs point into its own components, which ajv holds under the id "spec".
  const validate = ajv.compile(JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', '"spec#/components/')));
  return validate(body) ? null : ajv.errorsText(validate.errors);
}

/** Asserts the answer's status is documented for the operation and its body fits the documented schema. */
function expectDocumented(res: Response, method: string, path: string): void {
  const type = String(res.headers['content-type'] ?? '').split(';')[0];
  const media = documentedMedia(method, path, res.status, type);
  if (type === 'application/json') {
    const problems = schemaErrors(media, res.body);
    if (problems) throw new Error(`${method} ${path} ${res.status}: ${problems}\n${JSON.stringify(res.body).slice(0, 2000)}`);
  } else {
    expect(typeof res.text).toBe('string');
  }
  checked.add(`${method} ${path} ${res.status}`);
}

// Six accounts post one text within minutes in one thread: a copied-text cluster without the model.
const campaign = Array.from({ length: 6 }, (_, i) => ({
  id: `cp${i}`,
  thread_id: 'budget-vote',
  author_id: `account-${i}`,
  author_name: `Account ${i}`,
  posted_at: `2024-05-01T12:0${i}:00+02:00`,
  text: 'Vote NO on the budget. The council is wasting our money on vanity projects again! Share this before Friday.',
}));
const organic = { id: 'o1', thread_id: 'budget-vote', parent_id: null, author_id: 'reader', text: 'Has anyone read the actual line items? The library repairs look overdue to me.' };

beforeAll(async () => {
  h = await createHarness('openapi', { semantic: false });
  key = (await h.tenant('openapi-tenant')).key;
  h.startWorker();
  spec = (await request(h.app).get('/openapi.json')).body;
  ajv = new AjvCtor({ strict: false, allErrors: true });
  withFormats(ajv);
  ajv.addSchema({ $id: 'spec', components: spec.components });
}, 60_000);
afterAll(async () => h.close());

describe('the document', () => {
  test('is a valid OpenAPI 3.1 document, served without a key', async () => {
    const res = await request(h.app).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  test('describes exactly the routes the app registers', () => {
    const registered = new Set<string>();
    const walk = (stack: readonly Layer[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const method of Object.keys(layer.route.methods)) registered.add(`${method} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
        } else if (layer.handle.stack) {
          walk(layer.handle.stack);
        }
      }
    };
    walk((h.app as unknown as { _router: { stack: Layer[] } })._router.stack);
    const described = new Set(Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    expect([...registered].sort()).toEqual([...described].sort());
    // Ingest, a comment, clusters (list, one, review, drop, restore, member-review, counts), an account, the
    // moderation log, settings (get, put), network, export, the summary report, threads (get, put,
    // comments), healthz, metrics, this document and its page.
    expect(registered.size).toBe(29);
  });

  test('every /v1 operation needs the bearer key and documents the error answers', () => {
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const op of Object.values(ops) as (Operation & { security?: object[] })[]) {
        if (!path.startsWith('/v1/')) continue;
        expect(op.security).toEqual([{ bearerAuth: [] }]);
        for (const status of ['400', '401', '404', '415', '503']) expect(op.responses[status]?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });

  test('/docs renders every route under a strict CSP, with no script', async () => {
    const res = await request(h.app).get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(res.text).not.toMatch(/<script/i);
    for (const path of Object.keys(spec.paths)) expect(res.text).toContain(`<code>${path}</code>`);
    expectDocumented(res, 'get', '/docs');
  });
});

describe('real answers fit the documented schemas', () => {
  test('ingest: 202 single and batch, 200 re-send, 409, 422', async () => {
    const single = await request(h.app).post('/v1/comments').set(auth()).send(organic);
    expect(single.status).toBe(202);
    expectDocumented(single, 'post', '/v1/comments');
    const batch = await request(h.app).post('/v1/comments').set(auth()).send({ comments: campaign });
    expect(batch.status).toBe(202);
    expectDocumented(batch, 'post', '/v1/comments');
    const resend = await request(h.app).post('/v1/comments').set(auth()).send(organic);
    expect(resend.status).toBe(200);
    expectDocumented(resend, 'post', '/v1/comments');
    const conflict = await request(h.app).post('/v1/comments').set(auth()).send({ ...organic, text: 'Something else entirely.' });
    expect(conflict.status).toBe(409);
    expectDocumented(conflict, 'post', '/v1/comments');
    const invalid = await request(h.app).post('/v1/comments').set(auth()).send({ ...organic, id: 'o2', posted_at: '2024-02-30T00:00:00Z' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.field).toBe('posted_at');
    expectDocumented(invalid, 'post', '/v1/comments');
    const partly = await request(h.app).post('/v1/comments').set(auth()).send({ comments: [{ ...organic, id: 'o3', thread_title: 'Budget vote' }, { ...organic, id: 'o4', text: '' }] });
    expect(partly.body.rejected).toBe(1);
    expectDocumented(partly, 'post', '/v1/comments');
    const none = await request(h.app).post('/v1/comments').set(auth()).send({ comments: [{ ...organic, id: 'o5', text: '' }] });
    expect(none.status).toBe(422);
    expectDocumented(none, 'post', '/v1/comments');
    const thread = await request(h.app).get('/v1/threads/budget-vote').set(auth());
    expect(thread.body.title).toBe('Budget vote');
    expectDocumented(thread, 'get', '/v1/threads/{id}');
    expectDocumented(await request(h.app).put('/v1/threads/budget-vote').set(auth()).send({ url: 'https://example.org/budget' }), 'put', '/v1/threads/{id}');
    expectDocumented(await request(h.app).put('/v1/threads/budget-vote').set(auth()).send({}), 'put', '/v1/threads/{id}');
  });

  test('comments and clusters once detection has run', async () => {
    const flagged = await waitFor(async () => {
      const res = await request(h.app).get('/v1/clusters?status=flagged').set(auth());
      return res.body.clusters?.length > 0 && res;
    }, 30_000, 'a flagged cluster');
    expectDocumented(flagged, 'get', '/v1/clusters');
    const id: string = flagged.body.clusters[0].id;

    const comment = await request(h.app).get('/v1/comments/cp0').set(auth());
    expect(comment.body.cluster_id).toBe(id);
    expectDocumented(comment, 'get', '/v1/comments/{id}');
    const pending = await request(h.app).get('/v1/comments/o1').set(auth());
    expectDocumented(pending, 'get', '/v1/comments/{id}');
    // The check has teeth: an answer that gained, lost or retyped a field would fail it.
    const media = documentedMedia('get', '/v1/comments/{id}', 200, 'application/json');
    const { scored_at: _, ...missing } = comment.body;
    expect(schemaErrors(media, { ...comment.body, extra: 1 })).toMatch(/additional properties/);
    expect(schemaErrors(media, missing)).toMatch(/scored_at/);
    expect(schemaErrors(media, { ...comment.body, posted_at: 'yesterday' })).toMatch(/date-time/);

    const review = await request(h.app).post(`/v1/clusters/${id}/review`).set(auth()).send({ action: 'confirm', note: 'one text, six accounts', version: 1 });
    expect(review.body).toEqual({ id, status: 'confirmed', action: 'confirm', version: 2 });
    expectDocumented(review, 'post', '/v1/clusters/{id}/review');
    const stale = await request(h.app).post(`/v1/clusters/${id}/review`).set(auth()).send({ action: 'dismiss', version: 1 });
    expect(stale.status).toBe(409);
    expectDocumented(stale, 'post', '/v1/clusters/{id}/review');
    const drop = await request(h.app).post(`/v1/clusters/${id}/drop`).set(auth()).send({ comment_id: 'cp5', note: 'a reader quoting the flyer', version: 2 });
    expect(drop.body).toEqual({ id, status: 'confirmed', dropped: 'cp5', size: 5, version: 3 });
    expectDocumented(drop, 'post', '/v1/clusters/{id}/drop');
    const log = await request(h.app).get(`/v1/moderation-log?cluster_id=${id}`).set(auth());
    expect(log.body.entries).toHaveLength(2);
    expectDocumented(log, 'get', '/v1/moderation-log');
    const cluster = await request(h.app).get(`/v1/clusters/${id}`).set(auth());
    expect(cluster.status).toBe(200);
    expect(cluster.body.members).toHaveLength(5);
    expect(cluster.body.history).toHaveLength(2);
    expectDocumented(cluster, 'get', '/v1/clusters/{id}');
    expectDocumented(await request(h.app).get('/v1/clusters?sort=newest&account=account-0&min_score=0.1').set(auth()), 'get', '/v1/clusters');
    const counts = await request(h.app).get('/v1/cluster-counts?thread=budget-vote').set(auth());
    expect(counts.body.counts.confirmed).toBe(1);
    expectDocumented(counts, 'get', '/v1/cluster-counts');
    const account = await request(h.app).get('/v1/accounts/account-0').set(auth());
    expect(account.body.clusters).toHaveLength(1);
    expectDocumented(account, 'get', '/v1/accounts/{id}');
    const restored = await request(h.app).post(`/v1/clusters/${id}/restore`).set(auth()).send({ comment_id: 'cp5', version: 3 });
    expect(restored.body).toEqual({ id, status: 'confirmed', restored: 'cp5', version: 4 });
    expectDocumented(restored, 'post', '/v1/clusters/{id}/restore');
    const judged = await request(h.app).post(`/v1/clusters/${id}/member-review`).set(auth()).send({ comment_id: 'cp5', action: 'dismiss', note: 'a reader quoting the flyer', version: 4 });
    expect(judged.body).toEqual({ id, status: 'confirmed', comment_id: 'cp5', action: 'dismiss', version: 5 });
    expectDocumented(judged, 'post', '/v1/clusters/{id}/member-review');
    const discussion = await request(h.app).get('/v1/threads/budget-vote/comments?limit=2').set(auth());
    expect(discussion.body.comments).toHaveLength(2);
    expectDocumented(discussion, 'get', '/v1/threads/{id}/comments');
    expectDocumented(await request(h.app).get(`/v1/threads/budget-vote/comments?cursor=${discussion.body.next_cursor}`).set(auth()), 'get', '/v1/threads/{id}/comments');

    const network = await request(h.app).get('/v1/network').set(auth());
    expect(network.body.edges.length).toBeGreaterThan(0);
    expectDocumented(network, 'get', '/v1/network');
    expectDocumented(await request(h.app).get('/v1/network?format=graphml').set(auth()), 'get', '/v1/network');
    expectDocumented(await request(h.app).get('/v1/exports/flagged.csv').set(auth()), 'get', '/v1/exports/flagged.csv');
    expectDocumented(await request(h.app).get('/v1/reports/summary.html').set(auth()), 'get', '/v1/reports/summary.html');
  });

  test('errors: 400, 401, 404, 415 and 422 carry the documented error shape', async () => {
    const cases: [request.Test, string, string, number][] = [
      [request(h.app).get('/v1/clusters?cursor=forged').set(auth()), 'get', '/v1/clusters', 400],
      [request(h.app).get('/v1/clusters?limit=0').set(auth()), 'get', '/v1/clusters', 422],
      [request(h.app).get('/v1/cluster-counts?verdict=maybe').set(auth()), 'get', '/v1/cluster-counts', 422],
      [request(h.app).get('/v1/accounts/nobody').set(auth()), 'get', '/v1/accounts/{id}', 404],
      [request(h.app).get('/v1/comments/nope'), 'get', '/v1/comments/{id}', 401],
      [request(h.app).get('/v1/comments/nope').set(auth()), 'get', '/v1/comments/{id}', 404],
      [request(h.app).get('/v1/clusters/123456789').set(auth()), 'get', '/v1/clusters/{id}', 404],
      [request(h.app).post('/v1/clusters/1/review').set(auth()).send({ action: 'delete' }), 'post', '/v1/clusters/{id}/review', 422],
      [request(h.app).put('/v1/settings').set(auth()).set('Content-Type', 'text/plain').send('{}'), 'put', '/v1/settings', 415],
      [request(h.app).get('/v1/network?window_hours=0').set(auth()), 'get', '/v1/network', 422],
      [request(h.app).get('/v1/exports/flagged.csv?since=yesterday').set(auth()), 'get', '/v1/exports/flagged.csv', 422],
      [request(h.app).get('/v1/reports/summary.html?since=yesterday').set(auth()), 'get', '/v1/reports/summary.html', 422],
    ];
    for (const [req, method, path, status] of cases) {
      const res = await req;
      expect([method, path, res.status]).toEqual([method, path, status]);
      expectDocumented(res, method, path);
    }
  });

  test('webhooks: create, list, test, deliveries, rotate, delete', async () => {
    const created = await request(h.app).post('/v1/webhooks').set(auth()).send({ url: 'https://example.org/chorus', events: ['cluster.confirmed'] });
    expect(created.status).toBe(201);
    expectDocumented(created, 'post', '/v1/webhooks');
    const id: string = created.body.id;
    expectDocumented(await request(h.app).get('/v1/webhooks').set(auth()), 'get', '/v1/webhooks');
    expectDocumented(await request(h.app).post(`/v1/webhooks/${id}/test`).set(auth()).send({}), 'post', '/v1/webhooks/{id}/test');
    expectDocumented(await request(h.app).get(`/v1/webhooks/${id}/deliveries`).set(auth()), 'get', '/v1/webhooks/{id}/deliveries');
    expectDocumented(await request(h.app).post(`/v1/webhooks/${id}/rotate-secret`).set(auth()).send({}), 'post', '/v1/webhooks/{id}/rotate-secret');
    expectDocumented(await request(h.app).post('/v1/webhooks').set(auth()).send({ url: 'nope', events: [] }), 'post', '/v1/webhooks');
    const removed = await request(h.app).delete(`/v1/webhooks/${id}`).set(auth());
    expect(removed.status).toBe(204);
    checked.add('delete /v1/webhooks/{id} 204');
    expect(documentedMedia('delete', '/v1/webhooks/{id}', 404, 'application/json')).toBeDefined();
  });

  test('settings, health and metrics', async () => {
    const get = await request(h.app).get('/v1/settings').set(auth());
    expectDocumented(get, 'get', '/v1/settings');
    const put = await request(h.app).put('/v1/settings').set(auth()).send({ coordinated_threshold: 0.8 });
    expect(put.body.settings).toEqual({ suspect_threshold: 0.45, coordinated_threshold: 0.8, rate_limit_per_minute: null });
    expectDocumented(put, 'put', '/v1/settings');
    const empty = await request(h.app).put('/v1/settings').set(auth()).send({});
    expect(empty.status).toBe(422);
    expectDocumented(empty, 'put', '/v1/settings');
    expectDocumented(await request(h.app).get('/healthz'), 'get', '/healthz');
    expectDocumented(await request(h.app).get('/metrics'), 'get', '/metrics');
    expectDocumented(await request(h.app).get('/openapi.json'), 'get', '/openapi.json');
  });

  test('every operation had a success answer checked above', () => {
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    const succeeded = new Set([...checked].filter((c) => /\s2\d\d$/.test(c)).map((c) => c.replace(/\s\d+$/, '')));
    expect(operations.filter((op) => !succeeded.has(op))).toEqual([]);
  });
});
