// Regressions for issue 16's hostile input: each case here answered 500, altered what was sent, or
// held a connection for minutes. Against the real app, PostgreSQL and Redis, over a real server.
import { deflateSync, gzipSync } from 'node:zlib';
import { createHarness, type Harness } from '../support/harness.js';
import { listenApi, rawExchange, rawJsonBody, send, type ListeningApi, type RawResponse } from './api-hostile-http.js';

let h: Harness;
let key: string;
let api: ListeningApi;
let port: number;
let agent: ListeningApi['agent'];

beforeAll(async () => {
  h = await createHarness('api-hostile', { semantic: false });
  key = (await h.tenant('gazette')).key;
  api = await listenApi(h, { keyCacheMs: 0, bodyIdleTimeoutMs: 400, timeouts: { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000 }, maxSockets: 8 });
  ({ port, agent } = api);
});
afterAll(async () => {
  await api.close();
  await h.close();
});

const auth = () => ({ Authorization: `Bearer ${key}` });
const json = (body: unknown) => ({ headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const post = (path: string, body: unknown) => send(port, agent, { method: 'POST', path, ...json(body) });
const put = (path: string, body: unknown) => send(port, agent, { method: 'PUT', path, ...json(body) });
const get = (path: string) => send(port, agent, { method: 'GET', path, headers: auth() });
const comment = (over: Record<string, unknown> = {}) => ({ id: 'h1', thread_id: 't1', text: 'The council vote was rushed.', ...over });
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A client error in the documented shape, naming `field`. */
function expectClientError(res: RawResponse, status: number, field: string): void {
  expect({ status: res.status, field: (res.json as { error?: { field?: unknown } })?.error?.field }).toEqual({ status, field });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const error = (res.json as { error: Record<string, unknown> }).error;
  expect(typeof error.code).toBe('string');
  expect(typeof error.message).toBe('string');
}

describe('the seven causes of 500 are client errors naming the field', () => {
  test.each(['+99:99', '-24:00', '+23:60'])('posted_at offset %s: 422 alone and in an atomic batch, nothing stored', async (offset) => {
    const postedAt = `2024-01-01T00:00:00${offset}`;
    expectClientError(await post('/v1/comments', comment({ id: `o${offset}`, posted_at: postedAt })), 422, 'posted_at');
    const batch = { comments: [comment({ id: `ok${offset}` }), comment({ id: `b${offset}`, posted_at: postedAt })] };
    expectClientError(await post('/v1/comments?atomic=true', batch), 422, 'comments[1].posted_at');
    expect((await get(`/v1/comments/${encodeURIComponent(`ok${offset}`)}`)).status).toBe(404);
  });

  test.each(['/v1/network', '/v1/exports/flagged.csv', '/v1/reports/summary.html'])('since with an impossible offset on %s: 422', async (route) => {
    for (const offset of ['+99:99', '-24:00', '+23:60']) {
      expectClientError(await get(`${route}?since=${encodeURIComponent(`2024-01-01T00:00:00${offset}`)}`), 422, 'since');
    }
  });

  test.each(['%00', 'a%00b'])('NUL in a comment id in the path (/v1/comments/%s): 404', async (id) => {
    expectClientError(await get(`/v1/comments/${id}`), 404, 'id');
  });

  test('NUL in a review note: 422 naming note', async () => {
    expectClientError(await post('/v1/clusters/14/review', { action: 'reopen', note: 'a\u0000b' }), 422, 'note');
  });

  const malformed = ['%', '%zz', '%ff', '%C0%AF', '%ED%A0%80'];
  test.each(malformed)('malformed percent-encoding %s in path ids: 400 naming id', async (id) => {
    expectClientError(await get(`/v1/comments/${id}`), 400, 'id');
    expectClientError(await get(`/v1/comments/x${id}y`), 400, 'id');
    expectClientError(await get(`/v1/clusters/${id}`), 400, 'id');
    expectClientError(await post(`/v1/clusters/${id}/review`, { action: 'confirm' }), 400, 'id');
  });

  test.each([
    ['gzip, not compressed', 'gzip', Buffer.from(JSON.stringify(comment({ id: 'z1' })))],
    ['deflate, not compressed', 'deflate', Buffer.from(JSON.stringify(comment({ id: 'z2' })))],
    ['gzip, cut short', 'gzip', gzipSync(JSON.stringify(comment({ id: 'z3' }))).subarray(0, 20)],
    ['deflate, cut short', 'deflate', deflateSync(JSON.stringify(comment({ id: 'z4' }))).subarray(0, 10)],
  ])('content-encoding %s: 400 naming content-encoding', async (_name, encoding, body) => {
    const res = await send(port, agent, { method: 'POST', path: '/v1/comments', headers: { ...auth(), 'Content-Type': 'application/json', 'Content-Encoding': encoding }, body });
    expectClientError(res, 400, 'content-encoding');
  });

  test('a body that really is gzip is accepted', async () => {
    const body = gzipSync(JSON.stringify(comment({ id: 'gz-ok' })));
    const res = await send(port, agent, { method: 'POST', path: '/v1/comments', headers: { ...auth(), 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body });
    expect(res.status).toBe(202);
  });

  test.each([
    ['id past bigint', { score: 0, id: '9223372036854775808' }],
    ['score past real', { score: 1e308, id: '1' }],
    ['negative score', { score: -1, id: '1' }],
    ['score below the smallest real', { score: 5e-324, id: '0' }],
    ['id of 25 digits', { score: 0.5, id: '1'.repeat(25) }],
  ])('cursor decoding to an out-of-range value (%s): 400 naming cursor', async (_name, value) => {
    expectClientError(await get(`/v1/clusters?cursor=${cursor(value)}`), 400, 'cursor');
  });

  test('a cluster id that is no bigint (too large, NUL, not digits) is a 404, not a 500', async () => {
    expectClientError(await get('/v1/clusters/9223372036854775808'), 404, 'id');
    expectClientError(await get('/v1/clusters/%00'), 404, 'id');
    expectClientError(await get('/v1/clusters/1x'), 404, 'id');
    expectClientError(await post('/v1/clusters/99999999999999999999/review', { action: 'confirm' }), 404, 'id');
  });
});

describe('posted_at is limited to years 1970..9999 (UTC, after the offset)', () => {
  test.each([
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['year 10000 after the offset', '9999-12-31T23:59:59-23:59'],
    ['before 1970', '1969-12-31T23:59:59Z'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['30 February', '2024-02-30T00:00:00Z'],
  ])('%s: 422 naming posted_at', async (_name, postedAt) => {
    expectClientError(await post('/v1/comments', comment({ id: `y-${postedAt}`, posted_at: postedAt })), 422, 'posted_at');
  });

  test.each([
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
    ['2024-01-01T00:00:00+01', '2023-12-31T23:00:00.000Z'],
    ['2024-01-01T00:00:00-0130', '2024-01-01T01:30:00.000Z'],
    ['2024-01-01T00:00:00.123456+23:59', '2023-12-31T00:01:00.123Z'],
  ])('%s is accepted and reads back as %s', async (postedAt, utc) => {
    const id = `ok-${postedAt}`;
    expect((await post('/v1/comments', comment({ id, posted_at: postedAt }))).status).toBe(202);
    const back = await get(`/v1/comments/${encodeURIComponent(id)}`);
    expect(back.json).toMatchObject({ id, posted_at: utc });
  });
});

describe('what the client sent is stored exactly, or refused', () => {
  test('ids are not trimmed: the id as sent reads back', async () => {
    const id = '  trim-1 ';
    const res = await post('/v1/comments', comment({ id, thread_id: ' t ' }));
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ id });
    const back = await get(`/v1/comments/${encodeURIComponent(id)}`);
    expect(back.json).toMatchObject({ id, thread_id: ' t ' });
    expect((await get('/v1/comments/trim-1')).status).toBe(404);
  });

  test.each([
    ['tab in id', { id: '  trim-2\t' }, 'id'],
    ['newline in thread_id', { thread_id: 't\n1' }, 'thread_id'],
    ['NUL in author_id', { author_id: 'a\u0000' }, 'author_id'],
    ['C1 control in parent_id', { parent_id: 'p\u0085' }, 'parent_id'],
    ['lone high surrogate in text', { text: 'hello \ud800 world' }, 'text'],
    ['lone low surrogate in id', { id: 'x\udc00' }, 'id'],
    ['reversed pair in author_name', { author_name: 'n\udc00\ud800' }, 'author_name'],
    ['lone surrogate in thread_id', { thread_id: '\udbff' }, 'thread_id'],
  ])('%s: 422 naming the field', async (_name, over, field) => {
    expectClientError(await post('/v1/comments', comment({ id: 'refused', ...over })), 422, field);
  });

  test('a lone surrogate in a batch is named by its position', async () => {
    expectClientError(await post('/v1/comments?atomic=true', { comments: [comment({ id: 's1' }), comment({ id: 's2', text: 'a\ud83d' })] }), 422, 'comments[1].text');
    const forgiving = await post('/v1/comments', { comments: [comment({ id: 's3' }), comment({ id: 's4', text: 'a\ud83d' })] });
    expect((forgiving.json as { comments: { error?: { field: string } }[] }).comments[1].error?.field).toBe('comments[1].text');
  });

  test('a lone surrogate in a review note: 422 naming note', async () => {
    expectClientError(await post('/v1/clusters/1/review', { action: 'dismiss', note: '\udfff' }), 422, 'note');
  });

  test('a paired surrogate (emoji) is stored and read back byte-exact, with the text', async () => {
    const text = 'Vote 🗳️ now\r\n  with spaces  ';
    expect((await post('/v1/comments', comment({ id: 'emoji-😀', text, author_name: ' Ann 👩‍💻 ' }))).status).toBe(202);
    const back = await get(`/v1/comments/${encodeURIComponent('emoji-😀')}`);
    expect(back.json).toMatchObject({ id: 'emoji-😀', text, author_name: ' Ann 👩‍💻 ' });
  });

  test('a body that is not UTF-8 is a 400, not silently replaced', async () => {
    const body = Buffer.concat([Buffer.from('{"id":"u1","thread_id":"t","text":"bad '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    expectClientError(await send(port, agent, { method: 'POST', path: '/v1/comments', headers: { ...auth(), 'Content-Type': 'application/json' }, body }), 400, 'body');
    expect((await get('/v1/comments/u1')).status).toBe(404);
  });

  test('a JSON body declared in another charset: 415 naming content-type', async () => {
    const res = await send(port, agent, { method: 'POST', path: '/v1/comments', headers: { ...auth(), 'Content-Type': 'application/json; charset=utf-16le' }, body: Buffer.from(JSON.stringify(comment({ id: 'u16' })), 'utf16le') });
    expectClientError(res, 415, 'content-type');
  });
});

describe('slow and oversized requests end at once', () => {
  test('Content-Length over the limit with no body: 413 at once, connection closed', async () => {
    const head = `POST /v1/comments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 13000000\r\n\r\n`;
    const res = await rawExchange(port, head, 3000);
    expect(res.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(rawJsonBody(res.text)).toMatchObject({ error: { code: 'body_too_large', field: 'body' } });
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(1000);
  });

  test('a body that stalls is answered 408 within the idle timeout, connection closed', async () => {
    const head = `POST /v1/comments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":`;
    const res = await rawExchange(port, head, 5000);
    expect(res.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(rawJsonBody(res.text)).toMatchObject({ error: { code: 'body_timeout', field: 'body' } });
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(2000);
  });

  test('headers that never finish: 408 in the documented shape within the headers timeout', async () => {
    const res = await rawExchange(port, 'GET /v1/settings HTTP/1.1\r\nHost: x\r\n', 6000);
    expect(res.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(rawJsonBody(res.text)).toMatchObject({ error: { code: 'request_timeout' } });
    expect(res.ms).toBeLessThan(4000);
  });

  test('a malformed request line gets a JSON 400', async () => {
    const res = await rawExchange(port, 'GET /v1 /x HTTP/1.1\r\nHost: x\r\n\r\n', 3000);
    expect(res.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(rawJsonBody(res.text)).toMatchObject({ error: { code: 'malformed_request' } });
  });
});

describe('PUT /v1/settings', () => {
  test('an empty body is a 422, and the settings are unchanged', async () => {
    expect((await put('/v1/settings', { suspect_threshold: 0.5 })).status).toBe(200);
    expectClientError(await put('/v1/settings', {}), 422, 'body');
    expect((await get('/v1/settings')).json).toMatchObject({ settings: { suspect_threshold: 0.5, coordinated_threshold: 0.7 } });
  });

  test('an unknown key is named', async () => {
    expectClientError(await put('/v1/settings', { suspect_threshold: 0.4, bogus_key: 1 }), 422, 'bogus_key');
  });

  test('coordinated_threshold alone below the default suspect threshold names coordinated_threshold', async () => {
    expectClientError(await put('/v1/settings', { coordinated_threshold: 0.3 }), 422, 'coordinated_threshold');
  });

  test('suspect_threshold alone above the default coordinated threshold names suspect_threshold', async () => {
    expectClientError(await put('/v1/settings', { suspect_threshold: 0.9 }), 422, 'suspect_threshold');
  });

  test('omitted fields take their defaults', async () => {
    const res = await put('/v1/settings', { coordinated_threshold: 0.8 });
    expect(res.json).toMatchObject({ settings: { suspect_threshold: 0.45, coordinated_threshold: 0.8 } });
  });
});

describe('every answer carries X-Content-Type-Options: nosniff', () => {
  test.each([
    ['GET', '/healthz', false],
    ['GET', '/metrics', false],
    ['GET', '/dashboard/', false],
    ['GET', '/v1/settings', true],
    ['GET', '/v1/settings', false],
    ['GET', '/v1/nowhere', true],
    ['GET', '/v1/comments/%zz', true],
  ])('%s %s (key: %s)', async (method, path, withKey) => {
    const res = await send(port, agent, { method, path, headers: withKey ? auth() : {} });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test('an unknown route names the path', async () => {
    expectClientError(await get('/v1/nowhere'), 404, 'path');
  });
});
