import { UnrecoverableError, type Job } from 'bullmq';
import { detectJobSchema, tenantSettingsOrDefaults, type DetectJob } from '@chorus/contracts';
import { finishDetection, linkComment, linkSemantic, type CommentRecord, type DetectionPorts, type PipelineParams, type SemanticPorts } from '@chorus/core';
import { findTenant, type Db } from '@chorus/db';
import { enqueueEmbedding, SHARED_METRICS, type EmbedQueue, type Logger, type SharedMetricsRecorder } from '@chorus/platform';

export interface StageDeps {
  readonly db: Db;
  readonly ports: DetectionPorts;
  readonly lexicalThreshold: number;
  readonly logger: Logger;
  /** Per-stage timings, for /metrics. */
  readonly metrics?: SharedMetricsRecorder;
}

/** Runs one stage of a job and records how long it took. */
async function timed<T>(deps: StageDeps, stage: 'link_lexical' | 'link_semantic' | 'finish', run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  deps.metrics?.observe(SHARED_METRICS.stageDuration, { stage }, (performance.now() - started) / 1000);
  return result;
}

function parsePayload(job: Job<DetectJob>): DetectJob {
  const parsed = detectJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid job payload: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}

/** How long a tenant's thresholds are reused: a flood's comments share one lookup, and a change applies within this time. */
export const SETTINGS_CACHE_MS = 1000;
const settingsCache = new WeakMap<StageDeps, Map<string, { readonly at: number; readonly params: Promise<PipelineParams> }>>();

/** The pipeline parameters for a tenant: its thresholds (or the documented defaults). */
async function paramsFor(deps: StageDeps, tenantId: string): Promise<PipelineParams> {
  let cache = settingsCache.get(deps);
  if (!cache) settingsCache.set(deps, (cache = new Map()));
  const cached = cache.get(tenantId);
  if (cached && Date.now() - cached.at < SETTINGS_CACHE_MS) return cached.params;
  const params = (async () => {
    const tenant = await findTenant(deps.db, tenantId);
    if (!tenant) throw new UnrecoverableError('tenant no longer exists');
    const s = tenantSettingsOrDefaults(tenant.settings);
    return { lexicalThreshold: deps.lexicalThreshold, scoring: { suspectThreshold: s.suspect_threshold, coordinatedThreshold: s.coordinated_threshold } };
  })();
  cache.set(tenantId, { at: Date.now(), params });
  // A failed lookup is not reused.
  params.catch(() => {
    if (cache.get(tenantId)?.params === params) cache.delete(tenantId);
  });
  return params;
}

/** What both stages start from: the payload, the tenant's parameters and the comment (undefined once deleted). */
async function begin(deps: StageDeps, job: Job<DetectJob>): Promise<{ tenantId: string; commentId: string; params: PipelineParams; comment: CommentRecord | undefined }> {
  const { tenantId, commentId } = parsePayload(job);
  const [params, [comment]] = await Promise.all([paramsFor(deps, tenantId), deps.ports.loadComments([commentId])]);
  return { tenantId, commentId, params, comment };
}

/**
 * Lexical stage: exact and near-duplicate edges. With the semantic stage on, the comment then moves
 * to the embed queue (which clusters and scores); without it, it is clustered and scored here.
 */
export function createDetectProcessor(deps: StageDeps & { readonly embedQueue?: EmbedQueue }): (job: Job<DetectJob>) => Promise<void> {
  return async (job) => {
    const started = Date.now();
    const { tenantId, commentId, params, comment } = await begin(deps, job);
    const log = deps.logger.child({ jobId: job.id, tenantId, commentId, stage: 'lexical' });
    if (!comment) return log.warn('comment no longer exists');
    const linked = await timed(deps, 'link_lexical', () => linkComment(deps.ports, comment, params));
    if (deps.embedQueue) {
      await enqueueEmbedding(deps.embedQueue, { tenantId, commentId });
    } else {
      await timed(deps, 'finish', () => finishDetection(deps.ports, comment, params));
    }
    log.debug({ durationMs: Date.now() - started, candidates: linked.candidates, edges: linked.edges }, 'lexical stage done');
  };
}

/** Semantic stage: embedding (cached, batched), semantic edges, then clustering and scoring of the component. */
export function createEmbedProcessor(deps: StageDeps & { readonly semantic: SemanticPorts }): (job: Job<DetectJob>) => Promise<void> {
  return async (job) => {
    const started = Date.now();
    const { tenantId, commentId, params, comment } = await begin(deps, job);
    const log = deps.logger.child({ jobId: job.id, tenantId, commentId, stage: 'semantic' });
    if (!comment) return log.warn('comment no longer exists');
    const linked = await timed(deps, 'link_semantic', () => linkSemantic(deps.ports, deps.semantic, comment, params));
    await timed(deps, 'finish', () => finishDetection(deps.ports, comment, params, deps.semantic));
    log.debug({ durationMs: Date.now() - started, candidates: linked.candidates, edges: linked.edges }, 'comment scored');
  };
}
