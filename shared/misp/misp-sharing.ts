/**
 * MISP sharing to TLP 2.0: a `tlp:` tag names a level; a distribution level becomes one too; when both are
 * there the stricter wins, since a MISP instance would honour both. The result is a TLP 2.0 marking, which
 * Thiqa's one visibility rule then enforces. See MAPPING.md.
 */
import { TLP2_MARKINGS } from '../stix/tlp.ts';
import { TLP_LEVELS, type TlpLevel } from '../stix/sharing.ts';
import { integerOf, type MispRecord } from './misp-event.ts';

/** MISP TLP tags (taxonomy `tlp`, version 10) and the TLP 2.0 level each means. */
export const TLP_TAGS: Readonly<Record<string, TlpLevel>> = {
  'tlp:clear': 'clear',
  'tlp:white': 'clear',
  'tlp:green': 'green',
  'tlp:amber': 'amber',
  'tlp:amber+strict': 'amber+strict',
  'tlp:red': 'red',
};

/** The TLP level each distribution level becomes (5, inherit, takes the event's: see `levelOf`). */
export const DISTRIBUTION_LEVELS: Readonly<Record<number, TlpLevel>> = {
  0: 'amber+strict', // your organisation only
  1: 'amber', // this community
  2: 'green', // connected communities
  3: 'green', // all communities: shared widely, yet not public disclosure
  4: 'amber+strict', // a sharing group: its members are not known here, so the origin organisation only
};

const rank = (level: TlpLevel) => TLP_LEVELS.indexOf(level);

/** The stricter of two levels (undefined counts as no restriction). */
export function stricter(a: TlpLevel | undefined, b: TlpLevel | undefined): TlpLevel | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return rank(a) >= rank(b) ? a : b;
}

/** A tag name is a TLP tag when it is one of `TLP_TAGS`, in any case. */
export function tlpOfTag(name: string): TlpLevel | undefined {
  return TLP_TAGS[name.trim().toLowerCase()];
}

/**
 * The level of an event or attribute: the strictest of its TLP tags, its distribution (5, inherit, adds
 * nothing) and the level `inherited` from its event, so an attribute is never more open than its event.
 */
export function levelOf(record: MispRecord, inherited: TlpLevel | undefined): TlpLevel | undefined {
  let level = inherited;
  for (const tag of Array.isArray(record.Tag) ? (record.Tag as MispRecord[]) : []) {
    if (typeof tag.name === 'string') level = stricter(level, tlpOfTag(tag.name));
  }
  const distribution = integerOf(record.distribution);
  return stricter(level, distribution === undefined ? undefined : DISTRIBUTION_LEVELS[distribution]);
}

/** `object_marking_refs` for a level. */
export function markingRefs(level: TlpLevel | undefined): { object_marking_refs: string[] } | Record<string, never> {
  return level === undefined ? {} : { object_marking_refs: [TLP2_MARKINGS[level]] };
}

/** The MISP tag of a TLP 2.0 level, for the export of objects that came from elsewhere. */
export function tagOfLevel(level: TlpLevel): string {
  return `tlp:${level}`;
}
