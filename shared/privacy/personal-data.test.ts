/**
 * The personal-data detector, table-driven: each text with the findings expected (kind, scheme, the matched
 * part) — what must be found, and what must not (role addresses, numbers whose check fails, look-alikes
 * common in threat intelligence: timestamps, addresses, hashes, ports).
 */
import { describe, expect, it } from 'vitest';
import { findPersonalData, isIban, passesLuhn } from './personal-data.ts';
import { REDACTION_MARKER, redactPersonalData, scanObject } from './object-scan.ts';

type Expected = [kind: string, match: string, scheme?: string];

const CASES: [text: string, expected: Expected[]][] = [
  // E-mail addresses: individuals yes, role mailboxes and reserved domains no.
  ['Reported by amina.benali@cert.tn yesterday', [['email', 'amina.benali@cert.tn']]],
  ['write to j_smith+ioc@mail.gov.mu', [['email', 'j_smith+ioc@mail.gov.mu']]],
  ['contact abuse@isp.tn or soc@cert.mu', []],
  ['from noreply@alerts.bank.tn, cert-team@cert.fr and security.ops@agency.gov', []],
  ['Postmaster@Host.ORG and incident+tag@cirt.mu', []],
  ['analyst@example.com wrote it to someone@lab.test', []],
  ['phish sent from w.zhang@163.com', [['email', 'w.zhang@163.com']]],
  // Phone numbers in international form.
  ['call +216 71 123 456 now', [['phone', '+216 71 123 456']]],
  ['UK desk: +44 20 7946 0958.', [['phone', '+44 20 7946 0958']]],
  ['tel 0033 1 23 45 67 89', [['phone', '0033 1 23 45 67 89']]],
  ['+1 (202) 555-0123', [['phone', '+1 (202) 555-0123']]],
  ['+7-495-123-45-67', [['phone', '+7-495-123-45-67']]],
  ['+1 23 is too short, 2026-03-01T10:00:00Z is a time, 10.0.0.1 an address, port 00443', []],
  ['national form 071 123 456 is not detected', []],
  // IBANs: the mod-97 check and the country's length.
  ['pay GB82 WEST 1234 5698 7654 32 today', [['iban', 'GB82 WEST 1234 5698 7654 32']]],
  ['DE89370400440532013000', [['iban', 'DE89370400440532013000']]],
  ['FR14 2004 1010 0505 0001 3M02 606', [['iban', 'FR14 2004 1010 0505 0001 3M02 606']]],
  ['GB82 WEST 1234 5698 7654 33 (one digit off)', []],
  ['DE89 3704 0044 0532 0130 0 (too short for DE)', []],
  // Payment cards: Luhn and a scheme's prefix.
  ['card 4111 1111 1111 1111 used', [['payment-card', '4111 1111 1111 1111']]],
  ['5555-5555-5555-4444', [['payment-card', '5555-5555-5555-4444']]],
  ['amex 378282246310005', [['payment-card', '378282246310005']]],
  ['6011111111111117', [['payment-card', '6011111111111117']]],
  ['4111 1111 1111 1112 fails Luhn', []],
  ['1234567812345670 passes Luhn but no scheme starts with 1', []],
  ['sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', []],
  // National identity numbers with their check.
  ['DNI 12345678Z', [['national-id', '12345678Z', 'es-dni']]],
  ['NIE X1234567L', [['national-id', 'X1234567L', 'es-dni']]],
  ['DNI 12345678A (wrong letter)', []],
  ['NIR 1 85 05 78 006 084 91', [['national-id', '1 85 05 78 006 084 91', 'fr-nir']]],
  ['NIR 185057800608492 (wrong key)', []],
  ['ID 11010519491231002X', [['national-id', '11010519491231002X', 'cn-rid']]],
  ['ID 110105194912310021 (wrong check)', []],
  ['SNILS 112-233-445 95', [['national-id', '112-233-445 95', 'ru-snils']]],
  ['SNILS 112-233-445 96', []],
  ['SSN 536-90-4399', [['national-id', '536-90-4399', 'us-ssn']]],
  ['000-12-3456, 666-12-3456 and 912-34-5678 are never issued', []],
  // Several in one text, in order.
  ['Omar (omar.haddad@bank.jo, +962 6 555 0199) IBAN JO94CBJO0010000000000131000302', [
    ['email', 'omar.haddad@bank.jo'], ['phone', '+962 6 555 0199'], ['iban', 'JO94CBJO0010000000000131000302'],
  ]],
];

