/** The predefined SCO extensions (§3.10, §6) and the nested types SCOs use. */
import {
  BOOLEAN, FLOAT, HASHES, HEX, INTEGER, NON_NEGATIVE, STRING, STRINGS, TIMESTAMP, anyOf, atLeastOneProperty, dict,
  either, enumeration, list, obj, ref, refs, vocab,
} from './property-types.ts';
import type { ObjectShape, PropertySpec } from './property-types.ts';

const INTEGER_OR_STRING = either('an integer or a string', INTEGER, STRING);

/** Defines a shape whose every property is optional but of which at least one must be present. */
function nonEmptyShape(name: string, properties: Record<string, PropertySpec>): ObjectShape {
  return { name, properties, constraints: [atLeastOneProperty(properties)], open: true };
}

/** §6.6.2 */
export const EMAIL_MIME_PART: ObjectShape = {
  name: 'email-mime-part-type',
  properties: { body: STRING, body_raw_ref: ref('artifact', 'file'), content_type: STRING, content_disposition: STRING },
  constraints: [anyOf('body', 'body_raw_ref')],
  open: true,
};

/** §6.7.3.2 */
const ALTERNATE_DATA_STREAM: ObjectShape = {
  name: 'alternate-data-stream-type',
  properties: { name: STRING, hashes: HASHES, size: NON_NEGATIVE },
  required: ['name'],
  open: true,
};

/** §6.7.6.2 */
const PE_OPTIONAL_HEADER = nonEmptyShape('windows-pe-optional-header-type', {
  magic_hex: HEX, major_linker_version: INTEGER, minor_linker_version: INTEGER, size_of_code: NON_NEGATIVE,
  size_of_initialized_data: NON_NEGATIVE, size_of_uninitialized_data: NON_NEGATIVE, address_of_entry_point: INTEGER,
  base_of_code: INTEGER, base_of_data: INTEGER, image_base: INTEGER, section_alignment: INTEGER,
  file_alignment: INTEGER, major_os_version: INTEGER, minor_os_version: INTEGER, major_image_version: INTEGER,
  minor_image_version: INTEGER, major_subsystem_version: INTEGER, minor_subsystem_version: INTEGER,
  win32_version_value_hex: HEX, size_of_image: NON_NEGATIVE, size_of_headers: NON_NEGATIVE, checksum_hex: HEX,
  subsystem_hex: HEX, dll_characteristics_hex: HEX, size_of_stack_reserve: NON_NEGATIVE,
  size_of_stack_commit: NON_NEGATIVE, size_of_heap_reserve: NON_NEGATIVE, size_of_heap_commit: NON_NEGATIVE,
  loader_flags_hex: HEX, number_of_rva_and_sizes: INTEGER, hashes: HASHES,
});

/** §6.7.6.3 */
const PE_SECTION: ObjectShape = {
  name: 'windows-pe-section-type',
  properties: { name: STRING, size: NON_NEGATIVE, entropy: FLOAT, hashes: HASHES },
  required: ['name'],
  open: true,
};

const PE_BINARY_PROPERTIES: Record<string, PropertySpec> = {
  imphash: STRING, machine_hex: HEX, number_of_sections: NON_NEGATIVE, time_date_stamp: TIMESTAMP,
  pointer_to_symbol_table_hex: HEX, number_of_symbols: NON_NEGATIVE, size_of_optional_header: NON_NEGATIVE,
  characteristics_hex: HEX, file_header_hashes: HASHES, optional_header: obj(PE_OPTIONAL_HEADER),
  sections: list(obj(PE_SECTION)),
};

