// What a moderator sees when deciding alongside others: a decision another moderator made first
// is shown with their name, not silently overwritten; notes and the audit log; dropping a member.
// Chromium against a real API, detector, PostgreSQL and Redis.
import { dashboardSuite, screenshot, shownCluster, waitForCluster } from './dashboard-session.js';

const suite = dashboardSuite('browser-moderation');

test('a cluster another moderator decided first shows "already confirmed by" them, and stays as they left it', async () => {
  const alice = await suite.api.newKey({ moderator: 'alice', scopes: ['moderate'] });
  const page = await suite.open();
  const shown = await shownCluster(page);
  // The second moderator confirms the same cluster, on the version both saw.
  expect(await suite.api.reviewAs(alice.key, shown, { action: 'confirm', version: (await suite.api.cluster(shown)).version, note: 'one text, many voices' })).toBe(200);
  await page.keyboard.press('d');
  const notice = page.locator('#notice');
  await notice.waitFor({ state: 'visible', timeout: 3000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain(`Cluster ${shown} was already confirmed by alice`);
  expect(text).toContain('one text, many voices');
  await page.waitForTimeout(300);
  await screenshot(page, 'already-decided');
  expect((await suite.api.cluster(shown)).status).toBe('confirmed');
  expect(await page.getByRole('button', { name: /undo/i }).isVisible()).toBe(false);
});

test('a note typed with a decision shows in the cluster history and in the audit log, which filters', async () => {
  const page = await suite.open();
  const shown = await shownCluster(page);
  const prefix = suite.api.key.split('_')[1];
  await page.getByRole('textbox', { name: /note/i }).fill('same wording from six accounts within the hour');
  await page.getByRole('button', { name: /^confirm/i }).click();
  await page.getByRole('button', { name: /undo/i }).waitFor({ state: 'visible', timeout: 3000 });
  expect((await suite.api.cluster(shown)).history.at(-1)).toMatchObject({ action: 'confirm', note: 'same wording from six accounts within the hour' });

  await page.getByRole('link', { name: 'Audit log' }).click();
  const newest = page.locator('#entries tr').first();
  await newest.waitFor();
  const cells = await newest.locator('td').allTextContents();
  expect(cells.slice(1)).toEqual([`key ${prefix}`, 'confirm', shown, 'same wording from six accounts within the hour']);
  expect(cells[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  await screenshot(page, 'audit-log');

  await page.getByRole('combobox', { name: /action/i }).selectOption('dismiss');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.locator('#status-line', { hasText: 'No decision matches' }).waitFor();
  expect(await page.locator('#entries tr').count()).toBe(0);
  // The filter is in the address: a reload shows the same (empty) page.
  expect(page.url()).toContain('action=dismiss');
  await page.reload();
  await page.locator('#status-line', { hasText: 'No decision matches' }).waitFor();
  expect(await page.getByRole('combobox', { name: /action/i }).inputValue()).toBe('dismiss');

  // The cluster link goes back to it in the queue.
  await page.getByRole('combobox', { name: /action/i }).selectOption('confirm');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.locator('#entries tr').first().getByRole('link', { name: shown }).click();
  await page.locator('#detail h2').waitFor();
  expect(page.url()).toContain(`#/clusters/${shown}`);
});

test('a reply shows the comment it answers, and the cluster says when it was posted, in UTC', async () => {
  const page = await suite.open();
  const flagged = await Promise.all((await suite.api.clusters('flagged')).map((c) => suite.api.cluster(c.id)));
  const withReplies = flagged.find((c) => c.members.some((m) => m.parent !== null))!;
  const reply = withReplies.members.find((m) => m.parent !== null)!;
  await page.goto(`${suite.api.baseUrl}/dashboard/#/clusters/${withReplies.id}`);
  await page.reload();
  await waitForCluster(page, withReplies.id);
  const row = page.locator('#detail tbody tr', { hasText: reply.id });
  const parent = row.locator('.parent');
  expect(await parent.locator('.parent-head').textContent()).toMatch(new RegExp(`^In reply to .+ \\(${reply.parent!.id}\\), \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC:$`));
  expect(await parent.locator('.parent-text').textContent()).toBe(reply.parent!.text);
  const span = withReplies.time_span;
  const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  expect(await page.locator('#detail .time-span').textContent()).toBe(`Posted ${utc(span.first!)} to ${utc(span.last!)} (${span.minutes} minutes).`);
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-in-context');
});

test("an analyst's read key sees the queue, and a Confirm click says it needs the moderate scope", async () => {
  const analyst = await suite.api.newKey({ scopes: ['read'] });
  const page = await suite.open(analyst.key);
  const shown = await shownCluster(page);
  await page.getByRole('button', { name: /^confirm/i }).click();
  const refusal = page.locator('#detail .action-error');
  await refusal.waitFor({ state: 'visible', timeout: 3000 });
  expect(await refusal.textContent()).toMatch(/needs the moderate scope.*403/);
  await screenshot(page, 'read-key-refused');
  expect((await suite.api.cluster(shown)).status).toBe('flagged');
});

// Last in the file: a dropped member stays dropped (reopening the clusters does not bring it back).
test('a member that does not belong is dropped after a second click, and the cluster shows it gone', async () => {
  const page = await suite.open();
  const shown = await shownCluster(page);
  const before = await suite.api.cluster(shown);
  const member = before.members[before.members.length - 1].id;
  await page.getByRole('textbox', { name: /note/i }).fill('a regular reader, quoting the others to disagree');
  await page.getByRole('button', { name: `Drop ${member} from this cluster` }).click();
  const sure = page.getByRole('button', { name: 'Drop it' });
  await sure.waitFor();
  await screenshot(page, 'drop-confirm');
  // Not yet: the first click only asks.
  expect((await suite.api.cluster(shown)).members.map((m) => m.id)).toContain(member);
  await sure.click();
  await page.locator('#status-line', { hasText: `Dropped ${member} from cluster ${shown}` }).waitFor();
  await screenshot(page, 'drop-done');
  const after = await suite.api.cluster(shown);
  expect(after.members.map((m) => m.id)).not.toContain(member);
  expect(after.history.at(-1)).toMatchObject({ action: 'drop', note: 'a regular reader, quoting the others to disagree' });
  const rows = await page.locator('#detail tbody tr td:first-child').allTextContents();
  // (The detector decides the cluster again meanwhile, so the rest of the rows may change too.)
  expect(rows.map((r) => r.replace(' ★', ''))).not.toContain(member);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  expect(await page.locator('#detail ol.history').textContent()).toContain(`dropped ${member} by key ${suite.api.key.split('_')[1]}`);
});
