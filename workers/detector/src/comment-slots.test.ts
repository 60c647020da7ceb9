import { CommentSlots } from './comment-slots.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a task that gives its slot back lets the next one start while it still runs', async () => {
  const slots = new CommentSlots(1);
  const started: string[] = [];
  let finishFirst: () => void = () => undefined;
  let releaseFirst: () => void = () => undefined;
  const first = slots.run(async (release) => {
    started.push('first');
    releaseFirst = release;
    await new Promise<void>((resolve) => (finishFirst = resolve));
  });
  const second = slots.run(async () => {
    started.push('second');
  });
  await tick();
  expect(started).toEqual(['first']);
  releaseFirst();
  await second;
  expect(started).toEqual(['first', 'second']);
  // Giving back twice (early, then at the end) frees one slot only.
  releaseFirst();
  finishFirst();
  await first;
  expect(slots.inUse).toBe(0);
});

test('without an early release a slot is held until the task ends, also when it fails', async () => {
  const slots = new CommentSlots(2);
  let finish: () => void = () => undefined;
  const running = slots.run(() => new Promise<void>((resolve) => (finish = resolve)));
  await expect(slots.run(async () => Promise.reject(new Error('poison')))).rejects.toThrow('poison');
  expect(slots.inUse).toBe(1);
  finish();
  await running;
  expect(slots.inUse).toBe(0);
});
