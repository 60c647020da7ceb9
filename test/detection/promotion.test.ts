// Promotion spam under a video: a short paste by many accounts, and self-promoters asking in their
// own words; readers' own short lines, repeated by many of them, stay clean.
import { analyzeCorpus, callsToAction, DEFAULT_SCORING, normalizeText, type CommentRecord } from '@chorus/core';
import { memorySemanticPorts, testEncoder } from '../support/encoder.js';

test('calls to action are what promoters ask of readers, not what readers say to each other', () => {
  const asks = (text: string) => callsToAction(normalizeText(text));
  expect(asks('Subscribe to my channel please!')).toContain('subscribe');
  expect(asks('sub 4 sub, I sub back')).toContain('subscribe');
  expect(asks('hey guys check out my new music video, I really worked hard on it')).toContain('visit their channel or page');
  expect(asks('Check out this video on YouTube:')).toContain('check out a link or video');
  expect(asks('You can make money online from home, it is easy')).toContain('make money');
  for (const reader of ['I just came here to check the views', 'This is my song, I love it', 'people like me grew up with this', 'the subscribers count is crazy', 'my favourite channel on tv used to play this']) {
    expect(asks(reader)).toEqual([]);
  }
});

const comment = (id: string, author: string, text: string, minute: number): CommentRecord => ({
  id, externalId: id, scope: 's', threadId: 'video-1', parentId: null, authorId: author, postedAt: Date.UTC(2015, 4, 29, 2, 0) + minute * 60_000, text,
});

test('a paste and self-promoters under one video are flagged; readers repeating short praise are not', async () => {
  const readers = ['i love this song', 'Love this song!', 'best song ever', 'Best song ever!!', 'who is watching in 2015?', 'Who is watching in 2015', 'this song never gets old', 'amazing voice', 'Amazing voice', 'the video is so good', 'I came here to check the views', 'still a masterpiece'];
  const promoters = [
    'Hey guys, please subscribe to my channel, I make covers every week!',
    'subscribe to me and i will subscribe back, thanks',
    'Please SUBSCRIBE to my channel, I am a new youtuber',
    'Check out my channel for funny videos, and subscribe!',
    'plz subscribe my channel i post gaming videos daily',
  ];
  const records = [
    ...readers.map((t, i) => comment(`r${i}`, `reader${i}`, t, i * 7)),
    ...promoters.map((t, i) => comment(`p${i}`, `promoter${i}`, t, 3 + i * 11)),
    ...Array.from({ length: 6 }, (_, i) => comment(`s${i}`, `paster${i}`, 'Check out this video on YouTube:', 5 + i * 9)),
  ];
  const result = await analyzeCorpus(records, { lexicalThreshold: 0.8, scoring: DEFAULT_SCORING }, { semantic: memorySemanticPorts(await testEncoder()) });
  const flagged = (prefix: string) => records.filter((r) => r.id.startsWith(prefix) && result.verdicts.get(r.id)?.verdict !== 'clean' && result.verdicts.has(r.id)).length;
  expect(flagged('r')).toBe(0);
  expect(flagged('s')).toBe(6);
  expect(flagged('p')).toBe(5);
  const reasons = result.clusters.filter((c) => c.verdict !== 'clean').flatMap((c) => c.reasons.map((r) => r.text));
  expect(reasons.some((t) => /accounts ask readers to subscribe/.test(t))).toBe(true);
});
