import { describe, expect, it } from 'vitest';
import { computeScoId, contributingProperties, deterministicScoId } from './sco-id.ts';
import { findings } from './testing/stix-fixtures.ts';

/**
 * SCO examples of STIX 2.1 Errata 01 with their printed ids (the errata regenerated them with python-stix2).
 * Examples whose contributing properties reference objects are left out: the spec says some of those ids
 * could not be computed accurately.
 */
const SPEC_EXAMPLES: [Record<string, unknown>, string][] = [
  [{ type: 'ipv4-addr', value: '198.51.100.3' }, 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4'],
  [{ type: 'ipv4-addr', value: '198.51.100.0/24' }, 'ipv4-addr--1ea47840-aa39-5aa8-b4a2-cd203eb6662a'],
  [{ type: 'ipv6-addr', value: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' }, 'ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f'],
  [{ type: 'domain-name', value: 'example.com' }, 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7'],
  [{ type: 'email-addr', value: 'john@example.com', display_name: 'John Doe' }, 'email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934'],
  [{ type: 'mac-addr', value: 'd2:fb:49:24:37:18' }, 'mac-addr--757b1725-9903-54f5-a855-1240691d7659'],
  [{ type: 'mutex', name: '__CLEANSWEEP__' }, 'mutex--f93fe911-e545-5239-b9b0-597840d0c871'],
  [{ type: 'url', value: 'https://example.com/research/index.html' }, 'url--47c3cf9a-5027-5bf0-997a-017c7edc7c55'],
  [{ type: 'directory', path: 'C:\\Windows\\System32' }, 'directory--0a58d0c1-59e6-5afd-8252-dcd3f13e5622'],
  [{ type: 'autonomous-system', number: 15139, name: 'Slime Industries', rir: 'ARIN' },
    'autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff'],
  [{ type: 'software', name: 'Word', cpe: 'cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*', version: '2002', vendor: 'Microsoft' },
    'software--710b0b41-d4d0-5d6c-a400-fc9254554ffc'],
  [{ type: 'user-account', user_id: '1001', account_login: 'jdoe', account_type: 'unix', display_name: 'John Doe' },
    'user-account--f94d689e-707d-58c3-b803-c720bb6ed096'],
  [{ type: 'windows-registry-key', key: 'HKEY_LOCAL_MACHINE\\System\\Foo\\Bar' },
    'windows-registry-key--1884b770-b679-522a-a9c7-45fadaaec7bb'],
  [{ type: 'windows-registry-key', key: 'hkey_local_machine\\system\\bar\\foo', values: [
    { name: 'Foo', data: 'qwerty', data_type: 'REG_SZ' }, { name: 'Bar', data: '42', data_type: 'REG_DWORD' }] },
  'windows-registry-key--f6a11ddf-fa2b-54c8-97ab-e7f28413095a'],
  [{ type: 'x509-certificate', issuer: 'C=ZA, O=Thawte', serial_number: '36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06' },
    'x509-certificate--bf86f034-2390-54d7-8426-d08433db3fbe'],
  [{ type: 'file', hashes: { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db' }, size: 25536,
    name: 'foo.dll' }, 'file--949eb97a-da1e-5292-8959-03c4249dc9f3'],
  [{ type: 'file', hashes: { 'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649' },
    name: 'qu\u00eary.dll', name_enc: 'windows-1252' }, 'file--7d1e3a18-89e7-5bc5-be36-9879f5b7f5c8'],
  [{ type: 'file', name: 'example.pdf', extensions: { 'pdf-ext': { version: '1.7', document_info_dict: {
    Title: 'Sample document', Author: 'Adobe Systems Incorporated', Creator: 'Adobe FrameMaker 5.5.3 for Power Macintosh',
    Producer: 'Acrobat Distiller 3.01 for Power Macintosh', CreationDate: '20070412090123-02' },
  pdfid0: 'DFCE52BD827ECF765649852119D', pdfid1: '57A1E0F9ED2AE523E313C' } } }, 'file--965aa96f-d90a-506a-8317-d38d44b235f9'],
  [{ type: 'artifact', mime_type: 'image/jpeg', payload_bin: 'VBORw0KGgoAAAANSUhEUgAAADI== ...' },
    'artifact--a785c567-cc53-52a1-abeb-026bb7ddf8ba'],
];

describe('deterministic SCO ids', () => {
  it.each(SPEC_EXAMPLES.map(([object, id]) => [id, object]))('reproduces %s', (id, object) => {
    expect(computeScoId(object)).toBe(id);
    expect(deterministicScoId(object)).toBe(id);
  });

  it('uses one hash, preferring MD5, then SHA-1, SHA-256, SHA-512, then the first one given', () => {
    const hashes = { 'SHA-512': 'c'.repeat(128), 'SHA-256': 'b'.repeat(64), MD5: 'a'.repeat(32) };
    expect(contributingProperties({ type: 'file', hashes })).toEqual({ hashes: { MD5: 'a'.repeat(32) } });
    expect(contributingProperties({ type: 'file', hashes: { TLSH: 't', SSDEEP: 's' } })).toEqual({ hashes: { TLSH: 't' } });
  });

  it('ignores non-contributing properties', () => {
    expect(computeScoId({ type: 'ipv4-addr', value: '198.51.100.3', defanged: true, spec_version: '2.1' }))
      .toBe('ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4');
  });

  it('falls back to UUIDv4 for process and when no contributing property is present', () => {
    const process = computeScoId({ type: 'process', pid: 1 });
    expect(process).toMatch(/^process--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(computeScoId({ type: 'process', pid: 1 })).not.toBe(process);
    expect(deterministicScoId({ type: 'windows-registry-key', modified_time: '2016-01-01T00:00:00Z' })).toBeUndefined();
  });

  it('is undefined for types that are not SCOs', () => {
    expect(computeScoId({ type: 'indicator' })).toBeUndefined();
    expect(computeScoId({ type: 'x-custom-sco', value: 'a' })).toBeUndefined();
    expect(computeScoId({})).toBeUndefined();
  });
});

describe('sco-id-mismatch', () => {
  it('warns when the id is not the deterministic one', () => {
    expect(findings({ type: 'ipv4-addr', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.3' }))
      .toEqual(['warning sco-id-mismatch $.id']);
  });

  it('does not warn for UUIDv4 ids where no deterministic id exists, nor for versioned SCOs', () => {
    expect(findings({ type: 'process', id: 'process--8fac80fe-a220-4ba9-8ffe-4f43ce8edff8', pid: 1 })).toEqual([]);
    expect(findings({ type: 'ipv4-addr', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.3',
      created: '2016-01-01T00:00:00.000Z', modified: '2016-01-01T00:00:00.000Z' })).toEqual([
      'warning sco-versioning-property $.created', 'warning sco-versioning-property $.modified',
    ]);
  });
});
