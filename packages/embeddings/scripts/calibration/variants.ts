import { estimateCommonComponents, removeCommonComponents } from '../../src/common-component.js';
import { cosineSimilarity } from '../../src/vector-math.js';
import type { CalibrationCorpus } from './calibration-corpus.js';
import { meanVector, subtractCentroid } from './vector-ops.js';

/** Posts a tenant-level estimate would see: 300, spread over the even-numbered threads. */
const COMPONENT_SAMPLE = 300;

export interface Variant {
  readonly name: string;
  readonly description: string;
  /** One (transformed, normalized) vector per corpus text. */
  readonly vectors: readonly Float32Array[];
}

export interface HostThread {
  readonly campaign: string;
  readonly thread: string;
  /** Cosine between the campaign's mean vector and the host thread's centroid. */
  readonly topicSimilarity: number;
}

/**
 * The raw vectors plus the "centroid-removed" variants:
 * - SIF common-component removal (Arora et al.): the top principal direction(s) of the organic
 *   post vectors, a corpus-wide constant that could be baked into the model's table;
 * - thread-centroid removal, in two situations: the campaign posts into the organic thread closest
 *   to its topic (a minority of the thread), or the campaign is the whole thread (takeover).
 */
export function buildVariants(corpus: CalibrationCorpus, raw: readonly Float32Array[]): { variants: Variant[]; hosts: HostThread[] } {
  const width = raw[0].length;
  // Estimated from a small sample, as a deployment would, not from the pairs being scored.
  const pool = [...corpus.threads.values()].filter((_, i) => i % 2 === 0).flat();
  const step = Math.max(1, Math.floor(pool.length / COMPONENT_SAMPLE));
  const sample = pool.filter((_, i) => i % step === 0).slice(0, COMPONENT_SAMPLE).map((index) => raw[index]);
  const components = estimateCommonComponents(sample, 3);

  const centroids = new Map([...corpus.threads].map(([thread, members]) => [thread, meanVector(members.map((i) => raw[i]), width)]));
  const hosted = [...raw];
  const takeover = [...raw];
  for (const [thread, members] of corpus.threads) {
    const centroid = centroids.get(thread) ?? new Float32Array(width);
    for (const index of members) hosted[index] = takeover[index] = subtractCentroid(raw[index], centroid);
  }
  const hosts: HostThread[] = [];
  for (const campaign of corpus.campaigns) {
    const campaignVectors = campaign.members.map((i) => raw[i]);
    const campaignMean = meanVector(campaignVectors, width);
    let best = { thread: '', similarity: -2 };
    for (const [thread, centroid] of centroids) {
      const similarity = cosineSimilarity(campaignMean, centroid);
      if (similarity > best.similarity) best = { thread, similarity };
    }
    hosts.push({ campaign: campaign.name, thread: best.thread, topicSimilarity: best.similarity });
    const hostMembers = corpus.threads.get(best.thread) ?? [];
    const hostCentroid = meanVector([...hostMembers.map((i) => raw[i]), ...campaignVectors], width);
    for (const index of campaign.members) {
      hosted[index] = subtractCentroid(raw[index], hostCentroid);
      takeover[index] = subtractCentroid(raw[index], campaignMean);
    }
  }

  const variants: Variant[] = [
    { name: 'raw', description: 'cosine of the model vectors', vectors: raw },
    { name: 'pc1-removed', description: 'minus the common component (SIF) from 300 organic posts', vectors: raw.map((v) => removeCommonComponents(v, components.slice(0, 1))) },
    { name: 'pc3-removed', description: 'minus the top 3 principal directions', vectors: raw.map((v) => removeCommonComponents(v, components)) },
    { name: 'thread-centroid', description: 'minus the thread mean; campaign is a minority of an on-topic organic thread', vectors: hosted },
    { name: 'thread-centroid-takeover', description: 'minus the thread mean; the campaign is the whole thread', vectors: takeover },
  ];
  return { variants, hosts };
}

/** Cosine between the common component found from each half of the threads: is it a constant? */
export function commonComponentStability(corpus: CalibrationCorpus, raw: readonly Float32Array[]): number {
  const threadIds = [...corpus.threads.keys()];
  const half = (parity: number) =>
    threadIds.filter((_, i) => i % 2 === parity).flatMap((thread) => (corpus.threads.get(thread) ?? []).map((i) => raw[i]));
  const [even] = estimateCommonComponents(half(0));
  const [odd] = estimateCommonComponents(half(1));
  return cosineSimilarity(even, odd);
}