/** §6.7.2–6.7.6 */
export const FILE_EXTENSIONS: Readonly<Record<string, ObjectShape>> = {
  'archive-ext': {
    name: 'archive-ext',
    properties: { contains_refs: refs('file', 'directory'), comment: STRING },
    required: ['contains_refs'],
    open: true,
  },
  'ntfs-ext': nonEmptyShape('ntfs-ext', { sid: STRING, alternate_data_streams: list(obj(ALTERNATE_DATA_STREAM)) }),
  'pdf-ext': nonEmptyShape('pdf-ext', {
    version: STRING, is_optimized: BOOLEAN, document_info_dict: dict(STRING), pdfid0: STRING, pdfid1: STRING,
  }),
  'raster-image-ext': nonEmptyShape('raster-image-ext', {
    image_height: INTEGER, image_width: INTEGER, bits_per_pixel: INTEGER, exif_tags: dict(INTEGER_OR_STRING),
  }),
  'windows-pebinary-ext': {
    name: 'windows-pebinary-ext',
    properties: { pe_type: vocab('windows-pebinary-type-ov'), ...PE_BINARY_PROPERTIES },
    required: ['pe_type'],
    // "at least one property other than the required pe_type"
    constraints: [atLeastOneProperty(PE_BINARY_PROPERTIES)],
    open: true,
  },
};

/** §6.12.2–6.12.5 */
export const NETWORK_TRAFFIC_EXTENSIONS: Readonly<Record<string, ObjectShape>> = {
  'http-request-ext': {
    name: 'http-request-ext',
    properties: {
      request_method: STRING, request_value: STRING, request_version: STRING, request_header: dict(STRINGS),
      message_body_length: NON_NEGATIVE, message_body_data_ref: ref('artifact'),
    },
    required: ['request_method', 'request_value'],
    open: true,
  },
  'icmp-ext': {
    name: 'icmp-ext',
    properties: { icmp_type_hex: HEX, icmp_code_hex: HEX },
    required: ['icmp_type_hex', 'icmp_code_hex'],
    open: true,
  },
  'socket-ext': {
    name: 'socket-ext',
    properties: {
      address_family: enumeration('network-socket-address-family-enum'), is_blocking: BOOLEAN, is_listening: BOOLEAN,
      options: dict(INTEGER), socket_type: enumeration('network-socket-type-enum'), socket_descriptor: NON_NEGATIVE,
      socket_handle: INTEGER,
    },
    required: ['address_family'],
    open: true,
  },
  'tcp-ext': nonEmptyShape('tcp-ext', { src_flags_hex: HEX, dst_flags_hex: HEX }),
};

/** §6.13.2–6.13.3 */
export const PROCESS_EXTENSIONS: Readonly<Record<string, ObjectShape>> = {
  'windows-process-ext': nonEmptyShape('windows-process-ext', {
    // The OS text and the JSON schemas say window_title; the errata markdown has a typo (windows_title).
    aslr_enabled: BOOLEAN, dep_enabled: BOOLEAN, priority: STRING, owner_sid: STRING, window_title: STRING,
    startup_info: dict(), integrity_level: enumeration('windows-integrity-level-enum'),
  }),
  'windows-service-ext': nonEmptyShape('windows-service-ext', {
    service_name: STRING, descriptions: STRINGS, display_name: STRING, group_name: STRING,
    start_type: enumeration('windows-service-start-type-enum'), service_dll_refs: refs('file'),
    service_type: enumeration('windows-service-type-enum'), service_status: enumeration('windows-service-status-enum'),
  }),
};

/** §6.16.2 */
export const USER_ACCOUNT_EXTENSIONS: Readonly<Record<string, ObjectShape>> = {
  'unix-account-ext': nonEmptyShape('unix-account-ext', { gid: INTEGER, groups: STRINGS, home_dir: STRING, shell: STRING }),
};

/** §6.17.2 */
export const REGISTRY_VALUE = nonEmptyShape('windows-registry-value-type', {
  name: STRING, data: STRING, data_type: enumeration('windows-registry-datatype-enum'),
});

/** §6.18.2 */
export const X509_V3_EXTENSIONS = nonEmptyShape('x509-v3-extensions-type', {
  basic_constraints: STRING, name_constraints: STRING, policy_constraints: STRING, key_usage: STRING,
  extended_key_usage: STRING, subject_key_identifier: STRING, authority_key_identifier: STRING,
  subject_alternative_name: STRING, issuer_alternative_name: STRING, subject_directory_attributes: STRING,
  crl_distribution_points: STRING, inhibit_any_policy: STRING, private_key_usage_period_not_before: TIMESTAMP,
  private_key_usage_period_not_after: TIMESTAMP, certificate_policies: STRING, policy_mappings: STRING,
});
