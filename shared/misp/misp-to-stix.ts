/**
 * A MISP event as STIX 2.1 objects: the event becomes a `report` (created by the identity of its Orgc) that
 * refers to what its attributes became (see attribute-types.ts), its objects of a mapped template (see
 * misp-objects.ts) and their references, tags become labels, `tlp:` tags and distribution become TLP 2.0
 * markings (misp-sharing.ts), galaxy clusters become labels and external references. Whatever has no STIX property is kept in the `x_misp` extension and counted in the conversion's
 * `unmapped` list. The same event always gives the same objects (ids from MISP uuids, SCO ids deterministic).
 */
import { ATTRIBUTE_TYPES, stixPatternOf, type StixRecord } from './attribute-types.ts';
import { add, countAttribute, createdFor, idFor, iso, labelsOf, seen, without, type Context } from './conversion-context.ts';
import { flagOf, integerOf, isRecord, type MispAttribute, type MispEvent, type MispObject, type MispRecord } from './misp-event.ts';
import { convertReferences, convertTemplate } from './misp-objects.ts';
import { levelOf, markingRefs } from './misp-sharing.ts';
import { Tally, type UnmappedKind } from './misp-tally.ts';
import { THIQA_IDENTITY_ID, withXMisp } from './x-misp-extension.ts';

export { Tally };

/** Event fields carried by STIX properties; the others are reported as unmapped (and kept in `x_misp.event`). */
const EVENT_MAPPED = new Set(['uuid', 'info', 'timestamp', 'date', 'publish_timestamp', 'Orgc', 'Tag', 'Galaxy', 'Attribute', 'Object']);
/** Event fields STIX holds exactly, so `x_misp.event` leaves them out. */
const EVENT_IN_STIX = new Set(['uuid', 'info', 'timestamp', 'Tag', 'Galaxy', 'Attribute', 'Object']);
const ATTRIBUTE_IN_STIX = new Set(['uuid', 'comment', 'timestamp', 'Tag', 'Galaxy']);

/**
 * Converts one attribute; returns the id of the object it became, or undefined when its type (or value) is not
 * mapped, so the caller keeps it whole.
 */
function convertAttribute(context: Context, attribute: MispAttribute, objectUuid: string | undefined): string | undefined {
  const { tally } = context;
  countAttribute(tally, attribute);
  const mapping = Object.hasOwn(ATTRIBUTE_TYPES, attribute.type) ? ATTRIBUTE_TYPES[attribute.type] : undefined;
  if (!mapping) {
    tally.unmapped('attribute-type', attribute.type, `${attribute.uuid} ${attribute.value.slice(0, 80)}`);
    return undefined;
  }
  const timestamp = integerOf(attribute.timestamp);
  const modified = timestamp === undefined ? context.modified : iso(timestamp);
  const level = levelOf(attribute, context.level);
  const toIds = flagOf(attribute.to_ids) ?? false;
  const unmappedValue = (error: string) => {
    tally.unmapped('attribute-value', attribute.type, `${attribute.uuid} ${attribute.value.slice(0, 80)}: ${error}`);
    return undefined;
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
  return id;
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
  // MISP uuid (lower case) → the STIX object it became, for the references between objects and attributes.
  const stixIds = new Map<string, string>();
  const converted = (attribute: MispAttribute, objectUuid: string | undefined) => {
    const id = convertAttribute(context, attribute, objectUuid);
    if (id) stixIds.set(attribute.uuid.toLowerCase(), id);
    return id !== undefined;
  };
  const unmapped = ((event.Attribute as MispAttribute[] | undefined) ?? []).filter((attribute) => !converted(attribute, undefined));
  const objects: MispRecord[] = [];
  const mispObjects = (event.Object as MispObject[] | undefined) ?? [];
  for (const object of mispObjects) {
    const attributes = object.Attribute ?? [];
    const template = convertTemplate(context, object);
    if (template) {
      stixIds.set(object.uuid.toLowerCase(), template.id);
      for (const attribute of template.taken) stixIds.set(attribute.uuid.toLowerCase(), template.id);
    } else tally.unmapped('object-template', String(object.name), String(object.uuid));
    const kept = attributes.filter((attribute) => !template?.taken.has(attribute) && !converted(attribute, object.uuid));
    objects.push({ ...without(object, new Set(['Attribute'])), attribute_uuids: attributes.map((a) => a.uuid), ...(kept.length ? { unmapped_attributes: kept } : {}) });
  }
  for (const object of mispObjects) convertReferences(context, object, stixIds);
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
