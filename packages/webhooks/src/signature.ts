import { createHmac } from 'node:crypto';

/** The header a delivery is signed in: `t=<unix seconds>,v1=<hex>` (one v1 per live secret). */
export const SIGNATURE_HEADER = 'Chorus-Signature';

/** HMAC-SHA256 of `<t>.<body>` with a secret, in hex: what receivers compute to check a delivery. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header for a body, signed with every secret given (the new one, and the old one during a rotation). */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signatureOf(s, timestamp, body)}`)].join(',');
}
