import { MemoryBucketIndex } from './memory-bucket-index.js';
import { seededRandom } from '../support/random.js';

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

test('keyed by band hashes, the buckets answer as keyed by band key strings, clashes of the first hash included', () => {
  const random = seededRandom(11);
  const byKeys = new MemoryBucketIndex(4);
  const byHashes = new MemoryBucketIndex(4);
  // Few values per hash, so buckets fill and overflow; first hashes that agree on their low 30 bits
  // (and whole first hashes with different second ones) clash on purpose.
  const firsts = [1, 2, 1 + 2 ** 30, 2 + 2 ** 31, 3];
  for (let i = 0; i < 5000; i++) {
    const scope = random() < 0.8 ? 'a' : 'b';
    const id = `c${Math.floor(random() * 60)}`;
    const hashes = new Uint32Array(2 * Math.floor(random() * 5));
    for (let k = 0; k < hashes.length; k += 2) {
      hashes[k] = firsts[Math.floor(random() * firsts.length)];
      hashes[k + 1] = Math.floor(random() * 3);
    }
    const keys = Array.from({ length: hashes.length / 2 }, (_, b) => `${b}:${hashes[2 * b]}:${hashes[2 * b + 1]}`);
    const numbers = byHashes.addAndQueryHashes(scope, byHashes.numberOf(id), hashes).map((n) => byHashes.idOf(n));
    expect(numbers).toEqual(byKeys.addAndQuery(scope, id, keys));
  }
});
