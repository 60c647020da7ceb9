// A real API (createApp on a free port, real PostgreSQL schema, Redis prefix and detector) with the
// bundled fixtures scored, and Debian's Chromium driven by playwright-core against its dashboard.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApiKey, revokeApiKey, type KeyOptions } from '@chorus/db';
import { readFixture, type FixtureComment } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/services.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
export const HOSTILE = '<img src=x onerror=alert(1)>';

/** Titles and pages of the fixtures' threads, as a publisher sends them. */
export const THREADS: Readonly<Record<string, { title: string; url: string }>> = {
  'wind-contract-vote': { title: 'Council approves the Harbor Light wind contract', url: 'https://news.example.org/2024/06/wind-contract' },
  'ferry-schedule-cuts': { title: 'Evening ferry runs to be cut in September', url: 'https://news.example.org/2024/09/ferry-cuts' },
  'bike-lanes-council-vote': { title: 'Council votes on protected bike lanes', url: 'https://news.example.org/2024/05/bike-lanes' },
};

const FIXTURES = ['seed-thread.jsonl', 'swarm-thread.jsonl', 'reply-ring-thread.jsonl', 'organic-control-thread.jsonl'];

/** Four accounts posting the same hostile markup within minutes: a flagged cluster whose text must stay inert. */
function hostileComments(): FixtureComment[] {
  return ['mallory', 'trudy', 'eve', 'oscar'].map((author, i) => ({
    id: `hx-0${i + 1}`,
    thread_id: 'hostile-markup-thread',
    parent_id: null,
    author_id: author,
    posted_at: `2024-10-01T10:0${i}:00Z`,
    text: `${HOSTILE} Vote NO on measure 12, the council is hiding the real cost of the harbour tunnel from every taxpayer in town.`,
  }));
}

export interface ClusterSummary {
  readonly id: string;
  readonly status: string;
}

export interface ClusterDetail extends ClusterSummary {
  readonly version: number;
  readonly history: readonly { action: string; note: string | null; moderator: string | null }[];
  readonly members: readonly { id: string; text: string; thread_id: string; author_id: string | null; posted_at: string | null; representative: boolean; parent_id: string | null; parent: { id: string; text: string } | null }[];
  readonly time_span: { first: string | null; last: string | null; minutes: number | null };
}

export interface DashboardServer {
  readonly baseUrl: string;
  readonly key: string;
  readonly comments: readonly FixtureComment[];
  /** Another key for the same tenant (a moderator's, with options), with its prefix (to revoke it later). */
  newKey(options?: KeyOptions): Promise<{ key: string; prefix: string }>;
  revoke(prefix: string): Promise<void>;
  clusters(status: string): Promise<ClusterSummary[]>;
  /** A decision made with another key, as a second moderator would; answers the status code. */
  reviewAs(key: string, id: string, body: object): Promise<number>;
  cluster(id: string): Promise<ClusterDetail>;
  /** Puts every decided cluster back in the queue, so each test starts from the same list. */
  reopenAll(): Promise<void>;
  close(): Promise<void>;
}

