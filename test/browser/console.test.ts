// The moderator's console on one cluster: the queue chosen with one control, short announcements
// for screen readers, the wording members share marked, when they posted, and decisions about one
// comment (confirm, dismiss, drop with Undo). Chromium against a real API, detector, PostgreSQL and Redis.
import { blur, dashboardSuite, HOSTILE, screenshot, shownCluster, waitForCluster, type ClusterDetail } from './dashboard-session.js';
import { waitFor } from '../support/services.js';

const suite = dashboardSuite('browser-console');

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const words = (text: string) => (text.match(WORD) ?? []).map((w) => w.toLowerCase());

const timedMembers = (c: ClusterDetail) => c.members.filter((m) => m.posted_at).length;

/** The flagged cluster with most members posted at a known time. */
async function largestTimed(): Promise<string> {
  const details = await Promise.all((await suite.api.clusters('flagged')).map((c) => suite.api.cluster(c.id)));
  return details.sort((a, b) => timedMembers(b) - timedMembers(a))[0].id;
}

test('the queue is chosen with its buttons alone, from the keyboard', async () => {
  const page = await suite.open();
  expect(await page.getByRole('combobox', { name: /show/i }).count()).toBe(0);
  const confirmedQueue = page.getByRole('button', { name: /^Queue Confirmed/ });
  await confirmedQueue.focus();
  await page.keyboard.press('Enter');
  await page.locator('#status-line', { hasText: 'No clusters in this queue' }).waitFor();
  expect(page.url()).toContain('status=confirmed');
  expect(await confirmedQueue.getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('button', { name: /^Queue Flagged/ }).focus();
  await page.keyboard.press('Space');
  await page.locator('#detail h2').waitFor();
  expect(page.url()).toContain('status=flagged');
});

test('j and k announce one short line, never the cluster; the list is a named list of named links', async () => {
  const flagged = await suite.api.clusters('flagged');
  const page = await suite.open();
  const nav = page.getByRole('navigation', { name: 'Clusters' });
  expect(await nav.getByRole('listitem').count()).toBe(flagged.length);
  const names = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
  for (const name of names) expect(name).toMatch(/^Cluster \d+: (coordinated|suspect|clean), score \d\.\d\d, \d+ comments, \d+ named accounts?$/);
  expect(await page.locator('#detail').getAttribute('aria-live')).toBeNull();

  const first = await shownCluster(page);
  await blur(page);
  await page.keyboard.press('j');
  await page.locator('#status-line', { hasText: /\(2 of \d+\)/ }).waitFor();
  const second = await shownCluster(page);
  expect(second).not.toBe(first);
  await page.keyboard.press('k');
  await waitForCluster(page, first);
  await page.locator('#status-line', { hasText: /\(1 of \d+\)/ }).waitFor();
  const members = (await suite.api.cluster(first)).members.map((m) => m.text);
  const live = await page.locator('[aria-live], [role="status"], [role="alert"], [role="log"]').evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
  expect(live.length).toBeGreaterThan(0);
  for (const text of live) {
    expect(text.length).toBeLessThanOrEqual(160);
    for (const member of members) expect(text).not.toContain(member.slice(0, 40));
  }
  expect(await page.locator('#status-line').textContent()).toMatch(new RegExp(`^Cluster ${first} \\(1 of \\d+\\): `));
});

test('the wording members share is marked, a timeline shows when they posted, and hostile text stays text', async () => {
  const page = await suite.open();
  const id = await largestTimed();
  await page.goto(`${suite.api.baseUrl}/dashboard/#/clusters/${id}`);
  await page.reload();
  await waitForCluster(page, id);
  const cluster = await suite.api.cluster(id);
  const texts = cluster.members.map((m) => ` ${words(m.text).join(' ')} `);
  const marks = await page.locator('#detail tbody mark.shared').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  // Each marked run starts with three words that at least half of the members use.
  for (const mark of marks) {
    const start = ` ${words(mark).slice(0, 3).join(' ')} `;
    expect(texts.filter((t) => t.includes(start)).length).toBeGreaterThanOrEqual(Math.max(2, Math.ceil(texts.length / 2)));
  }
  const timed = timedMembers(cluster);
  const timeline = page.getByRole('img', { name: /^Posting times of \d+ members/ });
  expect(await timeline.getAttribute('aria-label')).toContain(`Posting times of ${timed} members`);
  expect(await timeline.locator('circle').count()).toBe(timed);
  await page.locator('#detail .timeline-box').scrollIntoViewIfNeeded();
  await screenshot(page, 'shared-wording-timeline');
  await page.locator('#detail table').scrollIntoViewIfNeeded();
  await screenshot(page, 'cluster-members');

  const hostile = (await Promise.all((await suite.api.clusters('flagged')).map((c) => suite.api.cluster(c.id)))).find((c) => c.members.some((m) => m.id === 'hx-01'))!;
  await page.goto(`${suite.api.baseUrl}/dashboard/#/clusters/${hostile.id}`);
  await page.reload();
  await waitForCluster(page, hostile.id);
  const row = page.locator('#detail tbody tr', { hasText: 'hx-01' });
  expect(await row.locator('.member-text').textContent()).toContain(HOSTILE);
  expect((await row.locator('mark.shared').allTextContents()).join(' ')).toContain('onerror=alert(1)> Vote NO on measure 12');
  expect(await page.locator('#detail img').count()).toBe(0);
});

test('one comment marked coordinated alone: the cluster keeps its status, the row and the audit log say who and why', async () => {
  const page = await suite.open();
  const shown = await shownCluster(page);
  const member = (await suite.api.cluster(shown)).members[0].id;
  const prefix = suite.api.key.split('_')[1];
  await page.getByRole('textbox', { name: /note/i }).fill('posted the talking point word for word');
  await page.getByRole('button', { name: `Mark coordinated: comment ${member}` }).click();
  await page.locator('#status-line', { hasText: `Marked comment ${member} coordinated; cluster ${shown} keeps its status.` }).waitFor();
  const row = page.locator(`#detail tr[id="member-${member}"]`);
  expect(await row.locator('.member-decision').textContent()).toMatch(new RegExp(`^Marked coordinated by key ${prefix}, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC posted the talking point word for word$`));
  expect((await suite.api.cluster(shown)).status).toBe('flagged');
  expect(await page.locator('#detail ol.history').textContent()).toContain(`confirmed ${member} by key ${prefix}`);
  await screenshot(page, 'comment-confirmed');

  await page.getByRole('link', { name: 'Audit log' }).click();
  const newest = page.locator('#entries tr').first();
  await newest.waitFor();
  expect((await newest.locator('td').allTextContents()).slice(1)).toEqual([`key ${prefix}`, `confirm comment ${member}`, shown, 'posted the talking point word for word']);
});

test('a dropped member comes back with Undo, and the audit log has both', async () => {
  const page = await suite.open();
  const shown = await shownCluster(page);
  const before = await suite.api.cluster(shown);
  const member = before.members.filter((m) => !m.representative).at(-1)!.id;
  await page.getByRole('button', { name: `Drop ${member} from this cluster` }).click();
  await page.getByRole('button', { name: 'Drop it' }).click();
  const undo = page.getByRole('button', { name: /undo/i });
  await undo.waitFor({ state: 'visible', timeout: 3000 });
  expect(await page.locator('#undo-bar').textContent()).toContain(`Dropped ${member} from cluster ${shown}.`);
  expect((await suite.api.cluster(shown)).members.map((m) => m.id)).not.toContain(member);
  await undo.click();
  await page.locator('#status-line', { hasText: `Undone: put ${member} back in cluster ${shown}.` }).waitFor();
  await waitFor(async () => (await suite.api.cluster(shown)).members.some((m) => m.id === member), 10_000, 'the member back');
  expect((await suite.api.cluster(shown)).history.slice(-2).map((h) => h.action)).toEqual(['drop', 'reopen']);
  await page.locator('#detail tbody tr td:first-child', { hasText: member }).first().waitFor();
  expect(await page.locator('#detail ol.history').textContent()).toContain(`put ${member} back by key`);

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.locator('#entries tr').nth(1).waitFor();
  const whats = await page.locator('#entries tr td[data-label="what"]').allTextContents();
  expect(whats.slice(0, 2)).toEqual([`put back ${member}`, `drop ${member}`]);
});
