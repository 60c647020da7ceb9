import { Router } from 'express';
import { tenantSettingsOrDefaults, tenantSettingsSchema } from '@chorus/contracts';
import { findTenant, saveTenantSettings } from '@chorus/db';
import { NotFoundError } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { parseOr422 } from '../validation.js';

const DEFAULTS = tenantSettingsSchema.parse({});

/** GET/PUT /v1/settings: the tenant's detection thresholds. PUT replaces them; omitted fields take their defaults. */
export function settingsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/settings',
    handle(async (req, res) => {
      const tenant = await findTenant(deps.db, req.tenantId!);
      if (!tenant) throw new NotFoundError('tenant');
      res.json({ settings: tenantSettingsOrDefaults(tenant.settings), defaults: DEFAULTS });
    }),
  );
  router.put(
    '/v1/settings',
    handle(async (req, res) => {
      const settings = parseOr422(tenantSettingsSchema, req.body);
      await saveTenantSettings(deps.db, req.tenantId!, settings);
      deps.logger.info({ tenantId: req.tenantId, requestId: req.requestId, settings }, 'settings changed');
      res.json({ settings, defaults: DEFAULTS });
    }),
  );
  return router;
}
