import { ReclusterRounds } from './recluster-rounds.js';

/** Components by comment: a, b, c are one component; d is alone. */
const COMPONENT: Record<string, readonly string[]> = { a: ['a', 'b', 'c'], b: ['a', 'b', 'c'], c: ['a', 'b', 'c'], d: ['d'] };

function recorder(fail?: (id: string) => boolean) {
  const calls: { id: string; requested: string[] }[] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const rounds = new ReclusterRounds<string>(async (_scope, id, _decide, requested) => {
    calls.push({ id, requested: [...requested].sort() });
    await gate;
    if (fail?.(id)) throw new Error(`cannot recluster ${id}`);
    return COMPONENT[id];
  });
  return {
    rounds,
    calls,
    /** Holds every recluster until released. */
    hold() {
      gate = new Promise<void>((r) => (release = r));
    },
    release: () => release(),
  };
}

test('requests that arrive while a round runs are served by one next round, each component once', async () => {
  const r = recorder();
  r.hold();
  const first = r.rounds.request('s', 'a', 'decide');
  await Promise.resolve();
  // Four comments of two components ask while the first round is held.
  const waiting = ['b', 'c', 'd', 'a'].map((id) => r.rounds.request('s', id, 'decide'));
  r.release();
  await Promise.all([first, ...waiting]);
  expect(r.calls.map((c) => c.id)).toEqual(['a', 'b', 'd']);
  // The second round knew every comment it served: they are scored with their component.
  expect(r.calls[1].requested).toEqual(['a', 'b', 'c', 'd']);
});

test('a request waits for a round that started after it, not for one already running', async () => {
  const r = recorder();
  r.hold();
  const first = r.rounds.request('s', 'a', 'decide');
  await Promise.resolve();
  const second = r.rounds.request('s', 'a', 'decide');
  r.release();
  await Promise.all([first, second]);
  // The running round may have loaded "a" before the second request's edges were stored: "a" is reclustered again.
  expect(r.calls.map((c) => c.id)).toEqual(['a', 'a']);
});

test('scopes do not wait for each other, and a failed round fails its callers only', async () => {
  const r = recorder((id) => id === 'd');
  const failed = r.rounds.request('s', 'd', 'decide');
  const other = r.rounds.request('t', 'a', 'decide');
  await expect(failed).rejects.toThrow('cannot recluster d');
  await expect(other).resolves.toBeUndefined();
  await expect(r.rounds.request('s', 'a', 'decide')).resolves.toBeUndefined();
});

test('comments settled fast are not reclustered, unless their component was asked for in full', async () => {
  const calls: string[] = [];
  const rounds = new ReclusterRounds<string>(
    async (_scope, id) => {
      calls.push(id);
      return COMPONENT[id];
    },
    { settle: async (_scope, ids) => ({ settled: new Set(ids), again: [] }) },
  );
  await Promise.all([rounds.request('s', 'a', 'decide'), rounds.request('s', 'd', 'decide')]);
  expect(calls).toEqual([]);
  await Promise.all([rounds.request('s', 'b', 'decide', true), rounds.request('s', 'd', 'decide')]);
  expect(calls).toEqual(['b']);
});

test('idle waits for the running round and for the one gathering behind it', async () => {
  const r = recorder();
  r.hold();
  const ended: string[] = [];
  void r.rounds.request('s', 'a', 'decide').then(() => ended.push('a'));
  await Promise.resolve();
  void r.rounds.request('s', 'd', 'decide').then(() => ended.push('d'));
  let idle = false;
  const waiting = r.rounds.idle().then(() => (idle = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(idle).toBe(false);
  r.release();
  await waiting;
  // Both rounds ended before idle resolved: no decision runs after it.
  expect(ended).toEqual(['a', 'd']);
  expect(r.calls.map((c) => c.id)).toEqual(['a', 'd']);
});

test('components decided together are not decided again one at a time; those left are', async () => {
  const one: string[] = [];
  const many: string[][] = [];
  const rounds = new ReclusterRounds<string>(
    async (_scope, id) => {
      one.push(id);
      return COMPONENT[id];
    },
    {
      // Decides a, b and c's component together; leaves d (as past the limit would be).
      many: async (_scope, ids) => {
        many.push([...ids]);
        return ids.includes('a') ? COMPONENT.a : [];
      },
    },
  );
  await Promise.all(['a', 'b', 'd'].map((id) => rounds.request('s', id, 'decide')));
  expect(many).toEqual([['a', 'b', 'd']]);
  expect(one).toEqual(['d']);
});
