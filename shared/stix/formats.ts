/**
 * Value formats the specification names: hex, base64, hashes by algorithm, language tags, URLs, IP and MAC
 * addresses. Every pattern is linear (no nested quantifiers), so hostile input cannot make it backtrack.
 */
import { isIPv4, isIPv6 } from 'node:net';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// RFC 5646 in outline: a 2–8 letter primary subtag, then hyphen-separated 1–8 character subtags.
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
// RFC 3986 §3.1: a URL starts with a scheme followed by a colon.
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]/;
const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;
const RELATIONSHIP_TYPE = /^[a-z0-9-]+$/;
const DICTIONARY_KEY = /^[A-Za-z0-9_-]+$/;
const CUSTOM_EXTENSION_NAME = /^[a-z0-9-]+$/;

/** Hex digits per known hash algorithm; a value of another length cannot be that digest. */
const HASH_HEX_LENGTH: Readonly<Record<string, number>> = {
  'MD5': 32, 'SHA-1': 40, 'SHA-256': 64, 'SHA-512': 128, 'SHA3-256': 64, 'SHA3-512': 128,
};
const HASH_DIGITS = /^[0-9a-fA-F]+$/;

export function isHex(text: string): boolean {
  return HEX.test(text);
}

export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
}

export function isLanguageTag(text: string): boolean {
  return LANGUAGE_TAG.test(text);
}

/** A dictionary key (§2.3): ASCII letters, digits, hyphen and underscore, at most 250 characters. */
export function isDictionaryKey(key: string): boolean {
  return key.length > 0 && key.length <= 250 && DICTIONARY_KEY.test(key);
}

/** A hashes key (§2.7): like a dictionary key, and at least 3 characters. */
export function isHashKey(key: string): boolean {
  return key.length >= 3 && isDictionaryKey(key);
}

const PROPERTY_CHAR = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789_') PROPERTY_CHAR[c.charCodeAt(0)] = 1;

/** A custom or extension property name (§11.1.1, §7.3.2.1): a–z, 0–9 and underscore, 3–250 characters. */
export function isPropertyName(name: string): boolean {
  if (name.length < 3 || name.length > 250) return false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code > 127 || PROPERTY_CHAR[code] === 0) return false;
  }
  return true;
}

/** A deprecated custom SCO extension name (§11.3.1). */
export function isCustomExtensionName(name: string): boolean {
  return name.length >= 3 && name.length <= 250 && CUSTOM_EXTENSION_NAME.test(name);
}

/** Whether a hash value fits its algorithm; algorithms without a fixed hex form (SSDEEP, TLSH, custom) pass. */
export function isHashValue(algorithm: string, value: string): boolean {
  const length = HASH_HEX_LENGTH[algorithm];
  return length === undefined || (value.length === length && HASH_DIGITS.test(value));
}

export function expectedHashLength(algorithm: string): number | undefined {
  return HASH_HEX_LENGTH[algorithm];
}

function isCidr(text: string, isAddress: (text: string) => boolean, maxPrefix: number): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return isAddress(text);
  const prefix = text.slice(slash + 1);
  return isAddress(text.slice(0, slash)) && /^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix;
}

export type FormatName = 'language-tag' | 'url' | 'ipv4-cidr' | 'ipv6-cidr' | 'mac-address' | 'relationship-type';

/** Checks a string against a named format. */
export function matchesFormat(format: FormatName, text: string): boolean {
  switch (format) {
    case 'language-tag': return isLanguageTag(text);
    case 'url': return URL_SCHEME.test(text);
    case 'ipv4-cidr': return isCidr(text, isIPv4, 32);
    case 'ipv6-cidr': return isCidr(text, isIPv6, 128);
    case 'mac-address': return MAC.test(text);
    case 'relationship-type': return text.length > 0 && RELATIONSHIP_TYPE.test(text);
  }
}

/** How a format is described in messages. */
export const FORMAT_DESCRIPTION: Readonly<Record<FormatName, string>> = {
  'language-tag': 'an RFC 5646 language tag such as "en" or "pt-BR"',
  'url': 'a URL with a scheme, such as "https://example.com/"',
  'ipv4-cidr': 'an IPv4 address, optionally with a CIDR prefix such as "/24"',
  'ipv6-cidr': 'an IPv6 address, optionally with a CIDR prefix such as "/64"',
  'mac-address': 'a colon-separated lowercase MAC-48 address such as "00:00:ab:cd:ef:01"',
  'relationship-type': 'lowercase ASCII letters, digits and hyphens',
};
