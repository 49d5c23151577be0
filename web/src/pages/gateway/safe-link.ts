/**
 * Addresses written by proposers, made safe to follow: only http and https become links (never `javascript:`
 * or `data:`), and a link to another site opens without giving it this page (`rel="noopener noreferrer"`).
 */

/** The address as a link target when it is an absolute http(s) URL; undefined otherwise. */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A `mailto:` target for an e-mail address that has no character that would add headers or recipients. */
export function safeMailto(address: unknown): string | undefined {
  if (typeof address !== 'string' || !/^[^\s@;,?&<>"]+@[^\s@;,?&<>"]+$/.test(address.trim())) return undefined;
  return `mailto:${address.trim()}`;
}
