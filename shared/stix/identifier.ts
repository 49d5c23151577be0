/**
 * STIX identifiers (`<object-type>--<UUID>`), type names and name-based UUIDs.
 *
 * UUIDs must carry the RFC 4122 variant (10xx) and a version from 1 to 8: versions 6–8 come from RFC 9562,
 * which replaced RFC 4122 and keeps its layout, so newer producers are not rejected for using them.
 */
import { createHash, randomUUID } from 'node:crypto';

/** The namespace STIX 2.1 §2.9 fixes for deterministic SCO identifiers. */
export const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

// Character classes by code unit; loops over these beat regular expressions on the ingest hot path.
function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function isLowerAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** True when `text[start, end)` is a type name: a–z, 0–9 and single hyphens, a letter first, no hyphen last. */
function isTypeNameBetween(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 3 || length > 250) return false;
  const first = text.charCodeAt(start);
  if (first < 97 || first > 122 || text.charCodeAt(end - 1) === 45) return false;
  let previous = first;
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 45) {
      if (previous === 45) return false;
    } else if (!isLowerAlnum(code)) return false;
    previous = code;
  }
  return true;
}

/** True for a type name: 3–250 characters, a–z, 0–9 and single hyphens, starting with a letter. */
export function isTypeName(text: string): boolean {
  return isTypeNameBetween(text, 0, text.length);
}

/** True when `text` holds an RFC 4122 UUID (variant 10xx, version 1–8) from `start` to its end. */
export function isUuidAt(text: string, start: number): boolean {
  if (text.length - start !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(start + i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 45) return false;
    } else if (!isHexDigit(code)) return false;
  }
  const version = text.charCodeAt(start + 14);
  const variant = text.charCodeAt(start + 19) | 0x20; // lower-case a hex letter
  return version >= 49 && version <= 56 && (variant === 56 || variant === 57 || variant === 97 || variant === 98);
}

/**
 * Position of the `--` separating type and UUID in a well-formed identifier, or -1.
 * Type names cannot hold `--`, so the first one is the separator.
 */
export function identifierSeparator(text: string): number {
  const at = text.indexOf('--');
  return at >= 3 && isUuidAt(text, at + 2) && isTypeNameBetween(text, 0, at) ? at : -1;
}

/** True for a well-formed identifier of any type. */
export function isIdentifier(text: unknown): text is string {
  return typeof text === 'string' && identifierSeparator(text) > 0;
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 4122 §4.3 name-based UUID, version 5 (SHA-1), of a UTF-8 name in a namespace. */
export function uuidV5(namespace: string, name: string): string {
  const digest = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(bytes);
}

/** A random version-4 UUID. */
export function uuidV4(): string {
  return randomUUID();
}
