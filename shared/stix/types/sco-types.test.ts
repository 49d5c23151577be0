import { describe, expect, it } from 'vitest';
import { SCO_TYPES } from './sco-types.ts';
import { deterministicScoId } from '../sco-id.ts';
import { VALID, findings, variant } from '../testing/stix-fixtures.ts';

/** A variant whose id is recomputed, so tests see only the problem they are about (not an id mismatch). */
function sco(type: string, changes: Record<string, unknown>): Record<string, unknown> {
  const object = variant(type, changes);
  const id = deterministicScoId(object);
  if (id) object.id = id;
  return object;
}

describe('SCO declarations', () => {
  it('declares the 18 SCOs of STIX 2.1', () => {
    expect(SCO_TYPES.map((definition) => definition.type).sort()).toEqual([
      'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file', 'ipv4-addr',
      'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url', 'user-account',
      'windows-registry-key', 'x509-certificate',
    ]);
  });

  it.each(SCO_TYPES.map((definition) => definition.type))('accepts a valid %s with no finding', (type) => {
    expect(findings(VALID[type])).toEqual([]);
  });

  it('accepts every predefined extension on its type', () => {
    expect(findings(sco('file', {
      extensions: {
        'ntfs-ext': { alternate_data_streams: [{ name: 'second.stream', size: 25536 }] },
        'pdf-ext': { version: '1.7', document_info_dict: { Title: 'Sample' } },
        'raster-image-ext': { exif_tags: { Make: 'Nikon', XResolution: 4928 } },
        'archive-ext': { contains_refs: ['file--70221dbf-52fd-5377-9619-c0ce6b3ffc8c'] },
        'windows-pebinary-ext': { pe_type: 'exe', machine_hex: '014c', optional_header: { magic_hex: '010b' },
          sections: [{ name: 'CODE', entropy: 0.061089 }] },
      },
    }))).toEqual([]);
    expect(findings(sco('network-traffic', {
      extensions: {
        'http-request-ext': { request_method: 'get', request_value: '/download.html', request_header: { Host: ['www.example.com'] } },
        'tcp-ext': { src_flags_hex: '00000002' },
        'icmp-ext': { icmp_type_hex: '08', icmp_code_hex: '00' },
        'socket-ext': { address_family: 'AF_INET', socket_type: 'SOCK_STREAM', is_listening: true },
      },
    }))).toEqual([]);
    expect(findings(sco('process', {
      extensions: {
        'windows-process-ext': { aslr_enabled: true, priority: 'HIGH_PRIORITY_CLASS', integrity_level: 'high' },
        'windows-service-ext': { service_name: 'sirvizio', start_type: 'SERVICE_AUTO_START', service_status: 'SERVICE_RUNNING' },
      },
    }))).toEqual([]);
    expect(findings(sco('user-account', { extensions: { 'unix-account-ext': { gid: 1001, groups: ['wheel'] } } }))).toEqual([]);
  });
});

