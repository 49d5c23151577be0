// Who may see what MISP content becomes: over generated events (TLP tags in any case, distribution levels, an
// attribute's own tags and distribution), the marking is the strictest of everything said, an attribute is
// never more open than its event, and its observables are marked as it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../stix/tlp.ts';
import { TLP_LEVELS, type TlpLevel } from '../stix/sharing.ts';
import { checkEvent, type MispEvent } from './misp-event.ts';
import { eventToStix, Tally } from './misp-to-stix.ts';
import { uuidFor } from './testing/rich-event.ts';

/** The oracle, written from MAPPING.md's tables. */
const TAG_LEVEL: Record<string, TlpLevel> = { clear: 'clear', white: 'clear', green: 'green', amber: 'amber', 'amber+strict': 'amber+strict', red: 'red' };
const DISTRIBUTION: Record<number, TlpLevel | undefined> = { 0: 'amber+strict', 1: 'amber', 2: 'green', 3: 'green', 4: 'amber+strict', 5: undefined };
const strictest = (levels: (TlpLevel | undefined)[]) => {
  const ranks = levels.filter((l) => l !== undefined).map((l) => TLP_LEVELS.indexOf(l));
  return ranks.length ? TLP_LEVELS[Math.max(...ranks)] : undefined;
};

const tagArb = fc.oneof(
  fc.record({ name: fc.constantFrom(...Object.keys(TAG_LEVEL)), upper: fc.boolean() }).map(({ name, upper }) => ({ name: `${upper ? 'TLP' : 'tlp'}:${upper ? name.toUpperCase() : name}`, level: TAG_LEVEL[name] })),
  fc.constantFrom('type:OSINT', 'tlp:ex:chr', 'tlp:unclear', 'kill-chain:delivery').map((name) => ({ name, level: undefined })),
);
const sharingArb = fc.record({ tags: fc.array(tagArb, { maxLength: 3 }), distribution: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) });

describe('MISP sharing → TLP 2.0 markings (property)', () => {
  it('marks each object with the strictest of its tags, distribution and event', () => {
    fc.assert(
      fc.property(sharingArb, fc.array(fc.tuple(sharingArb, fc.boolean()), { minLength: 1, maxLength: 4 }), (eventSharing, attributes) => {
        const sharingOf = (s: typeof eventSharing) => ({ Tag: s.tags.map((t) => ({ name: t.name })), ...(s.distribution === undefined ? {} : { distribution: String(s.distribution) }) });
        const document = {
          Event: {
            uuid: uuidFor('p-event'), info: 'generated', timestamp: '1700000000', ...sharingOf(eventSharing),
            Attribute: attributes.map(([s, toIds], i) => ({ uuid: uuidFor(`p-${i}`), type: 'ip-dst', value: `192.0.2.${i + 1}`, to_ids: toIds, ...sharingOf(s) })),
          },
        };
        const { event } = checkEvent(document, 'p.json');
        const objects = new Map(eventToStix(event as MispEvent, new Tally()).objects.map((o) => [o.id as string, o]));
        const marking = (level: TlpLevel | undefined) => (level === undefined ? undefined : [TLP2_MARKINGS[level]]);
        const eventLevel = strictest([...eventSharing.tags.map((t) => t.level), DISTRIBUTION[eventSharing.distribution ?? 5]]);
        expect(objects.get(`report--${uuidFor('p-event')}`)!.object_marking_refs).toEqual(marking(eventLevel));
        attributes.forEach(([s, toIds], i) => {
          const level = strictest([eventLevel, ...s.tags.map((t) => t.level), DISTRIBUTION[s.distribution ?? 5]]);
          const object = objects.get(`${toIds ? 'indicator' : 'observed-data'}--${uuidFor(`p-${i}`)}`)!;
          expect(object.object_marking_refs).toEqual(marking(level));
          const ip = [...objects.values()].find((o) => o.type === 'ipv4-addr' && o.value === `192.0.2.${i + 1}`)!;
          expect(ip.object_marking_refs).toEqual(marking(level));
          if (eventLevel !== undefined) expect(TLP_LEVELS.indexOf(level!)).toBeGreaterThanOrEqual(TLP_LEVELS.indexOf(eventLevel));
        });
      }),
      { numRuns: Number(process.env.THIQA_PROPERTY_RUNS ?? 300) },
    );
  });
});