export async function startDashboardServer(label: string): Promise<DashboardServer> {
  const h: Harness = await createHarness(label);
  const tenant = await h.tenant('gazette');
  h.startWorker();
  const server: Server = createServer(h.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(baseUrl + path, { ...init, headers: { authorization: `Bearer ${tenant.key}`, 'content-type': 'application/json' } });
    const body: unknown = await res.json();
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
    return body as T;
  };
  const comments = [...FIXTURES.flatMap(readFixture), ...hostileComments()];
  await call('/v1/comments', { method: 'POST', body: JSON.stringify({ comments }) });
  for (const [id, page] of Object.entries(THREADS)) await call(`/v1/threads/${id}`, { method: 'PUT', body: JSON.stringify(page) });
  await waitFor(async () => {
    const states = await Promise.all(comments.map(async (c) => (await call<{ status: string }>(`/v1/comments/${encodeURIComponent(c.id)}`)).status));
    return states.every((s) => s === 'scored');
  }, 60_000, 'fixtures scored');
  const clusters = async (status: string): Promise<ClusterSummary[]> => (await call<{ clusters: ClusterSummary[] }>(`/v1/clusters?status=${status}&limit=200`)).clusters;
  return {
    baseUrl,
    key: tenant.key,
    comments,
    async newKey(options) {
      return createApiKey(h.testDb.db, tenant.id, options);
    },
    async revoke(prefix) {
      await revokeApiKey(h.testDb.db, prefix);
    },
    clusters,
    async reviewAs(key, id, body) {
      const res = await fetch(`${baseUrl}/v1/clusters/${id}/review`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await res.arrayBuffer();
      return res.status;
    },
    async cluster(id) {
      return call<ClusterDetail>(`/v1/clusters/${id}`);
    },
    async reopenAll() {
      for (const status of ['confirmed', 'dismissed']) {
        for (const c of await clusters(status)) await call(`/v1/clusters/${c.id}/review`, { method: 'POST', body: JSON.stringify({ action: 'reopen' }) });
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await h.close();
    },
  };
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile; a clear failure (never a silent skip) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests need it. Install it with \`apt-get install -y chromium\` (.ci/run does this).`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'chorus-chromium-'));
  // playwright passes the profile as --user-data-dir itself (it refuses the flag in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Review requests the page sent (the decisions it logged), in order. */
export function recordReviews(page: Page): { id: string; action: string }[] {
  const seen: { id: string; action: string }[] = [];
  page.on('request', (req) => {
    const m = /\/v1\/clusters\/([^/]+)\/review$/.exec(new URL(req.url()).pathname);
    if (m && req.method() === 'POST') seen.push({ id: m[1], action: (JSON.parse(req.postData() ?? '{}') as { action: string }).action });
  });
  return seen;
}

/** Opens the dashboard with `key` entered and waits for the first cluster to be on screen. */
export async function openDashboard(context: BrowserContext, baseUrl: string, key: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  // A script error is a failure of the page, not something to wait out.
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${baseUrl}/dashboard/`);
  await page.fill('#key', key);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#detail h2');
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

// In-page checks are strings: the test project is compiled without the DOM library.

/** The id of the cluster whose detail is on screen. */
export async function shownCluster(page: Page): Promise<string> {
  const heading = await page.locator('#detail h2').textContent();
  const m = /Cluster (\d+)/.exec(heading ?? '');
  if (!m) throw new Error(`no cluster on screen (heading: ${heading})`);
  return m[1];
}

export async function waitForCluster(page: Page, id: string): Promise<void> {
  // A locator, not waitForFunction: that evaluates a string, which the dashboard's CSP refuses.
  await page.locator('#detail h2', { hasText: `Cluster ${id}:` }).waitFor();
}

export async function blur(page: Page): Promise<void> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
}

export async function clearStorage(page: Page): Promise<void> {
  await page.evaluate('localStorage.clear()');
}

export function pageWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}

/** Whether the element is what a person sees at its centre (on screen, not scrolled away or covered). */
export function isOnScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const node = document.querySelector(${JSON.stringify(selector)});
    if (!node) return false;
    const box = node.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === node || node.contains(hit));
  })()`);
}

export interface DashboardSuite {
  readonly api: DashboardServer;
  readonly browser: Browser;
  /** Opens the dashboard with `key` (the tenant's key by default); the page is closed after the test. */
  open(key?: string): Promise<Page>;
}

/**
 * The hooks of a browser test file: Chromium and a dashboard server for the file; after each test
 * its page is closed, the browser's storage cleared and every decided cluster reopened, so each
 * test starts from the same queue.
 */
export function dashboardSuite(label: string): DashboardSuite {
  let api: DashboardServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    api = await startDashboardServer(label);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(async () => {
    if (page) await clearStorage(page).catch(() => undefined);
    await page?.close();
    page = undefined;
    await api?.reopenAll();
  });
  return {
    get api() {
      return api!;
    },
    get browser() {
      return browser!;
    },
    async open(key) {
      page = await openDashboard(browser!.context, api!.baseUrl, key ?? api!.key);
      return page;
    },
  };
}

