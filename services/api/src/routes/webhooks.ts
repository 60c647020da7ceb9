import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { rowIdSchema, webhookCreateSchema } from '@chorus/contracts';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, rotateWebhookSecret } from '@chorus/db';
import { NotFoundError } from '@chorus/platform';
import { emitWebhookEvent } from '@chorus/webhooks';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { parseOr422 } from '../validation.js';

/** How long a rotated-out secret keeps signing, so receivers can switch without losing a delivery. */
const ROTATION_GRACE_MS = 24 * 3600 * 1000;

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
type Hook = Awaited<ReturnType<typeof listWebhooks>>[number];
const hookView = (h: Hook) => ({ id: h.id, url: h.url, events: h.events, created_at: h.created_at.toISOString(), previous_secret_until: iso(h.previous_secret_until) });

/** Ids are bigints; anything else is no endpoint of the tenant's. */
function webhookId(id: string): string {
  if (!rowIdSchema.safeParse(id).success) throw new NotFoundError('webhook');
  return id;
}

/** POST/GET/DELETE /v1/webhooks, the delivery log, a test event and secret rotation. */
export function webhooksRouter(deps: AppDeps): Router {
  const router = Router();
  router.post(
    '/v1/webhooks',
    handle(async (req, res) => {
      const body = parseOr422(webhookCreateSchema, req.body);
      const secret = newSecret();
      const hook = await createWebhook(deps.db, req.tenantId!, { ...body, secret });
      res.status(201).json({ ...hookView(hook), secret });
    }),
  );
  router.get(
    '/v1/webhooks',
    handle(async (req, res) => {
      res.json({ webhooks: (await listWebhooks(deps.db, req.tenantId!)).map(hookView) });
    }),
  );
  router.delete(
    '/v1/webhooks/:id',
    handle(async (req, res) => {
      if (!(await deleteWebhook(deps.db, req.tenantId!, webhookId(req.params.id)))) throw new NotFoundError('webhook');
      res.status(204).end();
    }),
  );
  router.get(
    '/v1/webhooks/:id/deliveries',
    handle(async (req, res) => {
      const rows = await listDeliveries(deps.db, req.tenantId!, webhookId(req.params.id), 100);
      if (!rows) throw new NotFoundError('webhook');
      res.json({ deliveries: rows.map((d) => ({ ...d, created_at: d.created_at.toISOString(), delivered_at: iso(d.delivered_at) })) });
    }),
  );
  router.post(
    '/v1/webhooks/:id/test',
    handle(async (req, res) => {
      const id = webhookId(req.params.id);
      const [deliveryId] = await emitWebhookEvent(deps.db, deps.webhookQueue, req.tenantId!, { type: 'webhook.test', data: { webhook_id: id }, onlyWebhook: id });
      if (!deliveryId) throw new NotFoundError('webhook');
      res.status(202).json({ delivery_id: deliveryId });
    }),
  );
  router.post(
    '/v1/webhooks/:id/rotate-secret',
    handle(async (req, res) => {
      const secret = newSecret();
      const hook = await rotateWebhookSecret(deps.db, req.tenantId!, webhookId(req.params.id), secret, new Date(Date.now() + ROTATION_GRACE_MS));
      if (!hook) throw new NotFoundError('webhook');
      res.json({ ...hookView(hook), secret });
    }),
  );
  return router;
}
