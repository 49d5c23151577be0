/**
 * The MISP attribute types Thiqa maps, as data: for each, what it becomes in STIX 2.1 and how its value is
 * read. `MAPPING.md` prints this table (a test keeps the two equal). A type not listed here is not mapped: the
 * import reports it and keeps the attribute whole in the report's `x_misp` extension.
 *
 * Kinds: `observable` gives cyber-observables (deterministic ids) and a STIX pattern over them, so the
 * attribute becomes an `indicator` when `to_ids` is set and an `observed-data` otherwise; `pattern` is a
 * detection rule, always an `indicator` (its `pattern_type` given); `vulnerability`, `threat-actor`,
 * `campaign` give that SDO named by the value; `note` keeps free text (or a value STIX has no observable
 * for) as a `note` on the report.
 */
import { isIP } from 'node:net';
import { canonicalJson } from '../stix/canonical-json.ts';
import { SCO_NAMESPACE, uuidV5 } from '../stix/identifier.ts';
import { deterministicScoId } from '../stix/sco-id.ts';

export type StixRecord = Record<string, unknown>;

/** The cyber-observables of a value and a STIX pattern matching it; or why the value cannot be read. */
export type Observation = { objects: StixRecord[]; pattern: string } | { error: string };

export type MappingKind = 'observable' | 'pattern' | 'vulnerability' | 'threat-actor' | 'campaign' | 'note';

export interface AttributeMapping {
  kind: MappingKind;
  /** What the attribute becomes, for MAPPING.md. */
  becomes: string;
  observe?: (value: string) => Observation;
  /** `pattern_type` of a `pattern` kind. */
  patternType?: string;
}

/** A STIX pattern string literal (§9.5: backslash and quote escaped). */
export const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * An SCO with its deterministic id, `id` first. One with none of its type's ID Contributing Properties (an
 * email-message of headers only) is named from all its properties instead of a random UUIDv4, so that the
 * same attribute always gives the same object.
 */
export function sco(object: StixRecord): StixRecord {
  const id = deterministicScoId({ spec_version: '2.1', ...object }) ?? `${object.type as string}--${uuidV5(SCO_NAMESPACE, canonicalJson(object))}`;
  return { type: object.type, spec_version: '2.1', id, ...object };
}

/** The two parts of a composite value `a|b`; undefined when there is no `|`. */
function split(value: string): [string, string] | undefined {
  const at = value.indexOf('|');
  return at < 0 ? undefined : [value.slice(0, at), value.slice(at + 1)];
}

/** The ipv4-addr or ipv6-addr of an address or CIDR block; undefined when it is neither. */
export function ip(value: string): StixRecord | undefined {
  const [address, prefix] = value.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) return undefined;
  return sco({ type: version === 4 ? 'ipv4-addr' : 'ipv6-addr', value });
}

const single = (type: string, property: string, read: (value: string) => unknown = (v) => v) => (value: string): Observation => {
  const read1 = read(value);
  if (read1 === undefined) return { error: `not a valid ${type} ${property}` };
  const literal = typeof read1 === 'number' ? String(read1) : quote(String(read1));
  return { objects: [sco({ type, [property]: read1 })], pattern: `[${type}:${property} = ${literal}]` };
};

function address(value: string): Observation {
  const object = ip(value);
  return object ? { objects: [object], pattern: `[${object.type as string}:value = ${quote(value)}]` } : { error: 'not an IP address or CIDR block' };
}

/** `ip|port` or `hostname|port`: the endpoint and a network-traffic to it (or from it, for the source). */
const endpointPort = (end: 'src' | 'dst', host: (value: string) => StixRecord | undefined) => (value: string): Observation => {
  const parts = split(value);
  const port = parts && /^\d{1,5}$/.test(parts[1]) ? Number(parts[1]) : undefined;
  const endpoint = parts && host(parts[0]);
  if (!endpoint || port === undefined || port > 65535) return { error: 'expected <host>|<port>' };
  const traffic = sco({ type: 'network-traffic', [`${end}_ref`]: endpoint.id, [`${end}_port`]: port, protocols: ['tcp'] });
  const pattern = `[network-traffic:${end}_ref.type = ${quote(endpoint.type as string)} AND network-traffic:${end}_ref.value = ${quote(endpoint.value as string)} AND network-traffic:${end}_port = ${port}]`;
  return { objects: [endpoint, traffic], pattern };
};

const domain = (value: string) => sco({ type: 'domain-name', value });

function domainIp(value: string): Observation {
  const parts = split(value);
  const address = parts && ip(parts[1]);
  if (!parts || !address) return { error: 'expected <domain>|<IP address>' };
  const name = sco({ type: 'domain-name', value: parts[0], resolves_to_refs: [address.id] });
  return { objects: [name, address], pattern: `[domain-name:value = ${quote(parts[0])} AND domain-name:resolves_to_refs[*].value = ${quote(parts[1])}]` };
}

