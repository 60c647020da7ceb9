// A comment holds one of its stage's slots (comments in hand per process) while it is linked, and
// gives it back once it only waits for its clustering round: with one slot, the second comment of a
// batch must be linked while the first still waits for its round. The comments waiting for rounds
// are bounded on their own (a round takes in all of them, and a huge round delays the next).
import type { Job } from 'bullmq';
import type { StageJob } from '@chorus/contracts';
import { MemoryPorts, type CommentRecord, type DetectionPorts } from '@chorus/core';
import { upsertTenant } from '@chorus/db';
import { createDetectProcessor } from '../../workers/detector/src/processors/detect-processor.js';
import { silentLogger } from '../support/harness.js';
import { createTestDb, waitFor, type TestDb } from '../support/services.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('stage-slots');
}, 30_000);
afterAll(async () => t.cleanup());

/**
 * A lexical stage over the analyzer's own store with two comments of a tenant, whose clustering
 * round is held until `openRound`: `asked` lists the comments that asked for it meanwhile.
 */
async function heldRound(tenantName: string, ids: [string, string], slots: { commentsInHand: number; commentsAwaitingRound?: number }) {
  const tenant = await upsertTenant(t.db, tenantName);
  const memory = new MemoryPorts();
  const texts = ['The council should fund the new bike lanes on Main Street this year', 'Our street has waited three years for the promised crossing light'];
  ids.forEach((id, i) => memory.add({ id, externalId: `c${id}`, scope: tenant.id, threadId: 't', parentId: null, authorId: `a${id}`, postedAt: null, text: texts[i] } satisfies CommentRecord));
  const asked: string[] = [];
  let openRound: () => void = () => undefined;
  const round = new Promise<void>((resolve) => (openRound = resolve));
  const ports: DetectionPorts = Object.create(memory, {
    recluster: {
      value: async (_scope: string, id: string) => {
        asked.push(id);
        await round;
      },
    },
  });
  const processor = createDetectProcessor({ db: t.db, ports, lexicalThreshold: 0.8, logger: silentLogger, ...slots });
  const done = processor({ id: `batch-${tenantName}`, data: { tenantId: tenant.id, commentIds: ids } } as unknown as Job<StageJob>);
  return { asked, openRound, done };
}

test('with one slot, the next comment of a batch is linked while the one before it waits for its round', async () => {
  const { asked, openRound, done } = await heldRound('gazette', ['1', '2'], { commentsInHand: 1 });
  await waitFor(async () => asked.length === 2, 5_000, 'both comments waiting for their round');
  openRound();
  await done;
  expect(asked.sort()).toEqual(['1', '2']);
});

test('comments waiting for their round are bounded too: past the bound, the next waits for a place before it asks', async () => {
  const { asked, openRound, done } = await heldRound('tribune', ['11', '12'], { commentsInHand: 2, commentsAwaitingRound: 1 });
  await waitFor(async () => asked.length === 1, 5_000, 'the first comment waiting for its round');
  // Both are linked (two slots in hand), but only one may wait for a round at once.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(asked).toHaveLength(1);
  openRound();
  await done;
  expect(asked.sort()).toEqual(['11', '12']);
});
