// A timeline without threads (the coordination-network-toolkit layout): everyday chatter close in
// meaning must not read as a campaign, a template pasted with a word swapped must.
import { analyzeCorpus, DEFAULT_SCORING } from '@chorus/core';
import { readDump } from '../../packages/cli/src/read-dump.js';
import { memorySemanticPorts, testEncoder } from '../support/encoder.js';

/** A small deterministic generator (mulberry32), so the test reads the same every run. */
function sequence(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const who = ['my mum', 'my dad', 'my sister', 'our neighbour', 'my boss', 'the kids', 'my friend', 'grandma'];
const did = ['finished', 'bought', 'cooked', 'painted', 'fixed', 'lost', 'cleaned', 'sold'];
const what = ['fresh', 'cheap', 'old', 'new', 'shiny', 'broken', 'tiny', 'lovely'];
const thing = ['train', 'cake', 'bike', 'garden', 'car', 'sofa', 'lamp', 'jacket'];
const when = ['today', 'yesterday', 'this morning', 'tonight', 'finally'];

function timeline(): string {
  const pick = sequence(7);
  const one = <T,>(xs: readonly T[]) => xs[pick(xs.length)];
  const rows: string[][] = [];
  const start = 1_600_000_000;
  // 240 everyday posts by 120 accounts within 20 minutes: one sentence shape, many fillings.
  for (let i = 0; i < 240; i++) {
    const text = `${one(when)} ${one(who)} ${one(did)} our ${one(what)} ${one(what)} ${one(thing)}! and then ${one(who)} ${one(did)} the ${one(what)} ${one(thing)} so ${one(when)} was ${one(what)}`;
    rows.push([`o${i}`, `reader${pick(120)}`, text, String(start + pick(1200))]);
  }
  // A campaign: 12 accounts paste one pitch within 5 minutes, one word swapped here and there.
  const towns = ['Riverside', 'Oakfield', 'Millbrook'];
  for (let i = 0; i < 12; i++) {
    const text = `Vote NO on measure 7 in ${one(towns)}: it raises taxes on every ${i % 3 === 0 ? 'working' : 'ordinary'} family and the council knows it`;
    rows.push([`c${i}`, `booster${i}`, text, String(start + 300 + pick(300))]);
  }
  const csv = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return ['message_id,user_id,username,repost_id,reply_id,message,timestamp,urls', ...rows.map(([id, user, text, t]) => [id, user, user, '', '', csv(text), t, ''].join(','))].join('\n');
}

test('in a stream, a pasted template is flagged and chatter alike in meaning is not', async () => {
  const { records } = readDump(timeline(), 'timeline.csv');
  expect(records.every((r) => r.stream)).toBe(true);
  const result = await analyzeCorpus(records, { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING }, { semantic: memorySemanticPorts(await testEncoder()) });
  const flagged = records.filter((r) => (result.verdicts.get(r.id)?.verdict ?? 'clean') !== 'clean').map((r) => r.id);
  expect(flagged.filter((id) => id.startsWith('o'))).toEqual([]);
  expect(flagged.filter((id) => id.startsWith('c')).length).toBe(12);
});
