// MISP objects → STIX 2.1: each mapped template as its observables with one indicator or observed-data, the
// references as relationships, what cannot be mapped reported and kept, and the export giving the objects back.
import { describe, expect, it } from 'vitest';
import { canonicalJson, validateObject } from '../stix/index.ts';
import { checkEvent, type MispEvent, type MispRecord } from './misp-event.ts';
import { relationshipType } from './misp-objects.ts';
import { eventToStix, Tally } from './misp-to-stix.ts';
import { stixToMisp } from './stix-to-misp.ts';
import { ELSEWHERE_UUID, OBJECT_UUIDS, objectEvent, TOP_ATTRIBUTE_UUID } from './testing/object-event.ts';
import { uuidFor } from './testing/rich-event.ts';
import { xMispOf } from './x-misp-extension.ts';

type Obj = Record<string, unknown>;

function convert(document: { Event: MispRecord }) {
  const { event, problems } = checkEvent(document, 'objects.json');
  expect(problems).toEqual([]);
  const tally = new Tally();
  const { objects, reportId } = eventToStix(event as MispEvent, tally);
  return { objects: new Map(objects.map((o) => [o.id as string, o])), list: objects, reportId, tally };
}

/** The objects `refs` names. */
const resolve = (objects: Map<string, Obj>, refs: unknown) => (refs as string[]).map((id) => objects.get(id)!);

