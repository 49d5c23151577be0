/** Small bundles for CLI tests: two valid objects and two invalid ones, in known positions. */

export interface StixLike {
  id: string;
  modified?: string;
  created?: string;
}

/** id + version: how the store tells versions apart. */
export function versionKey(object: StixLike): string {
  return `${object.id}@${object.modified ?? object.created ?? ''}`;
}

/** Index 0 and 2 are valid; 1 has a bad id and no pattern; 3 is not an object. */
export const BAD_BUNDLE = {
  type: 'bundle',
  id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
  objects: [
    {
      type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      created: '2016-04-06T20:03:48.000Z', modified: '2016-04-06T20:03:48.000Z',
      pattern: "[ipv4-addr:value = '198.51.100.1']", pattern_type: 'stix', valid_from: '2016-01-01T00:00:00Z',
    },
    {
      type: 'indicator', spec_version: '2.1', id: 'indicator--not-a-uuid',
      created: '2016-04-06T20:03:48.000Z', modified: '2016-04-06T20:03:48.000Z', pattern_type: 'stix', valid_from: '2016-01-01T00:00:00Z',
    },
    {
      type: 'malware', spec_version: '2.1', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
      created: '2016-04-06T20:07:09.000Z', modified: '2016-04-06T20:07:09.000Z', name: 'Poison Ivy', is_family: true,
    },
    42,
  ] as unknown[],
};
