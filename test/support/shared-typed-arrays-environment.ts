import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';

// Constructors handed from the host realm into each test's vm context. jest already shares
// ArrayBuffer and Uint8Array this way; the rest are needed by onnxruntime-node, whose native
// binding returns host-realm Float32Arrays while onnxruntime-common (loaded inside the sandbox)
// checks `data instanceof Float32Array` against the sandbox's own constructor and rejects them:
// "A float32 tensor's data must be type of function Float32Array()".
const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  ArrayBuffer,
  SharedArrayBuffer,
  DataView,
} as const;

/** jest's node environment with the host realm's typed-array constructors (for onnxruntime-node). */
export class SharedTypedArraysEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    Object.assign(this.global, TYPED_ARRAYS);
  }
}

// jest loads a testEnvironment module through its default export; there is no named alternative.
export default SharedTypedArraysEnvironment;