describe('MISP objects → STIX 2.1', () => {
  it('maps file: one file with its name, hashes, size and MIME type, and one indicator combining them when an attribute is to_ids', () => {
    const { objects } = convert(objectEvent());
    const indicator = objects.get(`indicator--${OBJECT_UUIDS.file}`)!;
    expect(indicator).toMatchObject({
      pattern_type: 'stix', valid_from: '2023-11-14T22:14:10.000Z',
      pattern: "[file:name = 'invoice.pdf.exe' AND file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f' AND file:hashes.'SHA-256' = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' AND file:size = 68 AND file:mime_type = 'application/x-dosexec']",
    });
    const file = [...objects.values()].find((o) => o.type === 'file' && o.name === 'invoice.pdf.exe')!;
    expect(file).toMatchObject({ hashes: { MD5: '44d88612fea8a8f36de82e1278abb02f', 'SHA-256': '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' }, size: 68, mime_type: 'application/x-dosexec' });
    // The five attributes the template read are kept whole, the entropy (no template relation) on its own.
    expect((xMispOf(indicator)!.object_attributes as Obj[]).map((a) => a.object_relation)).toEqual(['filename', 'md5', 'sha256', 'size-in-bytes', 'mimetype']);
    const seen = objects.get(`observed-data--${OBJECT_UUIDS.fileSeen}`)!;
    expect(resolve(objects, seen.object_refs)).toMatchObject([{ type: 'file', name: 'notes.txt', hashes: { 'SHA-1': 'da39a3ee5e6b4b0d3255bfef95601890afd80709' } }]);
    expect(objects.has(`indicator--${OBJECT_UUIDS.fileSeen}`)).toBe(false);
  });

  it('maps domain-ip: the domain-name resolves to every IP address of the object', () => {
    const { objects } = convert(objectEvent());
    const indicator = objects.get(`indicator--${OBJECT_UUIDS.domainIp}`)!;
    expect(indicator.pattern).toBe("[domain-name:value = 'c2.example.org' AND domain-name:resolves_to_refs[*].value = '203.0.113.10' AND domain-name:resolves_to_refs[*].value = '2001:db8::10']");
    const domain = [...objects.values()].find((o) => o.type === 'domain-name' && o.value === 'c2.example.org')!;
    expect(resolve(objects, domain.resolves_to_refs)).toMatchObject([{ type: 'ipv4-addr', value: '203.0.113.10' }, { type: 'ipv6-addr', value: '2001:db8::10' }]);
  });

  it('maps ip-port and network-connection: a network-traffic to (and from) its addresses and ports', () => {
    const { objects } = convert(objectEvent());
    const ipPort = objects.get(`observed-data--${OBJECT_UUIDS.ipPort}`)!;
    const [traffic] = resolve(objects, ipPort.object_refs);
    expect(traffic).toMatchObject({ type: 'network-traffic', dst_port: 8443, protocols: ['ipv4'] });
    expect(objects.get(traffic!.dst_ref as string)).toMatchObject({ type: 'ipv4-addr', value: '203.0.113.10' });
    expect(traffic).not.toHaveProperty('src_ref');
    const connection = objects.get(`indicator--${OBJECT_UUIDS.connection}`)!;
    expect(connection.pattern).toBe("[network-traffic:src_ref.value = '198.51.100.20' AND network-traffic:dst_ref.value = '203.0.113.10' AND network-traffic:src_port = 49152 AND network-traffic:dst_port = 8443 AND network-traffic:protocols[*] = 'tcp']");
    const flow = [...objects.values()].find((o) => o.type === 'network-traffic' && o.src_port === 49152)!;
    expect(flow).toMatchObject({ dst_port: 8443, protocols: ['tcp'] });
    expect(objects.get(flow.src_ref as string)).toMatchObject({ value: '198.51.100.20' });
    // The ip-port's text is no template relation: it is a note of its own, as before.
    expect([...objects.values()].find((o) => o.type === 'note' && o.content === 'C2 listener')).toBeDefined();
  });

  it('maps url and email: a url, and an email-message from and to its email-addr with subject, header and date', () => {
    const { objects } = convert(objectEvent());
    expect(objects.get(`indicator--${OBJECT_UUIDS.url}`)!.pattern).toBe("[url:value = 'https://files.example.com/invoice.pdf.exe']");
    const email = objects.get(`indicator--${OBJECT_UUIDS.email}`)!;
    expect(email.pattern).toBe("[email-message:from_ref.value = 'billing@example.com' AND email-message:to_refs[*].value = 'alice@example.org' AND email-message:to_refs[*].value = 'bob@example.org' AND email-message:subject = 'Invoice 4711 overdue' AND email-message:additional_header_fields.'Reply-To' = 'reply@example.com' AND email-message:date = t'2023-11-19T08:30:00.000Z']");
    const message = [...objects.values()].find((o) => o.type === 'email-message' && o.subject === 'Invoice 4711 overdue')!;
    expect(message).toMatchObject({ is_multipart: false, date: '2023-11-19T08:30:00.000Z', additional_header_fields: { 'Reply-To': 'reply@example.com' } });
    expect(objects.get(message.from_ref as string)).toMatchObject({ type: 'email-addr', value: 'billing@example.com' });
    expect(resolve(objects, message.to_refs).map((a) => a.value)).toEqual(['alice@example.org', 'bob@example.org']);
  });

  it('maps x509: an x509-certificate with its fingerprint, issuer, serial number, validity and key exponent', () => {
    const { objects } = convert(objectEvent());
    const indicator = objects.get(`indicator--${OBJECT_UUIDS.x509}`)!;
    expect(indicator.pattern).toBe("[x509-certificate:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' AND x509-certificate:issuer = 'CN=Example Phishing CA' AND x509-certificate:serial_number = '0a1b2c3d' AND x509-certificate:validity_not_after = t'2024-11-20T00:00:00.000Z' AND x509-certificate:subject_public_key_exponent = 65537]");
    const certificate = [...objects.values()].find((o) => o.type === 'x509-certificate' && o.serial_number === '0a1b2c3d')!;
    expect(certificate).toMatchObject({ issuer: 'CN=Example Phishing CA', validity_not_after: '2024-11-20T00:00:00.000Z', subject_public_key_exponent: 65537 });
  });

  it('maps person and organization: an identity with its name, roles and contact information, not its passport', () => {
    const { objects, reportId } = convert(objectEvent());
    expect(objects.get(`identity--${OBJECT_UUIDS.person}`)).toMatchObject({ name: 'Jane Doe', identity_class: 'individual', roles: ['Victim'], contact_information: 'e-mail: jane.doe@example.org' });
    expect(objects.get(`identity--${OBJECT_UUIDS.organization}`)).toMatchObject({ name: 'Example Logistics S.A.', identity_class: 'organization', roles: ['Target'], contact_information: 'phone-number: +352 000 000\naddress: 1 Rue Exemple, Luxembourg' });
    const person = (xMispOf(objects.get(reportId)!)!.objects as Obj[]).find((o) => o.uuid === OBJECT_UUIDS.person)!;
    expect(person.unmapped_attributes).toMatchObject([{ object_relation: 'passport-number' }]);
    expect(objects.get(`relationship--${uuidFor('ref:person-email')}`)).toMatchObject({ source_ref: `identity--${OBJECT_UUIDS.person}`, target_ref: `indicator--${OBJECT_UUIDS.email}`, relationship_type: 'received' });
  });

  it('gives objects Thiqa’s validator accepts, the same ones every time, all in the report', () => {
    const { list, objects, reportId } = convert(objectEvent());
    for (const object of list) {
      const problems = validateObject(object).filter((p) => !(object.type === 'relationship' && p.rule === 'vocab-value' && p.path === '$.relationship_type'));
      expect(problems, String(object.id)).toEqual([]);
    }
    expect(convert(objectEvent()).list.map((o) => canonicalJson(o))).toEqual(list.map((o) => canonicalJson(o)));
    const refs = new Set(objects.get(reportId)!.object_refs as string[]);
    for (const object of list) if (object.type !== 'report' && object.type !== 'identity') expect(refs.has(object.id as string), String(object.id)).toBe(true);
  });

  it('makes references relationships between what their ends became, the type in STIX’s form', () => {
    const { objects } = convert(objectEvent());
    const relationship = (name: string) => objects.get(`relationship--${uuidFor(`ref:${name}`)}`);
    expect(relationship('file-url')).toMatchObject({ relationship_type: 'downloaded-from', source_ref: `indicator--${OBJECT_UUIDS.file}`, target_ref: `indicator--${OBJECT_UUIDS.url}`, modified: '2023-11-14T22:14:20.000Z' });
    expect(relationship('file-top')).toMatchObject({ relationship_type: 'communicates-with', target_ref: `indicator--${TOP_ATTRIBUTE_UUID}` });
    expect(xMispOf(relationship('file-top')!)).toMatchObject({ relationship_type: 'Communicates_With' });
    expect(relationship('connection-domain-ip')).toMatchObject({ relationship_type: 'connects-to', source_ref: `indicator--${OBJECT_UUIDS.connection}`, target_ref: `indicator--${OBJECT_UUIDS.domainIp}` });
    expect(relationship('email-file')).toMatchObject({ relationship_type: 'contains', target_ref: `indicator--${OBJECT_UUIDS.file}` });
    expect([relationshipType('Resolves To'), relationshipType('--'), relationshipType(undefined), relationshipType('uses')]).toEqual(['resolves-to', 'related-to', 'related-to', 'uses']);
  });

  it('reports a reference to what is not in the event, or from an object not mapped, and keeps both in x_misp', () => {
    const { objects, reportId, tally } = convert(objectEvent());
    expect(objects.has(`relationship--${uuidFor('ref:file-elsewhere')}`)).toBe(false);
    expect(objects.has(`relationship--${uuidFor('ref:geolocation-file')}`)).toBe(false);
    const references = tally.unmappedEntries().filter((e) => e.kind === 'object-reference');
    expect(references).toMatchObject([
      { name: 'located-at', count: 1, examples: [expect.stringContaining('its object is not mapped as a whole')] },
      { name: 'related-to', count: 1, examples: [expect.stringContaining(`${ELSEWHERE_UUID}: the referenced uuid is no attribute or object the event maps`)] },
    ]);
    const kept = xMispOf(objects.get(reportId)!)!.objects as Obj[];
    const file = kept.find((o) => o.uuid === OBJECT_UUIDS.file)!;
    expect((file.ObjectReference as Obj[]).map((r) => r.referenced_uuid)).toContain(ELSEWHERE_UUID);
  });

  it('reports a template it does not map and converts its attributes one by one, as before', () => {
    const { objects, reportId, tally } = convert(objectEvent());
    expect(tally.unmappedEntries().filter((e) => e.kind === 'object-template')).toMatchObject([{ name: 'geolocation', count: 1, examples: [OBJECT_UUIDS.unmapped] }]);
    expect([...objects.values()].find((o) => o.type === 'note' && o.content === 'Luxembourg')).toMatchObject({ extensions: expect.anything() });
    const kept = (xMispOf(objects.get(reportId)!)!.objects as Obj[]).find((o) => o.uuid === OBJECT_UUIDS.unmapped)!;
    expect(kept).toMatchObject({ name: 'geolocation', unmapped_attributes: [expect.objectContaining({ object_relation: 'latitude', value: '49.61' })] });
    // The attributes of relations a mapped template does not read: the file's entropy (float) is kept unmapped.
    const file = (xMispOf(objects.get(reportId)!)!.objects as Obj[]).find((o) => o.uuid === OBJECT_UUIDS.file)!;
    expect(file.unmapped_attributes).toMatchObject([{ object_relation: 'entropy', type: 'float' }]);
    expect(tally.unmappedEntries().find((e) => e.kind === 'attribute-type' && e.name === 'size-in-bytes')).toBeUndefined();
  });

  it('keeps today’s conversion for an object of a mapped template that gives no observable (a file of neither name nor hash)', () => {
    const document = objectEvent();
    const [file] = document.Event.Object as MispRecord[];
    file!.Attribute = (file!.Attribute as MispRecord[]).filter((a) => a.object_relation === 'mimetype' || a.object_relation === 'size-in-bytes');
    const { objects, tally } = convert(document);
    expect(objects.has(`indicator--${OBJECT_UUIDS.file}`)).toBe(false);
    expect(tally.unmappedEntries()).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'object-template', name: 'file', examples: [OBJECT_UUIDS.file] })]));
  });

  it('exports the event back with the same objects, attributes and references; importing that gives the same STIX', () => {
    const { list } = convert(objectEvent());
    const { events, skipped } = stixToMisp(new Map(list.map((o) => [o.id as string, o])), { id: 'c', title: 'C' }, { name: 'Thiqa', uuid: uuidFor('thiqa') });
    expect(skipped).toEqual({});
    expect(events).toHaveLength(1);
    expect(events[0]!.Object).toEqual(objectEvent().Event.Object);
    expect(events[0]!.Attribute).toEqual(objectEvent().Event.Attribute);
    const again = convert({ Event: events[0]! }).list.map((o) => canonicalJson(o)).sort();
    expect(again).toEqual(list.map((o) => canonicalJson(o)).sort());
  });
});
