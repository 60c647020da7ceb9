// Deterministic generator of labeled comment corpora for tuning and evaluating the detector.
//
// Organic threads are composed from topic-specific fragments (claims on both sides, anecdotes,
// questions, hedges, quotes of the article and of popular comments, generic one-liners), so
// organic comments share vocabulary the way real on-topic comments do. Campaigns are written to be
// recognisable to a human as coordinated (copies, form letters, paraphrases of one talking point,
// agree-and-echo replies, a slow drip of one template) without being trivially identical.
//
// This is the public entry; the modules live in corpus/: the run in generate.ts, organic
// discussion in organic-thread.ts, one file per campaign type in campaigns/, and the phrase banks
// (one file per topic plus the shared ones) in banks/.
export { generateCorpus } from './corpus/generate.js';
export { corpusOptionsForSize, defaultCampaigns } from './corpus/options.js';
export { TOPIC_KEYS } from './corpus/topics.js';
export type { CampaignSpec, CampaignType, CorpusLabel, CorpusOptions, LabeledComment } from './corpus/types.js';
