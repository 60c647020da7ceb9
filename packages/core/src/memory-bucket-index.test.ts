import { MemoryBucketIndex } from './memory-bucket-index.js';
import { seededRandom } from './random.js';

/** The Redis script's rules, written plainly: read each list, then LREM, LPUSH and LTRIM the id. */
function redisModel(cap: number) {
  const lists = new Map<string, string[]>();
  return (scope: string, id: string, keys: readonly string[]): string[] => {
    const out: string[] = [];
    for (const key of keys.map((k) => `${scope}:${k}`)) {
      const list = lists.get(key) ?? [];
      out.push(...list.filter((m) => m !== id));
      lists.set(key, [id, ...list.filter((m) => m !== id)].slice(0, cap));
    }
    return [...new Set(out)];
  };
}

test('the in-memory buckets answer as the Redis script does: same ids, same order, capped, per scope', () => {
  const random = seededRandom(9);
  const index = new MemoryBucketIndex(4);
  const model = redisModel(4);
  for (let i = 0; i < 5000; i++) {
    const scope = random() < 0.8 ? 'a' : 'b';
    // Ids and keys from small pools, so buckets fill, overflow and see the same id again.
    const id = `c${Math.floor(random() * 60)}`;
    const keys = Array.from({ length: Math.floor(random() * 5) }, () => `k${Math.floor(random() * 12)}`);
    expect(index.addAndQuery(scope, id, keys)).toEqual(model(scope, id, keys));
  }
});
