/**
 * Scales `vector` to unit length in place. A zero vector (a text with no known word) or a vector
 * holding NaN/Infinity (0/0 from mean pooling over no tokens) becomes all zeros instead of NaN.
 */
export function l2NormalizeInPlace(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  const norm = Math.sqrt(sumOfSquares);
  if (!Number.isFinite(norm) || norm < 1e-12) {
    vector.fill(0);
    return vector;
  }
  for (let i = 0; i < vector.length; i += 1) vector[i] /= norm;
  return vector;
}

/** Cosine of two vectors; 0 when either is the zero vector (nothing to compare). */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`dimension mismatch: ${a.length} vs ${b.length}`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  if (normA === 0 || normB === 0) return 0;
  return dot / Math.sqrt(normA * normB);
}

/** True when every component is 0: the embedder found no known word, so skip semantic search. */
export function isZeroVector(vector: Float32Array): boolean {
  return vector.every((value) => value === 0);
}
