import { Router } from 'express';
import { DEFAULT_SETTINGS, settingsUpdateSchema, tenantSettingsOrDefaults } from '@chorus/contracts';
import { findTenant, saveTenantSettings } from '@chorus/db';
import { NotFoundError } from '@chorus/platform';
import type { AppDeps } from '../deps.js';
import { handle } from '../middleware.js';
import { parseOr422 } from '../validation.js';

/** GET/PUT /v1/settings: the tenant's detection thresholds. PUT replaces them; omitted fields take their defaults; an empty PUT is a 422. */
export function settingsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get(
    '/v1/settings',
    handle(async (req, res) => {
      const tenant = await findTenant(deps.db, req.tenantId!);
      if (!tenant) throw new NotFoundError('tenant', 'authorization');
      res.json({ settings: tenantSettingsOrDefaults(tenant.settings), defaults: DEFAULT_SETTINGS });
    }),
  );
  router.put(
    '/v1/settings',
    handle(async (req, res) => {
      const settings = parseOr422(settingsUpdateSchema, req.body);
      await saveTenantSettings(deps.db, req.tenantId!, settings);
      deps.logger.info({ tenantId: req.tenantId, requestId: req.requestId, settings }, 'settings changed');
      res.json({ settings, defaults: DEFAULT_SETTINGS });
    }),
  );
  return router;
}
