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

test('with one slot, the next comment of a batch is linked while the one before it waits for its round', async () => {
  const tenant = await upsertTenant(t.db, 'gazette');
  const memory = new MemoryPorts();
  const record = (id: string, text: string): CommentRecord => ({ id, externalId: `c${id}`, scope: tenant.id, threadId: 't', parentId: null, authorId: `a${id}`, postedAt: null, text });
  memory.add(record('1', 'The council should fund the new bike lanes on Main Street this year'));
  memory.add(record('2', 'Nobody asked for more parking meters downtown, fix the potholes first'));
  const waiting: string[] = [];
  let openRound: () => void = () => undefined;
  const round = new Promise<void>((resolve) => (openRound = resolve));
  // The comments' own store is the analyzer's; only the round is held, to see who reaches it.
  const ports: DetectionPorts = Object.create(memory, {
    recluster: {
      value: async (_scope: string, id: string) => {
        waiting.push(id);
        await round;
      },
    },
  });
  const processor = createDetectProcessor({ db: t.db, ports, lexicalThreshold: 0.8, logger: silentLogger, commentsInHand: 1 });
  const job = { id: 'batch-1', data: { tenantId: tenant.id, commentIds: ['1', '2'] } } as unknown as Job<StageJob>;
  const done = processor(job);
  await waitFor(async () => waiting.length === 2, 5_000, 'both comments waiting for their round');
  openRound();
  await done;
  expect(waiting.sort()).toEqual(['1', '2']);
});

test('comments waiting for their round are bounded too: past the bound, the next waits for a place before it asks', async () => {
  const tenant = await upsertTenant(t.db, 'tribune');
  const memory = new MemoryPorts();
  const record = (id: string, text: string): CommentRecord => ({ id, externalId: `c${id}`, scope: tenant.id, threadId: 't', parentId: null, authorId: `a${id}`, postedAt: null, text });
  memory.add(record('11', 'The library should open on Sundays for students who work all week'));
  memory.add(record('12', 'Our street has waited three years for the promised crossing light'));
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
  const processor = createDetectProcessor({ db: t.db, ports, lexicalThreshold: 0.8, logger: silentLogger, commentsInHand: 2, commentsAwaitingRound: 1 });
  const done = processor({ id: 'batch-2', data: { tenantId: tenant.id, commentIds: ['11', '12'] } } as unknown as Job<StageJob>);
  await waitFor(async () => asked.length === 1, 5_000, 'the first comment waiting for its round');
  // Both are linked (two slots in hand), but only one may wait for a round at once.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(asked).toHaveLength(1);
  openRound();
  await done;
  expect(asked.sort()).toEqual(['11', '12']);
});
