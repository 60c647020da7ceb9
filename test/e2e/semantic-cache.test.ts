import { Redis } from 'ioredis';
import type { CommentRecord } from '@chorus/core';
import { createSemanticPorts } from '../../workers/detector/src/service-semantic-ports.js';
import { RedisBucketIndex } from '../../workers/detector/src/redis-bucket-index.js';
import { RedisVectors } from '../../workers/detector/src/redis-vectors.js';
import { testEncoder } from '../support/encoder.js';
import { testPrefix, TEST_REDIS_URL } from '../support/services.js';

const keys = testPrefix('semantic-cache');
const redis = new Redis(TEST_REDIS_URL);
afterAll(async () => {
  await redis.quit();
  await keys.cleanup();
});

const record = (id: string, text: string): CommentRecord => ({ id, externalId: id, scope: 'tenant-a', threadId: 't', parentId: null, authorId: null, postedAt: null, text });

test('a repeated template costs no inference: the second copy comes from the cache', async () => {
  const { embedder, encoder } = await testEncoder();
  const index = new RedisBucketIndex(redis, { prefix: `${keys.prefix}:slsh`, bucketCap: 32, retentionSeconds: 3600 });
  const ports = createSemanticPorts(embedder, encoder, new RedisVectors(redis, keys.prefix), index, { batchSize: 8, batchWaitMs: 2, windowSeconds: 3600, cacheTtlSeconds: 3600 });
  const template = 'Repeal the new parking rules now, they are hurting every small shop on Main Street and nobody asked us.';
  const before = embedder.inferenceCalls;
  const first = await ports.vectorOf(record('1', template));
  expect(embedder.inferenceCalls).toBe(before + 1);
  // Obfuscated copy: same normalized text, so the same cache entry.
  const second = await ports.vectorOf(record('2', 'Repeal the new parking rules now, they are hurting every small shop on Main Street and nobody asked us.\u200B'.replace('a', 'а')));
  expect(embedder.inferenceCalls).toBe(before + 1);
  expect(ports.stats).toEqual({ cacheHits: 1, cacheMisses: 1 });
  expect(Array.from(second!)).toEqual(Array.from(first!));
});

test('concurrent requests share one model call (micro-batching)', async () => {
  const { embedder, encoder } = await testEncoder();
  let calls = 0;
  const counting = { ...embedder, embed: (texts: readonly string[]) => (calls++, embedder.embed(texts)) };
  const index = new RedisBucketIndex(redis, { prefix: `${keys.prefix}:slsh2`, bucketCap: 32, retentionSeconds: 3600 });
  const ports = createSemanticPorts(counting, encoder, new RedisVectors(redis, `${keys.prefix}:b`), index, { batchSize: 16, batchWaitMs: 20, windowSeconds: 3600, cacheTtlSeconds: 3600 });
  const texts = Array.from({ length: 10 }, (_, i) => `Comment number ${i} about the council budget and the new library hours downtown.`);
  const vectors = await Promise.all(texts.map((t, i) => ports.vectorOf(record(`b${i}`, t))));
  expect(vectors.every((v) => v !== null && v.length === encoder.dimensions)).toBe(true);
  expect(ports.stats.cacheMisses).toBe(10);
  expect(calls).toBe(1);
});

test('a text with no known word has no vector and never NaN', async () => {
  const { embedder, encoder } = await testEncoder();
  const index = new RedisBucketIndex(redis, { prefix: `${keys.prefix}:slsh3`, bucketCap: 32, retentionSeconds: 3600 });
  const ports = createSemanticPorts(embedder, encoder, new RedisVectors(redis, `${keys.prefix}:c`), index, { batchSize: 4, batchWaitMs: 2, windowSeconds: 3600, cacheTtlSeconds: 3600 });
  expect(await ports.vectorOf(record('e1', '🔥🔥🔥 💯'))).toBeNull();
});
