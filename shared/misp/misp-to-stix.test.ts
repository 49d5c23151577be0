// The mapping MISP → STIX 2.1 on the real feed sample and on an event of every mapped type: valid objects,
// deterministic ids, labels, TLP markings, galaxies, and nothing dropped (reported and kept in x_misp).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mispFeedSample } from '../../test/support/reference-data.ts';
import { canonicalJson, TLP2_MARKINGS, validateObject } from '../stix/index.ts';
import { ATTRIBUTE_TYPES } from './attribute-types.ts';
import { checkEvent, readEvent, type MispEvent } from './misp-event.ts';
import { eventToStix, Tally } from './misp-to-stix.ts';
import { richEvent, SAMPLE_VALUES, uuidFor } from './testing/rich-event.ts';
import { THIQA_IDENTITY, X_MISP_EXTENSION_DEFINITION, X_MISP_EXTENSION_ID, xMispOf } from './x-misp-extension.ts';

const SAMPLE = path.join(mispFeedSample(), '56bf399d-c46c-4fdb-a9cf-d9bb02de0b81.json');
type Obj = Record<string, unknown>;

function convert(document: unknown) {
  const { event, problems } = checkEvent(document, 'test.json');
  expect(problems).toEqual([]);
  const tally = new Tally();
  return { ...eventToStix(event as MispEvent, tally), tally };
}
const byId = (objects: Obj[]) => new Map(objects.map((o) => [o.id as string, o]));

