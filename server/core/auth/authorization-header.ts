/**
 * Reading an HTTP `Authorization` header (RFC 9110 §11.6.2): `Basic` (RFC 7617, UTF-8) and `Bearer`
 * (RFC 6750). Syntax only; whether the credentials are good is the service's question.
 */
import { unauthenticated } from '../errors.ts';

/** What a well-formed header carries. */
export type Credentials = { scheme: 'basic'; name: string; password: string } | { scheme: 'bearer'; token: string };

// auth-scheme SP token68, with optional surrounding whitespace. Schemes are case-insensitive.
const HEADER = /^[ \t]*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const malformed = () => unauthenticated('auth.malformed_header', 'the Authorization header is malformed');

function decodeBasic(encoded: string): Credentials {
  if (!BASE64.test(encoded)) throw malformed();
  const bytes = Buffer.from(encoded, 'base64');
  // Buffer.from skips what it cannot read; a round trip shows whether it read everything.
  if (bytes.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) throw malformed();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw malformed();
  }
  const colon = text.indexOf(':');
  if (colon < 0) throw malformed();
  return { scheme: 'basic', name: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * Splits a header into its credentials.
 *
 * @throws DomainError kind `unauthenticated`: code `auth.malformed_header` when the header cannot be read,
 *   `auth.unsupported_scheme` for a scheme other than Basic or Bearer.
 * @example parseAuthorizationHeader('Basic YWxpY2U6c2VjcmV0') // { scheme: 'basic', name: 'alice', password: 'secret' }
 */
export function parseAuthorizationHeader(header: string): Credentials {
  const match = HEADER.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  const value = match?.[2];
  if (scheme === undefined || value === undefined) throw malformed();
  if (scheme === 'basic') return decodeBasic(value);
  if (scheme === 'bearer') return { scheme: 'bearer', token: value };
  throw unauthenticated('auth.unsupported_scheme', 'the Authorization header uses a scheme other than Basic or Bearer');
}
