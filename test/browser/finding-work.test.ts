// Finding work, as a moderator does it: counts per queue, filters and sort kept in the address
// across reloads, deep links, paging to the end, "N new clusters" without a reload, and an
// account's page. Chromium against a real API, detector, PostgreSQL and Redis.
import type { Page } from 'playwright-core';
import { dashboardSuite, HOSTILE, screenshot, shownCluster, waitForCluster } from './dashboard-session.js';
import { waitFor } from '../support/services.js';

const suite = dashboardSuite('browser-finding-work');

/** The flagged cluster of the four accounts posting hostile markup (mallory, trudy, eve, oscar). */
async function hostileCluster(): Promise<string> {
  for (const c of await suite.api.clusters('flagged')) {
    if ((await suite.api.cluster(c.id)).members.some((m) => m.id === 'hx-01')) return c.id;
  }
  throw new Error('no hostile cluster');
}

const listIds = async (page: Page) => (await page.locator('#list .item').evaluateAll((items) => items.map((a) => a.getAttribute('href') ?? ''))).map((href) => /clusters\/(\d+)/.exec(href)![1]);

test('each queue shows its count; a filter by account narrows the list, and filter and selection survive a reload', async () => {
  const flagged = await suite.api.clusters('flagged');
  const page = await suite.open();
  await page.locator('#queue-counts button', { hasText: `Flagged ${flagged.length}` }).waitFor();
  expect(await page.locator('#queue-counts').textContent()).toMatch(new RegExp(`Flagged ${flagged.length}.*Confirmed 0.*Dismissed 0`));
  expect(await page.locator('#list .item').count()).toBe(flagged.length);

  const target = await hostileCluster();
  await page.getByText('Filter and sort').click();
  await page.getByRole('textbox', { name: 'Account' }).fill('mallory');
  await page.getByRole('button', { name: 'Apply' }).click();
  await waitForCluster(page, target);
  await page.locator('#queue-counts button', { hasText: 'Flagged 1' }).waitFor();
  expect(await listIds(page)).toEqual([target]);
  expect(page.url()).toContain(`#/clusters/${target}?`);
  expect(page.url()).toContain('account=mallory');
  await screenshot(page, 'queue-filtered');

  await page.reload();
  await waitForCluster(page, target);
  expect(await page.getByRole('textbox', { name: 'Account' }).inputValue()).toBe('mallory');
  expect(await listIds(page)).toEqual([target]);
  expect(await page.locator('#filter-summary').textContent()).toBe('(account mallory)');

  // A thread no cluster has: the list says nothing matches; Clear brings the whole queue back.
  await page.getByRole('textbox', { name: 'Thread' }).fill('no-such-thread');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('#status-line', { hasText: 'No clusters in this queue match the filters.' }).waitFor();
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.locator('#queue-counts button', { hasText: `Flagged ${flagged.length}` }).waitFor();
  await page.locator('#list .item').nth(flagged.length - 1).waitFor();
  expect(page.url()).not.toContain('mallory');
});

test('a decision moves a cluster between the counted queues; the Confirmed queue lists it', async () => {
  const flagged = await suite.api.clusters('flagged');
  const page = await suite.open();
  const shown = await shownCluster(page);
  await page.getByRole('button', { name: /^confirm/i }).click();
  await page.locator('#queue-counts button', { hasText: 'Confirmed 1' }).waitFor();
  expect(await page.locator('#queue-counts').textContent()).toContain(`Flagged ${flagged.length - 1}`);
  await page.locator('#queue-counts button', { hasText: 'Confirmed 1' }).click();
  await waitForCluster(page, shown);
  expect(await listIds(page)).toEqual([shown]);
  expect(page.url()).toContain('status=confirmed');
});

test('a deep link opens that cluster, and a sort in the address orders the list', async () => {
  const flagged = await suite.api.clusters('flagged');
  const last = flagged[flagged.length - 1].id;
  const page = await suite.open();
  await page.goto(`${suite.api.baseUrl}/dashboard/#/clusters/${last}`);
  await page.reload();
  await waitForCluster(page, last);
  expect(await page.locator('#list [aria-current="true"]').getAttribute('href')).toContain(`clusters/${last}`);

  await page.goto(`${suite.api.baseUrl}/dashboard/#/?status=flagged&sort=newest`);
  await page.reload();
  await page.locator('#detail h2').waitFor();
  const newest = [...flagged].map((c) => c.id).sort((a, b) => Number(b) - Number(a));
  await waitFor(async () => (await listIds(page)).length === newest.length, 5000, 'the list');
  expect(await listIds(page)).toEqual(newest);
  expect(await page.getByRole('combobox', { name: 'Sort' }).inputValue()).toBe('newest');
});

