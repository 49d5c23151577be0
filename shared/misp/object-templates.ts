/**
 * The MISP object templates Thiqa maps as a whole, as data: for each, the attributes (by `object_relation`) it
 * reads and the STIX 2.1 property each gives, and how the values read make the observables and a STIX pattern
 * over them (or, for `person` and `organization`, an identity: identity-templates.ts). `MAPPING.md` prints this
 * table (a test keeps the two equal).
 *
 * An attribute of a relation the template does not list, or whose value cannot be read, is converted on its own
 * as any attribute (see attribute-types.ts); a template not listed here is not mapped as a whole.
 */
import { HASH_NAMES, ip, quote, sco, urlOf, type StixRecord } from './attribute-types.ts';
import { IDENTITY_TEMPLATES } from './identity-templates.ts';
import {
  all, email, first, hashPath, natural, observation, pairs, port, protocol, reads, text, time,
  type RelationReader, type RelationValues, type TemplateMapping, type TemplateObservation,
} from './template-readers.ts';

function file(values: RelationValues): TemplateObservation | undefined {
  const name = first<string>(values, 'filename');
  const hashes = Object.fromEntries(Object.entries(HASH_NAMES).flatMap(([misp, stix]) => {
    const hash = first<string>(values, misp);
    return hash === undefined ? [] : [[stix, hash]];
  }));
  if (name === undefined && Object.keys(hashes).length === 0) return undefined;
  const bytes = first<number>(values, 'size-in-bytes');
  const mime = first<string>(values, 'mimetype');
  const object = sco({
    type: 'file',
    ...(name !== undefined ? { name } : {}),
    ...(Object.keys(hashes).length ? { hashes } : {}),
    ...(bytes !== undefined ? { size: bytes } : {}),
    ...(mime !== undefined ? { mime_type: mime } : {}),
  });
  const comparisons = [
    ...(name !== undefined ? [`file:name = ${quote(name)}`] : []),
    ...Object.entries(hashes).map(([algorithm, hash]) => `file:hashes.${hashPath(algorithm)} = ${quote(hash)}`),
    ...(bytes !== undefined ? [`file:size = ${bytes}`] : []),
    ...(mime !== undefined ? [`file:mime_type = ${quote(mime)}`] : []),
  ];
  return { objects: [object], pattern: observation(comparisons) };
}

function domainIp(values: RelationValues): TemplateObservation | undefined {
  const names = all<string>(values, 'domain');
  if (names.length === 0) return undefined;
  const addresses = all<StixRecord>(values, 'ip');
  const resolves = addresses.length ? { resolves_to_refs: addresses.map((a) => a.id) } : {};
  const domains = names.map((value) => sco({ type: 'domain-name', value, ...resolves }));
  const resolved = addresses.map((a) => `domain-name:resolves_to_refs[*].value = ${quote(a.value as string)}`);
  // Each domain resolves to every address: one observation expression per domain.
  const pattern = names.map((name) => observation([`domain-name:value = ${quote(name)}`, ...resolved])).join(' OR ');
  return { objects: [...domains, ...addresses], pattern };
}

/** A network-traffic between the addresses read; its protocols those named, else the IP version of its ends. */
function traffic(values: RelationValues): TemplateObservation | undefined {
  const source = first<StixRecord>(values, 'ip-src');
  const destination = first<StixRecord>(values, 'ip-dst');
  if (!source && !destination) return undefined;
  const named = ['layer3-protocol', 'layer4-protocol', 'layer7-protocol', 'protocol'].flatMap((relation) => all<string>(values, relation));
  const protocols = named.length ? named : [(destination ?? source)!.type === 'ipv6-addr' ? 'ipv6' : 'ipv4'];
  const srcPort = first<number>(values, 'src-port');
  const dstPort = first<number>(values, 'dst-port');
  const object = sco({
    type: 'network-traffic',
    ...(source ? { src_ref: source.id } : {}),
    ...(destination ? { dst_ref: destination.id } : {}),
    ...(srcPort !== undefined ? { src_port: srcPort } : {}),
    ...(dstPort !== undefined ? { dst_port: dstPort } : {}),
    protocols,
  });
  const comparisons = [
    ...(source ? [`network-traffic:src_ref.value = ${quote(source.value as string)}`] : []),
    ...(destination ? [`network-traffic:dst_ref.value = ${quote(destination.value as string)}`] : []),
    ...(srcPort !== undefined ? [`network-traffic:src_port = ${srcPort}`] : []),
    ...(dstPort !== undefined ? [`network-traffic:dst_port = ${dstPort}`] : []),
    ...named.map((name) => `network-traffic:protocols[*] = ${quote(name)}`),
  ];
  return { objects: [object, ...[source, destination].filter((a) => a !== undefined)], pattern: observation(comparisons) };
}

