/**
 * Personal data in free text (pure): e-mail addresses of individuals (not role addresses such as abuse@,
 * soc@, cert@, noreply@), phone numbers in international form, IBANs (mod-97 check), payment card numbers
 * (Luhn check and a card scheme's prefix) and national identity numbers (`identity-numbers.ts`). A finding
 * says what kind of data is where (offsets in the text), never the value, so it can be logged and shown; the
 * caller holds the text. Limits (what is missed, what is reported wrongly): README.md.
 */
import { IDENTITY_SCHEMES } from './identity-numbers.ts';

export type PersonalDataKind = 'email' | 'phone' | 'iban' | 'payment-card' | 'national-id';

export interface TextFinding {
  kind: PersonalDataKind;
  /** For `national-id`: the scheme (`es-dni`, `fr-nir`, `cn-rid`, `ru-snils`, `us-ssn`). */
  scheme?: string;
  /** UTF-16 offsets of the match in the text: `text.slice(start, end)`. */
  start: number;
  end: number;
}

/** Local parts (their first word) of addresses that name a function, not a person. */
export const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'abuse', 'admin', 'administrator', 'alert', 'alerts', 'cert', 'contact', 'csirt', 'cirt', 'dpo', 'help', 'helpdesk', 'hostmaster',
  'incident', 'incidents', 'info', 'ir', 'it', 'mail', 'mailer-daemon', 'no-reply', 'noc', 'noreply', 'office', 'postmaster', 'privacy',
  'psirt', 'report', 'reports', 'secretariat', 'security', 'servicedesk', 'soc', 'support', 'team', 'webmaster',
]);

/** Domains reserved for documentation and tests (RFC 2606, RFC 6761): their addresses are nobody's. */
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)$/i;

const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\p{L}\p{N}-])/gu;
// A `00` prefix inside a run of digit groups (`3704 0044 …`) is not the start of a number.
const PHONE = /(?<![\p{L}\p{N}+]|\d[ .-])(?:\+|00)[1-9](?:[ .-]?(?:\(\d{1,4}\)|\d)){6,16}(?![\p{L}\p{N}])/gu;
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\p{L}\p{N}])/gu;
const CARD = /(?<![\p{L}\p{N}-])\d(?:[ -]?\d){12,18}(?![\p{L}\p{N}-])/gu;

/** IBAN lengths of some countries (the registry's); others are checked for 15 to 34 characters. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AE: 23, AT: 20, BE: 16, BH: 22, BR: 29, CH: 21, DE: 22, DK: 18, EG: 29, ES: 24, FI: 18, FR: 27, GB: 22, IE: 22, IT: 27, JO: 30,
  KW: 30, LB: 28, LU: 20, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PT: 25, QA: 29, RU: 33, SA: 24, SE: 24, TN: 24, TR: 26, UA: 29,
};

/** Whether an address names a person: not a role mailbox, not a reserved domain. */
export function isIndividualAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).toLowerCase().split('+')[0]!;
  if (RESERVED_DOMAIN.test(address.slice(at + 1))) return false;
  return !ROLE_MAILBOXES.has(local) && !ROLE_MAILBOXES.has(local.split(/[._-]/)[0]!);
}

/** ISO 13616: the country's length, and the number read with its first four characters last is 1 mod 97. */
export function isIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '').toUpperCase();
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined ? iban.length < 15 || iban.length > 34 : iban.length !== length) return false;
  let rest = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    rest = (value >= 10 ? rest * 100 + value : rest * 10 + value) % 97;
  }
  return rest === 1;
}

/** The Luhn check of a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** A card scheme's prefix and length: Visa, Mastercard, American Express, Discover, JCB, UnionPay, Diners Club. */
function hasCardPrefix(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (digits[0] === '4') return [13, 16, 19].includes(digits.length);
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return digits.length === 16;
  if (two === 34 || two === 37) return digits.length === 15;
  if (digits.startsWith('6011') || two === 65 || (four >= 6440 && four <= 6499) || two === 62) return digits.length >= 16;
  if (four >= 3528 && four <= 3589) return digits.length >= 16;
  return (two === 36 || two === 38 || (four >= 3000 && four <= 3059)) && digits.length >= 14;
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').replace(/^00/, '');
  return digits.length >= 8 && digits.length <= 15;
}

/** Every finding in `text`, by position; where two would overlap, the more specific kind wins. */
export function findPersonalData(text: string): TextFinding[] {
  const found: TextFinding[] = [];
  const free = (start: number, end: number) => found.every((f) => end <= f.start || start >= f.end);
  const take = (pattern: RegExp, kind: PersonalDataKind, keep: (match: string) => boolean, scheme?: string) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (free(start, end) && keep(match[0])) found.push(scheme === undefined ? { kind, start, end } : { kind, scheme, start, end });
    }
  };
  take(EMAIL, 'email', isIndividualAddress);
  take(IBAN, 'iban', isIban);
  for (const scheme of IDENTITY_SCHEMES) take(scheme.pattern, 'national-id', scheme.valid, scheme.name);
  take(CARD, 'payment-card', (match) => {
    const digits = match.replace(/\D/g, '');
    return hasCardPrefix(digits) && passesLuhn(digits);
  });
  take(PHONE, 'phone', isPhone);
  return found.sort((a, b) => a.start - b.start);
}