/** STIX hash names of MISP hash types. */
export const HASH_NAMES: Readonly<Record<string, string>> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512', 'sha3-256': 'SHA3-256', 'sha3-512': 'SHA3-512', ssdeep: 'SSDEEP', tlsh: 'TLSH' };

const hashPath = (name: string) => (name.includes('-') ? `'${name}'` : name);

const hashOf = (type: string, algorithm: string) => (value: string): Observation => ({
  objects: [sco({ type, hashes: { [HASH_NAMES[algorithm]!]: value } })],
  pattern: `[${type}:hashes.${hashPath(HASH_NAMES[algorithm]!)} = ${quote(value)}]`,
});

const fileNameHash = (algorithm: string) => (value: string): Observation => {
  const parts = split(value);
  if (!parts) return { error: `expected <file name>|<${algorithm}>` };
  const name = HASH_NAMES[algorithm]!;
  return {
    objects: [sco({ type: 'file', name: parts[0], hashes: { [name]: parts[1] } })],
    pattern: `[file:name = ${quote(parts[0])} AND file:hashes.${hashPath(name)} = ${quote(parts[1])}]`,
  };
};

function registryValue(value: string): Observation {
  const parts = split(value);
  if (!parts) return { error: 'expected <key>|<data>' };
  return {
    objects: [sco({ type: 'windows-registry-key', key: parts[0], values: [{ name: '', data: parts[1] }] })],
    pattern: `[windows-registry-key:key = ${quote(parts[0])} AND windows-registry-key:values[*].data = ${quote(parts[1])}]`,
  };
}

const asNumber = (value: string) => {
  const digits = /^(?:AS)?(\d{1,10})$/i.exec(value.trim());
  return digits && Number(digits[1]) <= 4294967295 ? Number(digits[1]) : undefined;
};

const email = (property: string, header?: string) => (value: string): Observation => ({
  objects: [sco({ type: 'email-message', is_multipart: false, ...(header ? { additional_header_fields: { [header]: value } } : { [property]: value }) })],
  pattern: `[email-message:${header ? `additional_header_fields.${quote(header)}` : property} = ${quote(value)}]`,
});

function fileAndHash(value: string): Observation {
  const parts = split(value);
  if (!parts) return { error: 'expected <file name>|<md5>' };
  return { objects: [sco({ type: 'file', name: parts[0], hashes: { MD5: parts[1] } })], pattern: `[file:name = ${quote(parts[0])} AND file:hashes.MD5 = ${quote(parts[1])}]` };
}

/** The value when it is a URL with a scheme; undefined otherwise. */
export const urlOf = (value: string) => (/^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value) ? value : undefined);

const observable = (becomes: string, observe: (value: string) => Observation): AttributeMapping => ({ kind: 'observable', becomes, observe });
const rule = (patternType: string): AttributeMapping => ({ kind: 'pattern', becomes: `indicator, pattern_type \`${patternType}\`, the value as pattern`, patternType });
const note = (why: string): AttributeMapping => ({ kind: 'note', becomes: `note (content: the value)${why}` });

