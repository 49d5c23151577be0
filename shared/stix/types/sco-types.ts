/** The 18 STIX Cyber-observable Objects (§6), with their ID Contributing Properties (§3.4). */
import { defineType } from './common-types.ts';
import {
  BINARY, BOOLEAN, HASHES, HEX, INTEGER, NON_NEGATIVE, STRING, STRINGS, TIMESTAMP, anyOf, atLeastOneProperty, dict,
  either, enumeration, exclusive, int, list, obj, order, ref, refs, requires, str, vocab,
} from './property-types.ts';
import type { PropertySpec, TypeDefinition } from './property-types.ts';
import {
  EMAIL_MIME_PART, FILE_EXTENSIONS, NETWORK_TRAFFIC_EXTENSIONS, PROCESS_EXTENSIONS, REGISTRY_VALUE,
  USER_ACCOUNT_EXTENSIONS, X509_V3_EXTENSIONS,
} from './sco-extension-types.ts';

const ADDRESS = ['ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name'];

const PROCESS: Record<string, PropertySpec> = {
  is_hidden: BOOLEAN, pid: INTEGER, created_time: TIMESTAMP, cwd: STRING, command_line: STRING,
  environment_variables: dict(STRING), opened_connection_refs: refs('network-traffic'),
  creator_user_ref: ref('user-account'), image_ref: ref('file'), parent_ref: ref('process'), child_refs: refs('process'),
};

const USER_ACCOUNT: Record<string, PropertySpec> = {
  user_id: STRING, credential: STRING, account_login: STRING, account_type: vocab('account-type-ov'),
  display_name: STRING, is_service_account: BOOLEAN, is_privileged: BOOLEAN, can_escalate_privs: BOOLEAN,
  is_disabled: BOOLEAN, account_created: TIMESTAMP, account_expires: TIMESTAMP, credential_last_changed: TIMESTAMP,
  account_first_login: TIMESTAMP, account_last_login: TIMESTAMP,
};

const REGISTRY_KEY: Record<string, PropertySpec> = {
  key: STRING, values: list(obj(REGISTRY_VALUE)), modified_time: TIMESTAMP, creator_user_ref: ref('user-account'),
  number_of_subkeys: NON_NEGATIVE,
};

const X509: Record<string, PropertySpec> = {
  is_self_signed: BOOLEAN, hashes: HASHES, version: STRING, serial_number: STRING, signature_algorithm: STRING,
  issuer: STRING, validity_not_before: TIMESTAMP, validity_not_after: TIMESTAMP, subject: STRING,
  subject_public_key_algorithm: STRING, subject_public_key_modulus: STRING, subject_public_key_exponent: INTEGER,
  x509_v3_extensions: obj(X509_V3_EXTENSIONS),
};

