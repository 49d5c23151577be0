/**
 * STIX 2.1 objects as MISP events, for a feed. What came from MISP (a report with `x_misp.event`, objects with
 * `x_misp.attribute`, objects of a mapped template with `x_misp.object_attributes`) is given back as it was read:
 * the event, its attributes, objects (with their references), tags, galaxies and unmapped attributes, with the
 * values STIX carries (uuid, info, comment, timestamps) taken from the objects.
 * Anything else is grouped: one event per report or grouping (its referenced objects as attributes) and one
 * event for the rest of the collection. Objects with no MISP attribute type are counted in `skipped`.
 */
import { TLP1_MARKINGS, TLP2_MARKINGS } from '../stix/tlp.ts';
import { uuidV5 } from '../stix/identifier.ts';
import type { StixRecord } from './attribute-types.ts';
import type { MispRecord } from './misp-event.ts';
import { attributeFromStix } from './stix-attribute.ts';
import { THIQA_MISP_NAMESPACE, xMispOf } from './x-misp-extension.ts';

const epoch = (time: unknown) => String(Math.floor(Date.parse(String(time)) / 1000));
const uuidOf = (id: string) => id.slice(id.indexOf('--') + 2);
const defined = (record: MispRecord) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

const LEVEL_BY_MARKING = new Map<string, string>([
  ...Object.entries(TLP2_MARKINGS).map(([level, id]) => [id, level] as [string, string]),
  ...Object.entries(TLP1_MARKINGS).map(([level, id]) => [id, level === 'white' ? 'clear' : level] as [string, string]),
]);

/** MISP tags of an object from elsewhere: its labels, and its TLP marking as a `tlp:` tag. */
export function tagsOf(object: StixRecord): MispRecord[] | undefined {
  const tags = ((object.labels as string[] | undefined) ?? []).map((name) => ({ name }));
  for (const ref of (object.object_marking_refs as string[] | undefined) ?? []) {
    const level = LEVEL_BY_MARKING.get(ref);
    if (level) tags.push({ name: `tlp:${level}` });
  }
  return tags.length ? tags : undefined;
}

/** The attribute an object made by the import was, rebuilt from the object and its `x_misp`. */
function rebuiltAttribute(object: StixRecord, ext: StixRecord): MispRecord {
  const comment = object.type === 'note' ? object.abstract : object.description;
  return defined({
    uuid: (ext.uuid as string | undefined) ?? uuidOf(object.id as string),
    ...(ext.attribute as MispRecord),
    comment: typeof comment === 'string' ? comment : '',
    timestamp: epoch(object.modified),
    Tag: ext.tags,
    Galaxy: ext.galaxies,
  });
}

export interface MispExport {
  events: MispRecord[];
  /** Objects that became no attribute, by STIX type. */
  skipped: Record<string, number>;
}

class Grouping {
  readonly used = new Set<string>();
  readonly skipped: Record<string, number> = {};
  readonly objects: ReadonlyMap<string, StixRecord>;
  constructor(objects: ReadonlyMap<string, StixRecord>) {
    this.objects = objects;
  }

  skip(object: StixRecord): void {
    this.skipped[object.type as string] = (this.skipped[object.type as string] ?? 0) + 1;
  }

  /** Attributes of objects from elsewhere (each used once, in the first event that takes it). */
  attributesOf(ids: Iterable<string>, fallbackTime: string): MispRecord[] {
    const attributes: MispRecord[] = [];
    for (const id of ids) {
      const object = this.objects.get(id);
      if (!object || this.used.has(id)) continue;
      this.used.add(id);
      const attribute = attributeFromStix(object, fallbackTime);
      if (attribute) attributes.push({ ...attribute, ...defined({ Tag: tagsOf(object) }) });
      else this.skip(object);
    }
    return attributes;
  }
}

