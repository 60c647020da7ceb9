// What an analyst hands an editor: `chorus analyze --report` on the seed thread, a generated corpus
// and a hostile campaign, opened from disk in Debian's Chromium with no network. The charts draw,
// nothing is fetched, no error is logged, the figures are the analysis's, hostile text stays text.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { ARTIFACTS, HOSTILE, launchChromium, type Browser } from './dashboard-session.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url);
const tsx = (script: string, args: string[]) => run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });

interface Analysis {
  readonly comments: readonly { verdict: string }[];
  readonly clusters: readonly { verdict: string }[];
}

let dir: string;
let reportUrl: string;
let analysis: Analysis;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chorus-report-'));
  await tsx('test/eval/write-corpus.ts', ['--out', join(dir, 'corpus.jsonl'), '--threads', '12', '--seed', '3']);
  // Six accounts posting hostile markup within minutes: a flagged cluster whose text must stay inert.
  const hostile = ['mallory', 'trudy', 'eve', 'oscar', 'peggy', 'victor'].map((author, i) =>
    JSON.stringify({ id: `hx-${i}`, thread_id: 'hostile-markup-thread', author_id: author, posted_at: `2024-03-05T10:0${i}:00Z`, text: `${HOSTILE} Vote NO on measure 12, the council is hiding the real cost of the harbour tunnel from every taxpayer in town.` }),
  );
  const seed = readFileSync(new URL('test/fixtures/seed-thread.jsonl', ROOT), 'utf8').trim();
  writeFileSync(join(dir, 'dump.jsonl'), `${seed}\n${readFileSync(join(dir, 'corpus.jsonl'), 'utf8').trim()}\n${hostile.join('\n')}\n`);
  const { stdout } = await tsx('packages/cli/src/main.ts', ['analyze', join(dir, 'dump.jsonl'), '--out', join(dir, 'result.json'), '--report', join(dir, 'report.html')]);
  expect(stdout).toContain(`wrote ${join(dir, 'report.html')}`);
  analysis = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
  reportUrl = pathToFileURL(join(dir, 'report.html')).href;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the report and records every console error or warning, page error, dialog and request that is not the file itself. */
async function open(): Promise<{ page: Page; problems: string[]; dialogs: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== reportUrl) problems.push(`request: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(reportUrl);
  await page.locator('html[data-charts]').waitFor({ state: 'attached' });
  return { page, problems, dialogs };
}

const figure = async (page: Page, name: string) => Number((await page.locator(`#figure-${name} .value`).textContent())!.replace(/,/g, ''));

test('the report opens offline, draws its four charts and the network, and logs no error', async () => {
  const { page, problems } = await open();
  expect(await page.getAttribute('html', 'data-charts')).toBe('4');
  for (const id of ['chart-timeline', 'chart-sizes', 'chart-accounts', 'chart-threads']) {
    const canvas = page.locator(`#${id}`);
    expect(await canvas.getAttribute('data-drawn')).toBe('true');
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
  }
  // A drawn canvas holds many more distinct bytes than a blank one of the same size.
  const inked: number = await page.evaluate(`(() => { const c = document.getElementById('chart-timeline'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()`);
  expect(inked).toBeGreaterThan(2000);
  expect(await page.locator('svg.network circle').count()).toBeGreaterThan(20);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: join(ARTIFACTS, 'analyst-report.png') });
  await page.screenshot({ path: join(ARTIFACTS, 'analyst-report-full.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
});

test('the headline figures are those of the analysis', async () => {
  const { page } = await open();
  const flaggedComments = analysis.comments.filter((c) => c.verdict !== 'clean').length;
  const flaggedClusters = analysis.clusters.filter((c) => c.verdict !== 'clean').length;
  expect(await figure(page, 'comments')).toBe(analysis.comments.length);
  expect(await figure(page, 'flagged')).toBe(flaggedComments);
  expect(await figure(page, 'clusters')).toBe(flaggedClusters);
  expect(await page.locator('#figure-clusters .detail').textContent()).toBe(`of ${analysis.clusters.length} clusters of similar comments`);
  expect(await page.locator('#top-clusters article').count()).toBe(Math.min(flaggedClusters, 10));
  // The seed thread's campaign leads its thread: 9 of its 14 comments are one cluster.
  expect(await page.locator('#takeover tr', { hasText: 'nato-article-5-border' }).textContent()).toContain('c07 (64.3%)');
  await page.close();
});

test('hostile comment text is shown as text, never run', async () => {
  const { page, dialogs, problems } = await open();
  const cluster = page.locator('#top-clusters article', { hasText: 'measure 12' });
  expect(await cluster.count()).toBe(1);
  expect(await cluster.locator('.members .text').first().textContent()).toContain(HOSTILE);
  expect(await page.locator('img').count()).toBe(0);
  await page.waitForTimeout(200);
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
