import { UnrecoverableError, type Job } from 'bullmq';
import { batchJobSchema, detectJobSchema, isBatchJob, tenantSettingsOrDefaults, type BatchJob, type DetectJob, type StageJob } from '@chorus/contracts';
import { finishDetection, linkComment, linkSemantic, type CommentRecord, type DetectionPorts, type PipelineParams, type SemanticPorts } from '@chorus/core';
import { findTenant, isConnectionError, type Db } from '@chorus/db';
import { enqueueEmbedding, enqueueEmbeddingBatch, enqueueSingles, SHARED_METRICS, type DetectQueue, type EmbedQueue, type Logger, type SharedMetricsRecorder } from '@chorus/platform';
import { CommentSlots } from '../comment-slots.js';

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

function parsePayload(job: Job<StageJob>): StageJob {
  const data: unknown = job.data;
  const parsed = typeof data === 'object' && data !== null && 'commentIds' in data ? batchJobSchema.safeParse(data) : detectJobSchema.safeParse(data);
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

/**
 * Comments of a batch job in hand at once per stage and process, by default (DETECT_CONCURRENCY and
 * EMBED_CONCURRENCY count jobs). Measured on a 4,000-copy flood: 64 scored more per second than 256
 * at a fifth less CPU per comment, each comment in hand holding its thread's 500 neighbours.
 */
export const DEFAULT_COMMENTS_IN_HAND = 64;

/** A stage's own queue (where a batch's failed comments continue; absent for a test's processor), its name, and its comment slots. */
interface OwnQueue {
  readonly queue?: DetectQueue;
  readonly name: 'detect' | 'embed';
  readonly slots: CommentSlots;
}

/** One comment's stage: what a comment's own job runs, and each comment of a batch job. `release` gives its comment slot back early. */
type CommentStage = (comment: CommentRecord, params: PipelineParams, log: Logger, release: () => void) => Promise<void>;

/**
 * Runs a job of either shape. A comment's job runs the stage and fails as the comment's stage
 * fails. A batch job runs every comment's stage together (their reads and writes gather into
 * shared statements); a comment whose stage fails continues as a job of its own on the same queue,
 * with that queue's retries and, in the end, its own failure reason, so one poison comment costs
 * its batch nothing. Returns the comments of the job that completed the stage here.
 */
async function runJob(
  deps: StageDeps,
  job: Job<StageJob>,
  stage: 'lexical' | 'semantic',
  own: OwnQueue,
  run: CommentStage,
): Promise<{ tenantId: string; done: string[] }> {
  const payload = parsePayload(job);
  const { tenantId } = payload;
  const ids = isBatchJob(payload) ? payload.commentIds : [payload.commentId];
  const log = deps.logger.child({ jobId: job.id, tenantId, stage });
  const params = await paramsFor(deps, tenantId);
  let comments: CommentRecord[];
  try {
    comments = await deps.ports.loadComments(ids);
  } catch (err) {
    // A batch holding a row that cannot be read (not an outage): each comment continues on its own,
    // so the others are not held back by the retries of the one that fails.
    if (!isBatchJob(payload) || !own.queue || isConnectionError(err)) throw err;
    log.warn({ err, comments: ids.length }, 'a batch could not be loaded; each comment continues as a job of its own');
    await enqueueSingles(own.queue, own.name, ids.map((commentId) => ({ tenantId, commentId })));
    return { tenantId, done: [] };
  }
  if (comments.length < ids.length) log.warn({ missing: ids.length - comments.length }, 'comments no longer exist');
  if (!isBatchJob(payload)) {
    if (comments.length > 0) await run(comments[0], params, log.child({ commentId: payload.commentId }), () => undefined);
    return { tenantId, done: comments.map((c) => c.id) };
  }
  const outcomes = await Promise.allSettled(comments.map((c) => own.slots.run((release) => run(c, params, log.child({ commentId: c.id }), release))));
  const failed = comments.filter((_, i) => outcomes[i].status === 'rejected');
  if (failed.length > 0) {
    const first = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    log.warn({ err: first.reason, failed: failed.length, of: comments.length }, 'comments of a batch failed; each continues as a job of its own');
    // Without a queue of its own (a test's processor) the batch fails, and is retried whole.
    if (!own.queue) throw first.reason;
    await enqueueSingles(own.queue, own.name, failed.map((c) => ({ tenantId, commentId: c.id })));
  }
  return { tenantId, done: comments.filter((_, i) => outcomes[i].status === 'fulfilled').map((c) => c.id) };
}

/**
 * Comments of a stage waiting for their clustering round at once per process, by default: a round
 * takes in every comment waiting, and a round of thousands runs for seconds, which a comment that
 * arrives meanwhile waits for (the fifth copy of a flood in a thread must be flagged within 5 s).
 */
export const DEFAULT_COMMENTS_AWAITING_ROUND = 256;

/**
 * The ports, but a comment's stage slot is given back once its edges are stored, and it waits for
 * its clustering round holding one of `awaiting` instead (it then holds no candidates or vectors).
 */
function releasingBeforeRecluster(ports: DetectionPorts, release: () => void, awaiting: CommentSlots): DetectionPorts {
  return Object.create(ports, {
    recluster: {
      value: (...args: Parameters<DetectionPorts['recluster']>) => {
        release();
        return awaiting.run(() => ports.recluster(...args));
      },
    },
  }) as DetectionPorts;
}

/**
 * Lexical stage: exact and near-duplicate edges. With the semantic stage on, the comments then move
 * to the embed queue (a batch as one job), which clusters and scores; without it, they are
 * clustered and scored here.
 */
export function createDetectProcessor(deps: StageDeps & { readonly embedQueue?: EmbedQueue; readonly detectQueue?: DetectQueue; readonly commentsInHand?: number; readonly commentsAwaitingRound?: number }): (job: Job<StageJob>) => Promise<void> {
  const own: OwnQueue = { queue: deps.detectQueue, name: 'detect', slots: new CommentSlots(deps.commentsInHand ?? DEFAULT_COMMENTS_IN_HAND) };
  const awaiting = new CommentSlots(deps.commentsAwaitingRound ?? DEFAULT_COMMENTS_AWAITING_ROUND);
  return async (job) => {
    const { tenantId, done } = await runJob(deps, job, 'lexical', own, async (comment, params, log, release) => {
      const started = Date.now();
      const linked = await timed(deps, 'link_lexical', () => linkComment(deps.ports, comment, params));
      if (!deps.embedQueue) await timed(deps, 'finish', () => finishDetection(releasingBeforeRecluster(deps.ports, release, awaiting), comment, params));
      log.debug({ durationMs: Date.now() - started, candidates: linked.candidates, edges: linked.edges }, 'lexical stage done');
    });
    if (!deps.embedQueue || done.length === 0) return;
    if (isBatchJob(job.data) && done.length > 1) await enqueueEmbeddingBatch(deps.embedQueue, { tenantId, commentIds: done } satisfies BatchJob);
    else for (const commentId of done) await enqueueEmbedding(deps.embedQueue, { tenantId, commentId } satisfies DetectJob);
  };
}

/** Semantic stage: embedding (cached, batched), semantic edges, then clustering and scoring of the component. */
export function createEmbedProcessor(deps: StageDeps & { readonly semantic: SemanticPorts; readonly embedQueue?: EmbedQueue; readonly commentsInHand?: number; readonly commentsAwaitingRound?: number }): (job: Job<StageJob>) => Promise<void> {
  const own: OwnQueue = { queue: deps.embedQueue, name: 'embed', slots: new CommentSlots(deps.commentsInHand ?? DEFAULT_COMMENTS_IN_HAND) };
  const awaiting = new CommentSlots(deps.commentsAwaitingRound ?? DEFAULT_COMMENTS_AWAITING_ROUND);
  return async (job) => {
    await runJob(deps, job, 'semantic', own, async (comment, params, log, release) => {
      const started = Date.now();
      const linked = await timed(deps, 'link_semantic', () => linkSemantic(deps.ports, deps.semantic, comment, params));
      await timed(deps, 'finish', () => finishDetection(releasingBeforeRecluster(deps.ports, release, awaiting), comment, params, deps.semantic));
      log.debug({ durationMs: Date.now() - started, candidates: linked.candidates, edges: linked.edges }, 'comment scored');
    });
  };
}
