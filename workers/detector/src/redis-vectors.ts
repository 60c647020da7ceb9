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

  /** One MGET for many vectors, keyed back by name; missing ones are absent. */
  private async getMany(names: readonly string[], keyOf: (name: string) => string): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    if (names.length === 0) return out;
    const found = await this.redis.mgetBuffer(...names.map(keyOf));
    found.forEach((b, i) => {
      if (b) out.set(names[i], fromBuffer(b));
    });
    return out;
  }

  /** Cached raw vectors by text hash; misses are absent. */
  async getCached(model: string, textHashes: readonly string[]): Promise<Map<string, Float32Array>> {
    return this.getMany(textHashes, (h) => this.cacheKey(model, h));
  }

  async setCached(model: string, entries: ReadonlyMap<string, Float32Array>, ttlSeconds: number): Promise<void> {
    if (entries.size === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [hash, v] of entries) pipeline.set(this.cacheKey(model, hash), toBuffer(v), 'EX', ttlSeconds);
    await pipeline.exec();
  }

  async setComment(scope: string, id: string, vector: Float32Array, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.commentKey(scope, id), toBuffer(vector), 'EX', ttlSeconds);
  }

  async getComments(scope: string, ids: readonly string[]): Promise<Map<string, Float32Array>> {
    return this.getMany(ids, (id) => this.commentKey(scope, id));
  }
}
