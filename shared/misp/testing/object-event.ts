/**
 * A MISP event for tests whose content is in MISP objects, as MISP writes them: one object of every mapped
 * template (file, domain-ip, ip-port, network-connection, url, email, x509, person, organization), a template Thiqa does not map, attributes
 * of relations the templates do not read, and `ObjectReference`s between objects, to an attribute, to a uuid
 * that is not in the event and from the unmapped object.
 */
import type { MispRecord } from '../misp-event.ts';
import { uuidFor } from './rich-event.ts';

/** The uuids of the event's objects, by name. */
export const OBJECT_UUIDS = {
  file: uuidFor('o-file'), fileSeen: uuidFor('o-file-seen'), domainIp: uuidFor('o-domain-ip'), ipPort: uuidFor('o-ip-port'),
  connection: uuidFor('o-network-connection'), url: uuidFor('o-url'), email: uuidFor('o-email'), x509: uuidFor('o-x509'),
  person: uuidFor('o-person'), organization: uuidFor('o-organization'), unmapped: uuidFor('o-geolocation'),
} as const;

/** The uuid of the event's one attribute outside objects. */
export const TOP_ATTRIBUTE_UUID = uuidFor('a-top-domain');

/** A uuid that names nothing in the event. */
export const ELSEWHERE_UUID = uuidFor('elsewhere');

function attribute(object: string, relation: string, type: string, value: string, toIds = false): MispRecord {
  return { uuid: uuidFor(`${object}:${relation}:${value}`), object_relation: relation, type, category: 'Network activity', value, to_ids: toIds, comment: '', timestamp: '1700000000', distribution: '5', disable_correlation: false };
}

function object(key: keyof typeof OBJECT_UUIDS, name: string, metaCategory: string, attributes: MispRecord[], references: MispRecord[] = []): MispRecord {
  return {
    uuid: OBJECT_UUIDS[key], name, 'meta-category': metaCategory, description: `A ${name} object`, template_uuid: uuidFor(`template:${name}`), template_version: '7',
    timestamp: '1700000050', distribution: '5', sharing_group_id: '0', comment: '', deleted: false,
    Attribute: attributes,
    ...(references.length ? { ObjectReference: references } : {}),
  };
}

const reference = (name: string, from: string, to: string, relationshipType: string): MispRecord => ({
  uuid: uuidFor(`ref:${name}`), object_uuid: from, referenced_uuid: to, relationship_type: relationshipType, comment: '', timestamp: '1700000060', deleted: false,
});

