// One self-contained HTML file: styles, Chart.js, the figures and the drawing script are all
// inline, and a CSP naming each inline block by hash lets nothing else run (no network either).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chartLibrary } from './chart-library.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { networkSvg } from './network-svg.js';
import type { ReportInput } from './report-input.js';
import { REPORT_STYLE } from './report-style.js';
import { summarize, type ReportSummary, type TopCluster } from './summarize.js';

export interface RenderedReport {
  readonly html: string;
  /** The policy the page states in its own meta tag; a server sends it as a header too. */
  readonly contentSecurityPolicy: string;
}

const chartsScript = readFileSync(new URL('./page/report-charts.js', import.meta.url), 'utf8');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const number = (n: number) => n.toLocaleString('en-US');
const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(part * 1000 < whole && part > 0 ? 2 : 1)}%` : '–');
const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function headlineCards(s: ReportSummary): string {
  const h = s.headline;
  const card = (id: string, value: number, label: string, detail: string) =>
    `<div class="card" id="figure-${id}"><div class="value">${number(value)}</div><div class="label">${label}</div><div class="detail">${detail}</div></div>`;
  return (
    `<div class="cards">` +
    card('comments', h.comments, 'comments analysed', `${plural(h.flaggedComments, 'comment')} flagged (${percent(h.flaggedComments, h.comments)})`) +
    card('flagged', h.flaggedComments, 'flagged comments', `${number(h.coordinatedComments)} coordinated, ${number(h.flaggedComments - h.coordinatedComments)} suspect`) +
    card('clusters', h.flaggedClusters, 'flagged clusters', `of ${plural(h.clusters, 'cluster')} of similar comments`) +
    card('accounts', h.flaggedAccounts, 'accounts in flagged clusters', `of ${plural(h.accounts, 'account')} that commented`) +
    `</div>`
  );
}

function clusterCard(t: TopCluster): string {
  const c = t.cluster;
  const when = t.first === null ? 'posting times unknown' : t.first === t.last ? utc(t.first) : `${utc(t.first)} to ${utc(t.last!)}`;
  const status = c.status && c.status !== 'flagged' ? `, ${escapeHtml(c.status)} by a moderator` : '';
  const reasons = c.reasons.map((r) => `<li><span class="signal">${escapeHtml(r.signal)}</span> ${escapeHtml(r.text)}</li>`).join('');
  const members = t.sample
    .map((m) => {
      const meta = [m.author === null ? 'anonymous' : m.author, m.postedAt === null ? 'time unknown' : utc(m.postedAt), `thread ${m.threadId}`, `comment ${m.id}`];
      return `<li><div class="meta">${escapeHtml(meta.join(' · '))}</div><div class="text">${escapeHtml(clip(m.text, 600))}</div></li>`;
    })
    .join('');
  const more = c.members.length > t.sample.length ? `<p class="more">and ${plural(c.members.length - t.sample.length, 'more member')}</p>` : '';
  return (
    `<article class="cluster ${c.verdict}" id="cluster-${escapeHtml(c.id)}">` +
    `<h3>Cluster ${escapeHtml(c.id)} <span class="verdict">${c.verdict}</span> <span class="score">score ${c.score.toFixed(2)}</span></h3>` +
    `<p class="facts">${plural(c.size, 'comment')} by ${plural(c.accounts, 'account')} in ${plural(t.threads.length, 'thread')}; ${escapeHtml(when)}${status}</p>` +
    `<h4>Why</h4><ul class="reasons">${reasons || '<li>No reason recorded.</li>'}</ul>` +
    `<h4>Sample members</h4><ol class="members">${members}</ol>${more}</article>`
  );
}

function threadTable(s: ReportSummary): string {
  if (s.threads.length === 0) return '<p class="empty">No thread holds a flagged comment.</p>';
  const rows = s.threads
    .map((t) => `<tr><td>${escapeHtml(t.title ?? t.id)}</td><td>${number(t.comments)}</td><td>${number(t.flagged)}</td><td>${percent(t.flagged, t.comments)}</td><td>${escapeHtml(t.largestCluster)} (${percent(t.largestCount, t.comments)})</td></tr>`)
    .join('');
  return `<table class="threads"><thead><tr><th>thread</th><th>comments</th><th>flagged</th><th>flagged share</th><th>largest cluster (its share)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function chartBlock(id: string, label: string, empty: boolean, emptyText: string, tall = false): string {
  if (empty) return `<p class="empty">${emptyText}</p>`;
  return `<div class="chart${tall ? ' tall' : ''}"><canvas id="${id}" role="img" aria-label="${escapeHtml(label)}"></canvas></div>`;
}