test('the list pages to the end with Load more; a failed page says so and Retry loads it', async () => {
  const flagged = await suite.api.clusters('flagged');
  expect(flagged.length).toBeGreaterThanOrEqual(4);
  const page = await suite.open();
  // Pages of two, so a few clusters make several pages.
  let failNext = false;
  await page.route(/\/v1\/clusters\?/, async (route) => {
    const url = new URL(route.request().url());
    if (failNext && url.searchParams.has('cursor')) {
      failNext = false;
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'the database is unreachable', field: null } }) });
      return;
    }
    if (url.searchParams.get('limit') === '50') url.searchParams.set('limit', '2');
    await route.continue({ url: url.toString() });
  });
  await page.keyboard.press('r');
  await page.locator('#list .item').nth(1).waitFor();
  await page.locator('#list .list-footer', { hasText: `Showing 2 of ${flagged.length}.` }).waitFor();
  failNext = true;
  await page.getByRole('button', { name: /load .* more/i }).click();
  const failure = page.locator('#list .load-error');
  await failure.waitFor();
  expect(await failure.textContent()).toContain('Could not load more clusters: the database is unreachable (HTTP 503)');
  await screenshot(page, 'load-more-failed');
  await failure.getByRole('button', { name: 'Retry' }).click();
  await page.locator('#list .item').nth(3).waitFor();
  while (await page.getByRole('button', { name: /load .* more/i }).isVisible()) {
    await page.getByRole('button', { name: /load .* more/i }).click();
    await page.waitForTimeout(150);
  }
  await page.locator('#list .list-footer', { hasText: 'End of the list.' }).waitFor();
  expect(await listIds(page)).toEqual(flagged.map((c) => c.id));
  await screenshot(page, 'list-to-the-end');
});

test('every request shows a loading state, and a failed one an error with Retry', async () => {
  const page = await suite.open();
  let hold = true;
  await page.route(/\/v1\/cluster-counts/, async (route) => {
    while (hold) await new Promise((r) => setTimeout(r, 50));
    await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'the database is unreachable', field: null } }) });
  });
  await page.getByText('Filter and sort').click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('#busy').waitFor({ state: 'visible' });
  expect(await page.locator('#busy').textContent()).toBe('Loading…');
  expect(await page.locator('#status-line').textContent()).toBe('Loading clusters…');
  await screenshot(page, 'loading');
  hold = false;
  const failure = page.locator('#detail .load-error');
  await failure.waitFor();
  expect(await failure.textContent()).toContain('Could not load the clusters: the database is unreachable (HTTP 503)');
  expect(await page.locator('#busy').isVisible()).toBe(false);
  await page.unroute(/\/v1\/cluster-counts/);
  await failure.getByRole('button', { name: 'Retry' }).click();
  await page.locator('#detail h2').waitFor();

  // A click on Confirm: the buttons wait, "Loading…" shows, then the refusal is said beside them.
  await page.route(/\/review$/, async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'the database is unreachable', field: null } }) });
  });
  await page.getByRole('button', { name: /^confirm/i }).click();
  await page.locator('#busy').waitFor({ state: 'visible' });
  expect(await page.getByRole('button', { name: /^confirm/i }).isDisabled()).toBe(true);
  const refusal = page.locator('#detail .action-error');
  await refusal.waitFor({ state: 'visible' });
  expect(await refusal.textContent()).toContain('the database is unreachable (HTTP 503)');
  expect(await page.getByRole('button', { name: /^confirm/i }).isDisabled()).toBe(false);
});