function url(values: RelationValues): TemplateObservation | undefined {
  const value = first<string>(values, 'url');
  return value === undefined ? undefined : { objects: [sco({ type: 'url', value })], pattern: observation([`url:value = ${quote(value)}`]) };
}

const X509_TEXT: Readonly<Record<string, string>> = {
  issuer: 'issuer', subject: 'subject', 'serial-number': 'serial_number', version: 'version',
  'pubkey-info-algorithm': 'subject_public_key_algorithm', 'pubkey-info-modulus': 'subject_public_key_modulus',
};
const X509_TIMES: Readonly<Record<string, string>> = { 'validity-not-before': 'validity_not_before', 'validity-not-after': 'validity_not_after' };
const X509_HASHES: Readonly<Record<string, string>> = { 'x509-fingerprint-md5': 'MD5', 'x509-fingerprint-sha1': 'SHA-1', 'x509-fingerprint-sha256': 'SHA-256' };

function x509(values: RelationValues): TemplateObservation | undefined {
  const hashes = pairs<string>(values, X509_HASHES);
  const texts = pairs<string>(values, X509_TEXT);
  const times = pairs<string>(values, X509_TIMES);
  const exponent = first<number>(values, 'pubkey-info-exponent');
  const certificate = sco({
    type: 'x509-certificate',
    ...(hashes.length ? { hashes: Object.fromEntries(hashes) } : {}),
    ...Object.fromEntries([...texts, ...times]),
    ...(exponent !== undefined ? { subject_public_key_exponent: exponent } : {}),
  });
  const comparisons = [
    ...hashes.map(([algorithm, hash]) => `x509-certificate:hashes.${hashPath(algorithm)} = ${quote(hash)}`),
    ...texts.map(([property, value]) => `x509-certificate:${property} = ${quote(value)}`),
    ...times.map(([property, value]) => `x509-certificate:${property} = t'${value}'`),
    ...(exponent !== undefined ? [`x509-certificate:subject_public_key_exponent = ${exponent}`] : []),
  ];
  return { objects: [certificate], pattern: observation(comparisons) };
}

const EMAIL_TEXT: Readonly<Record<string, string>> = { subject: 'subject', 'email-body': 'body', 'message-id': 'message_id' };
const EMAIL_HEADERS: Readonly<Record<string, string>> = { 'reply-to': 'Reply-To', 'x-mailer': 'X-Mailer' };
const EMAIL_RECIPIENTS: Readonly<Record<string, string>> = { to: 'to_refs', cc: 'cc_refs', bcc: 'bcc_refs' };

function emailMessage(values: RelationValues): TemplateObservation | undefined {
  const address = (value: string) => sco({ type: 'email-addr', value });
  const from = first<string>(values, 'from');
  const recipients = Object.entries(EMAIL_RECIPIENTS).map(([relation, property]) => [property, all<string>(values, relation).map(address)] as const);
  const texts = pairs<string>(values, EMAIL_TEXT);
  const headers = pairs<string>(values, EMAIL_HEADERS);
  const date = first<string>(values, 'send-date');
  const fromAddress = from === undefined ? undefined : address(from);
  const message = sco({
    type: 'email-message',
    is_multipart: false,
    ...(fromAddress ? { from_ref: fromAddress.id } : {}),
    ...Object.fromEntries(recipients.filter(([, list]) => list.length).map(([property, list]) => [property, list.map((a) => a.id)])),
    ...Object.fromEntries(texts),
    ...(headers.length ? { additional_header_fields: Object.fromEntries(headers) } : {}),
    ...(date !== undefined ? { date } : {}),
  });
  const comparisons = [
    ...(from !== undefined ? [`email-message:from_ref.value = ${quote(from)}`] : []),
    ...recipients.flatMap(([property, list]) => list.map((a) => `email-message:${property}[*].value = ${quote(a.value as string)}`)),
    ...texts.map(([property, value]) => `email-message:${property} = ${quote(value)}`),
    ...headers.map(([header, value]) => `email-message:additional_header_fields.${quote(header)} = ${quote(value)}`),
    ...(date !== undefined ? [`email-message:date = t'${date}'`] : []),
  ];
  const addresses = [fromAddress, ...recipients.flatMap(([, list]) => list)].filter((a) => a !== undefined);
  return { objects: [message, ...addresses], pattern: observation(comparisons) };
}

