import type { Redis } from 'ioredis';
import { RecentVectors } from './recent-vectors.js';

/** Comment vectors kept in memory per process by default: 100,000 × 100 dimensions is 40 MB. */
export const DEFAULT_RECENT_VECTORS = 100_000;

const toBuffer = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const fromBuffer = (b: Buffer) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/**
 * Vectors in Redis as raw float32 bytes: the embedding cache (keyed by model and normalized-text
 * hash, so a template posted a thousand times is embedded once) and each comment's comparable vector
 * (keyed by comment, kept for the candidate time window). The comment vectors this process wrote
 * or read last are also kept in memory (`recentCapacity` of them, by id: comment ids are unique
 * across tenants): most are read again soon, as candidates of the comments posted after them.
 */
export class RedisVectors {
  private readonly recent: RecentVectors;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    recentCapacity = DEFAULT_RECENT_VECTORS,
  ) {
    this.recent = new RecentVectors(recentCapacity);
  }

  private cacheKey(model: string, textHash: string): string {
    return `${this.prefix}:emb:${model}:${textHash}`;
  }

  private commentKey(scope: string, id: string): string {
    // Hash tag: one tenant's vectors share a slot, so MGET works on Redis Cluster.
    return `${this.prefix}:vec:{${scope}}:${id}`;
  }

  /** The cached raw vector for a text hash, if any. */
  async getCached(model: string, textHash: string): Promise<Float32Array | undefined> {
    const found = await this.redis.getBuffer(this.cacheKey(model, textHash));
    return found ? fromBuffer(found) : undefined;
  }

  async setCached(model: string, textHash: string, vector: Float32Array, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.cacheKey(model, textHash), toBuffer(vector), 'EX', ttlSeconds);
  }

  async setComment(scope: string, id: string, vector: Float32Array, ttlSeconds: number): Promise<void> {
    this.recent.set(id, vector);
    await this.redis.set(this.commentKey(scope, id), toBuffer(vector), 'EX', ttlSeconds);
  }

  /** Comparable vectors by comment id (copies), those not in memory with one MGET; missing ones are absent. */
  async getComments(scope: string, ids: readonly string[]): Promise<Map<string, Float32Array>> {
    const lookup = await this.lookup(scope, ids);
    const out = new Map<string, Float32Array>();
    for (const id of ids) {
      const vector = lookup.get(id);
      if (vector) out.set(id, vector.slice());
    }
    return out;
  }

  /**
   * The same vectors for reading at once: those in memory are views into the process's block, valid
   * until it next takes a vector (so no copy is made for the hundreds of candidates of a comment).
   */
  async lookup(scope: string, ids: readonly string[]): Promise<{ get(id: string): Float32Array | undefined }> {
    const missing = ids.filter((id) => !this.recent.has(id));
    if (missing.length === 0) return this.recent;
    // Those read are kept as well; `fetched` still answers for one the block could not keep.
    const fetched = new Map<string, Float32Array>();
    const found = await this.redis.mgetBuffer(...missing.map((id) => this.commentKey(scope, id)));
    found.forEach((b, i) => {
      if (!b) return;
      const vector = fromBuffer(b);
      fetched.set(missing[i], vector);
      this.recent.set(missing[i], vector);
    });
    return { get: (id) => this.recent.get(id) ?? fetched.get(id) };
  }
}
