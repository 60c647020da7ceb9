// GET /v1/reports/summary.html against real PostgreSQL, Redis and a detector: the tenant's own
// figures, hostile text inert, other tenants invisible, `since` honoured.
import request from 'supertest';
import { campaign } from '../support/campaign.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

let h: Harness;
let key: string;
let otherKey: string;

const gazette = [
  ...campaign.map((c) => ({ ...c, thread_title: 'Council budget vote' })),
  ...['mallory', 'trudy', 'eve', 'oscar'].map((author, i) => ({
    id: `hx-${i}`,
    thread_id: 'harbour-tunnel',
    author_id: author,
    posted_at: `2024-05-02T10:0${i}:00Z`,
    text: `${HOSTILE} Vote NO on measure 12, the council is hiding the real cost of the harbour tunnel from every taxpayer in town.`,
  })),
  { id: 'o1', thread_id: 'budget-vote', author_id: 'reader', posted_at: '2024-05-01T13:00:00Z', text: 'Has anyone read the actual line items? The library repairs look overdue to me.' },
  { id: 'o2', thread_id: 'harbour-tunnel', author_id: 'walker', posted_at: '2024-05-02T11:00:00Z', text: 'I walk through the old tunnel daily and the damp is getting worse every winter.' },
];
const herald = Array.from({ length: 5 }, (_, i) => ({
  id: `hd${i}`,
  thread_id: 'herald-only-thread',
  author_id: `herald-account-${i}`,
  posted_at: `2024-05-03T08:0${i}:00Z`,
  text: 'Herald readers: the mayor must resign today, sign the petition and tell everyone you know before the vote!',
}));

async function ingest(k: string, comments: object[]) {
  expect((await request(h.app).post('/v1/comments').set('Authorization', `Bearer ${k}`).send({ comments })).status).toBe(202);
}

const report = (query = '', k = key) => request(h.app).get(`/v1/reports/summary.html${query}`).set('Authorization', `Bearer ${k}`);
const figure = (html: string, name: string) => Number(new RegExp(`id="figure-${name}"><div class="value">([\\d,]+)<`).exec(html)?.[1].replace(/,/g, ''));

beforeAll(async () => {
  h = await createHarness('summary-report', { semantic: false });
  key = (await h.tenant('gazette')).key;
  otherKey = (await h.tenant('herald')).key;
  h.startWorker();
  await ingest(key, gazette);
  await ingest(otherKey, herald);
  await waitFor(async () => {
    const res = await request(h.app).get('/v1/clusters?status=flagged').set('Authorization', `Bearer ${key}`);
    return res.body.clusters?.length === 2 && res.body.clusters.every((c: { size: number }) => c.size >= 4);
  }, 30_000, 'two flagged clusters');
}, 90_000);
afterAll(async () => h.close());

test("the tenant's report is one HTML attachment whose CSP lets only its own scripts run", async () => {
  const res = await report();
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.headers['content-disposition']).toBe('attachment; filename="chorus-summary.html"');
  const csp = res.headers['content-security-policy'];
  expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'sha256-[^']+';/);
  expect(res.text).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  expect(res.text).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
});

test('headline figures, top clusters, network and thread takeover are the tenant’s own', async () => {
  const html = (await report()).text;
  expect(figure(html, 'comments')).toBe(gazette.length);
  expect(figure(html, 'flagged')).toBe(10);
  expect(figure(html, 'clusters')).toBe(2);
  expect(figure(html, 'accounts')).toBe(10);
  expect(html).toContain('of 12 accounts that commented');
  // Each flagged cluster is shown with its reasons and members; ten accounts are drawn.
  expect((html.match(/<article class="cluster /g) ?? []).length).toBe(2);
  expect(html).toContain('Account 3 (account-3)');
  expect((html.match(/<circle /g) ?? []).length).toBe(10);
  // The budget thread: 6 of its 7 comments are the campaign; the thread is named by its title.
  expect(html).toMatch(/<tr><td>Council budget vote<\/td><td>7<\/td><td>6<\/td><td>85\.7%<\/td>/);
  expect(html).not.toMatch(/herald/i);
});

test('hostile comment text arrives escaped', async () => {
  const html = (await report()).text;
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Vote NO on measure 12');
  expect(html).not.toContain(HOSTILE);
});

test('since: only what came after; a bad since is a 422 naming the field; no key is a 401', async () => {
  const later = (await report('?since=2999-01-01T00:00:00Z')).text;
  expect([figure(later, 'comments'), figure(later, 'flagged'), figure(later, 'clusters')]).toEqual([0, 0, 0]);
  expect(later).toContain('No cluster was flagged.');
  const bad = await report('?since=yesterday');
  expect([bad.status, bad.body.error.field]).toEqual([422, 'since']);
  expect((await request(h.app).get('/v1/reports/summary.html')).status).toBe(401);
});

test('another tenant sees only its own cluster', async () => {
  await waitFor(async () => figure((await report('', otherKey)).text, 'flagged') === 5, 30_000, "herald's cluster flagged");
  const html = (await report('', otherKey)).text;
  expect(figure(html, 'comments')).toBe(5);
  expect(html).not.toContain('budget');
  expect(html).not.toContain('harbour');
});
