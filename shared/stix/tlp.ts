/**
 * The fixed Traffic Light Protocol marking definitions. TLP 1.0 ones come from STIX 2.1 §7.2.1.4 ("the only
 * instances of TLP marking definitions permitted"); TLP 2.0 ones from the OASIS extension published in
 * oasis-open/cti-stix-common-objects (extension-definition-specifications/tlp-2.0).
 */

/** Ids of the four TLP 1.0 marking definitions. */
export const TLP1_MARKINGS: Readonly<Record<'white' | 'green' | 'amber' | 'red', string>> = Object.freeze({
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
});

/** Id of the extension definition that carries TLP 2.0 levels (`tlp_2_0`) on a marking definition. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** Ids of the five TLP 2.0 marking definitions. */
export const TLP2_MARKINGS: Readonly<Record<'clear' | 'green' | 'amber' | 'amber+strict' | 'red', string>> =
  Object.freeze({
    clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
    green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
    amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
    'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The four TLP 1.0 marking-definition objects, as the specification prints them. */
export const TLP1_MARKING_OBJECTS: readonly Record<string, unknown>[] = deepFreeze(
  (Object.entries(TLP1_MARKINGS) as [string, string][]).map(([level, id]) => ({
    type: 'marking-definition',
    spec_version: '2.1',
    id,
    created: '2017-01-20T00:00:00.000Z',
    definition_type: 'tlp',
    name: `TLP:${level.toUpperCase()}`,
    definition: { tlp: level },
  })),
);

/** The five TLP 2.0 marking-definition objects, as OASIS publishes them (created 2022-10-01, no creator). */
export const TLP2_MARKING_OBJECTS: readonly Record<string, unknown>[] = deepFreeze(
  (Object.entries(TLP2_MARKINGS) as [string, string][]).map(([level, id]) => ({
    type: 'marking-definition',
    spec_version: '2.1',
    id,
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  })),
);

/** The TLP 2.0 extension-definition object, as OASIS publishes it. */
export const TLP2_EXTENSION_DEFINITION: Readonly<Record<string, unknown>> = deepFreeze({
  id: TLP2_EXTENSION_ID,
  type: 'extension-definition',
  spec_version: '2.1',
  name: 'TLP 2.0',
  description: 'This defines TLP 2.0 as a STIX extension',
  created: '2022-10-01T00:00:00.000Z',
  modified: '2022-10-01T00:00:00.000Z',
  created_by_ref: 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01',
  schema: 'https://github.com/oasis-open/cti-stix-common-objects/tree/master/extension-definition-specifications/tlp-2.0',
  version: '1.0.0',
  extension_types: ['property-extension'],
});
