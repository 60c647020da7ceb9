// What a report is drawn from. The offline analyzer and the API each fill it from their own
// records; everything shown is computed from it by summarize.ts.

export type ReportVerdict = 'clean' | 'suspect' | 'coordinated';

export interface ReportReason {
  readonly signal: string;
  readonly weight: number;
  readonly text: string;
}

/** A member of a flagged cluster, as the report shows it (a sample of each top cluster). */
export interface ReportMember {
  readonly id: string;
  readonly threadId: string;
  /** The account's name (or id); null for an anonymous comment. */
  readonly author: string | null;
  /** Milliseconds since the epoch; null when unknown or too coarse to use. */
  readonly postedAt: number | null;
  readonly text: string;
}

/** Any cluster, clean ones included: what the size and account distributions count. */
export interface ReportCluster {
  readonly id: string;
  readonly verdict: ReportVerdict;
  readonly size: number;
  readonly accounts: number;
}

/** A suspect or coordinated cluster with its evidence and members. */
export interface FlaggedReportCluster extends ReportCluster {
  readonly score: number;
  /** A moderator's decision in the service (`flagged`, `confirmed`, `dismissed`, ...); absent offline. */
  readonly status?: string;
  readonly reasons: readonly ReportReason[];
  readonly members: readonly ReportMember[];
}

/** How many comments a thread holds (at least every thread holding a flagged comment is listed). */
export interface ReportThread {
  readonly id: string;
  readonly title: string | null;
  readonly comments: number;
}

export interface ReportNetwork {
  readonly nodes: readonly { readonly id: string; readonly comments: number; readonly clusters: number }[];
  readonly edges: readonly { readonly source: string; readonly target: string; readonly weight: number }[];
}

export interface ReportInput {
  /** The page's heading, e.g. "Chorus report: dump.csv". */
  readonly title: string;
  /** One sentence saying what was analysed (a file, or a tenant's comments since a time). */
  readonly scope: string;
  readonly generatedAt: Date;
  /** Comments analysed, and distinct accounts among them. */
  readonly comments: number;
  readonly accounts: number;
  readonly threads: readonly ReportThread[];
  readonly clusters: readonly ReportCluster[];
  readonly flagged: readonly FlaggedReportCluster[];
  readonly network: ReportNetwork;
}
