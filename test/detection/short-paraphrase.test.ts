// A swarm restating one headline in short comments of its own words, beside readers who answer
// one another with a few shared words.
import { analyzeCorpus, DEFAULT_SCORING, type CommentRecord } from '@chorus/core';
import { memorySemanticPorts, testEncoder } from '../support/encoder.js';

const swarm = [
  "Mayor quits golf club as members try to block Obama's entry",
  "A Maryland Mayor quit a country club because members try to block Obama's entry",
  "Mayor quits club as members try to block BHO's entry",
  'The mayor quit his golf club over members trying to block Obama',
  'Golf club members try to block Obama, so the mayor quits',
  'Mayor quits the golf club after members tried to block Obama',
];
const readers = [
  'Does anyone know which club this actually was?',
  'The article does not say which club it was, sadly.',
  'Golf is such an expensive hobby anyway, never understood it.',
  'My uncle plays golf every weekend and loves it.',
  'Expensive hobby indeed, my uncle spends a fortune on golf.',
  'I would like to read what the members themselves said about it.',
  'The members have not said anything in public yet.',
  'Why is this even news? Private clubs pick their members.',
];

function thread(swarmMinutesApart: number): CommentRecord[] {
  const at = (minute: number) => Date.UTC(2014, 5, 1, 12) + minute * 60_000;
  const record = (id: string, author: string, text: string, minute: number): CommentRecord => ({ id, externalId: id, scope: 's', threadId: 'golf-club', parentId: null, authorId: author, postedAt: at(minute), text });
  return [...readers.map((t, i) => record(`r${i}`, `reader${i}`, t, i * 5)), ...swarm.map((t, i) => record(`s${i}`, `swarm${i}`, t, 2 + i * swarmMinutesApart))].sort((a, b) => a.postedAt! - b.postedAt!);
}

async function flaggedIn(records: CommentRecord[]) {
  const result = await analyzeCorpus(records, { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING }, { semantic: memorySemanticPorts(await testEncoder()) });
  const flagged = records.filter((r) => (result.verdicts.get(r.id)?.verdict ?? 'clean') !== 'clean').map((r) => r.id);
  return { swarm: flagged.filter((id) => id.startsWith('s')).length, readers: flagged.filter((id) => id.startsWith('r')).length };
}

test('short paraphrases of one headline by six accounts within the hour are flagged; readers sharing a few words are not', async () => {
  expect(await flaggedIn(thread(6))).toEqual({ swarm: 6, readers: 0 });
});

test('the same six lines spread over a day are not linked as a swarm', async () => {
  expect((await flaggedIn(thread(240))).swarm).toBeLessThan(6);
});
