// What a moderator sees when deciding alongside others: a decision another moderator made first
// is shown, not silently overwritten. Chromium against a real API, detector, PostgreSQL and Redis.
import { dashboardSuite, screenshot, shownCluster } from './dashboard-session.js';

const suite = dashboardSuite('browser-moderation');

test('a cluster another moderator decided first shows "already confirmed by" them, and stays as they left it', async () => {
  const other = await suite.api.newKey();
  const page = await suite.open();
  const shown = await shownCluster(page);
  // The second moderator confirms the same cluster, on the version both saw.
  expect(await suite.api.reviewAs(other.key, shown, { action: 'confirm', version: (await suite.api.cluster(shown)).version, note: 'one text, many voices' })).toBe(200);
  await page.keyboard.press('d');
  const notice = page.locator('#notice');
  await notice.waitFor({ state: 'visible', timeout: 3000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain(`Cluster ${shown} was already confirmed by key ${other.prefix}`);
  expect(text).toContain('one text, many voices');
  await page.waitForTimeout(300);
  await screenshot(page, 'already-decided');
  expect((await suite.api.cluster(shown)).status).toBe('confirmed');
  expect(await page.getByRole('button', { name: /undo/i }).isVisible()).toBe(false);
});