describe('MISP event → STIX 2.1', () => {
  it('has a sample value for exactly the mapped types (at least 40)', () => {
    expect(Object.keys(SAMPLE_VALUES).sort()).toEqual(Object.keys(ATTRIBUTE_TYPES).sort());
    expect(Object.keys(ATTRIBUTE_TYPES).length).toBeGreaterThanOrEqual(40);
  });

  it('maps the real feed sample: a report by CIRCL, TLP:CLEAR, the link as observed-data of a url', () => {
    const { event } = readEvent(fs.readFileSync(SAMPLE, 'utf8'), 'sample.json');
    const { objects, reportId } = convert({ Event: event });
    const report = byId(objects).get(reportId)!;
    expect(report).toMatchObject({ type: 'report', id: 'report--56bf399d-c46c-4fdb-a9cf-d9bb02de0b81', name: 'OSINT - Hunting for Malware with Machine Learning', labels: ['type:OSINT'], object_marking_refs: [TLP2_MARKINGS.clear], created_by_ref: 'identity--55f6ea5e-2c60-40e5-964f-47a8950d210f', created: '2015-12-18T00:00:00.000Z', modified: '2016-02-13T14:20:40.000Z', published: '2016-02-13T14:21:54.000Z' });
    const observed = byId(objects).get('observed-data--56bf39c9-c078-4368-9555-6cf802de0b81')!;
    const url = byId(objects).get((observed.object_refs as string[])[0]!)!;
    expect(url).toMatchObject({ type: 'url', value: 'http://blog.cylance.com/hunting-for-malware-with-machine-learning' });
    expect(xMispOf(observed)).toMatchObject({ attribute: { type: 'link', category: 'External analysis', to_ids: false } });
    expect(byId(objects).get('identity--55f6ea5e-2c60-40e5-964f-47a8950d210f')).toMatchObject({ name: 'CIRCL', identity_class: 'organization' });
  });

  it('gives objects that pass Thiqa’s validator with no problem at all, the extension definition too', () => {
    const { objects } = convert(richEvent());
    for (const object of [...objects, X_MISP_EXTENSION_DEFINITION, THIQA_IDENTITY]) {
      // MISP's relationship types (connects-to) are custom ones: STIX allows them, with that warning.
      const problems = validateObject(object).filter((p) => !(object.type === 'relationship' && p.rule === 'vocab-value' && p.path === '$.relationship_type'));
      expect(problems, String(object.id)).toEqual([]);
    }
  });

  it('is deterministic: the same event gives the same objects, byte for byte', () => {
    const first = convert(richEvent()).objects.map((o) => canonicalJson(o));
    expect(convert(richEvent()).objects.map((o) => canonicalJson(o))).toEqual(first);
  });

  it('makes to_ids attributes indicators with a STIX pattern, the others observed-data, each with its observables', () => {
    const objects = byId(convert(richEvent()).objects);
    const ip = objects.get(`indicator--${uuidFor('ip-src:198.51.100.7')}`)!;
    expect(ip).toMatchObject({ pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: '2023-11-01T10:00:00.000Z', valid_until: '2023-11-05T10:00:00.000Z', description: 'comment on ip-src', labels: ['kill-chain:delivery'] });
    const ipv6 = objects.get(`observed-data--${uuidFor('ip-dst:2001:db8::1')}`)!;
    expect(objects.get((ipv6.object_refs as string[])[0]!)).toMatchObject({ type: 'ipv6-addr', value: '2001:db8::1' });
    expect(objects.get(`indicator--${uuidFor('yara:' + SAMPLE_VALUES.yara)}`)).toMatchObject({ pattern_type: 'yara', pattern: SAMPLE_VALUES.yara });
    expect(objects.get(`vulnerability--${uuidFor('vulnerability:CVE-2021-44228')}`)).toMatchObject({ name: 'CVE-2021-44228', external_references: [{ source_name: 'cve', external_id: 'CVE-2021-44228' }] });
    expect(objects.get(`note--${uuidFor('btc:' + SAMPLE_VALUES.btc)}`)).toMatchObject({ content: SAMPLE_VALUES.btc, object_refs: [`report--${uuidFor('event')}`] });
    const traffic = [...objects.values()].find((o) => o.type === 'network-traffic' && o.dst_port === 443)!;
    expect(objects.get(traffic.dst_ref as string)).toMatchObject({ type: 'ipv4-addr', value: '203.0.113.9' });
  });

  it('turns TLP tags and distribution into TLP 2.0 markings, the stricter winning, never more open than the event', () => {
    const objects = byId(convert(richEvent()).objects);
    // Event: tlp:clear and distribution 3 (green): green.
    expect(objects.get(`report--${uuidFor('event')}`)!.object_marking_refs).toEqual([TLP2_MARKINGS.green]);
    expect(objects.get(`indicator--${uuidFor('ip-src:198.51.100.7')}`)!.object_marking_refs).toEqual([TLP2_MARKINGS['amber+strict']]);
    expect(objects.get(`observed-data--${uuidFor('ip-dst:2001:db8::1')}`)!.object_marking_refs).toEqual([TLP2_MARKINGS['amber+strict']]);
    expect(objects.get(`indicator--${uuidFor('ip-src|port:198.51.100.8|4444')}`)!.object_marking_refs).toEqual([TLP2_MARKINGS.green]);
  });

  it('makes galaxy clusters labels and external references with their ATT&CK id', () => {
    const objects = byId(convert(richEvent()).objects);
    const attribute = objects.get(`observed-data--${uuidFor('ip-dst:2001:db8::1')}`)!;
    expect(attribute.labels).toEqual(['misp-galaxy:mitre-attack-pattern="Phishing - T1566"']);
    expect(attribute.external_references).toEqual([{ source_name: 'mitre-attack-pattern', external_id: 'T1566', description: 'Phishing - T1566' }]);
    expect(objects.get(`report--${uuidFor('event')}`)!.labels).toEqual(['type:OSINT', 'misp-galaxy:threat-actor="APT Example"']);
  });

  it('reports what it does not map, with examples, and keeps it in the x_misp extension', () => {
    const { objects, reportId, tally } = convert(richEvent());
    const entries = tally.unmappedEntries();
    // The file object's size-in-bytes is its file's size: only the event's own size-in-bytes is not mapped.
    expect(entries.find((e) => e.kind === 'attribute-type')).toMatchObject({ name: 'size-in-bytes', count: 1 });
    expect(entries.find((e) => e.kind === 'attribute-value')).toMatchObject({ name: 'AS', count: 1, examples: [expect.stringContaining('not-a-number')] });
    expect(entries.find((e) => e.kind === 'object-template')).toBeUndefined();
    expect(entries.find((e) => e.name === 'Event.x_unknown_field')).toMatchObject({ kind: 'field', count: 1 });
    const ext = xMispOf(byId(objects).get(reportId)!)!;
    expect((ext.unmapped_attributes as Obj[]).map((a) => a.type)).toEqual(['size-in-bytes', 'AS']);
    expect(ext.event).toMatchObject({ x_unknown_field: { kept: true }, analysis: '1', distribution: '3', Org: { name: 'CERT Example' } });
    expect((ext.objects as Obj[])[0]).toMatchObject({ name: 'file', 'meta-category': 'file', attribute_uuids: expect.any(Array), ObjectReference: expect.any(Array) });
    const sample = [...byId(objects).values()].find((o) => xMispOf(o)?.attribute && (xMispOf(o)!.attribute as Obj).data !== undefined)!;
    expect(sample.extensions).toHaveProperty([X_MISP_EXTENSION_ID, 'attribute', 'data'], 'UEsDBAoAAAAAAA==');
  });

  it('names the file, path and rule of every problem of a refused event', () => {
    const bad = { Event: { uuid: 'nope', Attribute: [{ uuid: uuidFor('a'), type: 'ip-src' }, 'x'], Tag: [{ colour: '#fff' }], distribution: 9 } };
    const { event, problems } = checkEvent(bad, 'bad.json');
    expect(event).toBeUndefined();
    expect(problems.map((p) => [p.file, p.path, p.rule])).toEqual([
      ['bad.json', '$.Event.uuid', 'misp-invalid-uuid'],
      ['bad.json', '$.Event.info', 'misp-required-field'],
      ['bad.json', '$.Event.timestamp', 'misp-required-field'],
      ['bad.json', '$.Event.distribution', 'misp-invalid-value'],
      ['bad.json', '$.Event.Tag[0].name', 'misp-required-field'],
      ['bad.json', '$.Event.Attribute[0].value', 'misp-required-field'],
      ['bad.json', '$.Event.Attribute[1]', 'misp-not-an-object'],
    ]);
    expect(readEvent('{"Event": ', 'cut.json').problems).toMatchObject([{ rule: 'misp-json-syntax', file: 'cut.json', path: '$' }]);
    expect(checkEvent([], 'list.json').problems).toMatchObject([{ rule: 'misp-not-an-object', path: '$' }]);
  });
});
