import { UnrecoverableError, type Job } from 'bullmq';
import { detectJobSchema, tenantSettingsSchema, type DetectJob } from '@chorus/contracts';
import { detectComment, type DetectionPorts } from '@chorus/core';
import { findTenant, type Db } from '@chorus/db';
import type { Logger } from '@chorus/platform';

export interface DetectProcessorDeps {
  readonly db: Db;
  readonly ports: DetectionPorts;
  readonly lexicalThreshold: number;
  readonly logger: Logger;
}

/** Processes one detection job: validate the payload, load the tenant's settings, run the pipeline. */
export function createDetectProcessor(deps: DetectProcessorDeps): (job: Job<DetectJob>) => Promise<void> {
  return async (job) => {
    const parsed = detectJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid detect job payload: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const { tenantId, commentId } = parsed.data;
    const started = Date.now();
    const tenant = await findTenant(deps.db, tenantId);
    if (!tenant) throw new UnrecoverableError('tenant no longer exists');
    const settings = tenantSettingsSchema.safeParse(tenant.settings);
    const s = settings.success ? settings.data : tenantSettingsSchema.parse({});
    const outcome = await detectComment(deps.ports, commentId, {
      lexicalThreshold: deps.lexicalThreshold,
      scoring: { suspectThreshold: s.suspect_threshold, coordinatedThreshold: s.coordinated_threshold },
    });
    const log = deps.logger.child({ jobId: job.id, tenantId, commentId, stage: 'detect' });
    if (outcome === null) log.warn({ durationMs: Date.now() - started }, 'comment no longer exists');
    else log.debug({ durationMs: Date.now() - started, ...outcome }, 'comment scored');
  };
}
