/**
 * The URL segment of a community's TAXII API root, derived from its name: lower-case ASCII letters, digits
 * and hyphens. A name with none of those (Arabic, Chinese…) gets `community-<8 hex>`: transliterating would
 * need a table per script and still guess wrong.
 */
import { randomBytes } from 'node:crypto';

const MAX = 63;

/**
 * The slug for `name`. `reserved` are segments the server itself uses; a slug equal to one gets `-community`
 * appended, so "API" still makes a community.
 * @example communitySlug('Arab regional CIRTs', new Set()) // 'arab-regional-cirts'
 */
export function communitySlug(name: string, reserved: ReadonlySet<string>): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // "Sénégal" → "Senegal"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX)
    .replace(/^-+|-+$/g, '');
  if (ascii === '') return `community-${randomBytes(4).toString('hex')}`;
  return reserved.has(ascii) ? `${ascii.slice(0, MAX - '-community'.length)}-community` : ascii;
}
