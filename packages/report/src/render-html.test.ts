import { createHash } from 'node:crypto';
import { renderReport } from './render-html.js';
import type { ReportInput } from './report-input.js';

const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';
const T0 = Date.UTC(2024, 9, 1, 10, 0);

const input: ReportInput = {
  title: 'Chorus report: <b>dump</b>.csv',
  scope: 'Offline analysis.',
  generatedAt: new Date(T0),
  comments: 20,
  accounts: 6,
  threads: [{ id: 'harbour', title: `Harbour ${HOSTILE}`, comments: 20 }],
  clusters: [{ id: 'h1', verdict: 'coordinated', size: 4, accounts: 4 }],
  flagged: [
    {
      id: 'h1',
      verdict: 'coordinated',
      score: 0.91,
      size: 4,
      accounts: 4,
      reasons: [{ signal: 'distinct-voices', weight: 0.6, text: `4 accounts posted "${HOSTILE}"` }],
      members: ['mallory', 'trudy', 'eve', `oscar${HOSTILE}`].map((author, i) => ({ id: `hx-${i}`, threadId: 'harbour', author, postedAt: T0 + i * 60_000, text: `${HOSTILE} Vote NO on measure 12.` })),
    },
  ],
  network: {
    nodes: ['mallory', 'trudy', 'eve', `oscar${HOSTILE}`].map((id) => ({ id, comments: 1, clusters: 1 })),
    edges: [
      { source: 'eve', target: 'mallory', weight: 1 },
      { source: 'mallory', target: 'trudy', weight: 1 },
      { source: 'eve', target: `oscar${HOSTILE}`, weight: 2 },
    ],
  },
};

test('hostile text in comments, names, titles and reasons arrives escaped, and only the hashed scripts may run', () => {
  const { html, contentSecurityPolicy } = renderReport(input);
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<script>alert');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;');
  expect(html).toContain('<title>Chorus report: &lt;b&gt;dump&lt;/b&gt;.csv</title>');
  // Three script elements: the figures (data), Chart.js and the drawing script; both runnable ones are hashed.
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.map((m) => m[1])).toEqual([' type="application/json" id="report-data"', '', '']);
  for (const [, , body] of scripts.slice(1)) expect(contentSecurityPolicy).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  expect(contentSecurityPolicy).toMatch(/^default-src 'none'; /);
  expect(html).toContain(`content="${contentSecurityPolicy}"`);
  expect(JSON.parse(scripts[0][2]).threads[0].label).toBe(`Harbour ${HOSTILE}`.slice(0, 39) + '…');
});

test('the file needs nothing from the network and carries the chart library with its licence', () => {
  const { html } = renderReport(input);
  expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
  expect(html).toMatch(/Chart\.js v4/);
  expect(html).toContain('Permission is hereby granted, free of charge');
});

test('the headline, the network and the takeover table say what was found', () => {
  const { html } = renderReport(input);
  expect(html).toMatch(/id="figure-comments"><div class="value">20</);
  expect(html).toMatch(/id="figure-flagged"><div class="value">4</);
  expect(html).toMatch(/id="figure-clusters"><div class="value">1</);
  expect(html).toMatch(/id="figure-accounts"><div class="value">4</);
  expect((html.match(/<circle /g) ?? []).length).toBe(4);
  expect((html.match(/<line /g) ?? []).length).toBe(3);
  expect(html).toContain('<td>20</td><td>4</td><td>20.0%</td>');
});

test('a dump where nothing was flagged still makes a readable report', () => {
  const { html } = renderReport({ ...input, clusters: [], flagged: [], network: { nodes: [], edges: [] } });
  expect(html).toContain('No cluster was flagged.');
  expect(html).toContain('No two accounts share a flagged cluster.');
  expect(html).toContain('No thread holds a flagged comment.');
  expect(html).not.toContain('<canvas');
});
