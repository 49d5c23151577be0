/**
 * A MISP event as STIX 2.1 objects: the event becomes a `report` (created by the identity of its Orgc) that
 * refers to what its attributes became (see attribute-types.ts), tags become labels, `tlp:` tags and
 * distribution become TLP 2.0 markings (misp-sharing.ts), galaxy clusters become labels and external
 * references. Whatever has no STIX property is kept in the `x_misp` extension and counted in the conversion's
 * `unmapped` list. The same event always gives the same objects (ids from MISP uuids, SCO ids deterministic).
 */
import { isIdentifier } from '../stix/identifier.ts';
import type { TlpLevel } from '../stix/sharing.ts';
import { ATTRIBUTE_TYPES, stixPatternOf, type StixRecord } from './attribute-types.ts';
import { flagOf, integerOf, isRecord, type MispAttribute, type MispEvent, type MispRecord } from './misp-event.ts';
import { levelOf, markingRefs, tlpOfTag } from './misp-sharing.ts';
import { Tally, type UnmappedKind } from './misp-tally.ts';
import { derivedId, THIQA_IDENTITY_ID, withXMisp } from './x-misp-extension.ts';

export { Tally };

/** Event fields carried by STIX properties; the others are reported as unmapped (and kept in `x_misp.event`). */
const EVENT_MAPPED = new Set(['uuid', 'info', 'timestamp', 'date', 'publish_timestamp', 'Orgc', 'Tag', 'Galaxy', 'Attribute', 'Object']);
/** Event fields STIX holds exactly, so `x_misp.event` leaves them out. */
const EVENT_IN_STIX = new Set(['uuid', 'info', 'timestamp', 'Tag', 'Galaxy', 'Attribute', 'Object']);
const ATTRIBUTE_MAPPED = new Set(['uuid', 'type', 'value', 'comment', 'timestamp', 'to_ids', 'Tag', 'Galaxy', 'first_seen', 'last_seen']);
const ATTRIBUTE_IN_STIX = new Set(['uuid', 'comment', 'timestamp', 'Tag', 'Galaxy']);

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function without(record: MispRecord, left: ReadonlySet<string>): MispRecord {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !left.has(key)));
}

