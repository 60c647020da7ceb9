/** Turns texts into sentence vectors; the semantic stage only sees this interface. */
export interface Embedder {
  /** Model name as configured (e.g. `chorus/glove-sif-100d`); part of the embedding cache key. */
  readonly modelId: string;
  readonly dimensions: number;
  /** Number of texts actually run through the model so far, so cache tests can count misses. */
  readonly inferenceCalls: number;
  /**
   * One L2-normalized vector per text, in input order. A text with no known word (emoji only,
   * another script, empty) yields an all-zero vector, never NaN.
   */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