const hashRelations = Object.fromEntries(Object.entries(HASH_NAMES).map(([misp, stix]) => [misp, reads(`\`hashes.${stix}\``, text)]));
const endpoint = (end: string, as?: string) => reads(`\`${end}_ref\` (ipv4-addr / ipv6-addr)`, ip, as ? { as } : {});
const protocolOf = reads('`protocols`', protocol);

/** Every MISP object template mapped as a whole. */
export const OBJECT_TEMPLATES: Readonly<Record<string, TemplateMapping>> = {
  file: {
    becomes: 'file',
    relations: { filename: reads('`name`', text), ...hashRelations, 'size-in-bytes': reads('`size`', natural), mimetype: reads('`mime_type`', text) },
    build: file,
  },
  'domain-ip': {
    becomes: 'domain-name, one per `domain` (needs one)',
    relations: { domain: reads('`value`', text, { many: true }), ip: reads('`resolves_to_refs` (ipv4-addr / ipv6-addr)', ip, { many: true }) },
    build: domainIp,
  },
  'ip-port': {
    becomes: 'network-traffic (`protocols`: the protocol named, else the IP version of its ends)',
    relations: {
      ip: endpoint('dst', 'ip-dst'), 'ip-dst': endpoint('dst'), 'ip-src': endpoint('src'), 'dst-port': reads('`dst_port`', port), 'src-port': reads('`src_port`', port),
      protocol: protocolOf,
    },
    build: traffic,
  },
  'network-connection': {
    becomes: 'network-traffic (`protocols`: the layer protocols named, else the IP version of its ends)',
    relations: {
      'ip-src': endpoint('src'), 'ip-dst': endpoint('dst'), 'src-port': reads('`src_port`', port), 'dst-port': reads('`dst_port`', port),
      'layer3-protocol': protocolOf, 'layer4-protocol': protocolOf, 'layer7-protocol': protocolOf,
    },
    build: traffic,
  },
  url: { becomes: 'url', relations: { url: reads('`value` (a URL with a scheme)', urlOf) }, build: url },
  email: {
    becomes: 'email-message (`is_multipart: false`) with its email-addr',
    relations: {
      from: reads('`from_ref` (email-addr)', email),
      to: reads('`to_refs` (email-addr)', email, { many: true }), cc: reads('`cc_refs` (email-addr)', email, { many: true }), bcc: reads('`bcc_refs` (email-addr)', email, { many: true }),
      subject: reads('`subject`', text), 'email-body': reads('`body`', text), 'message-id': reads('`message_id`', text),
      'reply-to': reads('`additional_header_fields` `Reply-To`', text), 'x-mailer': reads('`additional_header_fields` `X-Mailer`', text),
      'send-date': reads('`date`', time),
    },
    build: emailMessage,
  },
  x509: {
    becomes: 'x509-certificate',
    relations: {
      ...Object.fromEntries(Object.entries(X509_HASHES).map(([relation, algorithm]) => [relation, reads(`\`hashes.${algorithm}\``, text)])),
      ...Object.fromEntries(Object.entries(X509_TEXT).map(([relation, property]) => [relation, reads(`\`${property}\``, text)])),
      ...Object.fromEntries(Object.entries(X509_TIMES).map(([relation, property]) => [relation, reads(`\`${property}\``, time)])),
      'pubkey-info-exponent': reads('`subject_public_key_exponent`', (value) => natural(value.trim())),
    },
    build: x509,
  },
  ...IDENTITY_TEMPLATES,
};

/** The mapping of a template name, if it is mapped. */
export function templateOf(name: unknown): TemplateMapping | undefined {
  return typeof name === 'string' && Object.hasOwn(OBJECT_TEMPLATES, name) ? OBJECT_TEMPLATES[name] : undefined;
}

/** The reader of a relation of a template, if the template reads it. */
export function readerOf(template: TemplateMapping, relation: unknown): RelationReader | undefined {
  return typeof relation === 'string' && Object.hasOwn(template.relations, relation) ? template.relations[relation] : undefined;
}
