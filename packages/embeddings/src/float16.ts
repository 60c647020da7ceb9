const scratch = new Float32Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** IEEE 754 half-precision bits of `value`, rounded to nearest even (Node 20 has no Float16Array). */
export function toFloat16Bits(value: number): number {
  scratch[0] = value;
  const bits = scratchBits[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    if (halfExponent < -10) return sign;
    // Subnormal half: shift the mantissa (with its implicit leading 1) into place.
    const shift = 14 - halfExponent;
    const full = mantissa | 0x800000;
    return sign | roundShifted(full, shift);
  }
  // A carry out of the mantissa correctly bumps the exponent (up to infinity).
  return sign | ((halfExponent << 10) + roundShifted(mantissa, 13));
}

function roundShifted(value: number, shift: number): number {
  const kept = value >>> shift;
  const remainder = value & ((1 << shift) - 1);
  const halfway = 1 << (shift - 1);
  return remainder > halfway || (remainder === halfway && (kept & 1) === 1) ? kept + 1 : kept;
}

/** Half-precision copy of `values`, as the raw little-endian 16-bit words ONNX stores. */
export function toFloat16Array(values: Float32Array): Uint16Array {
  const half = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i += 1) half[i] = toFloat16Bits(values[i]);
  return half;
}
