/**
 * MISP objects of a mapped template (object-templates.ts) as one STIX 2.1 object each: the observables the
 * template makes of the object's attributes, with an `indicator` over them (one pattern) when any of those
 * attributes is `to_ids`, else an `observed-data` of them (or the one domain object the template makes: the
 * identity of a `person`); its id from the object's uuid. The attributes it took
 * are kept whole in its `x_misp.object_attributes`, so the export gives MISP the object back.
 *
 * An object's `ObjectReference`s become `relationship`s between what the object and the referenced attribute or
 * object became. One whose two ends are not both in STIX is reported (`object-reference`); every reference also
 * stays in the report's `x_misp.objects`, as MISP wrote it.
 */
import type { StixRecord } from './attribute-types.ts';
import { add, countAttribute, createdFor, idFor, iso, labelsOf, seen, type Context } from './conversion-context.ts';
import { flagOf, integerOf, isRecord, type MispAttribute, type MispObject, type MispRecord } from './misp-event.ts';
import { levelOf, markingRefs } from './misp-sharing.ts';
import { readerOf, templateOf } from './object-templates.ts';
import type { TemplateDomainObject, TemplateMapping, TemplateObservation } from './template-readers.ts';
import { derivedId, withXMisp } from './x-misp-extension.ts';

/** The values of the relations the template reads, and the attributes they came from. */
function readRelations(template: TemplateMapping, attributes: readonly MispAttribute[]): { values: Map<string, unknown[]>; taken: MispAttribute[] } {
  const values = new Map<string, unknown[]>();
  const taken: MispAttribute[] = [];
  for (const attribute of attributes) {
    const reader = readerOf(template, attribute.object_relation);
    if (!reader) continue;
    const key = reader.as ?? String(attribute.object_relation);
    const read = values.get(key) ?? [];
    const value = reader.read(attribute.value);
    if (value === undefined || (!reader.many && read.length > 0)) continue;
    values.set(key, [...read, value]);
    taken.push(attribute);
  }
  return { values, taken };
}

/** The latest timestamp of the object and the attributes it took: changing one of them makes a new version. */
function modifiedOf(context: Context, records: readonly MispRecord[]): string {
  const times = records.map((record) => integerOf(record.timestamp)).filter((time) => time !== undefined);
  return times.length ? iso(Math.max(...times)) : context.modified;
}

/** The labels and external references of the attributes taken, each once. */
function labelsOfAll(attributes: readonly MispAttribute[]): { labels?: string[]; external_references?: StixRecord[] } {
  const labels = new Set<string>();
  const references = new Map<string, StixRecord>();
  for (const attribute of attributes) {
    const tagged = labelsOf(attribute);
    for (const label of tagged.labels ?? []) labels.add(label);
    for (const reference of tagged.external_references ?? []) references.set(JSON.stringify(reference), reference);
  }
  return { ...(labels.size ? { labels: [...labels] } : {}), ...(references.size ? { external_references: [...references.values()] } : {}) };
}

/** The type and properties of an observation's indicator (an attribute read is `to_ids`) or observed-data. */
function observationObject(observation: TemplateObservation, object: MispObject, taken: readonly MispAttribute[], modified: string, scos: readonly StixRecord[]): TemplateDomainObject {
  const first = seen(object.first_seen) ?? modified;
  const last = seen(object.last_seen);
  return taken.some((attribute) => flagOf(attribute.to_ids))
    ? { type: 'indicator', properties: { pattern: observation.pattern, pattern_type: 'stix', pattern_version: '2.1', valid_from: first, ...(last && last > first ? { valid_until: last } : {}) } }
    : { type: 'observed-data', properties: { first_observed: first, last_observed: last && last > first ? last : first, number_observed: 1, object_refs: scos.map((o) => o.id) } };
}

/**
 * Converts an object of a mapped template. Returns the id of the STIX object it became and the attributes it
 * took (the caller converts the others one by one), or undefined when its template is not mapped or it gives
 * no STIX object (a `file` object with neither name nor hash).
 */
