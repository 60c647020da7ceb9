// Default campaign mixes and corpus sizes.
import { Random } from './prng.js';
import type { CampaignSpec, CorpusOptions } from './types.js';

/** The campaign mix used when options.campaigns is omitted: per ten threads one campaign of each
 * burst type (copypasta, mailmerge, paraphrase, echo), plus one drip per 25 threads. */
export function defaultCampaigns(threads: number, seed: number): CampaignSpec[] {
  const r = new Random(seed ^ 0x5eed5eed);
  const specs: CampaignSpec[] = [];
  const units = Math.max(1, Math.round(threads / 10));
  for (let i = 0; i < units; i++) {
    specs.push({ type: 'copypasta', members: r.int(8, 30) });
    specs.push({ type: 'mailmerge', members: r.int(12, 40) });
    specs.push({ type: 'paraphrase', members: r.int(6, 16) });
    specs.push({ type: 'echo', members: r.int(5, 14) });
  }
  for (let i = 0; i < Math.max(1, Math.round(threads / 25)); i++) specs.push({ type: 'drip', members: r.int(8, 20) });
  return specs;
}

// Mean comments per thread with the default options, measured (organic + campaigns + reactions).
const COMMENTS_PER_THREAD = 48.5;

/** Options for a corpus of about `comments` comments (within a few percent), e.g. 100_000. */
export function corpusOptionsForSize(comments: number, seed = 1): CorpusOptions {
  return { seed, threads: Math.max(1, Math.round(comments / COMMENTS_PER_THREAD)) };
}
