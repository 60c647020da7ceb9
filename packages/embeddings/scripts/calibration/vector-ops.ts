import { l2NormalizeInPlace } from '../../src/vector-math.js';

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
}

export function meanVector(vectors: readonly Float32Array[], width: number): Float32Array {
  const mean = new Float32Array(width);
  for (const vector of vectors) for (let i = 0; i < width; i += 1) mean[i] += vector[i] / vectors.length;
  return mean;
}

/** normalize(v - c): the part of a vector not explained by a (thread) centroid. */
export function subtractCentroid(vector: Float32Array, centroid: Float32Array): Float32Array {
  return l2NormalizeInPlace(vector.map((value, i) => value - centroid[i]));
}
