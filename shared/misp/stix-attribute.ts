/**
 * A STIX object from elsewhere (not made by the MISP import) as one MISP attribute, where MISP has a type for
 * it: an indicator whose pattern is one comparison the table knows (else `stix2-pattern`), a detection rule
 * (snort, suricata, yara, sigma, pcre), an SCO of one value, a vulnerability, threat actor, campaign or note.
 */
import type { StixRecord } from './attribute-types.ts';
import { HASH_NAMES } from './attribute-types.ts';
import type { MispRecord } from './misp-event.ts';

const MISP_HASH = Object.fromEntries(Object.entries(HASH_NAMES).map(([misp, stix]) => [stix, misp]));

/** The pattern path of a single comparison → the MISP attribute type. */
const PATTERN_TYPES: Readonly<Record<string, string>> = {
  'ipv4-addr:value': 'ip-dst',
  'ipv6-addr:value': 'ip-dst',
  'domain-name:value': 'domain',
  'url:value': 'url',
  'email-addr:value': 'email-src',
  'email-message:subject': 'email-subject',
  'file:name': 'filename',
  'mutex:name': 'mutex',
  'windows-registry-key:key': 'regkey',
  'mac-addr:value': 'mac-address',
  'autonomous-system:number': 'AS',
  ...Object.fromEntries(Object.entries(HASH_NAMES).map(([misp, stix]) => [`file:hashes.${stix.includes('-') ? `'${stix}'` : stix}`, misp])),
};

/** Categories MISP expects for the types the export writes. */
const CATEGORIES: Readonly<Record<string, string>> = {
  'ip-dst': 'Network activity', domain: 'Network activity', url: 'Network activity', AS: 'Network activity', 'mac-address': 'Network activity',
  'email-src': 'Payload delivery', 'email-subject': 'Payload delivery', filename: 'Payload delivery', mutex: 'Artifacts dropped', regkey: 'Persistence mechanism',
  vulnerability: 'External analysis', 'threat-actor': 'Attribution', 'campaign-name': 'Attribution', text: 'Other',
  snort: 'Network activity', suricata: 'Network activity', yara: 'Payload installation', sigma: 'Payload installation', pcre: 'Payload installation', 'stix2-pattern': 'Payload installation',
};

const SINGLE = /^\[([a-z0-9-]+:[A-Za-z0-9_.'-]+) = (?:'((?:[^'\\]|\\.)*)'|(\d+))\]$/;

function fromPattern(pattern: string): { type: string; value: string } {
  const match = SINGLE.exec(pattern);
  const type = match && PATTERN_TYPES[match[1]!];
  if (!match || !type) return { type: 'stix2-pattern', value: pattern };
  return { type, value: match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]! };
}

function fromSco(object: StixRecord): { type: string; value: string } | undefined {
  switch (object.type) {
    case 'ipv4-addr': case 'ipv6-addr': return { type: 'ip-dst', value: String(object.value) };
    case 'domain-name': return { type: 'domain', value: String(object.value) };
    case 'url': return { type: 'url', value: String(object.value) };
    case 'email-addr': return { type: 'email-src', value: String(object.value) };
    case 'mutex': return { type: 'mutex', value: String(object.name) };
    case 'mac-addr': return { type: 'mac-address', value: String(object.value) };
    case 'autonomous-system': return { type: 'AS', value: String(object.number) };
    case 'windows-registry-key': return object.key === undefined ? undefined : { type: 'regkey', value: String(object.key) };
    case 'file': {
      const [algorithm, hash] = Object.entries((object.hashes as Record<string, string> | undefined) ?? {}).find(([name]) => MISP_HASH[name]) ?? [];
      const name = typeof object.name === 'string' ? object.name : undefined;
      if (algorithm && hash) return name ? { type: `filename|${MISP_HASH[algorithm]!}`, value: `${name}|${hash}` } : { type: MISP_HASH[algorithm]!, value: hash };
      return name ? { type: 'filename', value: name } : undefined;
    }
    default: return undefined;
  }
}

function typeAndValue(object: StixRecord): { type: string; value: string; toIds: boolean } | undefined {
  switch (object.type) {
    case 'indicator':
      if (object.pattern_type === 'stix') return { ...fromPattern(String(object.pattern)), toIds: true };
      if (['snort', 'suricata', 'yara', 'sigma', 'pcre'].includes(String(object.pattern_type))) return { type: String(object.pattern_type), value: String(object.pattern), toIds: true };
      return undefined;
    case 'vulnerability': return { type: 'vulnerability', value: String(object.name), toIds: false };
    case 'threat-actor': return { type: 'threat-actor', value: String(object.name), toIds: false };
    case 'campaign': return { type: 'campaign-name', value: String(object.name), toIds: false };
    case 'note': return { type: 'text', value: String(object.content), toIds: false };
    default: {
      const found = fromSco(object);
      return found && { ...found, toIds: false };
    }
  }
}

/** The attribute, or undefined when MISP has no attribute type for the object. */
export function attributeFromStix(object: StixRecord, fallbackTime: string): MispRecord | undefined {
  const found = typeAndValue(object);
  if (!found) return undefined;
  const id = String(object.id);
  const comment = object.type === 'note' ? object.abstract : object.description;
  const time = Date.parse(String(object.modified ?? fallbackTime));
  return {
    uuid: id.slice(id.indexOf('--') + 2),
    type: found.type,
    category: CATEGORIES[found.type] ?? (found.type.includes('|') ? 'Payload delivery' : 'Other'),
    value: found.value,
    to_ids: found.toIds,
    comment: typeof comment === 'string' ? comment : '',
    timestamp: String(Math.floor((Number.isNaN(time) ? 0 : time) / 1000)),
  };
}
