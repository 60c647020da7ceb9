import { createHmac, timingSafeEqual } from 'node:crypto';

/** Checks a delivery's `Chorus-Signature` header against the raw body and the endpoint's secret. */
export function verifyWebhookSignature(header: string | null | undefined, rawBody: string, secret: string, options: { toleranceSeconds?: number; nowSeconds?: number } = {}): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.split('=', 2) as [string, string]);
  const timestamp = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  // The replay window: an old delivery captured and sent again is refused.
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  // During a secret rotation a delivery carries one v1 per live secret: any may match.
  return parts.some(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v) && timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
