// /docs: the OpenAPI document rendered as one HTML page on the server. No script at all (renderers
// such as Swagger UI or Redoc need inline scripts or a CDN); the one inline style is allowed by its
// hash in the page's Content-Security-Policy.
import { createHash } from 'node:crypto';

interface Operation {
  readonly summary?: string;
  readonly description?: string;
  readonly security?: readonly object[];
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema?: unknown }[];
  readonly requestBody?: { content?: Record<string, { schema?: unknown }> };
  readonly responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface Document {
  readonly info: { title: string; version: string; description?: string };
  readonly paths?: Record<string, Record<string, Operation>>;
  readonly components?: { schemas?: Record<string, unknown> };
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
h2{margin-top:2.5rem;border-bottom:1px solid #ccd}code,pre{font:13px/1.4 ui-monospace,monospace}
pre{background:#f4f5f8;padding:.6rem;overflow-x:auto}table{border-collapse:collapse}td,th{border:1px solid #ccd;padding:.2rem .5rem;text-align:left;vertical-align:top}
.method{font-weight:700;text-transform:uppercase;margin-right:.5rem}details{margin:.3rem 0}`;

/** The CSP of /docs: nothing but its own inline style. */
export const DOCS_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Inline `code` spans of the descriptions, after escaping. */
const prose = (s = '') => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');
const schemaBlock = (schema: unknown) => `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;

function content(c: Record<string, { schema?: unknown }> = {}): string {
  return Object.entries(c)
    .map(([type, media]) => `<details><summary><code>${escapeHtml(type)}</code></summary>${schemaBlock(media.schema ?? {})}</details>`)
    .join('');
}

function operation(path: string, method: string, op: Operation): string {
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
  const params = op.parameters?.length
    ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${op.parameters
        .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema ?? {}))}</code></td></tr>`)
        .join('')}</table>`
    : '';
  const body = op.requestBody ? `<h4>Request body</h4>${content(op.requestBody.content)}` : '';
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<tr><td><code>${escapeHtml(status)}</code></td><td>${prose(r.description)}${content(r.content)}</td></tr>`)
    .join('');
  return `<section id="${id}"><h3><span class="method">${escapeHtml(method)}</span><code>${escapeHtml(path)}</code></h3>
<p>${prose(op.summary)}${op.security?.length ? ' <em>(needs a key)</em>' : ''}</p>${op.description ? `<p>${prose(op.description)}</p>` : ''}
${params}${body}<h4>Responses</h4><table><tr><th>status</th><th>meaning</th></tr>${responses}</table></section>`;
}

/** The whole page: an index of routes, each route, then the named schemas. */
export function docsPage(doc: Document): string {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const index = ops.map(({ path, method, op }) => `<li><a href="#${`${method}-${path}`.replace(/[^a-z0-9]+/gi, '-')}"><span class="method">${escapeHtml(method)}</span><code>${escapeHtml(path)}</code></a> ${prose(op.summary)}</li>`).join('');
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => `<h3 id="schema-${escapeHtml(name)}">${escapeHtml(name)}</h3>${schemaBlock(s)}`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>v${escapeHtml(doc.info.version)}</small></h1><p>${prose(doc.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI 3.1).</p>
<h2>Routes</h2><ul>${index}</ul>${ops.map(({ path, method, op }) => operation(path, method, op)).join('\n')}
<h2>Schemas</h2>${schemas}</body></html>`;
}
