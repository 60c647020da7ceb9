import { isZeroVector, l2NormalizeInPlace } from './vector-math.js';

const POWER_ITERATIONS = 100;

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
}

/**
 * The direction(s) every sentence vector shares (SIF's "common component", Arora et al. 2017):
 * the top principal directions of a sample of unit sentence vectors, uncentered. With averaged
 * word vectors this direction carries ~90% of each vector, which is why any two comments score
 * 0.8-0.95 raw; it is a stable corpus statistic (50 comments estimate it to cos 0.999).
 * Returns at most `count` unit vectors, fewer if the sample spans fewer directions; zero vectors
 * in the sample are ignored.
 */
export function estimateCommonComponents(sample: readonly Float32Array[], count = 1): Float32Array[] {
  const vectors = sample.filter((vector) => !isZeroVector(vector));
  if (vectors.length === 0) throw new RangeError('estimating the common component needs at least one non-zero vector');
  const width = vectors[0].length;
  const moment = new Float64Array(width * width);
  for (const vector of vectors) {
    for (let i = 0; i < width; i += 1) for (let j = 0; j < width; j += 1) moment[i * width + j] += vector[i] * vector[j];
  }
  const multiply = (direction: Float32Array): Float32Array => {
    const result = new Float32Array(width);
    for (let i = 0; i < width; i += 1) {
      // Summed in float64: float32 partial sums leave noise that deflation would then amplify.
      let sum = 0;
      for (let j = 0; j < width; j += 1) sum += moment[i * width + j] * direction[j];
      result[i] = sum;
    }
    return result;
  };

  const components: Float32Array[] = [];
  const mean = new Float32Array(width);
  for (const vector of vectors) for (let i = 0; i < width; i += 1) mean[i] += vector[i];
  for (let c = 0; c < Math.min(count, width); c += 1) {
    // Power iteration from the sample mean, which already lies close to the first component.
    let direction = removeProjections(c === 0 ? mean : new Float32Array(width).fill(1), components);
    if (isZeroVector(direction)) direction = removeProjections(Float32Array.from({ length: width }, (_, i) => i + 1), components);
    for (let iteration = 0; iteration < POWER_ITERATIONS; iteration += 1) {
      direction = removeProjections(multiply(direction), components);
    }
    // The sample spans fewer directions than asked for (what is left is rounding noise; the
    // trace of the moment matrix is the number of unit vectors): return the ones it has.
    if (isZeroVector(direction) || dot(direction, multiply(direction)) < 1e-6 * vectors.length) break;
    // Orient it like the data, so the result is deterministic (removal ignores the sign anyway).
    if (dot(direction, mean) < 0) direction = direction.map((value) => -value);
    components.push(direction);
  }
  return components;
}

function removeProjections(vector: Float32Array, components: readonly Float32Array[]): Float32Array {
  const result = Float32Array.from(vector);
  for (const component of components) {
    const projection = dot(result, component);
    for (let i = 0; i < result.length; i += 1) result[i] -= projection * component[i];
  }
  return l2NormalizeInPlace(result);
}

/**
 * `vector` without its share of the common component(s), renormalized: compare these instead of
 * the raw vectors so that "both are English comments" stops counting as similarity. A zero
 * vector stays zero. `components` must come from {@link estimateCommonComponents}.
 */
export function removeCommonComponents(vector: Float32Array, components: readonly Float32Array[]): Float32Array {
  return removeProjections(vector, components);
}
