import type { Evidence } from './evidence.js';

// The answer to "why was this cluster flagged?": every signal a cluster's reasons can name, with
// what it measures, how it acts on the score, the weights it can take and the words a moderator
// reads. The functions named in `source` compute it; score.ts combines the evidence found:
// `add` weights as independent evidence (1 - prod(1 - w)), then `scale` multiplies the result and
// `cap` bounds it. A clean cluster's score is computed again with the component evidence (siblings,
// drip) when decide.ts finds it beside a flagged cluster of its component.

export interface EvidenceEntry {
  /** The name a reason carries (`Reason.signal`). */
  readonly signal: string;
  /** Read from the cluster alone, or from the cluster beside the other clusters of its component. */
  readonly scope: 'cluster' | 'component';
  /** What it measures, in a sentence. */
  readonly measures: string;
  readonly effect: Evidence['effect'];
  /** Lowest and highest weight the signal gives (for `scale` and `cap`: the multiplier or the cap). */
  readonly weight: readonly [number, number];
  /** How the weight is reached, as in the code. */
  readonly weighting: string;
  /** The reason text, with its variable parts in braces. */
  readonly reason: string;
  /** Signals whose evidence this one overrules (dropped from the score and the reasons). */
  readonly overrules?: readonly string[];
  /** Where it is computed: file (under packages/core/src) and function. */
  readonly source: string;
}

