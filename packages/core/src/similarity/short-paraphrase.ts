import type { SimilarityEdge } from '../graph/similarity-edge.js';
import { GenerationalCache } from '../support/generational-cache.js';
import { normalizeCached } from '../text/normalize.js';
import type { CommentRecord } from '../records/comment-record.js';
import { voiceOf } from '../behaviour/ring.js';
import { wordCountOf } from './semantic.js';
import { contentWords, isGenericText } from '../text/tokens.js';

// Short paraphrases. Most comments and posts are shorter than the semantic stage's minimum, where
// averaged sentence vectors are too noisy to trust on their own. A swarm restating one headline
// in its own words ("Mayor quits golf club as members try to block Obama's entry" / "A Maryland
// Mayor quit a country club because members try to block Obama's entry") still keeps most of its
// content words, and posts them beside each other: one thread, different accounts, within the
// hour. Those three together link two short comments; readers answering one another reuse a few
// of each other's words, rarely most of them.

/** Short paraphrases are looked for among comments of the thread posted within this window. */
export const SHORT_PARAPHRASE_WINDOW_MS = 60 * 60 * 1000;
/** Word counts between which a comment is a short one (from this many words; the semantic stage takes over at its own minimum). */
export const SHORT_PARAPHRASE_MIN_WORDS = 5;
/** Share of their content words (Jaccard, after light stemming) two short comments must share. At 0.3 (with 3 words in common) six-comment swarms restating three headlines, planted in 60 real forum threads, were all flagged (0.5: 220 of 360) and the forum's own 10,085 posts stayed at 13 flagged; the generated corpora's figures did not move. */
export const SHORT_PARAPHRASE_MIN_SHARED = 0.3;
/** And at least this many content words in common. */
export const SHORT_PARAPHRASE_MIN_COMMON = 3;

/** A content word's stem: plural and verb endings dropped ("quits" and "quit", "members" and "member"). */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** What the rule reads of a text: its length, whether it is a stock phrase, its content-word stems. */
interface TextProfile {
  readonly words: number;
  readonly generic: boolean;
  readonly stems: ReadonlySet<string>;
}

// Each comment is compared with the short comments around it in its thread: a busy thread's
// neighbours would be read again for every comment posted among them.
const profiles = new GenerationalCache<TextProfile>(20_000);

function profileOf(text: string): TextProfile {
  return profiles.get(text, () => {
    const normalized = normalizeCached(text);
    return { words: wordCountOf(text), generic: isGenericText(normalized), stems: new Set(contentWords(normalized).map(stem)) };
  });
}

/** A comment that can be a short paraphrase: in a thread, with a known time, short but not a stock phrase. */
function isShort(record: CommentRecord, maxWords: number): boolean {
  if (record.stream || record.postedAt === null) return false;
  const { words, generic } = profileOf(record.text);
  return words >= SHORT_PARAPHRASE_MIN_WORDS && words < maxWords && !generic;
}

export interface ShortParaphrasePorts {
  commentsNear(record: CommentRecord, windowMs: number): Promise<CommentRecord[]>;
  addEdges(scope: string, edges: readonly SimilarityEdge[]): Promise<void>;
}

/**
 * Links a short comment to the short comments of its thread, by other people within
 * SHORT_PARAPHRASE_WINDOW_MS, that share most of its content words (`semantic` edges: the same
 * point, differently worded). `maxWords` is where the semantic stage's own minimum starts. The
 * rule is symmetric and edges are only added, so the final graph does not depend on the order
 * comments are processed in.
 */
export async function linkShortParaphrases(ports: ShortParaphrasePorts, comment: CommentRecord, maxWords: number): Promise<number> {
  if (!isShort(comment, maxWords)) return 0;
  const mine = profileOf(comment.text).stems;
  if (mine.size < SHORT_PARAPHRASE_MIN_COMMON) return 0;
  const edges: SimilarityEdge[] = [];
  for (const other of await ports.commentsNear(comment, SHORT_PARAPHRASE_WINDOW_MS)) {
    if (other.id === comment.id || other.scope !== comment.scope || other.threadId !== comment.threadId) continue;
    if (voiceOf(other) === voiceOf(comment) || !isShort(other, maxWords)) continue;
    if (Math.abs(other.postedAt! - comment.postedAt!) > SHORT_PARAPHRASE_WINDOW_MS) continue;
    const theirs = profileOf(other.text).stems;
    let common = 0;
    for (const w of mine) if (theirs.has(w)) common++;
    const shared = common / (mine.size + theirs.size - common);
    if (common >= SHORT_PARAPHRASE_MIN_COMMON && shared >= SHORT_PARAPHRASE_MIN_SHARED) {
      // On the scale of the other edges (a cosine or a Dice coefficient): half the words in common is a close paraphrase.
      edges.push({ a: comment.id, b: other.id, kind: 'semantic', similarity: Math.round((0.5 + shared / 2) * 10000) / 10000 });
    }
  }
  await ports.addEdges(comment.scope, edges);
  return edges.length;
}
