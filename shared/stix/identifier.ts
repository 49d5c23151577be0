/**
 * STIX identifiers (`<object-type>--<UUID>`), type names and name-based UUIDs.
 *
 * UUIDs must carry the RFC 4122 variant (10xx) and a version from 1 to 8: versions 6–8 come from RFC 9562,
 * which replaced RFC 4122 and keeps its layout, so newer producers are not rejected for using them.
 */
import { createHash, randomUUID } from 'node:crypto';

/** The namespace STIX 2.1 §2.9 fixes for deterministic SCO identifiers. */
export const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

// Character classes by code unit: table lookups beat regular expressions on the ingest hot path.
const HEX_DIGIT = new Uint8Array(128);
const TYPE_CHAR = new Uint8Array(128); // 1: a–z and 0–9, 2: hyphen
for (const c of '0123456789abcdefABCDEF') HEX_DIGIT[c.charCodeAt(0)] = 1;
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') TYPE_CHAR[c.charCodeAt(0)] = 1;
TYPE_CHAR[45] = 2;

function isHexRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code > 127 || HEX_DIGIT[code] === 0) return false;
  }
  return true;
}

/** True when `text[start, end)` is a type name: a–z, 0–9 and single hyphens, a letter first, no hyphen last. */
function isTypeNameBetween(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 3 || length > 250) return false;
  const first = text.charCodeAt(start);
  if (first < 97 || first > 122 || text.charCodeAt(end - 1) === 45) return false;
  let previous = 1;
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    const kind = code > 127 ? 0 : TYPE_CHAR[code]!;
    if (kind === 0 || (kind === 2 && previous === 2)) return false;
    previous = kind;
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
  if (text.charCodeAt(start + 8) !== 45 || text.charCodeAt(start + 13) !== 45
    || text.charCodeAt(start + 18) !== 45 || text.charCodeAt(start + 23) !== 45) return false;
  const version = text.charCodeAt(start + 14);
  const variant = text.charCodeAt(start + 19) | 0x20; // lower-cases a hex letter
  if (version < 49 || version > 56 || !(variant === 56 || variant === 57 || variant === 97 || variant === 98)) return false;
  return isHexRun(text, start, start + 8) && isHexRun(text, start + 9, start + 13) && isHexRun(text, start + 15, start + 18)
    && isHexRun(text, start + 20, start + 23) && isHexRun(text, start + 24, start + 36);
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
