/**
 * What converting one MISP event to STIX 2.1 shares between its parts (misp-to-stix.ts for the event and its
 * attributes, misp-objects.ts for its objects and references): the event's context, ids from MISP uuids,
 * labels of tags and galaxies, and the times every object takes.
 */
import { isIdentifier } from '../stix/identifier.ts';
import type { TlpLevel } from '../stix/sharing.ts';
import type { StixRecord } from './attribute-types.ts';
import { isRecord, type MispAttribute, type MispEvent, type MispRecord } from './misp-event.ts';
import { tlpOfTag } from './misp-sharing.ts';
import type { Tally } from './misp-tally.ts';
import { derivedId } from './x-misp-extension.ts';

/** Attribute fields carried by STIX properties; the others are reported as unmapped (and kept in `x_misp`). */
const ATTRIBUTE_MAPPED = new Set(['uuid', 'type', 'value', 'comment', 'timestamp', 'to_ids', 'Tag', 'Galaxy', 'first_seen', 'last_seen']);

export interface Context {
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

export const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

export function without(record: MispRecord, left: ReadonlySet<string>): MispRecord {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !left.has(key)));
}

/** An ISO time from a MISP `first_seen`/`last_seen`, or undefined. */
export function seen(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The STIX id for a MISP uuid: the uuid itself when STIX accepts it, else one derived from it. */
export function idFor(type: string, uuid: string): { id: string; uuid?: string } {
  const id = `${type}--${uuid.toLowerCase()}`;
  return isIdentifier(id) && uuid === uuid.toLowerCase() ? { id } : { id: derivedId(type, `${type}:${uuid}`), uuid };
}

/** Labels and external references of tags and galaxies; the TLP tags are markings, not labels. */
export function labelsOf(record: MispRecord): { labels?: string[]; external_references?: StixRecord[] } {
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

/**
 * `created` must stay the same across an object's versions, and MISP keeps only when a thing last changed: the
 * event's date is used, or the modification time when that is earlier.
 */
export function createdFor(created: string | undefined, modified: string): string {
  return created !== undefined && created <= modified ? created : modified;
}

/** Adds an object to the conversion; the first one made with an id is kept (an SCO many attributes give). */
export function add(context: Context, object: StixRecord): void {
  if (!context.objects.has(object.id as string)) context.objects.set(object.id as string, object);
}

/** Counts an attribute read, and reports its fields STIX has no property for. */
export function countAttribute(tally: Tally, attribute: MispAttribute): void {
  tally.attributes++;
  for (const field of Object.keys(attribute)) if (!ATTRIBUTE_MAPPED.has(field)) tally.unmapped('field', `Attribute.${field}`, attribute.uuid);
}
