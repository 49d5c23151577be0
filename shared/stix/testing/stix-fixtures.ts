/**
 * Valid example objects for every STIX 2.1 type (mostly the specification's own examples) and helpers for the
 * unit tests. Test support only; production code does not import it.
 */
import { validateObject } from '../validator.ts';
import type { Problem } from '../problem.ts';

export const IDENTITY_ID = 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff';
export const TLP_GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
const T = '2016-04-06T20:03:00.000Z';
const versioned = (type: string, uuid: string) => ({ type, spec_version: '2.1', id: `${type}--${uuid}`, created: T, modified: T });

/** One valid object per specification-defined type, keyed by type. */
export const VALID: Readonly<Record<string, Record<string, unknown>>> = {
  'attack-pattern': { ...versioned('attack-pattern', '0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061'), name: 'Spear Phishing',
    external_references: [{ source_name: 'capec', external_id: 'CAPEC-163' }],
    kill_chain_phases: [{ kill_chain_name: 'lockheed-martin-cyber-kill-chain', phase_name: 'reconnaissance' }] },
  'campaign': { ...versioned('campaign', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), created_by_ref: IDENTITY_ID,
    name: 'Green Group Attacks Against Finance', first_seen: '2016-01-01T00:00:00Z', last_seen: '2016-02-01T00:00:00Z' },
  'course-of-action': { ...versioned('course-of-action', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), name: 'Block port 80' },
  'grouping': { ...versioned('grouping', '84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3'), name: 'Black Vine',
    context: 'suspicious-activity', object_refs: ['indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2',
      'file--0203b5c8-f8b6-4ddb-9ad0-527d727f968b'] },
  'identity': { ...versioned('identity', '023d105b-752e-4e3c-941c-7d3f3cb15e9e'), name: 'John Smith',
    identity_class: 'individual', sectors: ['technology'] },
  'incident': { ...versioned('incident', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), name: 'Incident 43' },
  'indicator': { ...versioned('indicator', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), created_by_ref: IDENTITY_ID,
    indicator_types: ['malicious-activity'], name: 'Poison Ivy Malware',
    pattern: "[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
    pattern_type: 'stix', valid_from: '2016-01-01T00:00:00Z', object_marking_refs: [TLP_GREEN] },
  'infrastructure': { ...versioned('infrastructure', '38c47d93-d984-4fd9-b87b-d69d0841628d'), name: 'Poison Ivy C2',
    infrastructure_types: ['command-and-control'] },
  'intrusion-set': { ...versioned('intrusion-set', '4e78f46f-a023-4e5f-bc24-71b3ca22ec29'), name: 'Bobcat Breakin',
    aliases: ['Zookeeper'], goals: ['acquisition-theft'], resource_level: 'team', primary_motivation: 'ideology' },
  'location': { ...versioned('location', 'a6e9345f-5a15-4c29-8bb3-7dcc5d168d64'), latitude: 48.8566, longitude: 2.3522,
    precision: 1000, region: 'western-europe', country: 'fr' },
  'malware': { ...versioned('malware', '31b940d4-6f7f-459a-80ea-9c1f17b5891b'), name: 'Poison Ivy', is_family: true,
    malware_types: ['remote-access-trojan'], sample_refs: ['file--ba8965d8-e4ec-5f9c-a4df-1c460994ca58'] },
  'malware-analysis': { ...versioned('malware-analysis', 'd25167b7-fed0-4068-9ccd-a73dd2c5b07c'), product: 'microsoft',
    analysis_started: '2012-02-11T08:36:14Z', analysis_ended: '2012-02-11T08:36:14Z', result: 'malicious' },
  'note': { ...versioned('note', '0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061'), abstract: 'Tracking Team Note#1',
    content: 'Investigation steps...', authors: ['John Doe'], object_refs: ['campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] },
  'observed-data': { ...versioned('observed-data', 'b67d30ff-02ac-498a-92f9-32f845f448cf'),
    first_observed: '2015-12-21T19:00:00Z', last_observed: '2015-12-21T19:00:00Z', number_observed: 50,
    object_refs: ['ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4', 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7'] },
  'opinion': { ...versioned('opinion', 'b01efc25-77b4-4003-b18b-f6e24b5cd9f7'), opinion: 'strongly-disagree',
    object_refs: ['relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471'] },
  'report': { ...versioned('report', '84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3'), name: 'The Black Vine Cyberespionage Group',
    published: '2016-01-20T17:00:00.000Z', report_types: ['campaign'],
    object_refs: ['campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c'] },
  'threat-actor': { ...versioned('threat-actor', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), name: 'Evil Org',
    threat_actor_types: ['crime-syndicate'], roles: ['director'], sophistication: 'advanced', resource_level: 'team',
    primary_motivation: 'organizational-gain' },
  'tool': { ...versioned('tool', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), name: 'VNC', tool_types: ['remote-access'] },
  'vulnerability': { ...versioned('vulnerability', '0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061'), name: 'CVE-2016-1234',
    external_references: [{ source_name: 'cve', external_id: 'CVE-2016-1234' }] },
  'relationship': { ...versioned('relationship', '44298a74-ba52-4f0c-87a3-1824e67d7fad'), relationship_type: 'indicates',
    source_ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', target_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b' },
  'sighting': { ...versioned('sighting', 'ee20065d-2555-424f-ad9e-0f8428623c75'), count: 50,
    first_seen: '2015-12-21T19:00:00Z', last_seen: '2015-12-21T19:00:00Z',
    sighting_of_ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    observed_data_refs: ['observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf'],
    where_sighted_refs: ['identity--b67d30ff-02ac-498a-92f9-32f845f448ff', 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64'] },
  'artifact': { type: 'artifact', spec_version: '2.1', id: 'artifact--142a5799-52f0-57fd-8c05-cc67d27c1dbd',
    mime_type: 'application/zip', payload_bin: 'ZX7HIBWPQA99NSUhEUgAAADI', encryption_algorithm: 'mime-type-indicated',
    decryption_key: 'My voice is my passport' },
  'autonomous-system': { type: 'autonomous-system', spec_version: '2.1',
    id: 'autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff', number: 15139, name: 'Slime Industries', rir: 'ARIN' },
  'directory': { type: 'directory', spec_version: '2.1', id: 'directory--0a58d0c1-59e6-5afd-8252-dcd3f13e5622',
    path: 'C:\\Windows\\System32' },
  'domain-name': { type: 'domain-name', spec_version: '2.1', id: 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7',
    value: 'example.com', resolves_to_refs: ['ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4'] },
  'email-addr': { type: 'email-addr', spec_version: '2.1', id: 'email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934',
    value: 'john@example.com', display_name: 'John Doe' },
  'email-message': { type: 'email-message', spec_version: '2.1', id: 'email-message--d7d69ead-3347-5772-815a-7766dc29c72c',
    is_multipart: true, content_type: 'multipart/mixed', date: '2016-06-19T14:20:40.000Z',
    additional_header_fields: { 'Content-Disposition': 'inline', 'Reply-To': ['steve@example.com'] },
    body_multipart: [{ content_type: 'text/plain; charset=utf-8', body: 'Cats are funny!' },
      { content_type: 'image/png', body_raw_ref: 'artifact--0682152c-646a-513b-bc07-e516494ed178' }] },
  'file': { type: 'file', spec_version: '2.1', id: 'file--949eb97a-da1e-5292-8959-03c4249dc9f3',
    hashes: { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db' }, size: 25536, name: 'foo.dll' },
  'ipv4-addr': { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
    value: '198.51.100.3' },
  'ipv6-addr': { type: 'ipv6-addr', spec_version: '2.1', id: 'ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f',
    value: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' },
  'mac-addr': { type: 'mac-addr', spec_version: '2.1', id: 'mac-addr--757b1725-9903-54f5-a855-1240691d7659',
    value: 'd2:fb:49:24:37:18' },
  'mutex': { type: 'mutex', spec_version: '2.1', id: 'mutex--f93fe911-e545-5239-b9b0-597840d0c871', name: '__CLEANSWEEP__' },
  'network-traffic': { type: 'network-traffic', spec_version: '2.1', id: 'network-traffic--4292dccf-844d-5aa2-a8c2-285ed7a90c02',
    src_ref: 'ipv4-addr--9cf4a8ec-7640-5f40-a006-79942896168b', dst_ref: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
    protocols: ['tcp'] },
  'process': { type: 'process', spec_version: '2.1', id: 'process--8fac80fe-a220-4ba9-8ffe-4f43ce8edff8', pid: 1221,
    created_time: '2016-01-20T14:11:25.55Z', command_line: './gedit-bin --new-window',
    image_ref: 'file--e04f22d1-be2c-59de-add8-10f61d15fe20' },
  'software': { type: 'software', spec_version: '2.1', id: 'software--710b0b41-d4d0-5d6c-a400-fc9254554ffc', name: 'Word',
    cpe: 'cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*', version: '2002', vendor: 'Microsoft', languages: ['en', 'pt-BR'] },
  'url': { type: 'url', spec_version: '2.1', id: 'url--47c3cf9a-5027-5bf0-997a-017c7edc7c55',
    value: 'https://example.com/research/index.html' },
  'user-account': { type: 'user-account', spec_version: '2.1', id: 'user-account--f94d689e-707d-58c3-b803-c720bb6ed096',
    user_id: '1001', account_login: 'jdoe', account_type: 'unix', display_name: 'John Doe', can_escalate_privs: true,
    account_created: '2016-01-20T12:31:12Z' },
  'windows-registry-key': { type: 'windows-registry-key', spec_version: '2.1',
    id: 'windows-registry-key--f6a11ddf-fa2b-54c8-97ab-e7f28413095a', key: 'hkey_local_machine\\system\\bar\\foo',
    values: [{ name: 'Foo', data: 'qwerty', data_type: 'REG_SZ' }, { name: 'Bar', data: '42', data_type: 'REG_DWORD' }] },
  'x509-certificate': { type: 'x509-certificate', spec_version: '2.1', id: 'x509-certificate--bf86f034-2390-54d7-8426-d08433db3fbe',
    issuer: 'C=ZA, O=Thawte', validity_not_before: '2016-03-12T12:00:00Z', validity_not_after: '2016-08-21T12:00:00Z',
    subject: 'C=US, O=FreeSoft', serial_number: '36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06' },
  'marking-definition': { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--4a0042fe-8b88-40fe-9600-dfa128ce6fbd',
    created: '2016-08-01T00:00:00.000Z', definition_type: 'statement', definition: { statement: 'Copyright 2019, Example Corp' } },
  'language-content': { type: 'language-content', spec_version: '2.1', id: 'language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d',
    created: '2017-02-08T21:31:22.007Z', modified: '2017-02-08T21:31:22.007Z',
    object_ref: 'campaign--12a111f0-b824-4baf-a224-83b80237a094', object_modified: '2017-02-08T21:31:22.007Z',
    contents: { de: { name: 'Bank Angriff' }, fr: { name: 'Attaque Bank', description: 'Plus d\'informations' } } },
  'extension-definition': { type: 'extension-definition', spec_version: '2.1', id: 'extension-definition--71736db5-10db-43d3-b0e3-65cf81601fe1',
    name: 'Extension Foo 1a', created: '2014-02-20T09:16:08.989000Z', modified: '2014-02-20T09:16:08.989000Z',
    created_by_ref: 'identity--11b76a96-5d2b-45e0-8a5a-f6994f370731', schema: 'https://www.example.com/schema-foo-1a/v1/',
    version: '1.2.1', extension_types: ['toplevel-property-extension'], extension_properties: ['toxicity', 'rank'] },
};

/** A copy of the valid example of `type` with some properties replaced (`undefined` deletes one). */
export function variant(type: string, changes: Record<string, unknown>): Record<string, unknown> {
  const object: Record<string, unknown> = structuredClone(VALID[type]!);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete object[key];
    else object[key] = value;
  }
  return object;
}

/** Problems as `severity rule path` strings: compact to assert on and readable when a test fails. */
export function findings(object: unknown): string[] {
  return validateObject(object).map((problem: Problem) => `${problem.severity} ${problem.rule} ${problem.path}`);
}

/** Only the errors, as `rule path`. */
export function errors(object: unknown): string[] {
  return validateObject(object).filter((problem) => problem.severity === 'error').map((problem) => `${problem.rule} ${problem.path}`);
}