export function convertTemplate(context: Context, object: MispObject): { id: string; taken: ReadonlySet<MispAttribute> } | undefined {
  const template = templateOf(object.name);
  if (!template) return undefined;
  const { values, taken } = readRelations(template, Array.isArray(object.Attribute) ? object.Attribute : []);
  const made = taken.length ? template.build(values) : undefined;
  if (!made) return undefined;
  const modified = modifiedOf(context, [object, ...taken]);
  const level = taken.reduce((inherited, attribute) => levelOf(attribute, inherited), levelOf(object, context.level));
  const scos: StixRecord[] = 'pattern' in made ? made.objects.map((o) => ({ ...o, ...markingRefs(level) })) : [];
  const { type, properties } = 'pattern' in made ? observationObject(made, object, taken, modified, scos) : made;
  const { id, uuid } = idFor(type, object.uuid);
  add(context, {
    type,
    spec_version: '2.1',
    id,
    created_by_ref: context.createdBy.id,
    created: createdFor(context.created, modified),
    modified,
    ...(typeof object.comment === 'string' && object.comment !== '' ? { description: object.comment } : {}),
    ...properties,
    ...labelsOfAll(taken),
    ...markingRefs(level),
    ...withXMisp({ uuid, object_attributes: taken }),
  });
  for (const attribute of taken) countAttribute(context.tally, attribute);
  context.tally.mapped(type);
  for (const o of scos) {
    add(context, o);
    context.tally.mapped(o.type as string);
  }
  return { id, taken: new Set(taken) };
}

/** A MISP relationship type in STIX's form: lower case ASCII letters, digits and hyphens (`related-to` if none). */
export function relationshipType(misp: unknown): string {
  const type = String(misp ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return type === '' ? 'related-to' : type;
}

/**
 * The `ObjectReference`s of an object as relationships. `stixIds` maps the (lower case) uuids of the event's
 * attributes and objects to the STIX objects they became; a reference with an end not in it is reported.
 */
export function convertReferences(context: Context, object: MispObject, stixIds: ReadonlyMap<string, string>): void {
  const references = Array.isArray(object.ObjectReference) ? (object.ObjectReference as unknown[]).filter(isRecord) : [];
  for (const reference of references) {
    const referenced = typeof reference.referenced_uuid === 'string' ? reference.referenced_uuid : '';
    const source = stixIds.get(object.uuid.toLowerCase());
    const target = stixIds.get(referenced.toLowerCase());
    const example = `${String(reference.uuid)} ${object.name} ${object.uuid} → ${referenced || '(no referenced_uuid)'}`;
    if (!source || !target) {
      const why = !source ? 'its object is not mapped as a whole' : 'the referenced uuid is no attribute or object the event maps';
      const named = typeof reference.relationship_type === 'string' ? reference.relationship_type : '(no relationship_type)';
      context.tally.unmapped('object-reference', named, `${example}: ${why}`);
      continue;
    }
    const type = relationshipType(reference.relationship_type);
    const { id, uuid } = typeof reference.uuid === 'string'
      ? idFor('relationship', reference.uuid)
      : { id: derivedId('relationship', `relationship:${object.uuid}:${referenced}:${type}`), uuid: undefined };
    const timestamp = integerOf(reference.timestamp);
    const modified = timestamp === undefined ? String(context.objects.get(source)!.modified) : iso(timestamp);
    add(context, {
      type: 'relationship',
      spec_version: '2.1',
      id,
      created_by_ref: context.createdBy.id,
      created: createdFor(context.created, modified),
      modified,
      relationship_type: type,
      ...(typeof reference.comment === 'string' && reference.comment !== '' ? { description: reference.comment } : {}),
      source_ref: source,
      target_ref: target,
      ...markingRefs(levelOf(object, context.level)),
      ...withXMisp({ uuid, relationship_type: type === reference.relationship_type ? undefined : reference.relationship_type }),
    });
    context.tally.mapped('relationship');
  }
}
