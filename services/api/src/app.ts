import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { AppError, NotFoundError } from '@chorus/platform';
import type { AppDeps } from './deps.js';
import { errorHandler } from './error-handler.js';
import { jsonBody, rejectDeclaredOversize } from './json-body.js';
import { authenticate, requestLog, securityHeaders } from './middleware.js';
import { clustersRouter } from './routes/clusters.js';
import { accountsRouter } from './routes/accounts.js';
import { moderationLogRouter } from './routes/moderation-log.js';
import { clusterDropRouter } from './routes/cluster-drop.js';
import { commentsRouter } from './routes/comments.js';
import { exportsRouter } from './routes/exports.js';
import { reportsRouter } from './routes/reports.js';
import { settingsRouter } from './routes/settings.js';
import { healthRouter } from './routes/health.js';
import { ingestRouter } from './routes/ingest.js';
import { countRequests, metricsRouter } from './routes/metrics.js';
import { openApiRouter } from './openapi-routes.js';
import { authorizeScope } from './scopes.js';
import { threadsRouter } from './routes/threads.js';
import { webhooksRouter } from './routes/webhooks.js';
import { rateLimit } from './rate-limit.js';
import { responseDeadline } from './deadline.js';

/** Builds the HTTP app; `server.ts` only listens. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders);
  app.use(requestLog(deps.logger));
  app.use(responseDeadline(deps.responseTimeoutMs ?? 0));
  app.use(countRequests);
  app.use(healthRouter(deps));
  app.use(metricsRouter(deps));
  app.use(openApiRouter());
  // The moderators' dashboard: static files that call the API with the moderator's key.
  app.use('/dashboard', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    next();
  });
  // The network view's graph library (cytoscape, MIT, its built files) from the app itself: no CDN,
  // scripts stay 'self'. A module script needs a JavaScript type, which .mjs is not given by default.
  const cytoscape = dirname(createRequire(import.meta.url).resolve('cytoscape'));
  app.use('/dashboard/vendor/cytoscape', express.static(cytoscape, { index: false, setHeaders: (res, path) => path.endsWith('.mjs') && res.setHeader('Content-Type', 'text/javascript; charset=utf-8') }));
  app.use('/dashboard', express.static(fileURLToPath(new URL('../public', import.meta.url)), { index: 'dashboard.html' }));

  // Before authentication: a declared length over the limit is refused without waiting for the body.
  app.use('/v1', rejectDeclaredOversize);
  app.use('/v1', authenticate(deps.db, deps.keyCacheMs ?? 30_000, deps.keyRevocations));
  app.use('/v1', authorizeScope);
  if (deps.rateLimit) app.use('/v1', rateLimit(deps.db, { ...deps.rateLimit, redis: deps.redis }));
  app.use('/v1', (req, _res, next) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'DELETE';
    if (hasBody && !req.is('application/json')) {
      return next(new AppError('unsupported_media_type', 415, 'send the body as application/json', 'content-type'));
    }
    next();
  });
  app.use('/v1', jsonBody(deps.bodyIdleTimeoutMs ?? 5000));
  app.use(ingestRouter(deps));
  app.use(commentsRouter(deps));
  app.use(clustersRouter(deps));
  app.use(accountsRouter(deps));
  app.use(clusterDropRouter(deps));
  app.use(moderationLogRouter(deps));
  app.use(settingsRouter(deps));
  app.use(exportsRouter(deps));
  app.use(reportsRouter(deps));
  app.use(threadsRouter(deps));
  app.use(webhooksRouter(deps));
  app.use((_req, _res, next) => next(new NotFoundError('route', 'path')));
  app.use(errorHandler(deps.logger));
  return app;
}