function eventFromMisp(report: StixRecord, ext: StixRecord, grouping: Grouping): MispRecord {
  const top: MispRecord[] = [];
  const inObjects = new Map<string, MispRecord>();
  for (const ref of report.object_refs as string[]) {
    const object = grouping.objects.get(ref);
    if (!object) continue;
    grouping.used.add(ref);
    const own = xMispOf(object);
    // An object of a mapped template keeps the attributes it took whole.
    for (const attribute of (own?.object_attributes as MispRecord[] | undefined) ?? []) inObjects.set(attribute.uuid as string, attribute);
    if (!own?.attribute) continue;
    const attribute = rebuiltAttribute(object, own);
    if (typeof own.object_uuid === 'string') inObjects.set(attribute.uuid as string, attribute);
    else top.push(attribute);
  }
  top.push(...((ext.unmapped_attributes as MispRecord[] | undefined) ?? []));
  const objects = ((ext.objects as MispRecord[] | undefined) ?? []).map((entry) => {
    const { attribute_uuids: uuids, unmapped_attributes: unmapped, ...object } = entry;
    const kept = new Map(((unmapped as MispRecord[] | undefined) ?? []).map((a) => [a.uuid as string, a]));
    const attributes = (uuids as string[]).map((uuid) => inObjects.get(uuid) ?? kept.get(uuid)).filter((a) => a !== undefined);
    return { ...object, Attribute: attributes };
  });
  return defined({
    uuid: (ext.uuid as string | undefined) ?? uuidOf(report.id as string),
    info: report.name,
    timestamp: epoch(report.modified),
    ...(ext.event as MispRecord),
    Tag: ext.tags,
    Galaxy: ext.galaxies,
    Attribute: top,
    Object: objects.length ? objects : undefined,
  });
}

function orgcOf(object: StixRecord, objects: ReadonlyMap<string, StixRecord>, fallback: MispRecord): MispRecord {
  const creator = typeof object.created_by_ref === 'string' ? objects.get(object.created_by_ref) : undefined;
  return creator ? { name: String(creator.name), uuid: uuidOf(creator.id as string) } : fallback;
}

/** A report or grouping from elsewhere, as an event of its referenced objects. */
function eventFromStix(container: StixRecord, grouping: Grouping, orgc: MispRecord): MispRecord {
  const time = String(container.published ?? container.modified ?? container.created);
  grouping.used.add(container.id as string);
  return defined({
    uuid: uuidOf(container.id as string),
    info: String(container.name ?? container.id),
    date: time.slice(0, 10),
    timestamp: epoch(container.modified ?? container.created),
    published: false,
    analysis: '2',
    threat_level_id: '4',
    Orgc: orgcOf(container, grouping.objects, orgc),
    Tag: tagsOf(container),
    Attribute: grouping.attributesOf(container.object_refs as string[], String(container.modified)),
  });
}

/** Objects that only describe others, never attributes: neither counted nor exported. */
const META_TYPES = new Set(['marking-definition', 'extension-definition', 'language-content']);

/**
 * Groups the latest version of each object into MISP events (see the module's rules).
 * @param collection names the event of the objects no report refers to (`uuid` derived from its id).
 * @param orgc the organisation that publishes the feed, for events whose objects have no creator identity.
 */
export function stixToMisp(objects: ReadonlyMap<string, StixRecord>, collection: { id: string; title: string }, orgc: MispRecord): MispExport {
  const grouping = new Grouping(objects);
  const events: MispRecord[] = [];
  const containers = [...objects.values()].filter((o) => o.type === 'report' || o.type === 'grouping');
  // Reports from MISP first: their observables belong to them, not to another container.
  for (const container of containers) {
    const ext = xMispOf(container);
    if (ext?.event) {
      grouping.used.add(container.id as string);
      events.push(eventFromMisp(container, ext, grouping));
    }
  }
  for (const container of containers) if (!xMispOf(container)?.event) events.push(eventFromStix(container, grouping, orgc));
  const rest = [...objects.values()].filter((o) => !grouping.used.has(o.id as string) && !META_TYPES.has(o.type as string) && o.type !== 'identity');
  if (rest.length > 0) {
    const latest = rest.map((o) => String(o.modified ?? o.created ?? '')).filter(Boolean).sort().at(-1) ?? '1970-01-01T00:00:00.000Z';
    events.push({
      uuid: uuidV5(THIQA_MISP_NAMESPACE, `collection:${collection.id}`),
      info: `${collection.title}: objects outside any report`,
      date: latest.slice(0, 10),
      timestamp: epoch(latest),
      published: false,
      analysis: '2',
      threat_level_id: '4',
      Orgc: orgc,
      Attribute: grouping.attributesOf(rest.map((o) => o.id as string), latest),
    });
  }
  return { events, skipped: grouping.skipped };
}
