// Tweet-length snippets cut from the real organic forum posts (test/fixtures/organic-forum-dev.jsonl.gz,
// see test/fixtures/README.md): sentences, long ones split at clause breaks, each distinct text once.
// Real sentences keep organic posts as varied as people write; a small grammar would make organic
// posts resemble each other, which is an artefact of the generator, not of the data.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'organic-forum-dev.jsonl.gz');
const MIN_CHARS = 25;
const MAX_CHARS = 280;
/** A sentence longer than this is cut at commas, semicolons and colons. */
const SPLIT_ABOVE = 90;

export interface Snippet {
  readonly text: string;
  /** The forum author: one person's snippets read alike, so an account can keep one voice. */
  readonly author: string;
}

let cached: readonly Snippet[] | undefined;

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const tidy = (s: string) => s.replace(/[,;:]+$/, '').trim();

/** Every distinct snippet of the forum fixture, in file order (about 96,000). */
export function forumSnippets(): readonly Snippet[] {
  if (cached) return cached;
  const seen = new Set<string>();
  const out: Snippet[] = [];
  const keep = (text: string, author: string) => {
    const k = key(text);
    if (k.length === 0 || seen.has(k)) return;
    seen.add(k);
    out.push({ text, author });
  };
  for (const line of gunzipSync(readFileSync(FIXTURE)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const post = JSON.parse(line) as { text: string; author_id: string | null };
    const author = post.author_id ?? 'anonymous';
    const flat = post.text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
    for (const sentence of flat.split(/(?<=[.!?])\s+/)) {
      const parts = sentence.length > SPLIT_ABOVE ? sentence.split(/(?<=[,;:])\s+/) : [sentence];
      let buf = '';
      for (const p of parts) {
        buf = `${buf} ${p}`.trim();
        if (buf.length < MIN_CHARS) continue;
        if (buf.length <= MAX_CHARS) keep(tidy(buf), author);
        buf = '';
      }
      if (buf.length >= 12 && buf.length < MIN_CHARS) keep(tidy(buf), author);
    }
  }
  cached = out;
  return out;
}
