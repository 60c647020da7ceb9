import type { Redis } from 'ioredis';

// Reads every band bucket, then adds the id to each that does not hold it yet (capped, with a
// retention window), atomically: of two comments indexed at the same time, the second always sees
// the first. Each id is returned once: near-copies share most of their buckets, and the answer
// would otherwise repeat them. A list is trimmed only when the push took it past the cap.
const ADD_AND_QUERY = `
local out = {}
local seen = {}
local cap = tonumber(ARGV[2])
for _, key in ipairs(KEYS) do
  local members = redis.call('LRANGE', key, 0, -1)
  local present = false
  for _, m in ipairs(members) do
    if m == ARGV[1] then
      present = true
    elseif not seen[m] then
      seen[m] = true
      out[#out + 1] = m
    end
  end
  if not present and redis.call('LPUSH', key, ARGV[1]) > cap then redis.call('LTRIM', key, 0, cap - 1) end
  redis.call('EXPIRE', key, tonumber(ARGV[3]))
end
return out
`;

export interface BucketIndexOptions {
  /** Key prefix, e.g. `chorus:lsh` (lexical bands) or `chorus:slsh` (semantic hyperplane tables). */
  readonly prefix: string;
  /** Most recent ids kept per bucket: keeps lookups flat when a template is posted thousands of times. */
  readonly bucketCap: number;
  /** Seconds a bucket lives after its last write: the candidate time window. */
  readonly retentionSeconds: number;
}

/** LSH buckets in Redis (lexical bands or semantic hyperplane tables), shared by every worker process. */
export class RedisBucketIndex {
  constructor(
    private readonly redis: Redis,
    private readonly options: BucketIndexOptions,
  ) {
    redis.defineCommand('chorusLshAddQuery', { lua: ADD_AND_QUERY });
  }

  /** Adds `id` under each bucket key, returning the other ids already there (deduplicated). */
  async addAndQuery(scope: string, id: string, bucketKeys: readonly string[]): Promise<string[]> {
    if (bucketKeys.length === 0) return [];
    // The hash tag keeps a tenant's buckets in one slot, so the script also runs on Redis Cluster.
    const keys = bucketKeys.map((k) => `${this.options.prefix}:{${scope}}:${k}`);
    const call = (this.redis as unknown as Record<string, (...args: (string | number)[]) => Promise<string[]>>).chorusLshAddQuery;
    const found = await call.call(this.redis, keys.length, ...keys, id, this.options.bucketCap, this.options.retentionSeconds);
    return found;
  }
}
