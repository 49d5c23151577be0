/**
 * The signature of a webhook delivery: `X-Thiqa-Signature: sha256=<hex>`, the HMAC-SHA256 of the request's
 * raw body (the exact bytes received, before any JSON parsing) keyed with the subscription's secret (UTF-8).
 * A receiver recomputes it over the body it received and compares in constant time, as `verifySignature` does.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-thiqa-signature';

/** The header's value for `body` under `secret`. */
export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the signature of `body` under `secret`. */
export function verifySignature(secret: string, body: string | Uint8Array, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
