// What a moderator sees: a phone-width page that fits, a selection that stays in view, and hostile
// comment text shown as text under the strict CSP. Chromium against a real API and detector.
import type { Page } from 'playwright-core';
import { HOSTILE, isOnScreen, launchChromium, openDashboard, pageWidth, screenshot, startDashboardServer, waitForCluster, type Browser, type DashboardServer } from './dashboard-session.js';

let api: DashboardServer;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  api = await startDashboardServer('browser-layout');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

test('at 390 px the page does not overflow and Confirm is on screen', async () => {
  page = await openDashboard(browser.context, api.baseUrl, api.key);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  await screenshot(page, 'phone-390');
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  const confirm = page.getByRole('button', { name: /^confirm/i });
  const box = await confirm.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  expect(await isOnScreen(page, '#detail .actions button.confirm')).toBe(true);
});

test('j keeps the selected cluster in view, on a phone and on a short desktop window', async () => {
  const count = (await api.clusters('flagged')).length;
  expect(count).toBeGreaterThanOrEqual(4);
  for (const viewport of [{ width: 390, height: 700 }, { width: 1280, height: 420 }]) {
    page = await openDashboard(browser.context, api.baseUrl, api.key);
    await page.setViewportSize(viewport);
    for (let i = 1; i < count; i++) {
      await page.keyboard.press('j');
      await page.locator('#list .item').nth(i).and(page.locator('[aria-current="true"]')).waitFor();
      await page.waitForSelector('#detail h2');
      expect(await isOnScreen(page, '#list [aria-current="true"]')).toBe(true);
    }
    await screenshot(page, `after-j-${viewport.width}`);
    await page.close();
    page = undefined;
  }
});

test('hostile comment text is shown as text, never run', async () => {
  const dialogs: string[] = [];
  const flagged = await api.clusters('flagged');
  let target: string | undefined;
  for (const c of flagged) {
    if ((await api.cluster(c.id)).members.some((m) => m.id === 'hx-01')) target = c.id;
  }
  expect(target).toBeDefined();
  page = await openDashboard(browser.context, api.baseUrl, api.key);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.locator('#list .item').nth(flagged.findIndex((c) => c.id === target)).click();
  await waitForCluster(page, target!);
  await screenshot(page, 'hostile-text');
  expect(await page.locator('#detail').textContent()).toContain(HOSTILE);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
