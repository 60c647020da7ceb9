// Beyond one cluster: a member's whole thread, with the cluster's members marked, and the account
// network drawn by the graph library the app serves (and listed in tables). Chromium against a
// real API, detector, PostgreSQL and Redis; the dashboard's CSP stays strict throughout.
import type { Page } from 'playwright-core';
import { dashboardSuite, HOSTILE, pageWidth, screenshot, THREADS, waitForCluster, type ClusterDetail } from './dashboard-session.js';

const suite = dashboardSuite('browser-thread-network');

/** Content-Security-Policy refusals the page reports (a blocked script or style would show here). */
function recordCspRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

/** A flagged cluster with a member replying to a comment of the same thread, in a thread the publisher titled. */
async function clusterWithReplies(): Promise<ClusterDetail> {
  const flagged = await Promise.all((await suite.api.clusters('flagged')).map((c) => suite.api.cluster(c.id)));
  return flagged.find((c) => c.members.some((m) => m.parent !== null && THREADS[m.thread_id]))!;
}

test("a member's thread opens in time order, replies under the comment they answer, the cluster's members marked", async () => {
  const cluster = await clusterWithReplies();
  const reply = cluster.members.find((m) => m.parent !== null && THREADS[m.thread_id])!;
  const thread = suite.api.comments.filter((c) => c.thread_id === reply.thread_id);
  const page = await suite.open();
  const refused = recordCspRefusals(page);
  await page.goto(`${suite.api.baseUrl}/dashboard/#/clusters/${cluster.id}`);
  await page.reload();
  await waitForCluster(page, cluster.id);
  await page.getByRole('link', { name: `Read the thread ${reply.thread_id}, around ${reply.id}` }).click();
  await page.locator('#thread h2').waitFor();

  expect(await page.locator('#thread h2').textContent()).toBe(`${THREADS[reply.thread_id].title} (${reply.thread_id})`);
  expect(await page.getByRole('link', { name: 'the page' }).getAttribute('href')).toBe(THREADS[reply.thread_id].url);
  const items = page.locator('#thread li.comment');
  expect(await items.count()).toBe(thread.length);
  // The reply sits inside the comment it answers, and says whom it answers.
  const parentItem = page.locator(`#thread li[id="c-${reply.parent_id}"]`);
  expect(await parentItem.locator(`ol.replies li[id="c-${reply.id}"]`).count()).toBe(1);
  expect(await page.locator(`#thread li[id="c-${reply.id}"] > .comment-head .reply-to`).textContent()).toContain(`(${reply.parent_id})`);
  // Top-level comments in posting order.
  const tops = await page.locator('#thread ol.discussion > li.comment').evaluateAll((nodes) => nodes.map((n) => n.id.slice(2)));
  const time = new Map(thread.map((c) => [c.id, c.posted_at ?? '']));
  expect(tops.map((id) => time.get(id))).toEqual([...tops.map((id) => time.get(id))].sort());
  // Exactly the cluster's members in this thread are marked, in words as well as colour.
  const members = cluster.members.filter((m) => m.thread_id === reply.thread_id).map((m) => m.id).sort();
  const marked = await page.locator('#thread li.comment.member').evaluateAll((nodes) => nodes.map((n) => n.id.slice(2)));
  expect(marked.sort()).toEqual(members);
  expect(await page.locator(`#thread li[id="c-${reply.id}"] > .comment-head`).textContent()).toContain(`★ Cluster ${cluster.id} member`);
  expect(await page.locator('#status-line').textContent()).toBe(`Thread ${reply.thread_id}: ${thread.length} comments, ${members.length} members of cluster ${cluster.id}.`);
  await screenshot(page, 'thread-view');
  expect(refused).toEqual([]);

  await page.getByRole('link', { name: `Back to cluster ${cluster.id}` }).click();
  await waitForCluster(page, cluster.id);
});