/** The report as one HTML document. */
export function renderReport(input: ReportInput): RenderedReport {
  const s = summarize(input);
  const net = networkSvg(input.network);
  // Only figures go to the page's script; every text it draws is a chart label on a canvas.
  const figures = jsonForScript({
    timeline: s.timeline,
    sizes: s.sizes,
    accountCounts: s.accountCounts,
    threads: s.threads.map((t) => ({ label: clip(t.title ?? t.id, 40), comments: t.comments, flagged: t.flagged, largestCount: t.largestCount })),
  });
  const library = chartLibrary();
  const csp = `default-src 'none'; script-src ${sha256(library)} ${sha256(chartsScript)}; style-src ${sha256(REPORT_STYLE)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const t = s.timeline;
  const untimed = t.untimed > 0 ? `<p class="note">${plural(t.untimed, 'flagged comment has', 'flagged comments have')} no usable posting time and ${t.untimed === 1 ? 'is' : 'are'} not in this chart.</p>` : '';
  const networkNote =
    net.shownAccounts < net.totalAccounts ? `The ${number(net.shownAccounts)} most connected of ${plural(net.totalAccounts, 'account')} are drawn, with ${plural(net.shownEdges, 'link')} among them (of ${number(net.totalEdges)}).` : `${plural(net.totalAccounts, 'account')}, ${plural(net.totalEdges, 'link')}.`;
  const clean = s.headline.clusters - s.headline.flaggedClusters;
  const cleanNote = clean > 0 ? `<p class="note">${plural(clean, 'clean cluster')} (similar text, no sign of coordination) ${clean === 1 ? 'is' : 'are'} hidden: click “clean” in the legend to add ${clean === 1 ? 'it' : 'them'}.</p>` : '';
  const top = s.top.length ? s.top.map(clusterCard).join('') : '<p class="empty">No cluster was flagged.</p>';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Chorus">
<title>${escapeHtml(input.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(input.title)}</h1><p class="scope">${escapeHtml(input.scope)} Generated ${escapeHtml(utc(input.generatedAt.getTime()))}.</p></header>
<main>
<section id="headline"><h2>Headline figures</h2>${headlineCards(s)}</section>
<section id="timeline"><h2>Flagged comments over time</h2>${chartBlock('chart-timeline', 'Flagged comments per period, coordinated and suspect', t.labels.length === 0, 'No flagged comment has a usable posting time.')}${untimed}</section>
<div class="pair">
<section id="sizes"><h2>Cluster sizes</h2>${chartBlock('chart-sizes', 'Clusters by number of comments', s.sizes.labels.length === 0, 'No cluster was found.')}${cleanNote}</section>
<section id="account-counts"><h2>Accounts per cluster</h2>${chartBlock('chart-accounts', 'Clusters by number of accounts', s.accountCounts.labels.length === 0, 'No cluster was found.')}${cleanNote}</section>
</div>
<section id="network"><h2>Account network</h2><p class="note">Accounts joined when they posted in the same flagged cluster; thicker links mean more clusters shared. ${networkNote}</p>${net.svg || '<p class="empty">No two accounts share a flagged cluster.</p>'}</section>
<section id="takeover"><h2>Thread takeover</h2><p class="note">The share of each thread's comments that belongs to flagged clusters, largest share first.</p>${s.threads.length ? chartBlock('chart-threads', 'Share of each thread in flagged clusters', false, '', true) : ''}${threadTable(s)}</section>
<section id="top-clusters"><h2>Top flagged clusters</h2><p class="note">${s.top.length < s.headline.flaggedClusters ? `The ${s.top.length} strongest of ${number(s.headline.flaggedClusters)}.` : 'Coordinated first, then by score.'} Texts are shown as posted (up to 600 characters).</p>${top}</section>
</main>
<footer>Made by Chorus. Charts drawn with Chart.js (MIT licence), bundled into this file; the file needs no network.</footer>
<script type="application/json" id="report-data">${figures}</script>
<script>${library}</script>
<script>${chartsScript}</script>
</body>
</html>
`;
  return { html, contentSecurityPolicy: csp };
}