/** An ISO time from a MISP `first_seen`/`last_seen`, or undefined. */
function seen(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The STIX id for a MISP uuid: the uuid itself when STIX accepts it, else one derived from it. */
function idFor(type: string, uuid: string): { id: string; uuid?: string } {
  const id = `${type}--${uuid.toLowerCase()}`;
  return isIdentifier(id) && uuid === uuid.toLowerCase() ? { id } : { id: derivedId(type, `${type}:${uuid}`), uuid };
}

/** Labels and external references of tags and galaxies; the TLP tags are markings, not labels. */
function labelsOf(record: MispRecord): { labels?: string[]; external_references?: StixRecord[] } {
  const labels = new Set<string>();
  for (const tag of (record.Tag as MispRecord[] | undefined) ?? []) if (!tlpOfTag(tag.name as string)) labels.add(tag.name as string);
  const references: StixRecord[] = [];
  for (const galaxy of (record.Galaxy as MispRecord[] | undefined) ?? []) {
    for (const cluster of (galaxy.GalaxyCluster as MispRecord[] | undefined) ?? []) {
      const type = typeof cluster.type === 'string' ? cluster.type : String(galaxy.type ?? 'misp-galaxy');
      labels.add(typeof cluster.tag_name === 'string' ? cluster.tag_name : `misp-galaxy:${type}="${String(cluster.value)}"`);
      const meta = isRecord(cluster.meta) ? cluster.meta : {};
      const ids = Array.isArray(meta.external_id) ? meta.external_id : meta.external_id === undefined ? [] : [meta.external_id];
      for (const externalId of ids) if (typeof externalId === 'string') references.push({ source_name: type, external_id: externalId, description: String(cluster.value) });
    }
  }
  return { ...(labels.size ? { labels: [...labels] } : {}), ...(references.length ? { external_references: references } : {}) };
}

interface Context {
  event: MispEvent;
  /** The event's `date` at midnight UTC: `created` of every version of its objects (MISP keeps no creation time). */
  created: string | undefined;
  reportId: string;
  createdBy: StixRecord;
  level: TlpLevel | undefined;
  modified: string;
  objects: Map<string, StixRecord>;
  tally: Tally;
}

/**
 * `created` must stay the same across an object's versions, and MISP keeps only when a thing last changed: the
 * event's date is used, or the modification time when that is earlier.
 */
function createdFor(created: string | undefined, modified: string): string {
  return created !== undefined && created <= modified ? created : modified;
}

function add(context: Context, object: StixRecord): void {
  if (!context.objects.has(object.id as string)) context.objects.set(object.id as string, object);
}

/** Converts one attribute; false when its type (or value) is not mapped, so the caller keeps it whole. */
function convertAttribute(context: Context, attribute: MispAttribute, objectUuid: string | undefined): boolean {
  const { tally } = context;
  tally.attributes++;
  for (const field of Object.keys(attribute)) if (!ATTRIBUTE_MAPPED.has(field)) tally.unmapped('field', `Attribute.${field}`, attribute.uuid);
  const mapping = ATTRIBUTE_TYPES[attribute.type];
  if (!mapping) {
    tally.unmapped('attribute-type', attribute.type, `${attribute.uuid} ${attribute.value.slice(0, 80)}`);
    return false;
  }
  const timestamp = integerOf(attribute.timestamp);
  const modified = timestamp === undefined ? context.modified : iso(timestamp);
  const level = levelOf(attribute, context.level);
  const toIds = flagOf(attribute.to_ids) ?? false;
  const unmappedValue = (error: string) => {
    tally.unmapped('attribute-value', attribute.type, `${attribute.uuid} ${attribute.value.slice(0, 80)}: ${error}`);
    return false;
  };
  let stixType: string;
  let scos: StixRecord[] = [];
  let specific: StixRecord;
  if (mapping.kind === 'observable') {
    const observation = mapping.observe!(attribute.value);
    if ('error' in observation) return unmappedValue(observation.error);
    scos = observation.objects.map((o) => ({ ...o, ...markingRefs(level) }));
    const first = seen(attribute.first_seen) ?? modified;
    const last = seen(attribute.last_seen);
    if (toIds) {
      stixType = 'indicator';
      specific = { pattern: observation.pattern, pattern_type: 'stix', pattern_version: '2.1', valid_from: first, ...(last && last > first ? { valid_until: last } : {}) };
    } else {
      stixType = 'observed-data';
      specific = { first_observed: first, last_observed: last && last > first ? last : first, number_observed: 1, object_refs: scos.map((o) => o.id) };
    }
  } else if (mapping.kind === 'pattern') {
    const pattern = mapping.patternType === 'stix' ? stixPatternOf(attribute.type, attribute.value) : attribute.value;
    if (typeof pattern !== 'string') return unmappedValue(pattern.error);
    stixType = 'indicator';
    specific = { pattern, pattern_type: mapping.patternType, ...(mapping.patternType === 'stix' ? { pattern_version: '2.1' } : {}), valid_from: seen(attribute.first_seen) ?? modified };
  } else if (mapping.kind === 'note') {
    stixType = 'note';
    specific = { content: attribute.value, object_refs: [context.reportId] };
  } else {
    stixType = mapping.kind;
    const cve = mapping.kind === 'vulnerability' && /^CVE-\d{4}-\d{4,}$/i.test(attribute.value);
    specific = { name: attribute.value, ...(cve ? { external_references: [{ source_name: 'cve', external_id: attribute.value.toUpperCase() }] } : {}) };
  }
  const { id, uuid } = idFor(stixType, attribute.uuid);
  const tagged = labelsOf(attribute);
  const references = [...((specific.external_references as StixRecord[] | undefined) ?? []), ...(tagged.external_references ?? [])];
  const object: StixRecord = {
    type: stixType,
    spec_version: '2.1',
    id,
    created_by_ref: context.createdBy.id,
    created: createdFor(context.created, modified),
    modified,
    ...(typeof attribute.comment === 'string' && attribute.comment !== '' ? { description: attribute.comment } : {}),
    ...specific,
    ...(tagged.labels ? { labels: tagged.labels } : {}),
    ...(references.length ? { external_references: references } : {}),
    ...markingRefs(level),
    ...withXMisp({
      uuid,
      attribute: without(attribute, ATTRIBUTE_IN_STIX),
      tags: attribute.Tag,
      galaxies: attribute.Galaxy,
      object_uuid: objectUuid,
    }),
  };
  if (stixType === 'note') delete object.description;
  if (stixType === 'note' && attribute.comment) object.abstract = attribute.comment;
  tally.mapped(stixType);
  for (const o of scos) {
    add(context, o);
    tally.mapped(o.type as string);
  }
  add(context, object);
  return true;
}

/** The identity of the event's creator organisation (fixed version: only its uuid and name make it). */
function identityOf(event: MispEvent): StixRecord | undefined {
  if (!isRecord(event.Orgc)) return undefined;
  const { id } = idFor('identity', event.Orgc.uuid as string);
  return { type: 'identity', spec_version: '2.1', id, created: '1970-01-01T00:00:00.000Z', modified: '1970-01-01T00:00:00.000Z', name: event.Orgc.name, identity_class: 'organization' };
}

export interface Conversion {
  /** The report first, then everything it refers to, then the creator's identity. */
  objects: StixRecord[];
  reportId: string;
}

/**
 * Converts a checked event (see `checkEvent`). Counts go to `tally` (attributes, objects per STIX type,
 * unmapped things by kind with examples).
 */
export function eventToStix(event: MispEvent, tally: Tally): Conversion {
  const { id: reportId, uuid } = idFor('report', event.uuid);
  const timestamp = integerOf(event.timestamp);
  const modified = timestamp !== undefined ? iso(timestamp) : `${String(event.date)}T00:00:00.000Z`;
  const identity = identityOf(event);
  const createdBy = identity ?? { id: THIQA_IDENTITY_ID };
  const level = levelOf(event, undefined);
  const created = typeof event.date === 'string' ? `${event.date}T00:00:00.000Z` : undefined;
  const context: Context = { event, created, reportId, createdBy, level, modified, objects: new Map(), tally };
  tally.events++;
  for (const field of Object.keys(event)) if (!EVENT_MAPPED.has(field)) tally.unmapped('field', `Event.${field}`, event.uuid);
  const unmapped: MispRecord[] = [];
  for (const attribute of (event.Attribute as MispAttribute[] | undefined) ?? []) {
    if (!convertAttribute(context, attribute, undefined)) unmapped.push(attribute);
  }
  const objects: MispRecord[] = [];
  for (const object of (event.Object as MispRecord[] | undefined) ?? []) {
    tally.unmapped('object-template', String(object.name), String(object.uuid));
    const attributes = (object.Attribute as MispAttribute[] | undefined) ?? [];
    const kept = attributes.filter((attribute) => !convertAttribute(context, attribute, object.uuid as string));
    objects.push({ ...without(object, new Set(['Attribute'])), attribute_uuids: attributes.map((a) => a.uuid), ...(kept.length ? { unmapped_attributes: kept } : {}) });
  }
  const publishTimestamp = integerOf(event.publish_timestamp);
  const published = publishTimestamp ? iso(publishTimestamp) : typeof event.date === 'string' ? `${event.date}T00:00:00.000Z` : modified;
  const refs = [...context.objects.keys()];
  const tagged = labelsOf(event);
  const report: StixRecord = {
    type: 'report',
    spec_version: '2.1',
    id: reportId,
    created_by_ref: createdBy.id,
    created: createdFor(created, modified),
    modified,
    name: event.info,
    report_types: ['threat-report'],
    published,
    object_refs: refs.length ? refs : [createdBy.id],
    ...tagged,
    ...markingRefs(level),
    ...withXMisp({
      uuid,
      event: without(event, EVENT_IN_STIX),
      tags: event.Tag,
      galaxies: event.Galaxy,
      objects: objects.length ? objects : undefined,
      unmapped_attributes: unmapped.length ? unmapped : undefined,
    }),
  };
  tally.mapped('report');
  return { objects: [report, ...context.objects.values(), ...(identity ? [identity] : [])], reportId };
}

export type { UnmappedKind };
