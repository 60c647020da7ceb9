export * from './report-input.js';
export * from './summarize.js';
export * from './render-html.js';
export { escapeHtml } from './escape.js';
