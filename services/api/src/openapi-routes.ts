import { Router } from 'express';
import { docsPage, DOCS_CSP } from './openapi-docs.js';
import { openApiDocument } from './openapi.js';

/** GET /openapi.json and GET /docs: the API's description, no key needed. Built once, on first request. */
export function openApiRouter(): Router {
  const router = Router();
  let cache: { json: string; html: string } | undefined;
  const built = () => {
    if (!cache) {
      const json = JSON.stringify(openApiDocument());
      // The page renders exactly the JSON served.
      cache = { json, html: docsPage(JSON.parse(json)) };
    }
    return cache;
  };
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(built().json);
  });
  router.get('/docs', (_req, res) => {
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    res.type('text/html').send(built().html);
  });
  return router;
}