describe('findPersonalData', () => {
  it.each(CASES)('%s', (text, expected) => {
    const found = findPersonalData(text).map((f) => [f.kind, text.slice(f.start, f.end), ...(f.scheme ? [f.scheme] : [])]);
    expect(found).toEqual(expected);
  });
});

describe('checks', () => {
  it.each([
    ['GB82WEST12345698765432', true],
    ['GB82WEST12345698765423', false],
    ['SA0380000000608010167519', true],
    ['XX00', false],
  ])('IBAN %s: %s', (iban, valid) => expect(isIban(iban)).toBe(valid));
  it.each([
    ['79927398713', true],
    ['79927398710', false],
  ])('Luhn %s: %s', (digits, valid) => expect(passesLuhn(digits)).toBe(valid));
});

describe('scanObject', () => {
  it('reports the path and kind of each finding in free-text and custom fields, never the value', () => {
    const note = {
      type: 'note', spec_version: '2.1', id: 'note--9d6c6a1c-3d1e-4a8b-9b44-3f0e5c2a1d11', created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z',
      abstract: 'Call back', content: 'Victim: leila.mansour@post.tn, +216 98 765 432', object_refs: ['indicator--9d6c6a1c-3d1e-4a8b-9b44-3f0e5c2a1d12'],
      external_references: [{ source_name: 'ticket', description: 'card 4111111111111111' }],
      x_acme_case: { reporters: ['abuse@isp.tn', 'karim.t@isp.tn'], count: 3 },
      pattern: "[email-addr:value = 'attacker.person@evil.tn']",
    };
    const findings = scanObject(note);
    expect(findings.map((f) => [f.path, f.kind])).toEqual([
      ['$.content', 'email'],
      ['$.content', 'phone'],
      ['$.external_references[0].description', 'payment-card'],
      ['$.x_acme_case.reporters[1]', 'email'],
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/leila|4111|karim|216/);
  });

  it('redacts each finding as a new text, leaving the rest of the object as it was', () => {
    const object = {
      type: 'indicator', id: 'indicator--9d6c6a1c-3d1e-4a8b-9b44-3f0e5c2a1d12', pattern: "[email-addr:value = 'attacker.person@evil.tn']",
      description: 'Reported by leila.mansour@post.tn (+216 98 765 432) to abuse@isp.tn',
      external_references: [{ source_name: 'ticket', description: 'card 4111111111111111' }, { source_name: 'plain' }],
      x_acme_case: { reporters: ['abuse@isp.tn', 'karim.t@isp.tn'], count: 3 },
    };
    const { object: redacted, redacted: count } = redactPersonalData(object);
    expect(count).toBe(4);
    expect(redacted.description).toBe(`Reported by ${REDACTION_MARKER} (${REDACTION_MARKER}) to abuse@isp.tn`);
    expect(redacted.external_references).toEqual([{ source_name: 'ticket', description: `card ${REDACTION_MARKER}` }, { source_name: 'plain' }]);
    expect(redacted.x_acme_case).toEqual({ reporters: ['abuse@isp.tn', REDACTION_MARKER], count: 3 });
    expect(redacted.pattern).toBe(object.pattern);
    expect(scanObject(redacted)).toEqual([]);
    expect(object.description).toContain('leila');
  });

  it('leaves an object without findings unchanged', () => {
    const object = { type: 'note', content: 'contact soc@cert.tn', object_refs: ['x'] };
    expect(redactPersonalData(object)).toEqual({ object, redacted: 0 });
  });

  it('leaves the recipient lists alone: user names there may be e-mail addresses, and redacting one would change who reads', () => {
    const object = { type: 'note', content: 'see the ticket', x_thiqa_recipient_users: ['karim.t@cert.tn'], x_thiqa_recipient_refs: ['identity--x'] };
    expect(scanObject(object)).toEqual([]);
    expect(redactPersonalData(object).object).toEqual(object);
  });
});