/** Every mapped MISP attribute type. */
export const ATTRIBUTE_TYPES: Readonly<Record<string, AttributeMapping>> = {
  'ip-src': observable('ipv4-addr / ipv6-addr `value`', address),
  'ip-dst': observable('ipv4-addr / ipv6-addr `value`', address),
  'ip-src|port': observable('ip address + network-traffic `src_ref`, `src_port`', endpointPort('src', ip)),
  'ip-dst|port': observable('ip address + network-traffic `dst_ref`, `dst_port`', endpointPort('dst', ip)),
  'hostname|port': observable('domain-name + network-traffic `dst_ref`, `dst_port`', endpointPort('dst', domain)),
  domain: observable('domain-name `value`', single('domain-name', 'value')),
  hostname: observable('domain-name `value`', single('domain-name', 'value')),
  'domain|ip': observable('domain-name `resolves_to_refs` → ip address', domainIp),
  url: observable('url `value` (a URL with a scheme; others are kept unmapped)', single('url', 'value', urlOf)),
  link: observable('url `value` (a URL with a scheme; others are kept unmapped)', single('url', 'value', urlOf)),
  uri: { kind: 'pattern', becomes: "indicator, pattern over network-traffic `http-request-ext` `request_value`", patternType: 'stix' },
  email: observable('email-addr `value`', single('email-addr', 'value')),
  'email-src': observable('email-addr `value`', single('email-addr', 'value')),
  'email-dst': observable('email-addr `value`', single('email-addr', 'value')),
  'email-subject': observable('email-message `subject`', email('subject')),
  'email-body': observable('email-message `body`', email('body')),
  'email-reply-to': observable('email-message header `Reply-To`', email('', 'Reply-To')),
  'email-x-mailer': observable('email-message header `X-Mailer`', email('', 'X-Mailer')),
  'email-attachment': observable('file `name`', single('file', 'name')),
  filename: observable('file `name`', single('file', 'name')),
  md5: observable('file `hashes.MD5`', hashOf('file', 'md5')),
  sha1: observable('file `hashes.SHA-1`', hashOf('file', 'sha1')),
  sha256: observable('file `hashes.SHA-256`', hashOf('file', 'sha256')),
  sha512: observable('file `hashes.SHA-512`', hashOf('file', 'sha512')),
  'sha3-256': observable('file `hashes.SHA3-256`', hashOf('file', 'sha3-256')),
  'sha3-512': observable('file `hashes.SHA3-512`', hashOf('file', 'sha3-512')),
  ssdeep: observable('file `hashes.SSDEEP`', hashOf('file', 'ssdeep')),
  tlsh: observable('file `hashes.TLSH`', hashOf('file', 'tlsh')),
  'filename|md5': observable('file `name`, `hashes.MD5`', fileNameHash('md5')),
  'filename|sha1': observable('file `name`, `hashes.SHA-1`', fileNameHash('sha1')),
  'filename|sha256': observable('file `name`, `hashes.SHA-256`', fileNameHash('sha256')),
  'filename|sha512': observable('file `name`, `hashes.SHA-512`', fileNameHash('sha512')),
  'filename|ssdeep': observable('file `name`, `hashes.SSDEEP`', fileNameHash('ssdeep')),
  'filename|tlsh': observable('file `name`, `hashes.TLSH`', fileNameHash('tlsh')),
  'malware-sample': observable('file `name`, `hashes.MD5` (the sample\'s `data` kept in `x_misp`)', fileAndHash),
  attachment: observable('file `name` (the `data` kept in `x_misp`)', single('file', 'name')),
  mutex: observable('mutex `name`', single('mutex', 'name')),
  regkey: observable('windows-registry-key `key`', single('windows-registry-key', 'key')),
  'regkey|value': observable('windows-registry-key `key`, `values[].data`', registryValue),
  AS: observable('autonomous-system `number`', single('autonomous-system', 'number', asNumber)),
  'mac-address': observable('mac-addr `value` (lower case)', single('mac-addr', 'value', (v) => (/^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(v) ? v.toLowerCase().replace(/-/g, ':') : undefined))),
  'x509-fingerprint-md5': observable('x509-certificate `hashes.MD5`', hashOf('x509-certificate', 'md5')),
  'x509-fingerprint-sha1': observable('x509-certificate `hashes.SHA-1`', hashOf('x509-certificate', 'sha1')),
  'x509-fingerprint-sha256': observable('x509-certificate `hashes.SHA-256`', hashOf('x509-certificate', 'sha256')),
  'user-agent': { kind: 'pattern', becomes: "indicator, pattern over network-traffic `http-request-ext` header `User-Agent`", patternType: 'stix' },
  port: { kind: 'pattern', becomes: 'indicator, pattern `[network-traffic:dst_port = N]`', patternType: 'stix' },
  snort: rule('snort'),
  suricata: rule('suricata'),
  yara: rule('yara'),
  sigma: rule('sigma'),
  pcre: rule('pcre'),
  vulnerability: { kind: 'vulnerability', becomes: 'vulnerability named by the value, with a `cve` external reference for CVE-…' },
  'threat-actor': { kind: 'threat-actor', becomes: 'threat-actor named by the value' },
  'campaign-name': { kind: 'campaign', becomes: 'campaign named by the value' },
  text: note(''),
  comment: note(''),
  other: note(''),
  btc: note(' — STIX 2.1 has no observable for a wallet'),
  xmr: note(' — STIX 2.1 has no observable for a wallet'),
  'ja3-fingerprint-md5': note(' — STIX 2.1 has no property for a JA3 fingerprint'),
  'jarm-fingerprint': note(' — STIX 2.1 has no property for a JARM fingerprint'),
};

/** The STIX pattern of a `pattern` kind of the `stix` pattern type; an error for a value it cannot read. */
export function stixPatternOf(type: string, value: string): string | { error: string } {
  if (type === 'user-agent') return `[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = ${quote(value)}]`;
  if (type === 'uri') return `[network-traffic:extensions.'http-request-ext'.request_value = ${quote(value)}]`;
  if (type === 'port') return /^\d{1,5}$/.test(value) && Number(value) <= 65535 ? `[network-traffic:dst_port = ${Number(value)}]` : { error: 'not a port number' };
  return { error: 'no pattern' };
}