export const SCO_TYPES: readonly TypeDefinition[] = [
  defineType('artifact', 'sco', {
    mime_type: STRING, payload_bin: BINARY, url: str('url'), hashes: HASHES,
    encryption_algorithm: enumeration('encryption-algorithm-enum'), decryption_key: STRING,
  }, {
    constraints: [anyOf('payload_bin', 'url'), exclusive('payload_bin', 'url'), requires('url', 'hashes'),
      requires('decryption_key', 'encryption_algorithm')],
    idContributing: ['hashes', 'payload_bin'],
  }),

  defineType('autonomous-system', 'sco', { number: NON_NEGATIVE, name: STRING, rir: STRING },
    { required: ['number'], idContributing: ['number'] }),

  defineType('directory', 'sco', {
    path: STRING, path_enc: STRING, ctime: TIMESTAMP, mtime: TIMESTAMP, atime: TIMESTAMP,
    contains_refs: refs('file', 'directory'),
  }, { required: ['path'], idContributing: ['path'] }),

  defineType('domain-name', 'sco', { value: STRING, resolves_to_refs: refs('ipv4-addr', 'ipv6-addr', 'domain-name') },
    { required: ['value'], idContributing: ['value'] }),

  defineType('email-addr', 'sco', { value: STRING, display_name: STRING, belongs_to_ref: ref('user-account') },
    { required: ['value'], idContributing: ['value'] }),

  defineType('email-message', 'sco', {
    is_multipart: BOOLEAN, date: TIMESTAMP, content_type: STRING, from_ref: ref('email-addr'),
    sender_ref: ref('email-addr'), to_refs: refs('email-addr'), cc_refs: refs('email-addr'),
    bcc_refs: refs('email-addr'), message_id: STRING, subject: STRING, received_lines: STRINGS,
    // Normatively a list of strings per header; the spec's own example uses plain strings, so both are accepted.
    additional_header_fields: dict(either('a string or a list of strings', STRING, STRINGS)),
    body: STRING, body_multipart: list(obj(EMAIL_MIME_PART)), raw_email_ref: ref('artifact'),
  }, {
    required: ['is_multipart'],
    constraints: [
      { kind: 'when', property: 'is_multipart', value: true, forbid: ['body'] },
      { kind: 'when', property: 'is_multipart', value: false, forbid: ['body_multipart'] },
    ],
    idContributing: ['from_ref', 'subject', 'body'],
  }),

  defineType('file', 'sco', {
    hashes: HASHES, size: NON_NEGATIVE, name: STRING, name_enc: STRING, magic_number_hex: HEX, mime_type: STRING,
    ctime: TIMESTAMP, mtime: TIMESTAMP, atime: TIMESTAMP, parent_directory_ref: ref('directory'),
    contains_refs: refs('sco'), content_ref: ref('artifact'),
  }, {
    constraints: [anyOf('hashes', 'name'), requires('name_enc', 'name')],
    extensions: FILE_EXTENSIONS,
    idContributing: ['hashes', 'name', 'extensions', 'parent_directory_ref'],
  }),

  defineType('ipv4-addr', 'sco', {
    value: str('ipv4-cidr'), resolves_to_refs: refs('mac-addr'), belongs_to_refs: refs('autonomous-system'),
  }, { required: ['value'], idContributing: ['value'] }),

  defineType('ipv6-addr', 'sco', {
    value: str('ipv6-cidr'), resolves_to_refs: refs('mac-addr'), belongs_to_refs: refs('autonomous-system'),
  }, { required: ['value'], idContributing: ['value'] }),

  defineType('mac-addr', 'sco', { value: str('mac-address') }, { required: ['value'], idContributing: ['value'] }),

  defineType('mutex', 'sco', { name: STRING }, { required: ['name'], idContributing: ['name'] }),

  defineType('network-traffic', 'sco', {
    start: TIMESTAMP, end: TIMESTAMP, is_active: BOOLEAN, src_ref: ref(...ADDRESS), dst_ref: ref(...ADDRESS),
    src_port: int(0, 65535), dst_port: int(0, 65535), protocols: STRINGS, src_byte_count: NON_NEGATIVE,
    dst_byte_count: NON_NEGATIVE, src_packets: NON_NEGATIVE, dst_packets: NON_NEGATIVE,
    ipfix: dict(either('an integer or a string', INTEGER, STRING)), src_payload_ref: ref('artifact'),
    dst_payload_ref: ref('artifact'), encapsulates_refs: refs('network-traffic'),
    encapsulated_by_ref: ref('network-traffic'),
  }, {
    required: ['protocols'],
    constraints: [anyOf('src_ref', 'dst_ref'), order('start', 'end'),
      { kind: 'when', property: 'is_active', value: true, forbid: ['end'] }],
    extensions: NETWORK_TRAFFIC_EXTENSIONS,
    idContributing: ['start', 'end', 'src_ref', 'dst_ref', 'src_port', 'dst_port', 'protocols', 'extensions'],
  }),

  // "at least one property (other than type) from this object (or one of its extensions)"; no contributing
  // properties, so a process id is a UUIDv4.
  defineType('process', 'sco', PROCESS, {
    constraints: [atLeastOneProperty(PROCESS, 'extensions')],
    extensions: PROCESS_EXTENSIONS,
    idContributing: [],
  }),

  defineType('software', 'sco', {
    name: STRING, cpe: STRING, swid: STRING, languages: list(str('language-tag')), vendor: STRING, version: STRING,
  }, { required: ['name'], idContributing: ['name', 'cpe', 'swid', 'vendor', 'version'] }),

  defineType('url', 'sco', { value: str('url') }, { required: ['value'], idContributing: ['value'] }),

  defineType('user-account', 'sco', USER_ACCOUNT, {
    constraints: [atLeastOneProperty(USER_ACCOUNT)],
    extensions: USER_ACCOUNT_EXTENSIONS,
    idContributing: ['account_type', 'user_id', 'account_login'],
  }),

  defineType('windows-registry-key', 'sco', REGISTRY_KEY, {
    constraints: [atLeastOneProperty(REGISTRY_KEY)],
    idContributing: ['key', 'values'],
  }),

  defineType('x509-certificate', 'sco', X509, {
    constraints: [atLeastOneProperty(X509)],
    idContributing: ['hashes', 'serial_number'],
  }),
];
