// The public shapes of the corpus generator: its options and the labeled comments it returns.

export type CampaignType = 'copypasta' | 'mailmerge' | 'paraphrase' | 'echo' | 'drip';
export type CorpusLabel = 'organic' | `campaign:${CampaignType}:${string}`;

/** The analyzer's input record, with the ground-truth label always present. */
export interface LabeledComment {
  readonly id: string;
  readonly thread_id: string;
  readonly parent_id: string | null;
  readonly author_id: string | null;
  readonly posted_at: string | null;
  readonly text: string;
  readonly label: CorpusLabel;
}

export interface CampaignSpec {
  readonly type: CampaignType;
  /** Comments the campaign posts in total. */
  readonly members: number;
  /** Threads it posts into. Default: 1 (sometimes 2) for bursts, about one per member for drip.
   * Echo rings always reply inside one thread, next to a paraphrase swarm when there is one. */
  readonly threads?: number;
  /** Topic key (see TOPIC_KEYS). Default: drawn at random. Ignored by drip, which is off-topic. */
  readonly topic?: string;
}

export interface CorpusOptions {
  readonly seed: number;
  readonly threads: number;
  /** Organic comments per thread, inclusive range; argue-back chains and replies to campaign
   * comments come on top (about +10%). Default [15, 60]. */
  readonly organicPerThread?: readonly [number, number];
  /** Default: defaultCampaigns(threads, seed). Pass [] for an all-organic corpus. */
  readonly campaigns?: readonly CampaignSpec[];
  /** Publication time of the first thread. Default 2024-03-04T07:00:00Z. */
  readonly start?: Date;
  /** Threads are published evenly over this many days. Default: threads / 6, clamped to 3..90. */
  readonly days?: number;
  /** Share of comments whose posted_at is blanked to null (the input shape allows it). Default 0. */
  readonly nullTimestampShare?: number;
}
