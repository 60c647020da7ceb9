// Non-cryptographic hashes: fast, stable across processes and versions (stored values depend on them).

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Final avalanche of murmur3: spreads a 32-bit value over all bits. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64-bit text fingerprint as 16 hex characters (two independent 32-bit hashes). */
export function textFingerprint(text: string): string {
  const a = mix32(fnv1a32(text));
  const b = mix32(fnv1a32(text, 0x9747b28c) ^ text.length);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