/** The event (`{"Event": …}`). */
export function objectEvent(): { Event: MispRecord } {
  return {
    Event: {
      uuid: uuidFor('object-event'), info: 'Phishing wave: objects and references', date: '2023-11-20', timestamp: '1700000100', published: false,
      analysis: '2', threat_level_id: '2', distribution: '3', Orgc: { name: 'CERT Example', uuid: uuidFor('orgc') },
      Attribute: [{ uuid: TOP_ATTRIBUTE_UUID, type: 'domain', category: 'Network activity', value: 'landing.example.net', to_ids: true, comment: 'landing page', timestamp: '1700000000', distribution: '5' }],
      Object: [
        object('file', 'file', 'file', [
          attribute('file', 'filename', 'filename', 'invoice.pdf.exe'),
          attribute('file', 'md5', 'md5', '44d88612fea8a8f36de82e1278abb02f', true),
          attribute('file', 'sha256', 'sha256', '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f', true),
          attribute('file', 'size-in-bytes', 'size-in-bytes', '68'),
          attribute('file', 'mimetype', 'mime-type', 'application/x-dosexec'),
          attribute('file', 'entropy', 'float', '3.27'),
        ], [
          reference('file-url', OBJECT_UUIDS.file, OBJECT_UUIDS.url, 'downloaded-from'),
          reference('file-top', OBJECT_UUIDS.file, TOP_ATTRIBUTE_UUID, 'Communicates_With'),
          reference('file-elsewhere', OBJECT_UUIDS.file, ELSEWHERE_UUID, 'related-to'),
        ]),
        object('fileSeen', 'file', 'file', [attribute('file-seen', 'filename', 'filename', 'notes.txt'), attribute('file-seen', 'sha1', 'sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709')]),
        object('domainIp', 'domain-ip', 'network', [
          attribute('domain-ip', 'domain', 'domain', 'c2.example.org', true),
          attribute('domain-ip', 'ip', 'ip-dst', '203.0.113.10', true),
          attribute('domain-ip', 'ip', 'ip-dst', '2001:db8::10', true),
        ]),
        object('ipPort', 'ip-port', 'network', [
          attribute('ip-port', 'ip', 'ip-dst', '203.0.113.10'),
          attribute('ip-port', 'dst-port', 'port', '8443'),
          attribute('ip-port', 'text', 'text', 'C2 listener'),
        ]),
        object('connection', 'network-connection', 'network', [
          attribute('connection', 'ip-src', 'ip-src', '198.51.100.20', true),
          attribute('connection', 'ip-dst', 'ip-dst', '203.0.113.10', true),
          attribute('connection', 'src-port', 'port', '49152'),
          attribute('connection', 'dst-port', 'port', '8443'),
          attribute('connection', 'layer4-protocol', 'text', 'TCP'),
        ], [reference('connection-domain-ip', OBJECT_UUIDS.connection, OBJECT_UUIDS.domainIp, 'connects-to')]),
        object('url', 'url', 'network', [attribute('url', 'url', 'url', 'https://files.example.com/invoice.pdf.exe', true), attribute('url', 'domain', 'domain', 'files.example.com')]),
        object('email', 'email', 'network', [
          attribute('email', 'from', 'email-src', 'billing@example.com', true),
          attribute('email', 'to', 'email-dst', 'alice@example.org'),
          attribute('email', 'to', 'email-dst', 'bob@example.org'),
          attribute('email', 'subject', 'email-subject', 'Invoice 4711 overdue'),
          attribute('email', 'reply-to', 'email-reply-to', 'reply@example.com'),
          attribute('email', 'send-date', 'datetime', '2023-11-19T08:30:00+00:00'),
        ], [reference('email-file', OBJECT_UUIDS.email, OBJECT_UUIDS.file, 'contains')]),
        object('x509', 'x509', 'network', [
          attribute('x509', 'x509-fingerprint-sha256', 'x509-fingerprint-sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', true),
          attribute('x509', 'issuer', 'text', 'CN=Example Phishing CA'),
          attribute('x509', 'serial-number', 'text', '0a1b2c3d'),
          attribute('x509', 'validity-not-after', 'datetime', '2024-11-20T00:00:00+00:00'),
          attribute('x509', 'pubkey-info-exponent', 'text', '65537'),
        ]),
        object('person', 'person', 'misc', [
          attribute('person', 'first-name', 'first-name', 'Jane'),
          attribute('person', 'last-name', 'last-name', 'Doe'),
          attribute('person', 'role', 'text', 'Victim'),
          attribute('person', 'e-mail', 'email-src', 'jane.doe@example.org'),
          attribute('person', 'passport-number', 'passport-number', 'X1234567'),
        ], [reference('person-email', OBJECT_UUIDS.person, OBJECT_UUIDS.email, 'received')]),
        object('organization', 'organization', 'misc', [
          attribute('organization', 'name', 'text', 'Example Logistics S.A.'),
          attribute('organization', 'role', 'text', 'Target'),
          attribute('organization', 'address', 'text', '1 Rue Exemple, Luxembourg'),
          attribute('organization', 'phone-number', 'phone-number', '+352 000 000'),
        ]),
        object('unmapped', 'geolocation', 'misc', [attribute('geolocation', 'city', 'text', 'Luxembourg'), attribute('geolocation', 'latitude', 'float', '49.61')], [
          reference('geolocation-file', OBJECT_UUIDS.unmapped, OBJECT_UUIDS.file, 'located-at'),
        ]),
      ],
    },
  };
}
