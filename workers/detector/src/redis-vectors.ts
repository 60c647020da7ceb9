import type { Redis } from 'ioredis';

const toBuffer = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const fromBuffer = (b: Buffer) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/**
 * Vectors in Redis as raw float32 bytes: the embedding cache (keyed by model and normalized-text
 * hash, so a template posted a thousand times is embedded once) and each comment's comparable vector
 * (keyed by comment, kept for the candidate time window).
 */
export class RedisVectors {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

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
    await this.redis.set(this.commentKey(scope, id), toBuffer(vector), 'EX', ttlSeconds);
  }

  /** Comparable vectors by comment id, with one MGET; missing ones are absent. */
  async getComments(scope: string, ids: readonly string[]): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    if (ids.length === 0) return out;
    const found = await this.redis.mgetBuffer(...ids.map((id) => this.commentKey(scope, id)));
    found.forEach((b, i) => {
      if (b) out.set(ids[i], fromBuffer(b));
    });
    return out;
  }
}
