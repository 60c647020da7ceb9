// The shape of a topic's phrase bank (see banks/); one bank per kind of news story.

export type Stance = 'pro' | 'con' | 'mixed';

export interface Topic {
  readonly key: string;
  /** Entities fixed per thread, expanded in order (later ones may use earlier ones). */
  readonly entities: readonly (readonly [string, string])[];
  /** Article sentences readers quote. */
  readonly article: readonly string[];
  readonly pro: readonly string[];
  readonly con: readonly string[];
  readonly mixed: readonly string[];
  readonly anecdotes: readonly string[];
  readonly questions: readonly string[];
  readonly links: readonly string[];
  readonly talkingPoints: readonly TalkingPoint[];
  readonly mailmerge: readonly Script[];
  readonly copypasta: readonly Script[];
}

export interface TalkingPoint {
  readonly stance: Stance;
  /** Top-level wordings of the point, LLM-style (a campaign member picks one, adds an opener). */
  readonly paraphrases: readonly string[];
  /** Short restatements used by agree-and-echo replies. */
  readonly echoes: readonly string[];
}

export interface Script {
  readonly stance: Stance;
  readonly text: string;
}