export const EVIDENCE_REGISTRY: readonly EvidenceEntry[] = [
  {
    signal: 'distinct-voices',
    scope: 'cluster',
    measures: 'Many distinct accounts saying the same thing: copies count wherever and whenever they were posted, paraphrases only as far as their authors posted them together (within 3 hours).',
    effect: 'add',
    weight: [0, 1],
    weighting:
      'copies: 1 - exp(-0.25 (voices - 1)), short copies counting only the voices posting together in full; paraphrases: 0.85 (1 - exp(-0.45 (c - 2))), c = voices together x sqrt(their share); mixed by the share of copy edges',
    reason: '{n} comments are {identical (after normalization) | near-duplicates | paraphrases of one talking point}, posted by {accounts}[; up to {k} of them within 3 hours]',
    source: 'evidence/voices.ts voicesSignal',
  },
  {
    signal: 'single-account',
    scope: 'cluster',
    measures: 'One account posted every comment of the cluster: spam or repetition, not coordination.',
    effect: 'cap',
    weight: [0.2, 0.2],
    weighting: 'caps the score at 0.2',
    reason: 'One account posted all {n} comments: repetition by one person, not coordination',
    source: 'evidence/voices.ts voicesSignal',
  },
  {
    signal: 'reply-echo',
    scope: 'cluster',
    measures:
      'Replies in one thread that open with agreement and restate the comment they answer (cosine 0.65 or more with it, or 3 of its content words, or a quarter of them, shared with it): the agree-and-echo pattern.',
    effect: 'add',
    weight: [0, 0.6],
    weighting: 'min(0.6, 0.3 + 0.1 r) x min(1, r / (0.25 n)), r echoing replies in the busiest thread, n members; needs r >= 2',
    reason: '{r} replies[ in one thread] open with agreement ({openers}) and restate the comment they answer',
    source: 'evidence/replies.ts replyEchoSignal',
  },
  {
    signal: 'agreement-ring',
    scope: 'cluster',
    measures: 'Agreeing replies in one thread by at least 5 different people within 30 minutes: the reply ring by behaviour.',
    effect: 'add',
    weight: [0.6, 0.8],
    weighting: 'min(0.8, 0.35 + 0.05 v), v >= 5 voices in the busiest 30-minute window',
    reason: '{v} replies in one thread, by {v} different commenters within {m} minutes, all open with agreement',
    source: 'evidence/rings-and-swarms.ts agreementRingSignal',
  },
  {
    signal: 'swarm',
    scope: 'cluster',
    measures: 'A cluster joined by swarm edges whose members include at least 8 people posting in one thread within 45 minutes: 4 or more repeated wordings of one point.',
    effect: 'add',
    weight: [0.7, 0.8],
    weighting: 'min(0.8, 0.3 + 0.05 v), v >= 8 voices in the busiest 45-minute window',
    reason: '{v} people in one thread within {m} minutes, repeating 4 or more wordings of one point between them',
    source: 'evidence/rings-and-swarms.ts swarmSignal',
  },
  {
    signal: 'burst',
    scope: 'cluster',
    measures: 'At least 3 members with a known time, all posted within 15 minutes.',
    effect: 'add',
    weight: [0.3, 0.3],
    weighting: '0.3',
    reason: '{n} comments posted within {m} minutes',
    source: 'evidence/timing.ts timingSignal',
  },
  {
    signal: 'cadence',
    scope: 'cluster',
    measures: 'At least 4 members posted at a machine-like regular interval (gaps vary by less than 15% of their mean).',
    effect: 'add',
    weight: [0.3, 0.3],
    weighting: '0.3',
    reason: '{n} comments posted at a regular interval of about {m} minutes',
    source: 'evidence/timing.ts timingSignal',
  },
  {
    signal: 'spread',
    scope: 'cluster',
    measures: 'The same copied text (copy edges at least half) in several threads; paraphrases across threads are no evidence by themselves.',
    effect: 'add',
    weight: [0, 0.5],
    weighting: 'min(0.5, 0.15 (threads - 1)) x copy length (0 at 15 words or fewer, 1 at 35)',
    reason: 'The same text appears in {t} threads',
    source: 'evidence/threads.ts spreadSignal',
  },
  {
    signal: 'account-co-occurrence',
    scope: 'cluster',
    measures: 'Pairs of accounts posting this text together in two or more of the same threads.',
    effect: 'add',
    weight: [0.25, 0.45],
    weighting: 'min(0.45, 0.15 + 0.05 a), a accounts in such pairs',
    reason: '{a} accounts posted this together in up to {t} threads',
    source: 'evidence/accounts.ts coOccurrenceSignal',
  },
  {
    signal: 'serial-posting',
    scope: 'cluster',
    measures: 'At least two accounts each carrying the point into more than one thread: the slow drip.',
    effect: 'add',
    weight: [0, 0.5],
    weighting: 'min(0.5, 0.2 + 0.1 r) x min(1, 2 c / n), r such accounts, c members they posted, n members',
    reason: '{r} accounts each posted this in more than one thread ({t} threads between them)',
    source: 'evidence/accounts.ts serialPostingSignal',
  },
  {
    signal: 'thread-takeover',
    scope: 'cluster',
    measures: 'A large share (30% or more, 3 comments or more, in a thread of 5 or more) of one thread belongs to the cluster; streams are no threads.',
    effect: 'add',
    weight: [0.18, 0.5],
    weighting: 'min(0.5, 0.6 x share) for the thread with the largest share',
    reason: '{k} of the {n} comments in thread "{thread}" belong to this cluster',
    source: 'evidence/threads.ts takeoverSignal',
  },
  {
    signal: 'promotion',
    scope: 'cluster',
    measures: 'At least 3 voices pointing to the same little-known site or hashtag with this text, in 2 threads or more.',
    effect: 'add',
    weight: [0.35, 0.65],
    weighting: 'min(0.65, 0.35 + 0.1 (v - 3))',
    reason: '{v} accounts point to {site} with this text, in {t} threads',
    source: 'evidence/promotion.ts promotionSignal',
  },
  {
    signal: 'call-to-action',
    scope: 'cluster',
    measures: 'At least 3 voices, and most of the cluster, asking readers to do one thing (subscribe, visit a channel, make money).',
    effect: 'add',
    weight: [0.35, 0.55],
    weighting: 'min(0.55, 0.3 + 0.05 (v - 2))',
    reason: '{v} accounts ask readers to {action} with this text',
    source: 'evidence/promotion.ts callToActionSignal',
  },
  {
    signal: 'generic-text',
    scope: 'cluster',
    measures: 'Half or more of the members are short common phrases that people write independently (and do not promote anything).',
    effect: 'scale',
    weight: [0.3, 0.3],
    weighting: 'multiplies the score by 0.3',
    reason: 'Short, common phrase that many people write independently: text similarity alone is weak evidence',
    source: 'evidence/dampeners.ts genericnessSignal',
  },
  {
    signal: 'missing-authors',
    scope: 'cluster',
    measures: 'Members without an author: confidence is lowered instead of counting for or against.',
    effect: 'scale',
    weight: [0.85, 1],
    weighting: 'multiplies the score by 1 - 0.15 x the anonymous share',
    reason: '{k} of {n} comments have no author: confidence lowered',
    source: 'evidence/dampeners.ts anonymitySignal',
  },
  {
    signal: 'missing-times',
    scope: 'cluster',
    measures: 'Half or more of the members have no usable posting time (missing, or coarser than the timing windows): timing cannot corroborate.',
    effect: 'scale',
    weight: [0.95, 0.95],
    weighting: 'multiplies the score by 0.95',
    reason: 'Posting times unknown for most comments: timing could not be checked | Posting times too coarse to use for most comments ({why}): timing was treated as unknown',
    source: 'evidence/dampeners.ts missingTimesSignal',
  },
  {
    signal: 'swarm-sibling',
    scope: 'component',
    measures: 'A clean cluster, mostly in one thread, posted within the hour of a flagged cluster (3 members or more there) of its component, and similar to it or made of copies.',
    effect: 'add',
    weight: [0.5, 0.5],
    weighting: '0.5',
    reason:
      'Posted in the same thread within the hour as a flagged cluster of {n} comments, and similar to it | {k} copies posted in the same thread within the hour as a flagged cluster of {n} comments',
    source: 'verdict/sibling-evidence.ts swarmSibling',
  },
  {
    signal: 'mirrored-sibling',
    scope: 'component',
    measures: 'A clean cluster in 2 threads or more, every member posted within the hour of the same flagged cluster of its component in its thread.',
    effect: 'add',
    weight: [0.5, 0.5],
    weighting: '0.5',
    reason: 'Posted in {t} threads, each time within the hour of a flagged cluster of {n} comments there',
    source: 'verdict/sibling-evidence.ts mirroredSibling',
  },
  {
    signal: 'drip',
    scope: 'component',
    measures: "A clean cluster mostly posted by accounts that carried the component's comments into 3 threads or more, with its similar clusters: a slow drip split into variants.",
    effect: 'add',
    weight: [0.5, 0.5],
    weighting: '0.5',
    reason: '{r} accounts carried this point, in variants, into {t} threads here (each into 3 or more in all)',
    overrules: ['single-account'],
    source: 'verdict/drip.ts dripNetwork',
  },
];

/** The registry entry of a signal name, or undefined for a name no signal gives. */
export function evidenceEntry(signal: string): EvidenceEntry | undefined {
  return EVIDENCE_REGISTRY.find((e) => e.signal === signal);
}