test("a member's author opens the account page: comments, clusters, first and last seen, accounts in the same clusters", async () => {
  const target = await hostileCluster();
  const dialogs: string[] = [];
  const page = await suite.open();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${suite.api.baseUrl}/dashboard/#/clusters/${target}`);
  await page.reload();
  await waitForCluster(page, target);
  await page.locator('#detail tbody tr', { hasText: 'hx-01' }).getByRole('link', { name: 'mallory' }).click();
  await page.getByRole('heading', { name: 'Account mallory' }).waitFor();
  const facts = await page.locator('.facts').textContent();
  expect(facts).toContain('Comments1');
  expect(facts).toContain('In flagged clusters1');
  expect(facts).toContain('First seen2024-10-01 10:00 UTC');
  expect(facts).toContain('Last seen2024-10-01 10:00 UTC');
  expect(await page.locator('.account-comments td.text').textContent()).toContain(HOSTILE);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(await page.locator('.co-accounts li').allTextContents()).toEqual(['eve — 1 shared cluster, 1 comment in them', 'oscar — 1 shared cluster, 1 comment in them', 'trudy — 1 shared cluster, 1 comment in them']);
  await screenshot(page, 'account-page');

  await page.getByRole('link', { name: 'trudy' }).click();
  await page.getByRole('heading', { name: 'Account trudy' }).waitFor();
  await page.locator('.account-clusters').getByRole('link', { name: `Cluster ${target}` }).click();
  await waitForCluster(page, target);

  // From an account to the queue filtered by it.
  await page.goto(`${suite.api.baseUrl}/dashboard/account.html?id=eve`);
  await page.getByRole('link', { name: 'Its clusters in the review queue' }).click();
  await waitForCluster(page, target);
  expect(await listIds(page)).toEqual([target]);
  expect(await page.locator('#filter-summary').textContent()).toBe('(account eve)');

  // An account that does not exist: the page says so, with a Retry.
  await page.goto(`${suite.api.baseUrl}/dashboard/account.html?id=nobody`);
  const failure = page.locator('#account .load-error');
  await failure.waitFor();
  expect(await failure.textContent()).toContain('Could not load account nobody: account not found (HTTP 404)');
});

test('at 360 px the queue with its filters and the account page fit the screen', async () => {
  const page = await suite.open();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByText('Filter and sort').click();
  await page.waitForTimeout(200);
  await screenshot(page, 'queue-360');
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  const apply = await page.getByRole('button', { name: 'Apply' }).boundingBox();
  expect(apply!.x + apply!.width).toBeLessThanOrEqual(360);
  await page.getByText('Filter and sort').click();
  const confirm = await page.getByRole('button', { name: /^confirm/i }).boundingBox();
  expect(confirm!.x + confirm!.width).toBeLessThanOrEqual(360);

  await page.goto(`${suite.api.baseUrl}/dashboard/account.html?id=mallory`);
  await page.getByRole('heading', { name: 'Account mallory' }).waitFor();
  await screenshot(page, 'account-360');
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
});

// Last in the file: it adds a cluster.
test('a campaign scored while the queue is open shows "1 new cluster" without a reload; a click lists it', async () => {
  const flagged = await suite.api.clusters('flagged');
  const page = await suite.open();
  const shown = await shownCluster(page);
  await page.evaluate("document.body.dataset.sameLoad = 'yes'");
  const text = 'The new ferry timetable is a scandal, tell the harbour board to scrap it before the vote on Monday night.';
  const comments = ['ava', 'ben', 'cal', 'dot'].map((author, i) => ({ id: `nf-${i}`, thread_id: 'ferry-timetable', author_id: author, posted_at: `2024-11-02T09:0${i}:00Z`, text }));
  const sent = await fetch(`${suite.api.baseUrl}/v1/comments`, { method: 'POST', headers: { authorization: `Bearer ${suite.api.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ comments }) });
  expect(sent.status).toBe(202);
  await waitFor(async () => (await suite.api.clusters('flagged')).length === flagged.length + 1, 30_000, 'the new campaign flagged');
  const indicator = page.locator('#new-clusters');
  await indicator.waitFor({ state: 'visible', timeout: 25_000 });
  expect(await indicator.textContent()).toBe('1 new cluster in this queue: show them');
  expect(await page.evaluate<string>('document.body.dataset.sameLoad')).toBe('yes');
  expect(await page.locator('#list .item').count()).toBe(flagged.length);
  await screenshot(page, 'new-clusters');
  await indicator.click();
  await page.locator('#list .item').nth(flagged.length).waitFor();
  await page.locator('#queue-counts button', { hasText: `Flagged ${flagged.length + 1}` }).waitFor();
  expect(await indicator.isVisible()).toBe(false);
  expect(await shownCluster(page)).toBe(shown);
}, 60_000);
