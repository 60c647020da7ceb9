// The dashboard decides only what a moderator meant to decide, on the cluster on screen, and can
// take it back: driven in Chromium against a real API, detector, PostgreSQL and Redis.
import type { Page } from 'playwright-core';
import { blur, dashboardSuite, recordReviews, screenshot, shownCluster, waitForCluster } from './dashboard-session.js';

const suite = dashboardSuite('browser-review');

/** Enough time for a keypress's request, if any, to reach the API and the list to reload. */
const settle = (p: Page) => p.waitForTimeout(700);

test('Ctrl+C (and Meta/Alt) with a comment selected decides nothing', async () => {
  const page = await suite.open();
  const reviews = recordReviews(page);
  const shown = await shownCluster(page);
  await page.locator('#detail td.text').first().click({ clickCount: 3 });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Meta+c');
  await page.keyboard.press('Alt+d');
  await settle(page);
  expect(reviews).toEqual([]);
  expect((await suite.api.cluster(shown)).status).toBe('flagged');
  expect(await shownCluster(page)).toBe(shown);
});

test('typing d or c in a form control decides nothing', async () => {
  const page = await suite.open();
  const reviews = recordReviews(page);
  await page.getByText('Filter and sort').click();
  await page.focus('#queue-filters select[name=verdict]');
  await page.keyboard.press('d');
  await page.keyboard.press('c');
  await page.focus('#key');
  await page.keyboard.type('dc');
  await settle(page);
  expect(reviews).toEqual([]);
  expect(await suite.api.clusters('dismissed')).toEqual([]);
  expect(await suite.api.clusters('confirmed')).toEqual([]);
});

test('a held key (auto-repeat) logs one decision', async () => {
  const page = await suite.open();
  const reviews = recordReviews(page);
  const shown = await shownCluster(page);
  // playwright sends repeat: true for a key pressed again before it is released.
  for (let i = 0; i < 4; i++) await page.keyboard.down('d');
  await page.keyboard.up('d');
  await settle(page);
  expect(reviews).toEqual([{ id: shown, action: 'dismiss' }]);
  expect((await suite.api.clusters('dismissed')).map((c) => c.id)).toEqual([shown]);
});

test('c twice within 120 ms confirms one cluster', async () => {
  const page = await suite.open();
  const reviews = recordReviews(page);
  const shown = await shownCluster(page);
  await page.keyboard.press('c');
  await page.waitForTimeout(60);
  await page.keyboard.press('c');
  await settle(page);
  expect(reviews).toEqual([{ id: shown, action: 'confirm' }]);
  expect((await suite.api.clusters('confirmed')).map((c) => c.id)).toEqual([shown]);
});

test('every decision offers Undo, which reopens the cluster and shows it again', async () => {
  const page = await suite.open();
  const reviews = recordReviews(page);
  const shown = await shownCluster(page);
  await page.keyboard.press('c');
  const undo = page.getByRole('button', { name: /undo/i });
  await undo.waitFor({ state: 'visible', timeout: 3000 });
  expect(await page.locator('#undo-bar').textContent()).toContain(`Confirmed cluster ${shown}`);
  await screenshot(page, 'undo-offered');
  expect((await suite.api.cluster(shown)).status).toBe('confirmed');
  await undo.click();
  await waitForCluster(page, shown);
  expect(reviews).toEqual([{ id: shown, action: 'confirm' }, { id: shown, action: 'reopen' }]);
  const after = await suite.api.cluster(shown);
  expect(after.status).toBe('flagged');
  expect(after.history.map((h) => h.action)).toEqual(expect.arrayContaining(['confirm', 'reopen']));
  await expect(undo.isVisible()).resolves.toBe(false);
});

test('after a failed load, c does nothing to the old cluster and the error is on screen', async () => {
  const page = await suite.open();
  const reviews = recordReviews(page);
  const flagged = (await suite.api.clusters('flagged')).map((c) => c.id);
  const first = await shownCluster(page);
  const next = flagged[flagged.indexOf(first) + 1];
  // The API is unreachable for the next cluster's detail, as when the server is down.
  let refused!: () => void;
  const loadRefused = new Promise<void>((resolve) => (refused = resolve));
  await page.route(`**/v1/clusters/${next}`, async (route) => {
    await route.abort('connectionrefused');
    refused();
  });
  await page.keyboard.press('j');
  await loadRefused;
  await settle(page);
  await screenshot(page, 'failed-load');
  await page.unroute(`**/v1/clusters/${next}`);
  await page.keyboard.press('c');
  await page.keyboard.press('d');
  await settle(page);
  expect(reviews).toEqual([]);
  expect((await suite.api.cluster(first)).status).toBe('flagged');
  expect((await suite.api.cluster(next)).status).toBe('flagged');
  expect(await page.locator('#detail [role=alert]').isVisible()).toBe(true);
  expect(await page.locator('#detail').textContent()).not.toContain(`Cluster ${first}:`);
});

test('a failed Confirm click shows an error and leaves the cluster as it was', async () => {
  const k = await suite.api.newKey();
  const page = await suite.open(k.key);
  const shown = await shownCluster(page);
  await suite.api.revoke(k.prefix);
  await page.getByRole('button', { name: /^confirm/i }).click();
  const alert = page.locator('#detail [role=alert], #error:not([hidden])');
  await alert.first().waitFor({ state: 'visible', timeout: 3000 });
  expect(await alert.first().textContent()).toMatch(/confirm|key|401|unauthori/i);
  await screenshot(page, 'failed-confirm');
  expect((await suite.api.cluster(shown)).status).toBe('flagged');
});

test('? lists the keys; shortcuts can be turned off and stay off after a reload', async () => {
  const page = await suite.open();
  const reviews = recordReviews(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: /keyboard shortcuts/i });
  await help.waitFor({ state: 'visible', timeout: 2000 });
  const text = (await help.textContent()) ?? '';
  for (const key of ['j', 'k', 'c', 'd', 'u', '?']) expect(text).toContain(key);
  await screenshot(page, 'help-overlay');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden', timeout: 2000 });

  await page.getByRole('checkbox', { name: /shortcuts/i }).uncheck();
  await blur(page);
  await page.keyboard.press('c');
  await settle(page);
  expect(reviews).toEqual([]);
  await page.reload();
  await page.waitForSelector('#detail h2');
  expect(await page.getByRole('checkbox', { name: /shortcuts/i }).isChecked()).toBe(false);
  await page.keyboard.press('c');
  await settle(page);
  expect(reviews).toEqual([]);
});

test('a request in flight shows a loading state', async () => {
  const page = await suite.open();
  await page.route('**/v1/clusters/*', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.keyboard.press('j');
  await page.locator('#detail[aria-busy=true]').waitFor({ state: 'attached', timeout: 500 });
  expect(await page.locator('#status-line').textContent()).toMatch(/loading/i);
  await page.unroute('**/v1/clusters/*');
});