test('the network view draws the accounts, lists them in tables, and a click on a node opens that account', async () => {
  const network = (await (await fetch(`${suite.api.baseUrl}/v1/network`, { headers: { authorization: `Bearer ${suite.api.key}` } })).json()) as {
    nodes: { id: string; comments: number }[];
    edges: { source: string; target: string }[];
  };
  expect(network.nodes.length).toBeGreaterThan(1);
  const page = await suite.open();
  const refused = recordCspRefusals(page);
  const scripts: string[] = [];
  page.on('request', (req) => { if (req.resourceType() === 'script') scripts.push(new URL(req.url()).origin); });
  await page.getByRole('link', { name: 'Network' }).click();
  await page.locator('#graph canvas').first().waitFor();
  await page.waitForTimeout(300);
  await screenshot(page, 'network-view');

  expect(await page.locator('#status-line').textContent()).toBe(`Network: ${network.nodes.length} accounts, ${network.edges.length} links.`);
  expect(await page.getByRole('img', { name: /^Graph of \d+ accounts/ }).count()).toBe(1);
  // The keyboard's way in: the same accounts and links in tables, each account a link.
  const accounts = page.getByRole('table', { name: 'Accounts in the network' });
  expect((await accounts.locator('tbody td[data-label="account"]').allTextContents()).sort()).toEqual(network.nodes.map((n) => n.id).sort());
  expect(await page.getByRole('table', { name: 'Links between accounts' }).locator('tbody tr').count()).toBe(network.edges.length);
  // Every script came from the app itself, none was refused.
  expect(new Set(scripts)).toEqual(new Set([suite.api.baseUrl]));
  expect(refused).toEqual([]);

  // The largest node, clicked where it is drawn, opens its account page.
  const target = await page.evaluate<{ id: string; x: number; y: number }>(`(() => {
    const box = document.getElementById('graph');
    const node = box.cy.nodes().max((n) => n.data('comments')).ele;
    const at = node.renderedPosition();
    const rect = box.getBoundingClientRect();
    return { id: node.id(), x: rect.left + at.x, y: rect.top + at.y };
  })()`);
  await page.mouse.click(target.x, target.y);
  await page.waitForURL(`**/dashboard/account.html?id=${encodeURIComponent(target.id)}`);
  await page.locator('#account h2').waitFor();
  expect(await page.locator('#account h2').textContent()).toContain(target.id);
});

test('the network filters are kept in the address; a window nobody shares says so', async () => {
  const page = await suite.open();
  await page.goto(`${suite.api.baseUrl}/dashboard/network.html?min_weight=99`);
  await page.locator('#status-line', { hasText: 'No linked accounts.' }).waitFor();
  expect(await page.getByRole('spinbutton', { name: /shared clusters at least/i }).inputValue()).toBe('99');
  await page.getByRole('spinbutton', { name: /shared clusters at least/i }).fill('1');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('#graph canvas').first().waitFor();
  expect(page.url()).toContain('min_weight=1');
});

test('at 360 px the thread and the network pages fit the screen', async () => {
  const cluster = await clusterWithReplies();
  const member = cluster.members.find((m) => THREADS[m.thread_id])!;
  const page = await suite.open();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${suite.api.baseUrl}/dashboard/thread.html?id=${encodeURIComponent(member.thread_id)}&cluster=${cluster.id}&comment=${encodeURIComponent(member.id)}`);
  await page.locator('#thread li.comment.member').first().waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await screenshot(page, 'thread-360');
  await page.goto(`${suite.api.baseUrl}/dashboard/network.html`);
  await page.locator('#graph canvas').first().waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  await screenshot(page, 'network-360');
});

test('hostile markup in a thread is shown as text', async () => {
  const page = await suite.open();
  await page.goto(`${suite.api.baseUrl}/dashboard/thread.html?id=hostile-markup-thread`);
  await page.locator('#thread li.comment').first().waitFor();
  expect(await page.locator('#thread li.comment .text').first().textContent()).toContain(HOSTILE);
  expect(await page.locator('#thread img').count()).toBe(0);
});