const INVALID: [string, string, Record<string, unknown>, string][] = [
  ['artifact with both payload and url', 'artifact', { url: 'https://example.com/a.zip', hashes: { MD5: 'a'.repeat(32) } },
    'error mutually-exclusive $.url'],
  ['artifact payload that is not base64', 'artifact', { payload_bin: 'not base64!' }, 'error invalid-base64 $.payload_bin'],
  ['artifact with an unknown cipher', 'artifact', { encryption_algorithm: 'rot13' }, 'error enum-value $.encryption_algorithm'],
  ['artifact key without cipher', 'artifact', { encryption_algorithm: undefined }, 'error dependent-property $.decryption_key'],
  ['autonomous-system number as a string', 'autonomous-system', { number: '15139' }, 'error wrong-type $.number'],
  ['directory containing a url', 'directory', { contains_refs: ['url--47c3cf9a-5027-5bf0-997a-017c7edc7c55'] },
    'error ref-type $.contains_refs[0]'],
  ['domain-name resolving to a file', 'domain-name', { resolves_to_refs: ['file--949eb97a-da1e-5292-8959-03c4249dc9f3'] },
    'error ref-type $.resolves_to_refs[0]'],
  ['email-addr without value', 'email-addr', { value: undefined }, 'error required-property $.value'],
  ['multipart email with a plain body', 'email-message', { body: 'hello' }, 'error conditional-property $.body'],
  ['email MIME part with neither body', 'email-message', { body_multipart: [{ content_type: 'text/plain' }] },
    'error one-of-required $.body_multipart[0]'],
  ['file with neither hashes nor name', 'file', { hashes: undefined, name: undefined }, 'error one-of-required $'],
  ['file with a short SHA-256', 'file', { hashes: { 'SHA-256': 'fe90a7' } }, "error invalid-hash $.hashes['SHA-256']"],
  ['file with a negative size', 'file', { size: -1 }, 'error out-of-range $.size'],
  ['file with an odd magic number', 'file', { magic_number_hex: 'abc' }, 'error invalid-hex $.magic_number_hex'],
  ['file with an empty NTFS extension', 'file', { extensions: { 'ntfs-ext': {} } }, "error one-of-required $.extensions['ntfs-ext']"],
  ['file with a process extension', 'file', { extensions: { 'windows-process-ext': { pid: 1 } } },
    "error invalid-extension-key $.extensions['windows-process-ext']"],
  ['ipv4-addr that is not an address', 'ipv4-addr', { value: '198.51.100.300' }, 'error invalid-format $.value'],
  ['ipv4-addr with a prefix beyond 32', 'ipv4-addr', { value: '198.51.100.0/33' }, 'error invalid-format $.value'],
  ['ipv6-addr that is not an address', 'ipv6-addr', { value: '2001:db8::g' }, 'error invalid-format $.value'],
  ['mac-addr in upper case', 'mac-addr', { value: 'D2:FB:49:24:37:18' }, 'error invalid-format $.value'],
  ['mutex without name', 'mutex', { name: undefined }, 'error required-property $.name'],
  ['network-traffic without protocols', 'network-traffic', { protocols: undefined }, 'error required-property $.protocols'],
  ['network-traffic with port 70000', 'network-traffic', { dst_port: 70000 }, 'error out-of-range $.dst_port'],
  ['active network-traffic with an end', 'network-traffic', { is_active: true, end: '2016-01-01T00:00:00Z' },
    'error conditional-property $.end'],
  ['network-traffic socket of an unknown family', 'network-traffic', { extensions: { 'socket-ext': { address_family: 'AF_MOON' } } },
    "error enum-value $.extensions['socket-ext'].address_family"],
  ['HTTP request without method', 'network-traffic', { extensions: { 'http-request-ext': { request_value: '/' } } },
    "error required-property $.extensions['http-request-ext'].request_method"],
  ['process with nothing but an id', 'process', { pid: undefined, created_time: undefined, command_line: undefined,
    image_ref: undefined }, 'error one-of-required $'],
  ['Windows service of an unknown status', 'process', { extensions: { 'windows-service-ext': { service_status: 'SLEEPING' } } },
    "error enum-value $.extensions['windows-service-ext'].service_status"],
  ['software with a bad language tag', 'software', { languages: ['english!'] }, 'error invalid-format $.languages[0]'],
  ['url without scheme', 'url', { value: 'example.com/research' }, 'error invalid-format $.value'],
  ['user-account with a numeric user_id', 'user-account', { user_id: 1001 }, 'error wrong-type $.user_id'],
  ['registry value of an unknown data type', 'windows-registry-key', { values: [{ name: 'Foo', data_type: 'REG_TEXT' }] },
    'error enum-value $.values[0].data_type'],
  ['x509 certificate with an empty v3 extension', 'x509-certificate', { x509_v3_extensions: {} },
    'error one-of-required $.x509_v3_extensions'],
  ['SCO with created_by_ref', 'mutex', { created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff' },
    'warning sco-versioning-property $.created_by_ref'],
  ['SCO with labels', 'mutex', { labels: ['bad'] }, 'error property-not-applicable $.labels'],
];

describe('SCO checks', () => {
  it.each(INVALID)('reports %s', (_description, type, changes, expected) => {
    expect(findings(sco(type, changes))).toEqual([expected]);
  });
});
