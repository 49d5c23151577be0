/**
 * A MISP event for tests holding one attribute of every mapped type (`SAMPLE_VALUES`), an unknown type, a value
 * that cannot be read, a MISP `file` object referring to an attribute, galaxies (ATT&CK with external ids),
 * attribute tags and TLP, distribution levels, first/last seen, comments and fields STIX has no property for.
 */
import { uuidV5 } from '../../stix/identifier.ts';
import type { MispRecord } from '../misp-event.ts';

const NS = '3b0d4c52-7e61-4a0b-9f5e-8c2d1a7b6e90';
export const uuidFor = (name: string) => uuidV5(NS, name);

/** A readable value of every mapped attribute type. */
export const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  'ip-src': '198.51.100.7', 'ip-dst': '2001:db8::1', 'ip-src|port': '198.51.100.8|4444', 'ip-dst|port': '203.0.113.9|443',
  'hostname|port': 'c2.example.net|8080', domain: 'evil.example.com', hostname: 'www.evil.example.com', 'domain|ip': 'bad.example.org|192.0.2.55',
  url: 'https://evil.example.com/payload.exe', uri: '/gate.php', link: 'https://blog.example.org/report', email: 'ops@example.net',
  'email-src': 'phish@example.com', 'email-dst': 'victim@example.org', 'email-subject': 'Invoice «overdue» — 請求書', 'email-body': 'Please open the attachment',
  'email-reply-to': 'reply@example.com', 'email-x-mailer': 'Mailer 1.0', 'email-attachment': 'invoice.pdf.exe', filename: 'dropper.dll',
  md5: 'd41d8cd98f00b204e9800998ecf8427e', sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  sha512: 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
  'sha3-256': 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a',
  'sha3-512': 'a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26',
  ssdeep: '3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C', tlsh: 'T1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3',
  'filename|md5': 'a.exe|d41d8cd98f00b204e9800998ecf8427e', 'filename|sha1': 'b.exe|da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'filename|sha256': 'c.exe|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'filename|sha512': 'd.exe|cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
  'filename|ssdeep': 'e.exe|3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C', 'filename|tlsh': 'f.exe|T1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3',
  'malware-sample': 'sample.bin|d41d8cd98f00b204e9800998ecf8427e', attachment: 'screenshot.png', mutex: 'Global\\EvilMutex',
  regkey: 'HKLM\\Software\\Evil', 'regkey|value': 'HKLM\\Software\\Evil\\Run|C:\\evil.exe', AS: 'AS64496', 'mac-address': '00-1A-2B-3C-4D-5E',
  'x509-fingerprint-md5': 'd41d8cd98f00b204e9800998ecf8427e', 'x509-fingerprint-sha1': 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'x509-fingerprint-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'user-agent': "Mozilla/5.0 (it's evil)", port: '4444',
  snort: 'alert tcp any any -> any 4444 (msg:"evil"; sid:1000001;)', suricata: 'alert http any any -> any any (msg:"evil"; sid:2;)',
  yara: 'rule evil { strings: $a = "evil" condition: $a }', sigma: 'title: Evil\nlogsource: {product: windows}\ndetection: {sel: {Image: evil.exe}, condition: sel}',
  pcre: '/evil[0-9]+/i', vulnerability: 'CVE-2021-44228', 'threat-actor': 'APT Example', 'campaign-name': 'Operation Example', text: 'Analyst notes: أرسلت الحملة رسائل',
  comment: 'Seen in the wild', other: 'something else', btc: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', xmr: '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A',
  'ja3-fingerprint-md5': '771,4865-4866,0-23,29-23,0', 'jarm-fingerprint': '2ad2ad0002ad2ad22c2ad2ad2ad2ad2eac92ec34bcc0cf7520e97547f83e81',
};

function attribute(type: string, value: string, extra: MispRecord = {}): MispRecord {
  return { uuid: uuidFor(`${type}:${value}`), type, category: 'Network activity', value, to_ids: true, comment: '', timestamp: '1700000000', distribution: '5', ...extra };
}

/** The event (`{"Event": …}`), optionally with another uuid and timestamp (for benchmarks and versions). */
export function richEvent(options: { uuid?: string; timestamp?: string } = {}): { Event: MispRecord } {
  const attributes = Object.entries(SAMPLE_VALUES).map(([type, value], i) =>
    attribute(type, value, { to_ids: i % 2 === 0, comment: i % 3 === 0 ? `comment on ${type}` : '' }),
  );
  attributes[0] = { ...attributes[0]!, first_seen: '2023-11-01T10:00:00.000000+00:00', last_seen: '2023-11-05T10:00:00.000000+00:00', Tag: [{ name: 'kill-chain:delivery', colour: '#ff0000' }, { name: 'tlp:amber+strict' }] };
  attributes[1] = { ...attributes[1]!, distribution: '0', Galaxy: [{ uuid: uuidFor('g-attack'), name: 'Attack Pattern', type: 'mitre-attack-pattern', GalaxyCluster: [{ uuid: uuidFor('c-t1566'), type: 'mitre-attack-pattern', value: 'Phishing - T1566', tag_name: 'misp-galaxy:mitre-attack-pattern="Phishing - T1566"', meta: { external_id: ['T1566'] } }] }] };
  attributes.push(attribute('size-in-bytes', '1024'), attribute('AS', 'not-a-number'), { ...attribute('malware-sample', 'x.bin|d41d8cd98f00b204e9800998ecf8427f'), data: 'UEsDBAoAAAAAAA==' });
  return {
    Event: {
      uuid: options.uuid ?? uuidFor('event'),
      info: 'Rich test event: every mapped type',
      date: '2023-11-14',
      timestamp: options.timestamp ?? '1700000100',
      publish_timestamp: '1700000200',
      published: true,
      analysis: '1',
      threat_level_id: '2',
      distribution: '3',
      sharing_group_id: '0',
      Orgc: { name: 'CERT Example', uuid: uuidFor('orgc') },
      Org: { name: 'CERT Example', uuid: uuidFor('orgc') },
      Tag: [{ name: 'tlp:clear', colour: '#ffffff' }, { name: 'type:OSINT', colour: '#004646' }, { name: 'misp-galaxy:threat-actor="APT Example"' }],
      Galaxy: [{ uuid: uuidFor('g-ta'), name: 'Threat Actor', type: 'threat-actor', GalaxyCluster: [{ uuid: uuidFor('c-apt'), type: 'threat-actor', value: 'APT Example', tag_name: 'misp-galaxy:threat-actor="APT Example"', meta: { synonyms: ['Example Panda'] } }] }],
      Attribute: attributes,
      Object: [{
        uuid: uuidFor('object-file'), name: 'file', 'meta-category': 'file', template_uuid: '688c46fb-5edb-40a3-8273-1af7923e2215', template_version: '24', timestamp: '1700000000', distribution: '5',
        Attribute: [
          attribute('filename', 'report.docm', { object_relation: 'filename', to_ids: false }),
          attribute('sha256', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', { object_relation: 'sha256' }),
          attribute('size-in-bytes', '2048', { object_relation: 'size-in-bytes' }),
        ],
        ObjectReference: [{ uuid: uuidFor('ref'), referenced_uuid: uuidFor('ip-src:198.51.100.7'), relationship_type: 'connects-to' }],
      }],
      x_unknown_field: { kept: true },
    },
  };
}
